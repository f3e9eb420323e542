/// <reference lib="dom" />
/**
 * What the browser bench listens to inside the page. `installProbes` runs before the app's own
 * scripts on every page of a bench context (context.addInitScript), so nothing is missed; the
 * other functions are run with page.evaluate. Times are the page's performance.now() (ms since
 * the page's navigation started), like event.timeStamp and performance entries.
 *
 * The app's own marks are used when it has them (issue 17): `senshin:preview-painted`,
 * `senshin:autosave-write`, `senshin:export-start/-done`, `senshin:restore-start/-done`. Before it
 * does, the fallbacks are recorded too: a change inside the preview region
 * ([data-testid="preview"]) followed by the next animation frame, and every read-write IndexedDB
 * transaction (start to its complete event).
 */

export interface Span {
  readonly name: string;
  readonly start: number;
  readonly duration: number;
}

export interface Probe {
  /** keydown event timestamps (capture phase, on window). */
  keys: number[];
  /** click event timestamps with the clicked element's text. */
  clicks: Array<{ readonly at: number; readonly text: string }>;
  /** `senshin:*` marks. */
  marks: Span[];
  /** `senshin:*` measures. */
  measures: Span[];
  /** Long main-thread tasks (> 50 ms). */
  longtasks: Span[];
  /** The animation frame after each change inside the preview region (the fallback for preview-painted). */
  previewFrames: number[];
  /** Read-write IndexedDB transactions (the fallback for autosave-write). */
  idbWrites: Span[];
  /** The animation frame in which a watched text first appeared in a status message. */
  texts: Record<string, number>;
  /** The first animation frame with at least `rowsWanted` project rows. */
  rowsWanted: number;
  rowsAt: number | undefined;
}

type BenchWindow = Window & { __bench?: Probe };

export function installProbes(rowsWanted: number): void {
  const w = window as BenchWindow;
  if (w.__bench) return;
  const b: Probe = { keys: [], clicks: [], marks: [], measures: [], longtasks: [], previewFrames: [], idbWrites: [], texts: {}, rowsWanted, rowsAt: undefined };
  w.__bench = b;
  window.addEventListener('keydown', (e) => b.keys.push(e.timeStamp), true);
  window.addEventListener('click', (e) => b.clicks.push({ at: e.timeStamp, text: e.target instanceof Element ? (e.target.textContent ?? '').trim() : '' }), true);
  const span = (e: PerformanceEntry): Span => ({ name: e.name, start: e.startTime, duration: e.duration });
  const observe = (type: string, into: Span[], only?: (e: PerformanceEntry) => boolean): void => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!only || only(e)) into.push(span(e));
      }).observe({ type, buffered: true });
    } catch {
      // An entry type this Chromium does not know: that measurement is reported as missing.
    }
  };
  const ours = (e: PerformanceEntry): boolean => e.name.startsWith('senshin:');
  observe('mark', b.marks, ours);
  observe('measure', b.measures, ours);
  observe('longtask', b.longtasks);

  // Fallback for preview-painted: a change inside the preview, then the next frame.
  let frameAsked = false;
  const inPreview = (n: Node): boolean => (n instanceof Element ? n : n.parentElement)?.closest('[data-testid="preview"]') != null;
  const watchers = (): void => {
    for (const want of Object.keys(b.texts)) {
      if (b.texts[want] !== -1) continue;
      for (const el of Array.from(document.querySelectorAll('[role="status"], [role="alert"]'))) {
        if (el.textContent?.includes(want)) {
          b.texts[want] = -2;
          requestAnimationFrame(() => (b.texts[want] = performance.now()));
          break;
        }
      }
    }
  };
  new MutationObserver((records) => {
    if (!frameAsked && records.some((r) => inPreview(r.target))) {
      frameAsked = true;
      requestAnimationFrame(() => {
        frameAsked = false;
        b.previewFrames.push(performance.now());
      });
    }
    watchers();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });

  // Fallback for autosave-write: every read-write IndexedDB transaction, start to complete.
  const proto = IDBDatabase.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'transaction')?.value as (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) => IDBTransaction;
  proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>): IDBTransaction {
    const tx = original.apply(this, args);
    if (tx.mode === 'readwrite') {
      const start = performance.now();
      const name = Array.from(tx.objectStoreNames).join(',');
      tx.addEventListener('complete', () => b.idbWrites.push({ name, start, duration: performance.now() - start }));
    }
    return tx;
  };

  // The project list (hash route #/): the first frame with `rowsWanted` rows (0: not watched).
  if (rowsWanted > 0 && (location.hash === '' || location.hash === '#/')) {
    const tick = (): void => {
      if (document.querySelectorAll('ul[aria-label="案件"] > li').length >= rowsWanted) b.rowsAt = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
}

/** Starts watching for `text` in a status or alert message (its frame lands in `texts[text]`). */
export function watchText(text: string): void {
  const b = (window as BenchWindow).__bench;
  if (b) b.texts[text] = -1;
}

export function readProbe(): Probe | undefined {
  return (window as BenchWindow).__bench;
}

/** Empties the recorded keys, frames and writes (before a typing burst). */
export function resetTyping(): void {
  const b = (window as BenchWindow).__bench;
  if (!b) return;
  b.keys.length = 0;
  b.previewFrames.length = 0;
  b.idbWrites.length = 0;
  b.marks.splice(0, b.marks.length, ...b.marks.filter((m) => !m.name.startsWith('senshin:preview-painted')));
  b.measures.splice(0, b.measures.length, ...b.measures.filter((m) => m.name !== 'senshin:autosave-write'));
}

export function now(): number {
  return performance.now();
}

/** Puts the caret at the end of the paragraph around the middle of the textarea (a writer adding to the plan). */
export function caretMidText(el: Element): number {
  if (!(el instanceof HTMLTextAreaElement)) return -1;
  const half = Math.floor(el.value.length / 2);
  const nl = el.value.indexOf('\n', half);
  const at = nl < 0 ? el.value.length : nl;
  el.focus();
  el.setSelectionRange(at, at);
  return at;
}
