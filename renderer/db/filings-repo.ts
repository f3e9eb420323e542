/**
 * Filings of a project and their as-filed copies (issue 11). Only this module writes them.
 *
 * Invariants:
 * - A status move is checked against the allowed moves and the previous date, on the row read
 *   inside the write transaction (never a stale copy).
 * - 提出済み is written together with the as-filed copy, in one transaction, or not at all. The copy
 *   is rendered before the transaction (rendering and hashing are not IndexedDB work, DATA-08).
 * - An as-filed copy is never replaced or edited (put-doc refuses; no code path updates it).
 * - A 変更申請 or 照会回答 has its own document (issue 13, table filingDocs), created with the filing
 *   and saved only while the filing is 作成中, naming the revision it was read at (a save over a
 *   newer one is refused as a conflict, like every document). A 変更申請 needs an approved
 *   baseline; a 照会回答 round is numbered after the project's others, inside the transaction.
 */
import { emptyReportDoc } from '../../shared/reports/model';
import { emptyHealthRiskDoc, emptySeriousAdverseEventDoc } from '../../shared/reports/safety';
import { FILING_STATUS_LABEL, TRANSITION_MESSAGE, baselineFiling, filingLabel, filingSchema, timelineOrder, transitionProblem, type Filing, type FilingEvent, type FilingKind } from '../../shared/filings/filing';
import type { FiledCopy } from '../../shared/filings/as-filed';
import { changeItemIdsOf, docProblems, emptyChangeDoc, emptyInquiryDoc, filingDocContentSchema, hasDoc, type FilingDoc, type FilingDocContent } from '../../shared/filings/filing-doc';
import { templateSetOn } from '../../shared/filings/template-sets';
import type { SenshinDb } from './database';
import { DbError, READ_ONLY_MESSAGE } from './errors';
import { putDoc } from './put-doc';
import { CONFLICT_MESSAGE, docKeys, type RevisionLog } from './revisions';
import { filedCopyRowSchema, filingDocRowSchema, filingRowSchema } from './rows';
import { AttachmentRepository } from './attachments-repo';
import { frozenMessage, now } from './filing-state';
import { parseEach, validate } from './write';


export interface FilingList {
  readonly filings: readonly Filing[];
  /** Rows that exist but could not be read (kept, never overwritten: DATA-09). */
  readonly unreadable: number;
}

/** A filing's document as read: its content, and the revision a save must name. */
export interface FilingDocRead {
  readonly content: FilingDocContent;
  /** Pass it to `saveDoc` (0 until the first save); a save returns the next one. */
  readonly rev: number;
  /** The filing is no longer 作成中 (提出済み and later, or 取下げ): the document can only be read. */
  readonly frozen: boolean;
}

/** Refused when a 変更申請 is created with nothing approved to compare it with. */
export const NO_BASELINE_MESSAGE = '変更申請は承認された計画と比べて作ります。この案件には「承認・告示」になった新規届出または変更申請がありません。先に届出・報告の経過で「承認・告示」を記録してください。';

const DOC_LABEL: Readonly<Record<FilingDocContent['kind'], string>> = { change: '変更申請の内容', 'inquiry-response': '照会事項に対する回答', 'periodic-report': '定期報告の内容', 'final-report': '総括報告の内容', 'serious-adverse-event': '重篤な有害事象等報告書の内容', 'health-risk': '健康危険情報の内容' };

export class FilingRepository {
  /** The filings' attached PDFs (issue 15 item 5) and which copy each prints. */
  readonly attachments: AttachmentRepository;

  constructor(private readonly store: { readonly db: SenshinDb; readonly revisions: RevisionLog; readonly readOnly: boolean }) {
    this.attachments = new AttachmentRepository(store);
  }

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

  /**
   * A new filing (作成中) of `kind`. A 照会回答 is numbered after the project's other rounds (第N回,
   * whatever `extra.round` says) and starts with no items; a 変更申請 starts compared with the
   * baseline (the newest approved 新規届出 or 変更申請) and prints that baseline's package — refused
   * when there is none (NO_BASELINE_MESSAGE). Both read the project's filings inside the transaction.
   */
  async create(projectId: string, kind: FilingKind, extra: Pick<Partial<Filing>, 'packageId' | 'round' | 'fiscalYear' | 'title' | 'siteId'> = {}): Promise<Filing> {
    return this.createNew(projectId, (filings) => {
      let content: FilingDocContent | undefined;
      let derived: Pick<Partial<Filing>, 'round' | 'packageId'> = {};
      if (kind === 'inquiry-response') {
        derived = { round: Math.max(0, ...filings.filter((f) => f.kind === kind).map((f) => f.round ?? 0)) + 1 };
        content = emptyInquiryDoc();
      } else if (kind === 'change') {
        const baseline = baselineFiling(filings);
        if (!baseline) throw new DbError('invalid', NO_BASELINE_MESSAGE);
        const packageId = extra.packageId ?? baseline.packageId;
        derived = packageId ? { packageId } : {};
        content = emptyChangeDoc(baseline.id);
      } else if (kind === 'periodic-report' || kind === 'final-report') {
        // One 定期報告 per 年度: a second one would split the 年度's cases between two reports.
        const same = kind === 'periodic-report' ? filings.find((f) => f.kind === kind && f.fiscalYear === extra.fiscalYear && f.status !== 'withdrawn') : undefined;
        if (same) throw new DbError('invalid', `${filingLabel(same)}はすでにあります。届出・報告の経過から開いてください。`);
        content = emptyReportDoc(kind);
      } else if (kind === 'serious-adverse-event') {
        content = emptySeriousAdverseEventDoc();
      } else if (kind === 'health-risk') {
        content = emptyHealthRiskDoc();
      }
      return { fields: { kind, ...extra, ...derived }, content };
    });
  }

  /**
   * A new 定期報告 made from the previous 年度's (「次年度の報告を作成」, issue 14 item 4): the filing
   * (作成中, 年度 `fiscalYear`) and its document `content` in one transaction. Refused when the project
   * already has a 定期報告 of that 年度 (read inside the transaction).
   */
  async createReportWithDoc(projectId: string, fiscalYear: number, content: Extract<FilingDocContent, { kind: 'periodic-report' }>): Promise<Filing> {
    return this.createNew(projectId, (filings) => {
      const same = filings.find((f) => f.kind === 'periodic-report' && f.fiscalYear === fiscalYear && f.status !== 'withdrawn');
      if (same) throw new DbError('invalid', `${filingLabel(same)}はすでにあります。届出・報告の経過から開いてください。`);
      return { fields: { kind: 'periodic-report', fiscalYear }, content };
    });
  }

  /**
   * Writes a new filing (作成中) with its document, if it has one, in one transaction. `plan` reads
   * the project's filings, read inside the transaction, and gives the filing's own fields and its
   * document, or throws to refuse.
   */
  private async createNew(
    projectId: string,
    plan: (filings: readonly Filing[]) => { readonly fields: Pick<Filing, 'kind'> & Pick<Partial<Filing>, 'packageId' | 'round' | 'fiscalYear' | 'title' | 'siteId'>; readonly content: FilingDocContent | undefined },
  ): Promise<Filing> {
    const { db } = this.store;
    const t = now();
    const id = crypto.randomUUID();
    let written: Filing | undefined;
    await putDoc(
      this.store,
      '届出',
      async () => {
        const { rows: filings } = parseEach(filingRowSchema, await db.filings.where('projectId').equals(projectId).toArray());
        const { fields, content } = plan(filings);
        written = validate(filingRowSchema, { id, projectId, ...fields, status: 'draft', events: [], templateSetId: templateSetOn(t.slice(0, 10)).id, rev: 0, createdAt: t, updatedAt: t }, '届出');
        const doc = content ? [{ table: 'filingDocs' as const, docKey: docKeys.filingDoc(id), row: validate(filingDocRowSchema, { filingId: id, projectId, content, rev: 0, updatedAt: t }, DOC_LABEL[content.kind]) }] : [];
        return [{ table: 'filings' as const, docKey: docKeys.filing(id), row: written }, ...doc];
      },
      t,
      { check: false, projectId, tables: ['filings', 'filingDocs'] },
    );
    if (!written) throw new DbError('not-found', '届出を作成できませんでした。');
    return written;
  }

  /**
   * The stored document of a filing as it is, without noting it as read (a dialog looks at it: the
   * editor's revision check is not affected); undefined when there is none or it does not read.
   */
  async peekDoc(filingId: string): Promise<FilingDocContent | undefined> {
    const r = filingDocRowSchema.safeParse(await this.store.db.filingDocs.get(filingId));
    return r.success ? r.data.content : undefined;
  }

  /**
   * The document of a 変更申請 or 照会回答 (noted as read: a save by another window since is refused).
   * A filing made before issue 13 has none yet: it reads as a new one (a 変更申請's baseline is then
   * the one in force now).
   */
  async getDoc(filingId: string): Promise<FilingDocRead> {
    const { db, revisions } = this.store;
    await revisions.noteRead(docKeys.filingDoc(filingId));
    const filing = await this.get(filingId);
    if (!hasDoc(filing.kind)) throw new DbError('invalid', `「${filingLabel(filing)}」には、変更申請・照会回答の内容はありません。`);
    const raw: unknown = await db.filingDocs.get(filingId);
    const frozen = frozenMessage(filing) !== undefined;
    if (raw === undefined) {
      if (filing.kind === 'inquiry-response') return { content: emptyInquiryDoc(), rev: 0, frozen };
      if (filing.kind === 'periodic-report' || filing.kind === 'final-report') return { content: emptyReportDoc(filing.kind), rev: 0, frozen };
      if (filing.kind === 'serious-adverse-event') return { content: emptySeriousAdverseEventDoc(), rev: 0, frozen };
      if (filing.kind === 'health-risk') return { content: emptyHealthRiskDoc(), rev: 0, frozen };
      const baseline = baselineFiling(parseEach(filingRowSchema, await db.filings.where('projectId').equals(filing.projectId).toArray()).rows);
      if (!baseline) throw new DbError('invalid', NO_BASELINE_MESSAGE);
      return { content: emptyChangeDoc(baseline.id), rev: 0, frozen };
    }
    const r = filingDocRowSchema.safeParse(raw);
    if (!r.success || r.data.content.kind !== filing.kind) throw new DbError('unreadable', `${DOC_LABEL[filing.kind]}を読み取れませんでした。バックアップからの復元をお試しください。`);
    return { content: r.data.content, rev: r.data.rev, frozen };
  }

  /**
   * The revision of the stored document (0 when none), read without noting it as seen: an editor
   * re-reads it after a conflict, and the revision log still decides whether it may save (DATA-10).
   */
  async storedDocRev(filingId: string): Promise<number> {
    const r = filingDocRowSchema.safeParse(await this.store.db.filingDocs.get(filingId));
    return r.success ? r.data.rev : 0;
  }

  /**
   * Saves the document of a 作成中 filing. `expectedRev`: the revision it was read at (getDoc, or the
   * row the previous save returned); a save over a newer one is refused as a conflict (DATA-10), as
   * is a save after another window saved it. Refused for a filing 提出済み or later, for a document of
   * another kind, a 変更申請 compared with something that is not an approved plan of the project, a
   * 照会回答 linking to a change item that does not exist, and a 変更申請 dropping an item a 照会回答
   * links to. Returns the row written (its `rev` is the next `expectedRev`).
   */
  async saveDoc(filingId: string, content: FilingDocContent, expectedRev: number, editedAt: string = now()): Promise<FilingDoc> {
    const { db } = this.store;
    const what = DOC_LABEL[content.kind];
    const checked = validate(filingDocContentSchema, content, what);
    const docKey = docKeys.filingDoc(filingId);
    let written: FilingDoc | undefined;
    await putDoc(
      this.store,
      what,
      async () => {
        const f = filingRowSchema.safeParse(await db.filings.get(filingId));
        if (!f.success) throw new DbError('not-found', '届出が見つかりません。削除された可能性があります。入力した内容は画面に残っています。');
        const filing = f.data;
        const frozen = frozenMessage(filing);
        if (frozen) throw new DbError('invalid', `${what}を保存できませんでした：${frozen}`);
        const raw: unknown = await db.filingDocs.get(filingId);
        const stored = raw === undefined ? undefined : filingDocRowSchema.safeParse(raw);
        // A stored row this version cannot read (newer, or broken) is never overwritten (DATA-09).
        if (stored && !stored.success) throw new DbError('unreadable', `保存済みの${what}を読み取れないため、上書きせずに止めました。入力した内容は画面に残っています。`);
        if ((stored?.data.rev ?? 0) !== expectedRev) throw new DbError('conflict', CONFLICT_MESSAGE, { docKey });
        const row = validate(filingDocRowSchema, { filingId, projectId: filing.projectId, content: checked, rev: expectedRev + 1, updatedAt: editedAt }, what);
        const { rows: filings } = parseEach(filingRowSchema, await db.filings.where('projectId').equals(filing.projectId).toArray());
        const others = parseEach(filingDocRowSchema, await db.filingDocs.where('projectId').equals(filing.projectId).toArray()).rows.filter((d) => d.filingId !== filingId);
        const problem = docProblems(row, filings, changeItemIdsOf([...others, row], filing.projectId))[0];
        if (problem) throw new DbError('invalid', `${what}を保存できませんでした：${problem.message}`);
        if (checked.kind === 'change') droppedLinkedItem(checked, stored?.data.content, others, filings);
        written = row;
        return [{ table: 'filingDocs' as const, docKey, row }];
      },
      editedAt,
      { tables: ['filings', 'filingDocs'] },
    );
    if (!written) throw new DbError('not-found', '届出が見つかりません。');
    return written;
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

/** Refuses a 変更申請 that drops an item a 照会回答 of the project links to (R-CH-4: the link would point nowhere). */
function droppedLinkedItem(next: Extract<FilingDocContent, { kind: 'change' }>, before: FilingDocContent | undefined, others: readonly FilingDoc[], filings: readonly Filing[]): void {
  if (before?.kind !== 'change') return;
  const kept = new Set(next.items.map((i) => i.id));
  for (const gone of before.items.filter((i) => !kept.has(i.id))) {
    for (const doc of others) {
      if (doc.content.kind !== 'inquiry-response') continue;
      const item = doc.content.items.find((i) => i.changeItemIds.includes(gone.id));
      const filing = filings.find((f) => f.id === doc.filingId);
      if (!item || !filing) continue;
      const what = `「${gone.text.slice(0, 30) || '（文言なし）'}」は${filingLabel(filing)}の${item.number}番の回答が指しているため、削除できません。`;
      throw new DbError('invalid', `変更申請の内容を保存できませんでした：${what}${filing.status === 'draft' ? '先にその回答から関連付けを外してください。' : 'その回答は提出済みです。'}`);
    }
  }
}
