/**
 * Repositories: the only code that reads and writes the database. They validate on write and
 * parse on read (DATA-09), keep validation outside transactions (DATA-08), and turn failures into
 * typed errors with a Japanese message for the user. 設定・名簿・マスタ: settings-repo.ts (the base
 * class); filings: filings-repo.ts; sites: sites-repo.ts.
 */
import type { z } from 'zod';
import { emptyCostModel, type CostModel } from '../../shared/cost/model';
import type { FormDefinition } from '../../shared/forms/definition';
import { normalizeAnswers } from '../../shared/forms/field';
import { formVersion, readAnswers } from '../../shared/forms/versioning';
import type { Fonts } from '../../shared/filings/freeze';
import { initialFiling } from '../../shared/filings/initial';
import { COST_FLAG } from '../../shared/projects/carry';
import { CarryRepository } from './carry-repo';
import { emptyJizenSoudan, type JizenSoudan } from '../../shared/forms/jizen-soudan/schema';
import type { Project } from '../../shared/model/project';
import type { Sample } from '../../shared/samples/sample';
import { sampleWorkspaceData } from '../../shared/samples/sample-export';
import type { SenshinDb } from './database';
import { DbError, READ_ONLY_MESSAGE } from './errors';
import { docKeys } from './revisions';
import { makeEnvelope, type ExportEnvelope, type WorkspaceData } from '../../shared/io/envelope';
import { APP_VERSION } from '../../shared/version';
import * as workspace from './workspace';
import { replaceAll, type ReplaceProgress } from './workspace-restore';
import { editedRows, formsOfEdits, storedAnswers, type AnswerEdit } from './answer-edits';
import { removeProjectJournals } from './journal';
import { FilingRepository } from './filings-repo';
import { SettingsRepository, type RepositoryOptions } from './settings-repo';
import { SiteRepository } from './sites-repo';
import { consultationRowSchema, costModelRowSchema, filingRowSchema, formAnswersRowSchema, projectRowSchema, type ConsultationRow, type ProjectRow } from './rows';
import { parseEach, validate, write } from './write';
import { importProject, type ProjectImportMode } from './project-import';

export { DbError, type DbErrorCode } from './errors';
export { MASTER_LABEL, type MasterKey, type MasterLists, type MasterValue } from './master-keys';

export interface ProjectList {
  readonly projects: readonly Project[];
  /** Rows that exist but could not be read; they are kept, never overwritten (DATA-09). */
  readonly unreadable: number;
}

const now = (): string => new Date().toISOString();

export type { RepositoryOptions } from './settings-repo';

export class Repositories extends SettingsRepository {
  /** Filings and their as-filed copies (issue 11). */
  readonly filings: FilingRepository;
  /** 申請・調整・協力医療機関 … of a project and their own 様式 (issue 11). */
  readonly sites: SiteRepository;
  /** A new project from an earlier one, and its 要確認 flags (issue 19). */
  readonly carry: CarryRepository;

  constructor(db: SenshinDb, options: RepositoryOptions = {}) {
    super(db, options);
    this.filings = new FilingRepository({ db, revisions: this.revisions, readOnly: this.readOnly });
    this.sites = new SiteRepository({ db, revisions: this.revisions, readOnly: this.readOnly });
    this.carry = new CarryRepository({ db, revisions: this.revisions, readOnly: this.readOnly });
  }

  private async readProject(id: string): Promise<Project> {
    const row: unknown = await this.db.projects.get(id);
    if (row === undefined) throw new DbError('not-found', '案件が見つかりません。削除された可能性があります。');
    const r = projectRowSchema.safeParse(row);
    if (!r.success) throw new DbError('unreadable', 'この案件のデータを読み取れませんでした。バックアップからの復元をお試しください。', { cause: r.error });
    return r.data;
  }

  async listProjects(): Promise<ProjectList> {
    const { rows: projects, unreadable } = parseEach(projectRowSchema, await this.db.projects.toArray());
    projects.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return { projects, unreadable };
  }

  async getProject(id: string): Promise<Project> {
    // The revision is noted *before* the row is read: a save by another window in between then
    // shows as a conflict at the next save (safe), never as a silent overwrite.
    await this.revisions.noteRead(docKeys.project(id));
    return this.readProject(id);
  }

  async createProject(name: string): Promise<Project> {
    const t = now();
    const row: ProjectRow = validate(projectRowSchema, { id: crypto.randomUUID(), name: name.trim(), technologyName: '', indication: '', category: 'B', filingDate: '', responsiblePhysicianId: '', filer: { name: '', address: '', founderName: '' }, createdAt: t, updatedAt: t }, '案件');
    // The project's first filing (新規届出, 作成中) is created with it (issue 11).
    const filing = validate(filingRowSchema, initialFiling(row, t, t.slice(0, 10)), '届出');
    await this.putDoc('案件', { table: 'projects', docKey: docKeys.project(row.id), row }, t, { check: false, also: [{ table: 'filings', docKey: docKeys.filing(filing.id), row: filing }] });
    return row;
  }

  async renameProject(id: string, name: string): Promise<Project> {
    const current = await this.readProject(id);
    const row = validate(projectRowSchema, { ...current, name: name.trim(), updatedAt: now() }, '案件名');
    // A rename changes only the name of the row read just now: no stale-editor check needed.
    await this.putDoc('案件名', { table: 'projects', docKey: docKeys.project(id), row }, row.updatedAt, { check: false });
    return row;
  }

  /** Deletes the project with its filings, as-filed copies and sites; undoable (a snapshot is kept). */
  async deleteProject(id: string): Promise<void> {
    if (this.readOnly) throw new DbError('read-only', READ_ONLY_MESSAGE);
    const project = await this.readProject(id).catch(() => undefined);
    await write('案件の削除', () => workspace.deleteProject(this.db, this.revisions, id, project?.name ?? '案件', now()));
    removeProjectJournals(id);
  }

  async getConsultation(projectId: string): Promise<JizenSoudan> {
    await this.revisions.noteRead(docKeys.consultation(projectId));
    const row: unknown = await this.db.consultations.get(projectId);
    if (row === undefined) return emptyJizenSoudan();
    const r = consultationRowSchema.safeParse(row);
    if (!r.success) throw new DbError('unreadable', '事前相談申込書のデータを読み取れませんでした。バックアップからの復元をお試しください。', { cause: r.error });
    return r.data.data;
  }

  /** When the sheet was last saved (undefined if never): decides whether a journal is newer. */
  async consultationSavedAt(projectId: string): Promise<string | undefined> {
    const r = consultationRowSchema.safeParse(await this.db.consultations.get(projectId));
    return r.success ? r.data.updatedAt : undefined;
  }

  async formAnswersSavedAt(projectId: string, formId: string): Promise<string | undefined> {
    const r = formAnswersRowSchema.safeParse(await this.db.formAnswers.get([projectId, formId]));
    return r.success ? r.data.updatedAt : undefined;
  }

  /** Saves the sheet and the project's 医療技術名 together, in one transaction. */
  async saveConsultation(projectId: string, data: JizenSoudan, technologyName: string, editedAt: string = now()): Promise<void> {
    const project = await this.readProject(projectId);
    const t = editedAt;
    const consultation: ConsultationRow = validate(consultationRowSchema, { projectId, data, updatedAt: t }, '事前相談申込書');
    const projectRow = validate(projectRowSchema, { ...project, technologyName, updatedAt: t }, '医療技術名');
    await this.putDoc('事前相談申込書', { table: 'consultations', docKey: docKeys.consultation(projectId), row: consultation }, t, {
      also: [{ table: 'projects', docKey: docKeys.project(projectId), row: projectRow }],
      projectId,
    });
  }

  /** The technology facts printed on every form: 医療技術名, 適応症, 区分. */
  async saveTechnology(
    projectId: string,
    facts: { technologyName: string; indication: string; category: 'A' | 'B'; scheme?: Project['scheme']; filingDate?: string; responsiblePhysicianId?: string; filer?: { name: string; address: string; founderName: string }; notices?: Project['notices'] },
    editedAt: string = now(),
  ): Promise<Project> {
    const project = await this.readProject(projectId);
    const row = validate(projectRowSchema, { ...project, ...facts, updatedAt: editedAt }, '技術の基本情報');
    await this.putDoc('技術の基本情報', { table: 'projects', docKey: docKeys.project(projectId), row }, editedAt);
    return row;
  }

  async getFormAnswers<S extends z.ZodObject>(projectId: string, form: FormDefinition<S>): Promise<z.output<S>> {
    return (await this.readFormAnswers(projectId, form)).answers;
  }

  /**
   * A 様式's answers, upgraded from the template version they were written with, and the keys this
   * version does not know (kept in the row on every save and reported by the editor, issue 11).
   */
  async readFormAnswers<S extends z.ZodObject>(projectId: string, form: FormDefinition<S>): Promise<{ answers: z.output<S>; unknown: Readonly<Record<string, unknown>> }> {
    await this.revisions.noteRead(docKeys.form(projectId, form.id));
    const row: unknown = await this.db.formAnswers.get([projectId, form.id]);
    if (row === undefined) return { answers: form.empty(), unknown: {} };
    const r = formAnswersRowSchema.safeParse(row);
    const read = r.success ? readAnswers(form, r.data.answers, r.data.formVersion) : undefined;
    if (read && !read.ok && read.reason === 'newer') throw new DbError('unreadable', `${form.number}は新しい版のアプリで保存されています。アプリを更新してください。`);
    if (!read?.ok) throw new DbError('unreadable', `${form.number}のデータを読み取れませんでした。バックアップからの復元をお試しください。`);
    return { answers: read.answers, unknown: read.unknown };
  }

  async saveFormAnswers<S extends z.ZodObject>(projectId: string, form: FormDefinition<S>, answers: z.output<S>, editedAt: string = now()): Promise<void> {
    const t = editedAt;
    // 円 amounts that read as amounts are stored as integer yen; other text stays as typed.
    const parsed = validate(form.answers, normalizeAnswers(form.answers, answers), form.number);
    await this.readProject(projectId);
    // Keys this version does not know stay in the row (never dropped silently), read inside the transaction.
    await this.putDoc(form.number, async () => {
      const raw: unknown = await this.db.formAnswers.get([projectId, form.id]);
      const stored = formAnswersRowSchema.safeParse(raw);
      const read = stored.success ? readAnswers(form, stored.data.answers, stored.data.formVersion) : undefined;
      // A stored row this version cannot read (newer, or broken) is never overwritten (DATA-09).
      if (raw !== undefined && !read?.ok) throw new DbError('unreadable', `${form.number}の保存済みのデータを読み取れないため、上書きせずに止めました。入力した内容は画面に残っています。`);
      const keep = read?.ok ? read.unknown : {};
      const row = validate(formAnswersRowSchema, { projectId, formId: form.id, answers: { ...keep, ...parsed }, formVersion: formVersion(form), updatedAt: t }, form.number);
      return [{ table: 'formAnswers' as const, docKey: docKeys.form(projectId, form.id), row }];
    }, t, { projectId, tables: ['formAnswers'] });
  }

  /**
   * 「この値に統一」 and its 元に戻す (issue 5): prose of several 様式 rewritten in one transaction,
   * each form read just now and checked like any save; refused if a field no longer reads as `before`.
   */
  async applyAnswerEdits(projectId: string, edits: readonly AnswerEdit[]): Promise<void> {
    const forms = formsOfEdits(edits);
    const t = now();
    // The rows are read inside the write transaction and without noting them as read: a window
    // whose editor is behind another window's save gets a conflict here, never a silent overwrite.
    await this.putDoc('統一した内容', async () => {
      const stored = await storedAnswers(this.db, projectId, forms);
      return editedRows(projectId, stored, edits, t).map((row) => ({ table: 'formAnswers' as const, docKey: docKeys.form(projectId, row.formId), row }));
    }, t, { projectId, tables: ['formAnswers'] });
  }

  /** 確認済み of the project's warnings (issue 5): `update` gets the stored list read just now. */
  async updateAcknowledgements(projectId: string, update: (current: Project['acknowledgements']) => Project['acknowledgements']): Promise<Project> {
    const t = now();
    let written: Project | undefined;
    // Read and written in one transaction; only this list of the row changes (like a rename).
    await this.putDoc('確認済みの記録', async () => {
      const current = await this.readProject(projectId);
      written = validate(projectRowSchema, { ...current, acknowledgements: update(current.acknowledgements), updatedAt: t }, '確認済みの記録');
      return [{ table: 'projects' as const, docKey: docKeys.project(projectId), row: written }];
    }, t, { check: false, tables: ['projects'] });
    if (!written) throw new DbError('not-found', '案件が見つかりません。削除された可能性があります。');
    return written;
  }

  async getCostModel(projectId: string): Promise<CostModel> {
    await this.revisions.noteRead(docKeys.cost(projectId));
    const row: unknown = await this.db.costModels.get(projectId);
    if (row === undefined) return emptyCostModel();
    const r = costModelRowSchema.safeParse(row);
    if (!r.success) throw new DbError('unreadable', '費用の計算データを読み取れませんでした。バックアップからの復元をお試しください。');
    return r.data.model;
  }

  async costModelSavedAt(projectId: string): Promise<string | undefined> {
    const r = costModelRowSchema.safeParse(await this.db.costModels.get(projectId));
    return r.success ? r.data.updatedAt : undefined;
  }

  async saveCostModel(projectId: string, model: CostModel, editedAt: string = now()): Promise<void> {
    const row = validate(costModelRowSchema, { projectId, model, updatedAt: editedAt }, '費用の計算');
    await this.putDoc('費用の計算', { table: 'costModels', docKey: docKeys.cost(projectId), row }, editedAt, { projectId });
    // A cost model carried from an earlier project is confirmed by editing it (issue 19).
    await this.carry.confirm(projectId, [COST_FLAG]);
  }

  // ── Backup, restore, import, history (DATA-13, DATA-14, DATA-17) ─────────────────────────

  /** One project's rows and the settings, for the consistency check (not noted as read). */
  projectRecords(projectId: string, options: { readonly copies?: boolean } = {}): Promise<WorkspaceData> {
    return workspace.projectRecords(this.db, projectId, options);
  }

  exportWorkspace(): Promise<workspace.WorkspaceExport> {
    return workspace.exportWorkspace(this.db, APP_VERSION, now());
  }

  exportProject(projectId: string): Promise<workspace.WorkspaceExport> {
    return workspace.exportProject(this.db, projectId, APP_VERSION, now());
  }

  /** Replaces the whole workspace with a backup; what was there is kept as a snapshot (undo). `onProgress`: projects written so far. */
  async restoreWorkspace(envelope: ExportEnvelope, label: string, onProgress?: (p: ReplaceProgress) => void): Promise<void> {
    await write('復元', () => replaceAll(this.db, this.revisions, workspace.rawOf(envelope.data), label, now(), this.readOnly, onProgress));
  }

  /** Adds (or replaces) the project of a project file; returns the project's id here. */
  importProject(envelope: ExportEnvelope, mode: ProjectImportMode, label: string): Promise<string> {
    return write('取り込み', () => importProject(this.db, this.revisions, envelope, mode, label, now(), this.readOnly));
  }

  async hasProject(id: string): Promise<boolean> {
    return (await this.db.projects.get(id)) !== undefined;
  }

  listSnapshots(): Promise<workspace.SnapshotInfo[]> {
    return workspace.listSnapshots(this.db);
  }

  /** Puts back the state saved before a restore or import (itself undoable: a new snapshot is taken). */
  async returnToSnapshot(seq: number, onProgress?: (p: ReplaceProgress) => void): Promise<void> {
    // A deleted project comes back on its own; a restore or an import is undone as a whole.
    if ((await this.db.snapshots.get(seq))?.reason === 'pre-delete') {
      await write('元に戻す', () => workspace.restoreDeletedProject(this.db, this.revisions, seq, now(), this.readOnly));
      return;
    }
    const tables = await workspace.snapshotTables(this.db, seq);
    await write('元に戻す', () => replaceAll(this.db, this.revisions, tables, '元に戻す前の状態', now(), this.readOnly, onProgress));
  }

  /** When anything was last saved (the newest revision), for the backup reminder. */
  lastChangeAt(): Promise<string | undefined> {
    return this.revisions.savedAtEnd('last');
  }

  /**
   * Makes an earlier revision the current content of its document. It is a new save (kind
   * 'revert'), checked like any edit, so the revision it replaces stays in the history.
   */
  async revertTo(docKey: string, seq: number): Promise<void> {
    const rev = await this.db.revisions.get(seq);
    if (!rev || rev.docKey !== docKey) throw new DbError('not-found', 'この版は見つかりません。履歴が整理された可能性があります。');
    if (rev.row === null || typeof rev.row !== 'object') throw new DbError('invalid', 'この版は削除された状態のため、戻せません。');
    const schema = workspace.ROW_SCHEMA[rev.table];
    const at = now();
    const parsed = schema.safeParse('updatedAt' in rev.row ? { ...rev.row, updatedAt: at } : rev.row);
    if (!parsed.success) throw new DbError('unreadable', 'この版を読み取れませんでした。');
    await this.putDoc('以前の版', { table: rev.table, docKey, row: parsed.data }, at, { kind: 'revert' });
  }

  /** Keeps what a window could not save (a conflict) in the history, so it is never lost. */
  async keepUnsaved(docKey: string, value: unknown): Promise<void> {
    if (!this.readOnly) await write('保存できなかった入力', () => this.revisions.keepUnsaved(docKey, value, now()));
  }

  /** Creates a project from the sample, all or nothing (one transaction), as a project file import. */
  async importSample(sample: Sample, fonts?: Fonts): Promise<Project> {
    const t = now();
    let data: WorkspaceData;
    try {
      data = sampleWorkspaceData(sample, crypto.randomUUID(), t);
      // With the fonts, its 新規届出 is filed and approved with the copy rendered now (issue 11).
      // Loaded on demand: it brings the PDF and Word renderers, which the start-up does not need.
      if (fonts) data = await (await import('../../shared/samples/sample-filing')).withSampleFilings(data, sample, fonts, t);
    } catch (cause) {
      throw new DbError('invalid', 'サンプルのデータ形式が正しくありません。', { cause });
    }
    // Same merge of 名簿/マスタ by id and the same snapshot as any project file (undoable).
    await this.importProject(makeEnvelope('project', data, APP_VERSION, t), 'add', 'サンプル');
    const [project] = data.projects;
    if (!project) throw new DbError('invalid', 'サンプルのデータ形式が正しくありません。');
    return project;
  }
}
