/**
 * Performance marks of the typing path (issue 17), read by the browser section of `npm run bench`
 * (never by the app itself). Exact names shared with the bench.
 */

/** Mark: new preview pages are on screen. */
export const PREVIEW_PAINTED = 'senshin:preview-painted';

/** Measure: one durable IndexedDB write of typed text (the journal's batch or an autosave). */
export const AUTOSAVE_WRITE = 'senshin:autosave-write';

/**
 * Call when new pages were committed to the DOM (a layout effect): the frame that draws them runs
 * its animation-frame callbacks, paints, and the task after it marks the time.
 */
export function markPreviewPainted(): void {
  if (typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => setTimeout(() => performance.mark(PREVIEW_PAINTED), 0));
}

/** Records one durable write that began at `start` (performance.now()) and has just completed. */
export function measureAutosaveWrite(start: number): void {
  try {
    performance.measure(AUTOSAVE_WRITE, { start, end: performance.now() });
  } catch {
    // No User Timing here: nothing to record.
  }
}
