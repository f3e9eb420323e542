/**
 * Write-ahead journal for edits not yet saved (DATA-11). Every committed edit is written at once,
 * before the debounced save; it is cleared once the save has succeeded, and replayed on the next
 * load if it is newer than the stored row. The storage is DraftStorage (draft-storage.ts) once the
 * database is open: an in-memory map read synchronously, written to localStorage as a second copy
 * at once and to IndexedDB in batches of about 100 ms (one durable write per burst of keys, on disk
 * well within the crash test's 300 ms — localStorage is committed to disk seconds later, so a crash
 * right after typing would lose it); hiding or leaving the page writes the batch at once. Read back
 * through a zod schema: it is an edge like any other. An entry that no longer parses is set aside
 * under another key, never thrown away.
 */
import type { z } from 'zod';

export const JOURNAL_PREFIX = 'senshin-desk:journal:';
const PREFIX = JOURNAL_PREFIX;

export interface Journal<T> {
  /** `at`: when the value was typed; the saved row is stamped with the same time. */
  write(value: T, at?: string): void;
  /** The journaled value, if any and if written after `storedAt` (the stored row's updatedAt). */
  readNewerThan(storedAt: string | undefined): T | undefined;
  clear(): void;
}

/** What the journal needs of a storage; localStorage and DraftStorage both provide it. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> & {
  /** Resolves when every write so far is on disk, the batch still gathering included (DraftStorage). */
  idle?(): Promise<void>;
  /** Starts writing the batch still gathering at once (DraftStorage; the page is being hidden or left). */
  flush?(): void;
  /** Removes the entries of every window, not only those this window knows (DraftStorage). */
  removeAllEntries?(): Promise<void>;
  /** Writes again what the database refused (called when the connection is back: DraftStorage). */
  retry?(): void;
};

export function localStorageOrUndefined(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

let installed: JournalStorage | undefined;

/** Waits until the journal's writes reached the database (DraftStorage), if it has any pending. */
export async function journalIdle(): Promise<void> {
  await installed?.idle?.();
}

/** After the storage failed and came back (DATA-12): entries the database refused are written now. */
export function journalRetry(): void {
  installed?.retry?.();
}

let leaving: (() => void) | undefined;

/**
 * Boot installs the durable storage once the database is open; until then localStorage. When the
 * page is hidden or left, the batch still gathering is written at once (DATA-11).
 */
export function installJournalStorage(storage: JournalStorage): void {
  installed = storage;
  if (typeof window === 'undefined' || typeof document === 'undefined') return;
  if (!leaving) {
    leaving = () => installed?.flush?.();
    const onLeave = leaving;
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') onLeave();
    });
  }
}

function storageOrUndefined(): JournalStorage | undefined {
  return installed ?? localStorageOrUndefined();
}

export function localJournal<S extends z.ZodType>(name: string, schema: S, storage: JournalStorage | undefined = storageOrUndefined()): Journal<z.output<S>> {
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
export function removeProjectJournals(projectId: string, storage: JournalStorage | undefined = storageOrUndefined()): void {
  if (!storage) return;
  const doomed: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(PREFIX) && k.includes(projectId)) doomed.push(k);
  }
  for (const k of doomed) storage.removeItem(k);
}

/**
 * Removes every journal entry (after a restore: an edit journaled before it must not replay over
 * the restored data). Set-aside unreadable entries are kept.
 */
export async function removeAllJournals(storage: JournalStorage | undefined = storageOrUndefined()): Promise<void> {
  if (!storage) return;
  // DraftStorage also clears the entries other windows wrote to the database.
  await storage.removeAllEntries?.();
  const doomed: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(PREFIX) && !k.includes(':unreadable:')) doomed.push(k);
  }
  for (const k of doomed) storage.removeItem(k);
}
