import { useEffect, useRef, useState } from 'react';
import { afterPaint } from '../app/when-quiet';

interface Laid<V, R> {
  readonly value: V;
  readonly compute: (value: V) => R;
  readonly result: R;
}

/**
 * `compute(value)` — a preview's layout — kept off the typing path (issue 17): after a change the
 * frame with the typed character is painted first, then the layout runs once in a task of its own
 * with the newest value (keys typed meanwhile are gathered into it), and the result is rendered.
 * It always ends on the latest value: a change during a layout schedules one more.
 * At mount (or once `compute` is first given) the layout runs at once; undefined while no `compute`.
 */
export function useDeferredLayout<V, R>(value: V, compute: ((value: V) => R) | undefined): R | undefined {
  const [laid, setLaid] = useState<Laid<V, R> | undefined>(() => (compute ? { value, compute, result: compute(value) } : undefined));
  const latest = useRef({ value, compute });
  const pending = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    latest.current = { value, compute };
    if (!compute || (laid?.value === value && laid.compute === compute) || pending.current) return;
    pending.current = afterPaint(() => {
      pending.current = undefined;
      const { value: v, compute: c } = latest.current;
      if (c) setLaid({ value: v, compute: c, result: c(v) });
    });
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
