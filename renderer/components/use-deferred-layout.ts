import { useEffect, useRef, useState } from 'react';
import { afterPaint } from '../app/when-quiet';

interface Laid<V, R> {
  readonly value: V;
  readonly compute: (value: V) => R;
  readonly result: R;
  /** How long that layout took. */
  readonly ms: number;
}

/** A layout this quick runs in the next task, before the frame: the key and its page are painted together. */
export const QUICK_LAYOUT_MS = 10;

/** Runs `task` in a task of its own, as soon as the page is free (the input that caused it is done). Returns the cancel function. */
function soon(task: () => void): () => void {
  const t = setTimeout(task, 0);
  return () => clearTimeout(t);
}

/** `compute(value)`, and how long it took. */
function timed<V, R>(compute: (value: V) => R, value: V): { result: R; ms: number } {
  const t0 = performance.now();
  const result = compute(value);
  return { result, ms: performance.now() - t0 };
}

/**
 * `compute(value)` — a preview's layout — kept off the typing path (issue 17): after a change the
 * layout runs once in a task of its own with the newest value (keys typed meanwhile are gathered
 * into it), and the result is rendered. A layout that took longer than QUICK_LAYOUT_MS last time
 * waits until the frame with the typed character is painted; a quick one runs at once, so the key
 * and the preview show in the same frame. It always ends on the latest value: a change during a
 * layout schedules one more. At mount (or once `compute` is first given) the layout runs at once;
 * undefined while no `compute`.
 */
export function useDeferredLayout<V, R>(value: V, compute: ((value: V) => R) | undefined): R | undefined {
  const [laid, setLaid] = useState<Laid<V, R> | undefined>(() => (compute ? { value, compute, ...timed(compute, value) } : undefined));
  const latest = useRef({ value, compute });
  const pending = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    latest.current = { value, compute };
    if (!compute || (laid?.value === value && laid.compute === compute) || pending.current) return;
    const run = (): void => {
      pending.current = undefined;
      const { value: v, compute: c } = latest.current;
      if (!c) return;
      setLaid({ value: v, compute: c, ...timed(c, v) });
    };
    // The first layout (the fonts just loaded) and a quick one run at once; a slow one after the key is painted.
    pending.current = laid === undefined || laid.ms <= QUICK_LAYOUT_MS ? soon(run) : afterPaint(run);
  }, [value, compute, laid]);
  useEffect(
    () => () => {
      pending.current?.();
      pending.current = undefined;
    },
    [],
  );
  return compute ? laid?.result : undefined;
}
