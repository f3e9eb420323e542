/**
 * DATA-11: the journal's storage. Reads come from memory (the editors read their journal
 * synchronously when they mount); every write goes to memory, to IndexedDB at once (one small
 * strict-durability transaction: on disk within milliseconds, so a crash 300 ms after typing keeps
 * the text) and to localStorage as a second copy in case IndexedDB refuses the write (quota).
 * IndexedDB runs transactions on the same store in the order they were created, so the newest
 * write wins on disk as in memory.
 */
import type { SenshinDb } from './database';
import { JOURNAL_PREFIX, type JournalStorage } from './journal';
import { draftRowSchema } from './rows';

export class DraftStorage implements JournalStorage {
  /** The database writes not yet finished (see `idle`). */
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: SenshinDb | undefined,
    private readonly map: Map<string, string>,
    private readonly mirror: JournalStorage | undefined,
  ) {}

  /**
   * Loads every entry: the database's drafts, plus journal entries found only in localStorage
   * (written by an earlier version of the app, or when IndexedDB refused a write).
   * `db` undefined (read-only mode): memory and localStorage only, nothing written to the database.
   */
  static async load(db: SenshinDb | undefined, mirror: JournalStorage | undefined): Promise<DraftStorage> {
    const map = new Map<string, string>();
    if (mirror) {
      for (let i = 0; i < mirror.length; i++) {
        const k = mirror.key(i);
        const v = k?.startsWith(JOURNAL_PREFIX) ? mirror.getItem(k) : null;
        if (k && v !== null) map.set(k, v);
      }
    }
    if (db) {
      for (const row of await db.drafts.toArray()) {
        const r = draftRowSchema.safeParse(row);
        if (r.success && newer(r.data.value, map.get(r.data.key))) map.set(r.data.key, r.data.value);
      }
    }
    return new DraftStorage(db, map, mirror);
  }

  get length(): number {
    return this.map.size;
  }

  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.map.set(key, value);
    try {
      this.mirror?.setItem(key, value);
    } catch {
      // localStorage full: the database copy still counts.
    }
    if (this.db) this.writes = Promise.all([this.writes, this.db.drafts.put({ key, value }).catch(() => undefined)]);
  }

  removeItem(key: string): void {
    this.map.delete(key);
    try {
      this.mirror?.removeItem(key);
    } catch {
      // nothing to do
    }
    if (this.db) this.writes = Promise.all([this.writes, this.db.drafts.delete(key).catch(() => undefined)]);
  }

  /** Resolves when every write so far reached the database (before a reload that must not replay). */
  async idle(): Promise<void> {
    await this.writes;
  }

  /** Removes every journal entry of every window (after a restore). */
  async removeAllEntries(): Promise<void> {
    for (const k of [...this.map.keys()]) this.removeItem(k);
    if (this.db) this.writes = Promise.all([this.writes, this.db.drafts.clear().catch(() => undefined)]);
    await this.writes;
  }
}

/** True when journal text `a` was written after `b` (each is JSON with an `at` time). */
function newer(a: string, b: string | undefined): boolean {
  if (b === undefined) return true;
  const at = (s: string): string => {
    try {
      const v: unknown = JSON.parse(s);
      const t: unknown = typeof v === 'object' && v !== null ? Reflect.get(v, 'at') : undefined;
      return typeof t === 'string' ? t : '';
    } catch {
      return '';
    }
  };
  return at(a) >= at(b);
}
