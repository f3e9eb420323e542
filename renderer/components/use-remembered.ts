import { useCallback, useSyncExternalStore } from 'react';
import { localStorageOrUndefined } from '../db/journal';

/** Who shows a flag, told when it changes (the preview's button and a wide table's button share one). */
const listeners = new Set<() => void>();
/** The flags set on this screen, also when localStorage refuses them. */
const current = new Map<string, boolean>();

function read(key: string, initial: boolean): boolean {
  const set = current.get(key);
  if (set !== undefined) return set;
  const stored = localStorageOrUndefined()?.getItem(key);
  return stored === null || stored === undefined ? initial : stored === '1';
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * An on/off choice of the screen remembered on this PC (localStorage, `senshin-desk:ui:<name>`):
 * the preview hidden, the チェック結果 opened (issue 15). Not part of the data: never backed up.
 * Every component using the same name shows the same value.
 */
export function useRememberedFlag(name: string, initial: boolean): [boolean, (on: boolean) => void] {
  const key = `senshin-desk:ui:${name}`;
  const on = useSyncExternalStore(subscribe, () => read(key, initial));
  const set = useCallback(
    (next: boolean) => {
      current.set(key, next);
      try {
        localStorageOrUndefined()?.setItem(key, next ? '1' : '0');
      } catch {
        // Storage full or refused: the choice holds until the app is closed.
      }
      for (const l of listeners) l();
    },
    [key],
  );
  return [on, set];
}

/** The preview beside an editor is hidden (its button, and a wide table's 「表を広げる」). */
export function usePreviewHidden(): [boolean, (on: boolean) => void] {
  return useRememberedFlag('preview-hidden', false);
}
