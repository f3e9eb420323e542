/**
 * Fixtures for the consistency rules: the sample project (zero findings) with one thing changed.
 */
import type { CostModel } from '../../shared/cost/model';
import type { JizenSoudan } from '../../shared/forms/jizen-soudan/schema';
import type { PackageId } from '../../shared/forms/packages';
import type { Masters } from '../../shared/model/master';
import { projectSchema, type Project } from '../../shared/model/project';
import { checkSubmission, type Finding } from '../../shared/rules';
import { buildSubmission, type Submission } from '../../shared/rules/submission';
import { emptyInstitutionProfile } from '../../shared/forms/jizen-soudan/schema';
import { loadSample } from './sample';

export interface Change {
  readonly project?: Partial<Project>;
  readonly masters?: (m: Masters) => Masters;
  readonly cost?: (c: CostModel) => CostModel;
  /** Answers to merge into each form's sample answers. */
  readonly forms?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly consultation?: Partial<JizenSoudan>;
  readonly packageId?: PackageId;
}

export function sampleWith(change: Change = {}): Submission {
  const sample = loadSample();
  const t = '2027-01-01T00:00:00.000Z';
  const project = projectSchema.parse({ id: 'sample', ...sample.project, createdAt: t, updatedAt: t, ...change.project });
  const baseMasters: Masters = { people: sample.people, ...sample.masters };
  const answers = new Map(sample.forms);
  for (const [id, a] of Object.entries(change.forms ?? {})) answers.set(id, { ...(answers.get(id) ?? {}), ...a });
  return buildSubmission({
    project,
    profile: emptyInstitutionProfile(),
    masters: change.masters ? change.masters(baseMasters) : baseMasters,
    cost: change.cost ? change.cost(sample.cost) : sample.cost,
    answers,
    consultation: { ...sample.consultation, ...change.consultation },
    today: { year: 2027, month: 4, day: 5 },
    ...(change.packageId ? { packageId: change.packageId } : {}),
  });
}

export function findingsOf(change: Change = {}, ruleId?: string): Finding[] {
  const all = checkSubmission(sampleWith(change));
  return ruleId ? all.filter((f) => f.ruleId === ruleId) : all;
}
