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
