import { useCallback, useEffect, useState } from 'react';
import { loadFonts, type LoadedFonts } from './fonts';

export type FontState = { readonly status: 'loading' } | { readonly status: 'ready'; readonly fonts: LoadedFonts } | { readonly status: 'failed' };

/** The bundled fonts for preview and export; a failure is shown with a retry, never hidden. */
export function useFonts(): { state: FontState; retry: () => void } {
  const [state, setState] = useState<FontState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    loadFonts().then(
      (fonts) => alive && setState({ status: 'ready', fonts }),
      () => alive && setState({ status: 'failed' }),
    );
    return () => {
      alive = false;
    };
  }, [tick]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setTick((t) => t + 1);
  }, []);
  return { state, retry };
}
