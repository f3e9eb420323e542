import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LiveValue } from '../app/live-value';
import { followLayouts, layOut, type Laid } from './layout-scheduler';

interface Shown<V, R> extends Laid<V, R> {
  readonly compute: (value: V) => R;
}

/**
 * A preview's layout of `source` — the editor's committed values — kept off the typing path
 * (issue 17, followLayouts): it follows the value straight from the keystroke, not through the
 * screen's render, and its pages are rendered in the same task as the layout (only the preview
 * renders). At mount (or once `compute` is first given) the layout runs at once; undefined while
 * no `compute`.
 */
export function useDeferredLayout<V, R>(source: LiveValue<V>, compute: ((value: V) => R) | undefined): R | undefined {
  const [shown, setShown] = useState<Shown<V, R> | undefined>(() => (compute ? { ...layOut(compute, source.get()), compute } : undefined));
  const current = useRef(shown);
  useEffect(() => {
    if (!compute) return undefined;
    // A new compute (fonts, facts) lays out again; its timing decides how the next one waits.
    const last = current.current;
    return followLayouts(source, compute, last && { value: last.value, ms: last.ms, stale: last.compute !== compute }, (laid) => {
      current.current = { ...laid, compute };
      // Rendered now, in the layout's task: the frame after it shows the new pages.
      flushSync(() => setShown(current.current));
    });
  }, [source, compute]);
  return compute ? shown?.result : undefined;
}
