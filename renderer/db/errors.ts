/**
 * Typed database errors (architecture.md pattern 8). `message` is Japanese and tells the user
 * what happened and what to do; the code says how the UI reacts.
 *   invalid      — the value does not pass its schema: kept as typed, not retried
 *   unreadable   — a stored row does not parse: quarantined and shown, never overwritten (DATA-09)
 *   not-found    — the document is gone
 *   write-failed — quota, closed database…: retried with backoff (DATA-12)
 *   conflict     — another window saved this document since this one loaded it (DATA-10)
 *   read-only    — the data was written by a newer app version (DATA-06)
 */
export type DbErrorCode = 'invalid' | 'unreadable' | 'not-found' | 'write-failed' | 'conflict' | 'read-only';

export class DbError extends Error {
  readonly code: DbErrorCode;
  /** For a conflict: the document (see revisions.ts docKey) whose save was refused. */
  readonly docKey: string | undefined;
  constructor(code: DbErrorCode, message: string, options?: { cause?: unknown; docKey?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DbError';
    this.code = code;
    this.docKey = options?.docKey;
  }
}

export const READ_ONLY_MESSAGE = '新しい版の senshin-desk で保存されたデータのため、読み取り専用で開いています。変更は保存されません。アプリを更新してください。';

/**
 * DATA-12: what a failed save says when the storage itself fails. A full disk does not raise
 * QuotaExceededError in Chromium: the write aborts (AbortError) with an UnknownError inside whose
 * message names the cause (「IO error: …/000003.log: FILE_ERROR_NO_SPACE」), Chromium closes the
 * connection, and reopening it fails with 「Internal error opening backing store」 (Dexie then
 * reports DatabaseClosedError) until there is space again.
 */
export const DISK_FULL_MESSAGE =
  '保存できませんでした：ディスクの空き容量が足りません。不要なファイルを削除して空き容量を増やしてください。空きができると自動で保存を再開します。入力した内容は画面に残っています。';
export const STORAGE_UNAVAILABLE_MESSAGE =
  '保存できませんでした：データの保存場所（ブラウザーのデータベース）に書き込めません。ディスクの空き容量を確認してください。接続し直して自動で再試行します。入力した内容は画面に残っています。';

/** The error and what it wraps (DbError's cause, Dexie's `inner`), outermost first. */
function chainOf(e: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = e;
  while (typeof cur === 'object' && cur !== null && out.length < 8 && !out.includes(cur)) {
    out.push(cur);
    cur = 'inner' in cur && cur.inner != null ? cur.inner : 'cause' in cur ? cur.cause : undefined;
  }
  return out;
}

function nameAndMessage(e: unknown): { name: string; message: string } {
  const o = typeof e === 'object' && e !== null ? e : {};
  const name = 'name' in o && typeof o.name === 'string' ? o.name : '';
  const message = 'message' in o && typeof o.message === 'string' ? o.message : '';
  return { name, message };
}

const DISK_FULL = /FILE_ERROR_NO_SPACE|ENOSPC|No space left|disk (is )?full|QuotaExceeded/i;
const STORAGE_LOST = /^(DatabaseClosedError|UnknownError|InvalidStateError|OpenFailedError)$|Internal error opening backing store|Connection is closing|IO error/i;

/** True when a failed operation says the disk (or the storage quota) is full. */
export function isDiskFull(e: unknown): boolean {
  return chainOf(e).some((x) => {
    const { name, message } = nameAndMessage(x);
    return name === 'QuotaExceededError' || name === 'Dexie.QuotaExceededError' || DISK_FULL.test(message);
  });
}

/** True when the database connection or its storage failed (not the value being saved). */
export function isStorageFailure(e: unknown): boolean {
  return chainOf(e).some((x) => {
    const { name, message } = nameAndMessage(x);
    return STORAGE_LOST.test(name) || STORAGE_LOST.test(message);
  });
}

export type SaveFailureKind = 'disk-full' | 'storage' | 'other';

/**
 * What kind of failure a save met. `diskFullSeen`: a full disk was seen since the last successful
 * save — the reopen failures that follow it (which alone could have another cause) are then the
 * same full disk, so the message does not change while the user frees space.
 */
export function saveFailureKind(e: unknown, diskFullSeen: boolean): SaveFailureKind {
  if (isDiskFull(e)) return 'disk-full';
  if (isStorageFailure(e)) return diskFullSeen ? 'disk-full' : 'storage';
  return 'other';
}

/** A full disk met since the last write that reached the disk (see noteStorageOutcome). */
let diskFull = false;

/**
 * Records the outcome of a write transaction (database.ts watches every one): a disk-full abort
 * sets the flag, a completed write clears it. Other aborts (a refused value, a conflict) leave it.
 */
export function noteStorageOutcome(error: unknown): void {
  if (error === undefined) diskFull = false;
  else if (isDiskFull(error)) diskFull = true;
}

/** True while the last storage trouble seen was a full disk and no write has reached the disk since. */
export function diskFullSeen(): boolean {
  return diskFull;
}
