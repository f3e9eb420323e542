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
import { todayIn } from '../../../shared/dates/iso-date';
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
}

export async function loadCheckData(repos: Repositories, projectId: string): Promise<CheckData> {
  return checkDataOf(await repos.projectRecords(projectId), projectId);
}

/** `journals: false`: exactly what is stored (「この値に統一」 plans its edits against that). */
export function checkDataOf(d: WorkspaceData, projectId: string, options: { readonly journals?: boolean } = {}): CheckData {
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
  return { project, profile, masters, cost, answers, consultation: d.consultations.find((r) => r.projectId === projectId)?.data, sites: sitesOf(d, projectId) };
}

/** The open editor's values: they stand for the stored answers of their form. */
export interface CurrentForm {
  readonly form: FormDefinition;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface CheckOptions {
  readonly current?: CurrentForm | undefined;
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
    ...(data.consultation ? { consultation: data.consultation } : {}),
    ...(options.packageId ? { packageId: options.packageId } : {}),
  });
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
