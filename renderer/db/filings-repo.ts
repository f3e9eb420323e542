/**
 * Filings of a project and their as-filed copies (issue 11). Only this module writes them.
 *
 * Invariants:
 * - A status move is checked against the allowed moves and the previous date, on the row read
 *   inside the write transaction (never a stale copy).
 * - 提出済み is written together with the as-filed copy, in one transaction, or not at all. The copy
 *   is rendered before the transaction (rendering and hashing are not IndexedDB work, DATA-08).
 * - An as-filed copy is never replaced or edited (put-doc refuses; no code path updates it).
 */
import { FILING_STATUS_LABEL, TRANSITION_MESSAGE, filingSchema, timelineOrder, transitionProblem, type Filing, type FilingEvent, type FilingKind } from '../../shared/filings/filing';
import type { FiledCopy } from '../../shared/filings/as-filed';
import { templateSetOn } from '../../shared/filings/template-sets';
import type { SenshinDb } from './database';
import { DbError, READ_ONLY_MESSAGE } from './errors';
import { putDoc } from './put-doc';
import { docKeys, type RevisionLog } from './revisions';
import { filedCopyRowSchema, filingRowSchema } from './rows';
import { parseEach, validate } from './write';

const now = (): string => new Date().toISOString();

export interface FilingList {
  readonly filings: readonly Filing[];
  /** Rows that exist but could not be read (kept, never overwritten: DATA-09). */
  readonly unreadable: number;
}

export class FilingRepository {
  constructor(private readonly store: { readonly db: SenshinDb; readonly revisions: RevisionLog; readonly readOnly: boolean }) {}

  /** The project's filings in timeline order; each is noted as read (a stale move is refused). */
  async list(projectId: string): Promise<FilingList> {
    const { rows: filings, unreadable } = parseEach(filingRowSchema, await this.store.db.filings.where('projectId').equals(projectId).toArray());
    await Promise.all(filings.map((f) => this.store.revisions.noteRead(docKeys.filing(f.id))));
    return { filings: timelineOrder(filings), unreadable };
  }

  async get(id: string): Promise<Filing> {
    await this.store.revisions.noteRead(docKeys.filing(id));
    const r = filingRowSchema.safeParse(await this.store.db.filings.get(id));
    if (!r.success) throw new DbError('not-found', '届出が見つかりません。削除された可能性があります。');
    return r.data;
  }

  /** A new filing (作成中) of `kind`. */
  async create(projectId: string, kind: FilingKind, extra: Pick<Partial<Filing>, 'packageId' | 'round' | 'fiscalYear' | 'title' | 'siteId'> = {}): Promise<Filing> {
    const t = now();
    const row = validate(filingRowSchema, { id: crypto.randomUUID(), projectId, kind, ...extra, status: 'draft', events: [], templateSetId: templateSetOn(t.slice(0, 10)).id, rev: 0, createdAt: t, updatedAt: t }, '届出');
    await putDoc(this.store, '届出', { table: 'filings', docKey: docKeys.filing(row.id), row }, t, { check: false, projectId });
    return row;
  }

  /**
   * Moves the filing to `event.status`. Marking it 提出済み needs its as-filed copy (rendered by the
   * caller from what it prints now); both are written in one transaction.
   */
  async move(filingId: string, event: Omit<FilingEvent, 'at'>, copy?: FiledCopy): Promise<Filing> {
    if (this.store.readOnly) throw new DbError('read-only', READ_ONLY_MESSAGE);
    const t = now();
    if (event.status === 'filed' && !copy) throw new DbError('invalid', '提出済みにするには、提出した書類の控えが必要です。');
    const checkedCopy = copy ? validate(filedCopyRowSchema, copy, '提出済みの控え') : undefined;
    let written: Filing | undefined;
    await putDoc(
      this.store,
      `「${FILING_STATUS_LABEL[event.status]}」への変更`,
      async () => {
        const r = filingSchema.safeParse(await this.store.db.filings.get(filingId));
        if (!r.success) throw new DbError('not-found', '届出が見つかりません。削除された可能性があります。');
        const current = r.data;
        const problem = transitionProblem(current, event);
        if (problem) throw new DbError('invalid', TRANSITION_MESSAGE[problem]);
        if (checkedCopy && (checkedCopy.filingId !== filingId || checkedCopy.projectId !== current.projectId)) throw new DbError('invalid', '控えが別の届出のものです。');
        written = validate(
          filingRowSchema,
          { ...current, status: event.status, events: [...current.events, { ...event, at: t }], ...(checkedCopy ? { templateSetId: checkedCopy.templateSetId } : {}), rev: current.rev + 1, updatedAt: t },
          '届出',
        );
        return [{ table: 'filings' as const, docKey: docKeys.filing(filingId), row: written }, ...(checkedCopy ? [{ table: 'filedCopies' as const, docKey: docKeys.filed(filingId), row: checkedCopy }] : [])];
      },
      t,
      { tables: ['filings', 'filedCopies'] },
    );
    if (!written) throw new DbError('not-found', '届出が見つかりません。');
    return written;
  }

  /** The as-filed copy of a filed filing (undefined while it is 作成中). */
  async copy(filingId: string): Promise<FiledCopy | undefined> {
    const row: unknown = await this.store.db.filedCopies.get(filingId);
    if (row === undefined) return undefined;
    const r = filedCopyRowSchema.safeParse(row);
    if (!r.success) throw new DbError('unreadable', '提出済みの控えを読み取れませんでした。バックアップからの復元をお試しください。');
    return r.data;
  }
}
