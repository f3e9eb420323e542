import type { LiveValue } from '../app/live-value';
import { afterPaint } from '../app/when-quiet';

/** A layout of `value` and how long it took. */
export interface Laid<V, R> {
  readonly value: V;
  readonly result: R;
  readonly ms: number;
}

/**
 * A layout this quick (one frame at 60 Hz) runs at the end of the keystroke's task, before the
 * frame: the key and its page are painted together, the key at most a frame later than alone. On a
 * PC slowed ×4 the sample 様式第3号's layout takes 6–14 ms (measured in Chromium); at 10 ms a third
 * of the keys waited a frame more for their page.
 */
export const QUICK_LAYOUT_MS = 16;

/** How layouts are put off (the browser's; tests pass fakes). Each returns its cancel function. */
export interface LayoutTimers {
  /** Right after the current task's own work (the keystroke's handlers): before the next frame. */
  readonly soon: (task: () => void) => () => void;
  /** A task of its own after the next frame is painted. */
  readonly afterPaint: (task: () => void) => () => void;
  readonly now: () => number;
}

const browserTimers: LayoutTimers = {
  soon: (task) => {
    let cancelled = false;
    queueMicrotask(() => cancelled || task());
    return () => void (cancelled = true);
  },
  afterPaint: (task) => afterPaint(task),
  now: () => performance.now(),
};

/** `compute(value)`, timed. */
export function layOut<V, R>(compute: (value: V) => R, value: V, now: () => number = browserTimers.now): Laid<V, R> {
  const t0 = now();
  const result = compute(value);
  return { value, result, ms: now() - t0 };
}

/**
 * Keeps a preview's layout following `source` off the typing path (issue 17): after a change the
 * layout runs once with the newest value (changes meanwhile are gathered into it), and `onLaid`
 * gets it. A layout that took longer than QUICK_LAYOUT_MS last time waits, in a task of its own,
 * until the frame with the typed character is painted; a quick one runs when the keystroke's
 * handlers are done, so the key and the preview show in the same frame. A change during a layout schedules one more, so it always
 * ends on the latest value. `last`: the layout on screen, `stale` when it was made by another
 * compute (undefined: none yet — the first runs at once). Returns the stop function (cancels what
 * is scheduled).
 */
export function followLayouts<V, R>(
  source: LiveValue<V>,
  compute: (value: V) => R,
  last: (Pick<Laid<V, R>, 'value' | 'ms'> & { readonly stale?: boolean }) | undefined,
  onLaid: (laid: Laid<V, R>) => void,
  timers: LayoutTimers = browserTimers,
): () => void {
  let shown = last;
  let pending: (() => void) | undefined;
  const run = (): void => {
    pending = undefined;
    const laid = layOut(compute, source.get(), timers.now);
    shown = laid;
    // A change while onLaid renders is laid out next (the subscription schedules it).
    onLaid(laid);
  };
  const schedule = (): void => {
    if (pending || (shown && !shown.stale && shown.value === source.get())) return;
    pending = shown === undefined || shown.ms <= QUICK_LAYOUT_MS ? timers.soon(run) : timers.afterPaint(run);
  };
  schedule();
  const unsubscribe = source.subscribe(schedule);
  return () => {
    unsubscribe();
    pending?.();
    pending = undefined;
  };
}
