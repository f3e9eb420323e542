/**
 * Write-ahead journal for edits not yet in IndexedDB (DATA-11). An IndexedDB transaction started
 * while the page unloads may never commit, so every committed edit is also written synchronously
 * to localStorage; it is cleared once the database write has succeeded, and replayed on the next
 * load if it is newer than the stored row. Read back through a zod schema: it is an edge like any
 * other. An entry that no longer parses is set aside under another key, never thrown away.
 */
import type { z } from 'zod';

const PREFIX = 'senshin-desk:journal:';

export interface Journal<T> {
  /** `at`: when the value was typed; the saved row is stamped with the same time. */
  write(value: T, at?: string): void;
  /** The journaled value, if any and if written after `storedAt` (the stored row's updatedAt). */
  readNewerThan(storedAt: string | undefined): T | undefined;
  clear(): void;
}

function storageOrUndefined(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function localJournal<S extends z.ZodType>(name: string, schema: S, storage: Storage | undefined = storageOrUndefined()): Journal<z.output<S>> {
  const key = PREFIX + name;
  return {
    write(value, at = new Date().toISOString()) {
      try {
        storage?.setItem(key, JSON.stringify({ at, value }));
      } catch {
        // Quota or disabled storage: the debounced database save still runs.
      }
    },
    readNewerThan(storedAt) {
      let raw: string | null | undefined;
      try {
        raw = storage?.getItem(key);
      } catch {
        return undefined;
      }
      if (!raw) return undefined;
      let entry: unknown;
      try {
        entry = JSON.parse(raw);
      } catch {
        entry = undefined;
      }
      const at = typeof entry === 'object' && entry !== null && 'at' in entry && typeof entry.at === 'string' ? entry.at : undefined;
      const value = typeof entry === 'object' && entry !== null && 'value' in entry ? entry.value : undefined;
      const r = schema.safeParse(value);
      if (!r.success || at === undefined) {
        try {
          storage?.setItem(`${key}:unreadable:${Date.now()}`, raw);
          storage?.removeItem(key);
        } catch {
          // leave it where it is
        }
        return undefined;
      }
      if (storedAt !== undefined && at <= storedAt) return undefined;
      return r.data;
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

/** Removes every journal entry of a project (when the project is deleted). */
export function removeProjectJournals(projectId: string, storage: Storage | undefined = storageOrUndefined()): void {
  if (!storage) return;
  const doomed: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(PREFIX) && k.includes(projectId)) doomed.push(k);
  }
  for (const k of doomed) storage.removeItem(k);
}
