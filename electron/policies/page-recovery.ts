/**
 * Issue 12: when the page's renderer process dies (a crash, out of memory, killed) or stops
 * responding, the window is not left blank or frozen without a word: main offers to reload it.
 *
 * - `render-process-gone` (any reason but a clean exit, and not while quitting): 「再読み込み」 or
 *   「アプリを終了」; closing the dialog reloads (a dead page shows nothing).
 * - `unresponsive`: 「待つ」 (the default: a long task may finish) or 「再読み込み」; when the page
 *   answers again (`responsive`) the offer closes by itself.
 * - One offer at a time; a crash while the 「応答していません」 offer is open replaces it.
 *
 * Pure state machine; the dialog, the reload, the quit and the quit state are injected (main.ts).
 */
export type PageTrouble = { readonly kind: 'gone'; readonly reason: string } | { readonly kind: 'unresponsive' };

export type RecoveryChoice = 'reload' | 'quit' | 'wait';

export interface ReloadOffer {
  readonly kind: PageTrouble['kind'];
  readonly type: 'error' | 'warning';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  /** What each button does, in the order of `buttons`. */
  readonly choices: readonly RecoveryChoice[];
  readonly defaultId: number;
  /** The button a closed dialog (Esc, or closed by `responsive`) counts as. */
  readonly cancelId: number;
}

/** Electron's reasons in words (RenderProcessGoneDetails.reason). */
const GONE_REASON: Readonly<Record<string, string>> = {
  oom: 'メモリ不足',
  'memory-eviction': 'メモリ不足',
  crashed: '異常終了',
  'abnormal-exit': '異常終了',
  killed: '強制終了',
  'launch-failed': '起動の失敗',
  'integrity-failure': 'プログラムの破損',
};

/** The offer for a trouble; undefined when there is nothing to offer (the page closed normally). */
export function reloadOffer(trouble: PageTrouble, repeated = false): ReloadOffer | undefined {
  if (trouble.kind === 'gone') {
    if (trouble.reason === 'clean-exit') return undefined;
    const cause = GONE_REASON[trouble.reason] ?? '異常終了';
    const base = { kind: 'gone', type: 'error', title: 'senshin-desk', defaultId: 0, cancelId: 0 } as const;
    // A page that dies on every load would loop crash → reload → crash: then quitting comes first.
    return repeated
      ? {
          ...base,
          message: `画面の処理が短い間に何度も止まりました（${cause}）。`,
          detail: '保存済みの内容はそのまま残っています。アプリを終了して、もう一度起動してください。続けて止まる場合は、直前に取り込んだファイルを確認してください。',
          buttons: ['アプリを終了', '再読み込み'],
          choices: ['quit', 'reload'],
        }
      : {
          ...base,
          message: `画面の処理が止まりました（${cause}）。再読み込みすると続けられます。`,
          detail: '保存済みの内容はそのまま残っています。大きなファイルを取り込もうとしていた場合は、senshin-desk で書き出したファイルか確認してください。',
          buttons: ['再読み込み', 'アプリを終了'],
          choices: ['reload', 'quit'],
        };
  }
  return {
    kind: 'unresponsive',
    type: 'warning',
    title: 'senshin-desk',
    message: '画面が応答していません。',
    detail: '大きなファイルの処理中などは、しばらく待つと戻ることがあります。再読み込みすると、まだ保存されていない直前の入力が失われることがあります。',
    buttons: ['待つ', '再読み込み'],
    choices: ['wait', 'reload'],
    defaultId: 0,
    cancelId: 0,
  };
}

export interface PageRecoveryEffects {
  /** Shows the offer; `response` is the index of the button chosen, `close()` dismisses it (as cancelId). */
  show(offer: ReloadOffer): { readonly response: Promise<number>; close(): void };
  reload(): void;
  quit(): void;
  /** True once the app is quitting: a page that goes then is not offered a reload. */
  quitting(): boolean;
  /** The clock (ms), for telling a page that dies again and again; Date.now by default. */
  now?(): number;
}

/** Three deaths within this time are a loop, not bad luck. */
export const REPEATED_CRASH_WINDOW_MS = 2 * 60 * 1000;
const REPEATED_CRASH_COUNT = 3;

export interface PageRecovery {
  /** Call from the window's webContents `render-process-gone` and the window's `unresponsive`. */
  onTrouble(trouble: PageTrouble): Promise<RecoveryChoice | undefined>;
  /** Call from the window's `responsive`: an open 「応答していません」 offer is closed. */
  onResponsive(): void;
}

export function createPageRecovery(effects: PageRecoveryEffects): PageRecovery {
  let open: { readonly offer: ReloadOffer; close(): void } | undefined;
  let deaths: number[] = [];
  const now = (): number => effects.now?.() ?? Date.now();
  return {
    async onTrouble(trouble) {
      let repeated = false;
      if (trouble.kind === 'gone' && trouble.reason !== 'clean-exit') {
        const t = now();
        deaths = [...deaths.filter((d) => t - d < REPEATED_CRASH_WINDOW_MS), t];
        repeated = deaths.length >= REPEATED_CRASH_COUNT;
      }
      const offer = reloadOffer(trouble, repeated);
      if (!offer || effects.quitting()) return undefined;
      if (open) {
        // A crash makes an open 「応答していません」 moot; anything else waits for the open offer.
        if (!(open.offer.kind === 'unresponsive' && offer.kind === 'gone')) return undefined;
        open.close();
      }
      const shown = effects.show(offer);
      const mine = { offer, close: () => shown.close() };
      open = mine;
      let response: number;
      try {
        response = await shown.response;
      } catch {
        response = offer.cancelId;
      }
      if (open !== mine) return undefined; // replaced by a newer offer while it was open
      open = undefined;
      const choice = offer.choices[response] ?? offer.choices[offer.cancelId] ?? 'wait';
      // The app began quitting while the offer was open: never reload a page mid-quit.
      if (effects.quitting()) return undefined;
      if (choice === 'reload') effects.reload();
      else if (choice === 'quit') effects.quit();
      return choice;
    },
    onResponsive() {
      if (open?.offer.kind === 'unresponsive') open.close();
    },
  };
}
