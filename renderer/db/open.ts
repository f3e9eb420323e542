/**
 * Opening the database without ever showing a blank app (DATA-05, DATA-06, DATA-07):
 * - data written by a newer app version (a stored version above ours) opens read-only;
 * - an open that is blocked (another window holds an older connection) settles within 5 s with
 *   guidance instead of hanging;
 * - a failed upgrade or unreadable storage settles as 'failed': IndexedDB aborts the version change,
 *   so the old data stays exactly as it was, and the recovery screen offers retry, restoring a
 *   backup into a fresh database, and exporting what can be read.
 *
 * The database the app uses is named in localStorage (`senshin-desk:database`): restoring a backup
 * from the recovery screen creates a new database and points there, leaving the unreadable one
 * untouched for later rescue — nothing is ever deleted to make the app start.
 *
 * Once open, the connection is kept (DATA-12, keepConnected): when the storage fails under it (a
 * full disk makes Chromium close the connection, and every reopen fails until there is space),
 * it is opened again and again with backoff, so saving resumes by itself without a reload.
 */
import { CURRENT_SCHEMA_VERSION, DB_NAME, SCHEMA_VERSIONS, openDatabase, type SchemaVersion, type SenshinDb } from './database';

export const OPEN_TIMEOUT_MS = 5000;
const POINTER_KEY = 'senshin-desk:database';

export type OpenResult =
  | { readonly status: 'ready'; readonly db: SenshinDb; readonly readOnly: false }
  | { readonly status: 'read-only'; readonly db: SenshinDb; readonly readOnly: true; readonly storedVersion: number }
  | { readonly status: 'blocked'; readonly message: string }
  | { readonly status: 'failed'; readonly reason: 'upgrade' | 'unreadable'; readonly message: string };

export const BLOCKED_MESSAGE =
  'データベースを開けません。別のウィンドウやタブで senshin-desk（または古い版）が開いたままになっていると、データベースを更新できません。ほかのウィンドウをすべて閉じてから「再試行」を押してください。';
export const UPGRADE_FAILED_MESSAGE =
  'このアプリの新しい版に合わせてデータを更新できませんでした。データは更新前の状態のまま残っています。「再試行」するか、読めるデータを書き出すか、バックアップから復元してください。';
export const UNREADABLE_MESSAGE =
  'データを保存している場所（ブラウザーのデータベース）を開けませんでした。ディスクの空き容量を確認して「再試行」するか、読めるデータを書き出すか、バックアップから復元してください。';

/** The name of the database in use (see the module comment). */
export function currentDatabaseName(storage: Storage | undefined = safeStorage()): string {
  try {
    const name = storage?.getItem(POINTER_KEY);
    return name && /^senshin-desk(-r\d{8,20})?$/.test(name) ? name : DB_NAME;
  } catch {
    return DB_NAME;
  }
}

export function pointToDatabase(name: string, storage: Storage | undefined = safeStorage()): void {
  storage?.setItem(POINTER_KEY, name);
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The version a database is stored at, in Dexie's numbering (native ÷ 10); 0 when it does not exist. */
export async function storedVersion(name: string, factory: IDBFactory = indexedDB): Promise<number> {
  const list = await factory.databases();
  const found = list.find((d) => d.name === name);
  return found?.version ? found.version / 10 : 0;
}

interface OpenOptions {
  readonly timeoutMs?: number;
  readonly versions?: readonly SchemaVersion[];
  readonly factory?: IDBFactory;
  readonly reconnectDelaysMs?: readonly number[];
}

export async function openWorkspace(name: string, options: OpenOptions = {}): Promise<OpenResult> {
  const timeoutMs = options.timeoutMs ?? OPEN_TIMEOUT_MS;
  const versions = options.versions ?? SCHEMA_VERSIONS;
  const ours = versions.at(-1)?.version ?? CURRENT_SCHEMA_VERSION;
  let stored: number;
  try {
    stored = await storedVersion(name, options.factory);
  } catch {
    return { status: 'failed', reason: 'unreadable', message: UNREADABLE_MESSAGE };
  }
  const db = openDatabase(name, versions, options.factory);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const opened = db.open().then(
    () => 'open' as const,
    (e: unknown) => e,
  );
  const outcome = await Promise.race([opened, timedOut]);
  clearTimeout(timer);
  if (outcome === 'open') {
    keepConnected(db, options.reconnectDelaysMs);
    return stored > ours ? { status: 'read-only', db, readOnly: true, storedVersion: stored } : { status: 'ready', db, readOnly: false };
  }
  // Stop waiting: a late open must not hold a connection the next attempt would be blocked by.
  db.close();
  if (outcome === 'timeout') return { status: 'blocked', message: BLOCKED_MESSAGE };
  const errName = outcome instanceof Error ? outcome.name : '';
  if (errName === 'UpgradeError' || errName === 'ConstraintError' || (stored > 0 && stored < ours)) return { status: 'failed', reason: 'upgrade', message: UPGRADE_FAILED_MESSAGE };
  return { status: 'failed', reason: 'unreadable', message: UNREADABLE_MESSAGE };
}

/** Waits between attempts to reopen a lost connection, in ms (the last one repeats). */
export const RECONNECT_DELAYS_MS: readonly number[] = [500, 1000, 2000, 5000];

const reconnectListeners = new Set<() => void>();

/** Called each time a lost connection is open again (editors whose save failed then retry at once). */
export function onReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/**
 * Keeps `db` connected (DATA-12). Dexie reopens a connection the browser closed on the next
 * operation, but when that reopen fails (the disk is still full) it keeps the failure for good:
 * every later operation is refused with DatabaseClosedError until the page is reloaded. So, from
 * the moment the connection is lost until it is open again, `db.open()` is retried with backoff
 * (each explicit open clears Dexie's kept failure); listeners hear when it is back. A close the
 * app asks for (`db.close()`), or for another window's upgrade (versionchange), ends this.
 */
export function keepConnected(db: SenshinDb, delaysMs: readonly number[] = RECONNECT_DELAYS_MS): void {
  let stopped = false;
  let versionChanged = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = db.close.bind(db);
  // Dexie closes with { disableAutoOpen: false } when the browser closed the connection; the
  // app's own close has no options.
  db.close = (options?: { disableAutoOpen: boolean }) => {
    if (options?.disableAutoOpen !== false) {
      stopped = true;
      clearTimeout(timer);
    }
    close(options);
  };
  const watch = (): void => {
    if (stopped || timer !== undefined) return;
    const wait = delaysMs[Math.min(attempt, delaysMs.length - 1)] ?? 5000;
    attempt++;
    timer = setTimeout(() => {
      timer = undefined;
      if (stopped || versionChanged) return;
      if (db.isOpen()) {
        // Reopened meanwhile by an operation (Dexie's own reopen).
        attempt = 0;
        for (const l of reconnectListeners) l();
        return;
      }
      db.open().then(
        () => {
          attempt = 0;
          for (const l of reconnectListeners) l();
        },
        (e: unknown) => {
          // Another window upgraded the database: this one is out of date, as before (no loop).
          if (e instanceof Error && e.name === 'VersionError') stopped = true;
          // A failed open closes again (Dexie fires 'close'); this covers an open that did not.
          else watch();
        },
      );
    }, wait);
  };
  // Closed for another window's upgrade or delete: not a storage failure; Dexie's own handling stays.
  db.on('versionchange', () => {
    versionChanged = true;
  });
  db.on('close', watch);
}

/**
 * Everything the database holds, read with plain IndexedDB at its stored version (no upgrade):
 * the 「読めるデータを書き出す」 of the recovery screen. Never throws; unreadable stores are skipped
 * and named.
 */
export async function readRaw(name: string, factory: IDBFactory = indexedDB): Promise<{ readonly tables: Record<string, unknown[]>; readonly skipped: string[] }> {
  const db = await new Promise<IDBDatabase | undefined>((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    req.onupgradeneeded = () => {
      // The database did not exist: do not create it.
      req.transaction?.abort();
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(undefined);
    req.onblocked = () => resolve(undefined);
  });
  if (!db) return { tables: {}, skipped: [] };
  const tables: Record<string, unknown[]> = {};
  const skipped: string[] = [];
  for (const store of Array.from(db.objectStoreNames)) {
    try {
      tables[store] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
    } catch {
      skipped.push(store);
    }
  }
  db.close();
  return { tables, skipped };
}
