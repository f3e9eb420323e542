/**
 * Work that follows typing without holding it up (issue 17): run after a pause, when the main
 * thread is idle. Called again on every change with the previous call cancelled (an effect and its
 * cleanup), a burst of changes runs the work once, after the last change, with the newest values.
 */

/** The clock and the idle queue (the browser's; tests pass fakes). */
export interface QuietTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Absent outside a browser: the work then runs right after the pause. */
  requestIdleCallback?(run: () => void, options: { timeout: number }): unknown;
  cancelIdleCallback?(handle: unknown): void;
}

const browserTimers: QuietTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  ...(typeof globalThis.requestIdleCallback === 'function'
    ? {
        requestIdleCallback: (run: () => void, options: { timeout: number }) => globalThis.requestIdleCallback(run, options),
        cancelIdleCallback: (handle: unknown) => globalThis.cancelIdleCallback(handle as number),
      }
    : {}),
};

/** However busy the page, idle work waits at most this long after its pause. */
export const IDLE_TIMEOUT_MS = 500;

/**
 * Runs `task` once: `delayMs` from now, then as soon as the main thread is idle (the frame painted).
 * Returns the cancel function (an effect's cleanup).
 */
export function whenQuiet(task: () => void, delayMs: number, timers: QuietTimers = browserTimers): () => void {
  let idle: unknown;
  let cancelled = false;
  const timer = timers.setTimeout(() => {
    if (cancelled) return;
    if (timers.requestIdleCallback) idle = timers.requestIdleCallback(() => cancelled || task(), { timeout: IDLE_TIMEOUT_MS });
    else task();
  }, delayMs);
  return () => {
    cancelled = true;
    timers.clearTimeout(timer);
    if (idle !== undefined) timers.cancelIdleCallback?.(idle);
  };
}

/** The frame clock (the browser's; tests pass fakes). */
export interface FrameTimers {
  requestAnimationFrame?(run: () => void): unknown;
  cancelAnimationFrame?(handle: unknown): void;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserFrames: FrameTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  ...(typeof globalThis.requestAnimationFrame === 'function'
    ? {
        requestAnimationFrame: (run: () => void) => globalThis.requestAnimationFrame(run),
        cancelAnimationFrame: (handle: unknown) => globalThis.cancelAnimationFrame(handle as number),
      }
    : {}),
};

/** A hidden page paints no frames: work after a paint still runs this long after it was asked for. */
export const NO_FRAME_MS = 100;

/**
 * Runs `task` once, in a task of its own after the next frame is painted — a typed character is on
 * screen before heavier work that follows it begins. Returns the cancel function.
 */
export function afterPaint(task: () => void, timers: FrameTimers = browserFrames): () => void {
  let state: 'waiting' | 'painted' | 'done' = 'waiting';
  const handles: Array<() => void> = [];
  const run = () => {
    if (state === 'done') return;
    state = 'done';
    cancel();
    task();
  };
  const painted = () => {
    if (state !== 'waiting') return;
    state = 'painted';
    const t = timers.setTimeout(run, 0);
    handles.push(() => timers.clearTimeout(t));
  };
  const cancel = () => {
    for (const h of handles.splice(0)) h();
  };
  if (timers.requestAnimationFrame) {
    const frame = timers.requestAnimationFrame(painted);
    handles.push(() => timers.cancelAnimationFrame?.(frame));
  }
  const fallback = timers.setTimeout(run, NO_FRAME_MS);
  handles.push(() => timers.clearTimeout(fallback));
  return () => {
    state = 'done';
    cancel();
  };
}
