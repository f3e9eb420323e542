import { describe, expect, it } from 'vitest';
import { createPageRecovery, reloadOffer, type PageRecoveryEffects, type ReloadOffer } from '../../../electron/policies/page-recovery';

/** Issue 12: a crashed or frozen page is offered a reload (a dialog), never left as a blank window. */
function setup(options: { quitting?: boolean; clock?: { t: number } } = {}) {
  const calls: string[] = [];
  const shown: Array<{ offer: ReloadOffer; answer: (n: number) => void; closed: boolean }> = [];
  const effects: PageRecoveryEffects = {
    show: (offer) => {
      let answer: (n: number) => void = () => undefined;
      const response = new Promise<number>((r) => (answer = r));
      const entry = { offer, answer, closed: false };
      shown.push(entry);
      return {
        response,
        close: () => {
          entry.closed = true;
          answer(offer.cancelId);
        },
      };
    },
    reload: () => calls.push('reload'),
    quit: () => calls.push('quit'),
    quitting: () => options.quitting ?? false,
    ...(options.clock ? { now: () => options.clock?.t ?? 0 } : {}),
  };
  return { recovery: createPageRecovery(effects), calls, shown };
}

describe('page recovery: render-process-gone and unresponsive (issue 12)', () => {
  it('offers 再読み込み after the page ran out of memory, naming the cause, and reloads', async () => {
    const { recovery, calls, shown } = setup();
    const done = recovery.onTrouble({ kind: 'gone', reason: 'oom' });
    expect(shown[0]?.offer).toMatchObject({ type: 'error', buttons: ['再読み込み', 'アプリを終了'], defaultId: 0 });
    expect(shown[0]?.offer.message).toBe('画面の処理が止まりました（メモリ不足）。再読み込みすると続けられます。');
    shown[0]?.answer(0);
    expect(await done).toBe('reload');
    expect(calls).toEqual(['reload']);
  });

  it('quits when the user chooses アプリを終了, and reloads when the dialog is just closed', async () => {
    const a = setup();
    const quit = a.recovery.onTrouble({ kind: 'gone', reason: 'crashed' });
    a.shown[0]?.answer(1);
    expect(await quit).toBe('quit');
    expect(a.calls).toEqual(['quit']);
    const b = setup();
    const closed = b.recovery.onTrouble({ kind: 'gone', reason: 'killed' });
    b.shown[0]?.answer(b.shown[0].offer.cancelId);
    expect(await closed).toBe('reload');
  });

  it('offers nothing for a clean exit or while the app is quitting', async () => {
    const a = setup();
    expect(await a.recovery.onTrouble({ kind: 'gone', reason: 'clean-exit' })).toBeUndefined();
    expect(reloadOffer({ kind: 'gone', reason: 'clean-exit' })).toBeUndefined();
    const b = setup({ quitting: true });
    expect(await b.recovery.onTrouble({ kind: 'gone', reason: 'crashed' })).toBeUndefined();
    expect([...a.shown, ...b.shown]).toEqual([]);
  });

  it('a frozen page: 待つ by default; the offer closes by itself when the page answers again', async () => {
    const { recovery, calls, shown } = setup();
    const done = recovery.onTrouble({ kind: 'unresponsive' });
    expect(shown[0]?.offer).toMatchObject({ type: 'warning', message: '画面が応答していません。', buttons: ['待つ', '再読み込み'], defaultId: 0, cancelId: 0 });
    // A second 'unresponsive' does not stack a second dialog.
    void recovery.onTrouble({ kind: 'unresponsive' });
    expect(shown).toHaveLength(1);
    recovery.onResponsive();
    expect(shown[0]?.closed).toBe(true);
    expect(await done).toBe('wait');
    expect(calls).toEqual([]);
    const again = recovery.onTrouble({ kind: 'unresponsive' });
    shown[1]?.answer(1);
    expect(await again).toBe('reload');
    expect(calls).toEqual(['reload']);
  });

  it('a crash while 応答していません is open replaces that offer with the crash offer', async () => {
    const { recovery, calls, shown } = setup();
    const frozen = recovery.onTrouble({ kind: 'unresponsive' });
    const gone = recovery.onTrouble({ kind: 'gone', reason: 'oom' });
    expect(shown[0]?.closed).toBe(true);
    expect(shown[1]?.offer.buttons).toEqual(['再読み込み', 'アプリを終了']);
    expect(await frozen).toBeUndefined();
    shown[1]?.answer(0);
    expect(await gone).toBe('reload');
    expect(calls).toEqual(['reload']);
  });

  it('a page that dies again and again is offered アプリを終了 first, not an endless reload (review of issue 12)', async () => {
    const clock = { t: 0 };
    const { recovery, calls, shown } = setup({ clock });
    for (let i = 0; i < 2; i++) {
      const done = recovery.onTrouble({ kind: 'gone', reason: 'crashed' });
      shown[i]?.answer(0);
      expect(await done).toBe('reload');
      clock.t += 10_000;
    }
    const third = recovery.onTrouble({ kind: 'gone', reason: 'crashed' });
    expect(shown[2]?.offer).toMatchObject({ buttons: ['アプリを終了', '再読み込み'], defaultId: 0, cancelId: 0 });
    expect(shown[2]?.offer.message).toContain('何度も止まりました');
    shown[2]?.answer(0);
    expect(await third).toBe('quit');
    expect(calls).toEqual(['reload', 'reload', 'quit']);
    // Much later, a single crash is bad luck again: reload first.
    clock.t += 10 * 60 * 1000;
    void recovery.onTrouble({ kind: 'gone', reason: 'crashed' });
    expect(shown[3]?.offer.buttons).toEqual(['再読み込み', 'アプリを終了']);
  });

  it('does not reload when the app began quitting while the offer was open', async () => {
    const state = { quitting: false };
    const calls: string[] = [];
    let answer: (n: number) => void = () => undefined;
    const recovery = createPageRecovery({
      show: () => ({ response: new Promise<number>((r) => (answer = r)), close: () => answer(0) }),
      reload: () => calls.push('reload'),
      quit: () => calls.push('quit'),
      quitting: () => state.quitting,
    });
    const done = recovery.onTrouble({ kind: 'gone', reason: 'oom' });
    state.quitting = true;
    answer(0);
    expect(await done).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
