/**
 * Revisions (DATA-10, DATA-17). Every save of a document adds a revision row holding the row as
 * written; the newest revision number is the document's version.
 *
 * Conflicts: each window (one Repositories, one RevisionLog) remembers the revision it last read
 * or wrote of each document. A save when the newest revision is a different one — another window
 * saved in between — is refused with a conflict, never a silent overwrite. Nothing is written
 * before a load (editors mount only after their data is read), so every editor save is checked.
 *
 * History stays bounded: a window's edits of one document within FOLD_MS are folded into one
 * revision, and only the newest REVISION_LIMIT revisions of a document are kept.
 *
 * !! `record` must run inside a read-write transaction that includes `revisions` and the
 * document's table, so the check, the row and its revision commit together or not at all.
 */
import Dexie from 'dexie';
import type { SenshinDb, WorkTable } from './database';
import { tableOfDocKey as tableOfKey } from '../../shared/io/tables';
import { DbError } from './errors';
import type { RevisionRow } from './rows';

export const REVISION_LIMIT = 100;

/** A save refused because another window saved the document since this one read it (DATA-10). */
export const CONFLICT_MESSAGE = '別のウィンドウでこの内容が保存されたため、上書きせずに止めました。入力した内容は消えていません。「最新の内容を読み込む」か「この画面の内容で上書き」を選んでください。';
export const FOLD_MS = 5 * 60_000;

/** Document keys (stored in revisions): `${prefix}:${keys}` of shared/io/tables.ts. Never change them. */
export const docKeys = {
  project: (id: string): string => `project:${id}`,
  consultation: (projectId: string): string => `consultation:${projectId}`,
  form: (projectId: string, formId: string): string => `form:${projectId}:${formId}`,
  cost: (projectId: string): string => `cost:${projectId}`,
  setting: (key: string): string => `setting:${key}`,
  filing: (id: string): string => `filing:${id}`,
  filed: (filingId: string): string => `filed:${filingId}`,
  site: (id: string): string => `site:${id}`,
  filingDoc: (filingId: string): string => `filing-doc:${filingId}`,
};

export { docKeyOfRow } from '../../shared/io/tables';

/** The table a document key lives in (the inverse of docKeyOfRow); settings for unknown prefixes. */
export function tableOfDocKey(docKey: string): WorkTable {
  return tableOfKey(docKey) ?? 'settings';
}

export type RevisionKind = RevisionRow['kind'];

export class RevisionLog {
  private readonly known = new Map<string, number>();

  constructor(
    private readonly db: SenshinDb,
    readonly session: string = crypto.randomUUID(),
  ) {}

  /** The newest revision of a document, if any. */
  async newest(docKey: string): Promise<RevisionRow | undefined> {
    return this.db.revisions.where('[docKey+rev]').between([docKey, Dexie.minKey], [docKey, Dexie.maxKey]).last();
  }

  /** Remembers the revision this window has now seen (call after reading a document). */
  async noteRead(docKey: string): Promise<void> {
    this.known.set(docKey, (await this.newest(docKey))?.rev ?? 0);
  }

  /** Whether this window has read or written the document (a document it never saw was added elsewhere). */
  hasSeen(docKey: string): boolean {
    return this.known.has(docKey);
  }

  /** After the user chose 「この画面の内容で上書き」: the next save replaces the other window's. */
  async acceptNewest(docKey: string): Promise<void> {
    await this.noteRead(docKey);
  }

  /** Called after the transaction that recorded `rev` committed. */
  confirm(docKey: string, rev: number): void {
    this.known.set(docKey, rev);
  }

  /**
   * Inside a rw transaction: refuses a stale save (when `check`), adds the revision, prunes.
   * Returns the new revision number; call `confirm` with it once the transaction committed.
   */
  async record(docKey: string, table: WorkTable, row: unknown, kind: RevisionKind, at: string, check: boolean): Promise<number> {
    const newest = await this.newest(docKey);
    const current = newest?.rev ?? 0;
    const seen = this.known.get(docKey);
    if (check && seen !== undefined && seen !== current) {
      throw new DbError('conflict', CONFLICT_MESSAGE, { docKey });
    }
    let since = at;
    if (kind === 'edit' && newest?.kind === 'edit' && newest.session === this.session && newest.seq !== undefined) {
      const start = newest.since ?? newest.savedAt;
      if (Date.parse(at) - Date.parse(start) < FOLD_MS) {
        since = start;
        await this.db.revisions.delete(newest.seq);
      }
    }
    const rev = current + 1;
    await this.db.revisions.add({ docKey, rev, table, savedAt: at, since, session: this.session, kind, row });
    const count = await this.db.revisions.where('docKey').equals(docKey).count();
    if (count > REVISION_LIMIT) {
      const oldest = await this.db.revisions.where('[docKey+rev]').between([docKey, Dexie.minKey], [docKey, Dexie.maxKey]).limit(count - REVISION_LIMIT).primaryKeys();
      await this.db.revisions.bulkDelete(oldest);
    }
    return rev;
  }

  /** Keeps input a conflict refused as an 'unsaved' entry of the document's history (DATA-10). */
  async keepUnsaved(docKey: string, row: unknown, at: string): Promise<void> {
    await this.db.transaction('rw', this.db.revisions, async () => {
      const newest = await this.newest(docKey);
      await this.db.revisions.add({ docKey, rev: newest?.rev ?? 0, table: tableOfDocKey(docKey), savedAt: at, session: this.session, kind: 'unsaved', row });
    });
  }

  /** When the oldest or the newest kept revision was saved (any document). */
  async savedAtEnd(end: 'first' | 'last'): Promise<string | undefined> {
    const q = this.db.revisions.orderBy('seq');
    return (await (end === 'first' ? q.first() : q.last()))?.savedAt;
  }

  /** Every revision of a document, newest first. */
  async history(docKey: string): Promise<RevisionRow[]> {
    const rows = await this.db.revisions.where('[docKey+rev]').between([docKey, Dexie.minKey], [docKey, Dexie.maxKey]).toArray();
    return rows.reverse();
  }
}
