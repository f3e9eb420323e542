/**
 * DATA-11: the journal's storage. Reads come from memory (the editors read their journal
 * synchronously when they mount); every write goes to memory and to localStorage (a second copy in
 * case IndexedDB refuses the write) at once, and to IndexedDB in batches: one small
 * relaxed-durability transaction (database.ts: in the OS's hands within milliseconds) at most every
 * `batchMs` (100 ms), carrying the newest value of every key changed since the last one. A burst of
 * keystrokes costs one database write (issue 17), and the newest text is on disk about 100 ms after
 * the last key — a crash of the app or browser 300 ms after typing keeps it (the crash test).
 * Hiding or leaving the page, `flush()` and `idle()` write what waits at once.
 */
import { measureAutosaveWrite } from '../app/perf-marks';
import type { SenshinDb } from './database';
import { JOURNAL_PREFIX, type JournalStorage } from './journal';
import { draftRowSchema } from './rows';

/** How long changes gather before one database write (a burst of keys is one write). */
export const JOURNAL_BATCH_MS = 100;

export class DraftStorage implements JournalStorage {
  /** Keys changed since the last database write began: the value to put, or null to delete. */
  private readonly queued = new Map<string, string | null>();
  /** The database write in progress, if any (see `idle`). */
  private running: Promise<void> | undefined;
  /** The next batch's write, waiting for the end of its window. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last write was refused (a full disk): not retried by itself, only by a new edit or `retry`. */
  private refused = false;

  private constructor(
    private readonly db: SenshinDb | undefined,
    private readonly map: Map<string, string>,
    private readonly mirror: JournalStorage | undefined,
    private readonly batchMs: number,
  ) {}

  /**
   * Loads every entry: the database's drafts, plus journal entries found only in localStorage
   * (written by an earlier version of the app, or when IndexedDB refused a write).
   * `db` undefined (read-only mode): memory and localStorage only, nothing written to the database.
   */
  static async load(db: SenshinDb | undefined, mirror: JournalStorage | undefined, options: { readonly batchMs?: number } = {}): Promise<DraftStorage> {
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
    return new DraftStorage(db, map, mirror, options.batchMs ?? JOURNAL_BATCH_MS);
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
    this.enqueue(key, value);
  }

  removeItem(key: string): void {
    this.map.delete(key);
    try {
      this.mirror?.removeItem(key);
    } catch {
      // nothing to do
    }
    this.enqueue(key, null);
  }

  /**
   * Writes what waits for its batch now, and resolves when every write so far reached the database
   * (or failed: the copy in memory stays, and `idle` does not retry it).
   */
  async idle(): Promise<void> {
    this.flush();
    while (this.running) {
      await this.running;
      // What was typed while that write ran goes now too, unless the database just refused a write.
      if (!this.refused) this.flush();
    }
  }

  /** Starts the database write of what waits for its batch now (the page is being hidden or left). */
  flush(): void {
    this.clearTimer();
    this.pump();
  }

  /** Removes every journal entry of every window (after a restore). */
  async removeAllEntries(): Promise<void> {
    for (const k of [...this.map.keys()]) this.removeItem(k);
    await this.idle();
    await this.db?.drafts.clear().catch(() => undefined);
  }

  /**
   * Writes what the database refused (a full disk) without waiting for the next keystroke: the
   * connection is back (open.ts onReconnected). A refused write is not retried by itself, so a
   * full disk never turns into a loop of failing transactions.
   */
  retry(): void {
    this.flush();
  }

  private enqueue(key: string, value: string | null): void {
    if (!this.db) return;
    this.queued.set(key, value);
    this.arm();
  }

  /** The queued changes are written when the window that began with the first of them ends. */
  private arm(): void {
    if (this.timer !== undefined || this.queued.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, this.batchMs);
  }

  private clearTimer(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Writes what is queued in one transaction (one at a time; what is queued meanwhile waits for its window). */
  private pump(): void {
    const db = this.db;
    if (!db || this.running || this.queued.size === 0) return;
    this.clearTimer();
    const batch = [...this.queued];
    this.queued.clear();
    const start = performance.now();
    this.running = db
      .transaction('rw', db.drafts, async () => {
        for (const [key, value] of batch) {
          if (value === null) await db.drafts.delete(key);
          else await db.drafts.put({ key, value });
        }
      })
      .then(
        () => {
          measureAutosaveWrite(start);
          this.refused = false;
          this.running = undefined;
          // A window that ended while this write ran is written now; one still open waits for its end.
          if (this.timer === undefined) this.pump();
        },
        () => {
          // Not written (a full disk…): kept for the next write unless a newer value replaced it.
          for (const [key, value] of batch) if (!this.queued.has(key)) this.queued.set(key, value);
          this.refused = true;
          this.running = undefined;
        },
      );
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
