/**
 * A value that changes outside React's rendering, and whoever follows it (issue 17): the editor's
 * committed values reach the preview's layout straight from the keystroke, without waiting for the
 * transition that renders the rest of the screen.
 */
export interface LiveValue<V> {
  get(): V;
  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface SettableLiveValue<V> extends LiveValue<V> {
  /** Sets the value; listeners are called when it is a different value (by identity). */
  set(value: V): void;
}

export function liveValue<V>(initial: V): SettableLiveValue<V> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(value) {
      if (Object.is(value, current)) return;
      current = value;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
