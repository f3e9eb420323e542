/**
 * Performance marks of the typing path (issue 17), read by the browser section of `npm run bench`
 * (never by the app itself). Exact names shared with the bench.
 */

/** Mark: new preview pages are on screen (the frame that draws them has been painted). */
export const PREVIEW_PAINTED = 'senshin:preview-painted';

/**
 * Mark: the same frame, timed by an ordinary timer task after it. That task also waits for the
 * work queued before it — in Chromium its autofill's form scan of each changed field, and React's
 * scheduler — which runs after the pages are on screen. The bench prints it beside
 * PREVIEW_PAINTED, which the sessions before 2026-12-02 measured this way.
 */
export const PREVIEW_PAINTED_QUEUED = 'senshin:preview-painted-queued';

/** Measure: one durable IndexedDB write of typed text (the journal's batch or an autosave). */
export const AUTOSAVE_WRITE = 'senshin:autosave-write';

/** The Prioritized Task Scheduling API (Chromium, Electron), where there is one. */
type PostTask = (task: () => void, options: { readonly priority: 'user-blocking' }) => Promise<unknown>;

function userBlocking(): PostTask | undefined {
  const scheduler = (globalThis as { readonly scheduler?: { readonly postTask?: unknown } }).scheduler;
  const postTask = scheduler?.postTask;
  return typeof postTask === 'function' ? (postTask.bind(scheduler) as PostTask) : undefined;
}

/**
 * Call when new pages were committed to the DOM (a layout effect): the frame that draws them runs
 * its animation-frame callbacks and paints; a task of the highest priority, which runs before any
 * other queued work, marks the end of that frame (PREVIEW_PAINTED), and an ordinary timer task
 * after it marks PREVIEW_PAINTED_QUEUED.
 */
export function markPreviewPainted(): void {
  if (typeof requestAnimationFrame !== 'function') return;
  const post = userBlocking();
  requestAnimationFrame(() => {
    if (post) void post(() => performance.mark(PREVIEW_PAINTED), { priority: 'user-blocking' });
    setTimeout(() => {
      if (!post) performance.mark(PREVIEW_PAINTED);
      performance.mark(PREVIEW_PAINTED_QUEUED);
    }, 0);
  });
}

/** Records one durable write that began at `start` (performance.now()) and has just completed. */
export function measureAutosaveWrite(start: number): void {
  try {
    performance.measure(AUTOSAVE_WRITE, { start, end: performance.now() });
  } catch {
    // No User Timing here: nothing to record.
  }
}
