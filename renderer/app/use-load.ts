import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly message: string };

/**
 * Loads data for a key (e.g. a project id); `reload` loads again. Errors become the Japanese
 * message of the error (repositories throw typed errors with user-facing text).
 */
export function useLoad<T>(load: () => Promise<T>, keyParts: readonly string[]): Loaded<T> & { reload: () => void } {
  const [tick, setTick] = useState(0);
  const key = `${keyParts.join('\u0001')}#${tick}`;
  const [result, setResult] = useState<{ key: string; state: Loaded<T> }>();
  useEffect(() => {
    let alive = true;
    load().then(
      (value) => alive && setResult({ key, state: { status: 'ready', value } }),
      (e: unknown) => alive && setResult({ key, state: { status: 'error', message: e instanceof Error ? e.message : '読み込めませんでした。' } }),
    );
    return () => {
      alive = false;
    };
    // `load` is a fresh closure each render; the key says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const state: Loaded<T> = result?.key === key ? result.state : { status: 'loading' };
  return { ...state, reload };
}
