/**
 * What the チェック結果 panel checks (issue 5): one project's stored records, read without noting
 * revisions (a check must never make an editor's stale save look fresh), and the findings of the
 * consistency engine over them — with the open form's committed values in place of its stored ones,
 * so the panel follows typing (never mid-IME-composition: committed values wait for it).
 *
 * An edit typed just before leaving a screen may still be on its way to the database when the next
 * screen loads: its journal entry (newer than the stored row) is what the user typed, and is what
 * the editor will show, so the check reads it too — like the editors' own replay.
 */
import { costFormSchema, fromCostForm } from '../../../shared/cost/form';
import { emptyCostModel, type CostModel } from '../../../shared/cost/model';
import { todayIn, toIsoDate } from '../../../shared/dates/iso-date';
import { parseResolved, type ResolvedFiling } from '../../../shared/filings/as-filed';
import type { FilingDocContent } from '../../../shared/filings/filing-doc';
import { filingDocChecks, type FilingDocCheck } from '../../../shared/rules/filing-docs';
import type { FormDefinition } from '../../../shared/forms/definition';
import { normalizeAnswers } from '../../../shared/forms/field';
import { emptyInstitutionProfile, type InstitutionProfile, type JizenSoudan } from '../../../shared/forms/jizen-soudan/schema';
import type { PackageId } from '../../../shared/forms/packages';
import { FORMS } from '../../../shared/forms/registry';
import { currentAnswers } from '../../../shared/forms/versioning';
import type { Masters } from '../../../shared/model/master';
import type { Project } from '../../../shared/model/project';
import { mastersOf, sitesOf } from '../../../shared/rules/from-records';
import { checkSubmission, checkWithFonts, type Finding } from '../../../shared/rules';
import type { GlyphCoverage } from '../../../shared/rules/catalog/preflight';
import { buildSubmission, formById, type Submission } from '../../../shared/rules/submission';
import type { WorkspaceData } from '../../../shared/io/envelope';
import { localJournal } from '../../db/journal';
import { DbError, type Repositories } from '../../db/repositories';

export interface CheckData {
  readonly project: Project;
  readonly profile: InstitutionProfile;
  readonly masters: Masters;
  readonly cost: CostModel;
  /** Stored answers per form id. */
  readonly answers: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  readonly consultation: JizenSoudan | undefined;
  readonly sites: ReturnType<typeof sitesOf>;
  /** The project's 変更申請 and 照会回答 rounds; a draft 変更申請 with its changes against its baseline (issue 13). */
  readonly filingDocs: readonly FilingDocCheck[];
}

/** Baselines read once per as-filed copy (a copy never changes; its files are large). */
const baselineCache = new Map<string, { readonly frozenAt: string; readonly resolved: ResolvedFiling | undefined }>();

/** The as-filed data of each baseline a draft 変更申請 of the records compares with. */
async function loadBaselines(repos: Repositories, records: WorkspaceData, projectId: string): Promise<Map<string, ResolvedFiling>> {
  const out = new Map<string, ResolvedFiling>();
  const drafts = new Set(records.filings.filter((f) => f.projectId === projectId && f.kind === 'change' && f.status === 'draft').map((f) => f.id));
  for (const doc of records.filingDocs) {
    if (!drafts.has(doc.filingId) || doc.content.kind !== 'change') continue;
    const id = doc.content.baselineFilingId;
    const copy = await repos.filings.copy(id).catch(() => undefined);
    if (!copy) continue;
    const cached = baselineCache.get(id);
    const resolved = cached?.frozenAt === copy.frozenAt ? cached.resolved : parseResolved(copy);
    baselineCache.set(id, { frozenAt: copy.frozenAt, resolved });
    if (resolved) out.set(id, resolved);
  }
  return out;
}

export async function loadCheckData(repos: Repositories, projectId: string): Promise<CheckData> {
  const records = await repos.projectRecords(projectId);
  const baselines = await loadBaselines(repos, records, projectId);
  return checkDataOf(records, projectId, { baselines });
}

/**
 * `journals: false`: exactly what is stored (「この値に統一」 plans its edits against that).
 * `baselines`: the as-filed data a draft 変更申請 compares with, by filing id (without them its
 * generated changes are not known and R-CH-1 stays quiet).
 */
export function checkDataOf(d: WorkspaceData, projectId: string, options: { readonly journals?: boolean; readonly baselines?: ReadonlyMap<string, ResolvedFiling> } = {}): CheckData {
  const project = d.projects.find((p) => p.id === projectId);
  if (!project) throw new DbError('not-found', '案件が見つかりません。削除された可能性があります。');
  let profile = emptyInstitutionProfile();
  for (const row of d.settings) if (row.key === 'institution') profile = row.value;
  const masters = mastersOf(d);
  const costRow = d.costModels.find((r) => r.projectId === projectId);
  const answers = new Map<string, Readonly<Record<string, unknown>>>();
  let cost = costRow?.model ?? emptyCostModel();
  for (const form of FORMS) {
    const row = d.formAnswers.find((r) => r.projectId === projectId && r.formId === form.id);
    const pending = options.journals === false ? undefined : localJournal(`form:${projectId}:${form.id}`, form.answers).readNewerThan(row?.updatedAt);
    const value = pending ?? (row ? (currentAnswers(form.id, row, FORMS) ?? row.answers) : undefined);
    if (value) answers.set(form.id, pending ? normalizeAnswers(form.answers, pending) : value);
  }
  if (options.journals !== false) {
    const pending = localJournal(`cost:${projectId}`, costFormSchema).readNewerThan(costRow?.updatedAt);
    const read = pending ? fromCostForm(pending, masters.equipment) : undefined;
    // Only what the 費用の計算 screen would save: input that does not read yet is not a cost.
    if (read?.model && read.errors.size === 0) cost = read.model;
  }
  const filingDocs = filingDocChecks(d, projectId, (id) => options.baselines?.get(id), toIsoDate(todayIn('Asia/Tokyo')));
  return { project, profile, masters, cost, answers, consultation: d.consultations.find((r) => r.projectId === projectId)?.data, sites: sitesOf(d, projectId), filingDocs };
}

/** The open editor's values: they stand for the stored answers of their form. */
export interface CurrentForm {
  readonly form: FormDefinition;
  readonly values: Readonly<Record<string, unknown>>;
}

/** The open 変更申請 or 照会回答 screen's document: it stands for the stored one. */
export interface CurrentDoc {
  readonly filingId: string;
  readonly content: FilingDocContent;
}

export interface CheckOptions {
  readonly current?: CurrentForm | undefined;
  readonly currentDoc?: CurrentDoc | undefined;
  readonly packageId?: PackageId;
  /** The bundled fonts' coverage, once they are loaded: adds the PRE-GLYPH preflight. */
  readonly glyphs?: GlyphCoverage | undefined;
}

export function computeFindings(data: CheckData, options: CheckOptions = {}): Finding[] {
  try {
    const s = submissionOf(data, options);
    return options.glyphs ? checkWithFonts(s, options.glyphs) : checkSubmission(s);
  } catch {
    // The check never takes the editor down: it says it could not run, and typing goes on.
    return [{ key: 'CHECK-FAILED', ruleId: 'CHECK', severity: 'info', message: '点検を実行できませんでした。入力した内容は保存されています。', basis: '', locations: [] }];
  }
}

/** The submission the check sees: stored answers, with the open editor's values for its form. */
export function submissionOf(data: CheckData, options: CheckOptions = {}): Submission {
  const answers = new Map(data.answers);
  const { current } = options;
  // 円 fields as the repository would store them (integer yen), so the check sees what a save writes.
  if (current) answers.set(current.form.id, normalizeAnswers(current.form.answers, current.values));
  return buildSubmission({
    project: data.project,
    profile: data.profile,
    masters: data.masters,
    cost: data.cost,
    answers,
    today: todayIn('Asia/Tokyo'),
    sites: data.sites.sites,
    siteAnswers: data.sites.siteAnswers,
    filingDocs: options.currentDoc ? withCurrentDoc(data.filingDocs, options.currentDoc) : data.filingDocs,
    ...(data.consultation ? { consultation: data.consultation } : {}),
    ...(options.packageId ? { packageId: options.packageId } : {}),
  });
}

/** The documents with the open screen's content in place of its stored one (same kind only). */
function withCurrentDoc(docs: readonly FilingDocCheck[], current: CurrentDoc): FilingDocCheck[] {
  return docs.map((d) => (d.filing.id === current.filingId && d.content.kind === current.content.kind ? { ...d, content: current.content } : d));
}

/** A prose answer as stored (what 「この値に統一」 rewrites). */
export function storedText(data: CheckData, doc: string, field: string): string {
  const v = formById(doc) ? data.answers.get(doc)?.[field] : undefined;
  return typeof v === 'string' ? v : '';
}

export type Acknowledgement = Project['acknowledgements'][number];

/** Findings split by whether the user marked them 確認済み; errors are never acknowledged. */
export function splitAcknowledged(findings: readonly Finding[], acks: readonly Acknowledgement[]) {
  const byKey = new Map(acks.map((a) => [a.key, a]));
  const open: Finding[] = [];
  const acknowledged: Array<{ readonly finding: Finding; readonly ack: Acknowledgement }> = [];
  for (const f of findings) {
    const ack = f.severity === 'error' ? undefined : byKey.get(f.key);
    if (ack && ack.ruleId === f.ruleId) acknowledged.push({ finding: f, ack });
    else open.push(f);
  }
  return { open, acknowledged };
}
