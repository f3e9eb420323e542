/**
 * 「この案件をもとに新しい案件を作る」 (issue 19 item 1): reads what an earlier project — or the as-filed
 * copy of one of its filings — can carry, writes the new project in one transaction, and keeps its
 * 要確認 flags (Project.unconfirmed) and the 定型文 it used (Project.phrasesUsed, issue 19 item 4).
 * Only this module writes them.
 */
import { parseResolved } from '../../shared/filings/as-filed';
import { filedOn, filingLabel, type Filing } from '../../shared/filings/filing';
import { initialFiling } from '../../shared/filings/initial';
import { FORMS } from '../../shared/forms/registry';
import { formById } from '../../shared/rules/submission';
import { formVersion, readAnswers } from '../../shared/forms/versioning';
import type { Project } from '../../shared/model/project';
import { emptyCostModel } from '../../shared/cost/model';
import type { CarrySource, DerivedProject } from '../../shared/projects/carry';
import type { SearchSource } from '../../shared/search/project-search';
import type { SenshinDb } from './database';
import { DbError } from './errors';
import { putDoc, type DocWrite } from './put-doc';
import { docKeys, type RevisionLog } from './revisions';
import { costModelRowSchema, filedCopyRowSchema, filingRowSchema, formAnswersRowSchema, projectRowSchema, settingRowSchema, siteRowSchema } from './rows';
import { parseEach, validate } from './write';

interface Store {
  readonly db: SenshinDb;
  readonly revisions: RevisionLog;
  readonly readOnly: boolean;
}

/** An as-filed copy a new project can start from. */
export interface CarryCopy {
  readonly filingId: string;
  /** 「新規届出（先進医療B）　提出済みの控え（2025-04-01）」 */
  readonly label: string;
}

export class CarryRepository {
  constructor(private readonly store: Store) {}

  private async project(id: string): Promise<Project> {
    const r = projectRowSchema.safeParse(await this.store.db.projects.get(id));
    if (!r.success) throw new DbError('not-found', '案件が見つかりません。削除された可能性があります。');
    return r.data;
  }

  /** The as-filed copies of the project that still read with this version. */
  async copies(projectId: string): Promise<CarryCopy[]> {
    const { db } = this.store;
    const { rows: filings } = parseEach(filingRowSchema, await db.filings.where('projectId').equals(projectId).toArray());
    const { rows: copies } = parseEach(filedCopyRowSchema, await db.filedCopies.where('projectId').equals(projectId).toArray());
    const out: CarryCopy[] = [];
    for (const copy of copies) {
      const filing = filings.find((f) => f.id === copy.filingId);
      if (!filing || !parseResolved(copy)) continue;
      out.push({ filingId: copy.filingId, label: copyLabel(filing, copy.frozenAt) });
    }
    return out.sort((a, b) => (a.label < b.label ? -1 : 1));
  }

  /** What the project holds now, or what the as-filed copy of `filingId` was printed from. */
  async source(projectId: string, filingId?: string): Promise<CarrySource> {
    const { db } = this.store;
    if (filingId !== undefined) {
      const copy = filedCopyRowSchema.safeParse(await db.filedCopies.get(filingId));
      const filing = filingRowSchema.safeParse(await db.filings.get(filingId));
      const resolved = copy.success ? parseResolved(copy.data) : undefined;
      if (!copy.success || !filing.success || !resolved || copy.data.projectId !== projectId) throw new DbError('unreadable', '提出済みの控えを読み取れませんでした。');
      const forms = new Map<string, Readonly<Record<string, unknown>>>();
      for (const f of resolved.forms) {
        const form = formById(f.formId);
        const read = form ? readAnswers(form, f.answers, f.version) : undefined;
        if (read?.ok) forms.set(f.formId, read.answers);
      }
      return { project: resolved.project, filing: { id: filingId, label: copyLabel(filing.data, copy.data.frozenAt) }, forms, cost: resolved.cost, sites: resolved.sites };
    }
    const project = await this.project(projectId);
    const forms = new Map<string, Readonly<Record<string, unknown>>>();
    for (const form of FORMS) {
      const row = formAnswersRowSchema.safeParse(await db.formAnswers.get([projectId, form.id]));
      const read = row.success ? readAnswers(form, row.data.answers, row.data.formVersion) : undefined;
      if (read?.ok) forms.set(form.id, read.answers);
    }
    const cost = costModelRowSchema.safeParse(await db.costModels.get(projectId));
    const { rows: sites } = parseEach(siteRowSchema, await db.sites.where('projectId').equals(projectId).toArray());
    sites.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    return { project, forms, cost: cost.success ? cost.data.model : emptyCostModel(), sites };
  }

  /** Every project with its stored 様式 answers, and the 職員名簿: what the search across projects indexes. */
  async searchSource(): Promise<SearchSource> {
    const { db } = this.store;
    const { rows: projects } = parseEach(projectRowSchema, await db.projects.toArray());
    // Newest first, as the project list shows them.
    projects.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    const byProject = new Map<string, Map<string, Readonly<Record<string, unknown>>>>();
    for (const raw of await db.formAnswers.toArray()) {
      const row = formAnswersRowSchema.safeParse(raw);
      const form = row.success ? formById(row.data.formId) : undefined;
      const read = row.success && form ? readAnswers(form, row.data.answers, row.data.formVersion) : undefined;
      if (!row.success || !read?.ok) continue;
      const forms = byProject.get(row.data.projectId) ?? new Map<string, Readonly<Record<string, unknown>>>();
      forms.set(row.data.formId, read.answers);
      byProject.set(row.data.projectId, forms);
    }
    const roster = settingRowSchema.safeParse(await db.settings.get('roster'));
    return { projects: projects.map((project) => ({ project, forms: byProject.get(project.id) ?? new Map() })), people: roster.success && roster.data.key === 'roster' ? roster.data.value : [] };
  }

  /** Writes the new project with its first filing, carried answers, cost model and sites: all or nothing. */
  async create(derived: DerivedProject): Promise<Project> {
    const t = derived.project.createdAt;
    const project = validate(projectRowSchema, derived.project, '案件');
    const filing = validate(filingRowSchema, initialFiling(project, t, t.slice(0, 10)), '届出');
    const also: DocWrite[] = [{ table: 'filings', docKey: docKeys.filing(filing.id), row: filing }];
    for (const { formId, answers } of derived.forms) {
      const form = formById(formId);
      if (!form) continue;
      const parsed = validate(form.answers, { ...form.empty(), ...answers }, form.number);
      also.push({ table: 'formAnswers', docKey: docKeys.form(project.id, formId), row: validate(formAnswersRowSchema, { projectId: project.id, formId, answers: parsed, formVersion: formVersion(form), updatedAt: t }, form.number) });
    }
    if (derived.cost) also.push({ table: 'costModels', docKey: docKeys.cost(project.id), row: validate(costModelRowSchema, { projectId: project.id, model: derived.cost, updatedAt: t }, '費用の計算') });
    for (const site of derived.sites) also.push({ table: 'sites', docKey: docKeys.site(site.id), row: validate(siteRowSchema, site, `実施医療機関「${site.name || '名称未入力'}」`) });
    await putDoc(this.store, '案件', { table: 'projects', docKey: docKeys.project(project.id), row: project }, t, { check: false, also });
    return project;
  }

  /** How many carried values of the project are still 要確認 (read without noting it as read: no editor is behind it). */
  async openFlags(projectId: string): Promise<number> {
    return (await this.project(projectId)).unconfirmed.length;
  }

  /** Notes that a 定型文 was inserted into the project (its project file then carries it). */
  async notePhraseUsed(projectId: string, phraseId: string): Promise<void> {
    const t = new Date().toISOString();
    await putDoc(
      this.store,
      '定型文の利用',
      async () => {
        const current = await this.project(projectId);
        if (current.phrasesUsed.includes(phraseId)) return [];
        const row = validate(projectRowSchema, { ...current, phrasesUsed: [...current.phrasesUsed, phraseId], updatedAt: t }, '定型文の利用');
        return [{ table: 'projects' as const, docKey: docKeys.project(projectId), row }];
      },
      t,
      { check: false, tables: ['projects'] },
    );
  }

  /** Takes `flags` off the project's 要確認 list (confirmed, or edited); a flag not on it is ignored. */
  async confirm(projectId: string, flags: readonly string[]): Promise<Project> {
    // Most saves (every autosave of the sites or the cost model) have nothing to confirm: one read, no write transaction.
    const now = await this.project(projectId);
    if (!flags.some((f) => now.unconfirmed.includes(f))) return now;
    const t = new Date().toISOString();
    let written: Project | undefined;
    await putDoc(
      this.store,
      '要確認の確認',
      async () => {
        const current = await this.project(projectId);
        written = current;
        if (!flags.some((f) => current.unconfirmed.includes(f))) return [];
        written = validate(projectRowSchema, { ...current, unconfirmed: current.unconfirmed.filter((f) => !flags.includes(f)), updatedAt: t }, '要確認の確認');
        return [{ table: 'projects' as const, docKey: docKeys.project(projectId), row: written }];
      },
      t,
      { check: false, tables: ['projects'] },
    );
    if (!written) throw new DbError('not-found', '案件が見つかりません。削除された可能性があります。');
    return written;
  }
}

function copyLabel(filing: Filing, frozenAt: string): string {
  const on = filedOn(filing) ?? frozenAt.slice(0, 10);
  return `${filingLabel(filing)}　提出済みの控え（${on}）`;
}
