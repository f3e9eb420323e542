/**
 * Write-ahead journal for edits not yet in IndexedDB (DATA-11). An IndexedDB transaction started
 * while the page unloads may never commit, so every committed edit is also written synchronously
 * to localStorage; it is cleared once the database write has succeeded, and replayed on the next
 * load if it is still there. Read back through a zod schema: it is an edge like any other.
 */
import type { z } from 'zod';

const PREFIX = 'senshin-desk:journal:';

export interface Journal<T> {
  write(value: T): void;
  read(): T | undefined;
  clear(): void;
}

export function localJournal<S extends z.ZodType>(name: string, schema: S, storage: Storage | undefined = globalThis.localStorage): Journal<z.output<S>> {
  const key = PREFIX + name;
  return {
    write(value) {
      try {
        storage?.setItem(key, JSON.stringify({ at: new Date().toISOString(), value }));
      } catch {
        // Quota or disabled storage: the debounced database save still runs.
      }
    },
    read() {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return undefined;
        const parsed: unknown = JSON.parse(raw);
        const value = typeof parsed === 'object' && parsed !== null && 'value' in parsed ? parsed.value : undefined;
        const r = schema.safeParse(value);
        return r.success ? r.data : undefined;
      } catch {
        return undefined;
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // nothing to do
      }
    },
  };
}
