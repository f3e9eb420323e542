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
import { emptyInstitutionProfile, type InstitutionProfile } from '../../shared/forms/jizen-soudan/schema';
import { siteSchema, type Site } from '../../shared/model/site';
import { loadSample } from './sample';
import type { FilingDocCheck } from '../../shared/rules/filing-docs';

export interface Change {
  readonly project?: Partial<Project>;
  readonly masters?: (m: Masters) => Masters;
  readonly cost?: (c: CostModel) => CostModel;
  /** Answers to merge into each form's sample answers. */
  readonly forms?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly consultation?: Partial<JizenSoudan>;
  readonly packageId?: PackageId;
  readonly profile?: Partial<InstitutionProfile>;
  /** Sites of the project (issue 11) and each site's own answers per form id. */
  readonly sites?: readonly Site[];
  readonly siteAnswers?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  /** The project's 変更申請 and 照会回答 rounds (issue 13). */
  readonly filingDocs?: readonly FilingDocCheck[];
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
    profile: { ...emptyInstitutionProfile(), ...change.profile },
    masters: change.masters ? change.masters(baseMasters) : baseMasters,
    cost: change.cost ? change.cost(sample.cost) : sample.cost,
    answers,
    consultation: { ...sample.consultation, ...change.consultation },
    today: { year: 2027, month: 4, day: 5 },
    ...(change.packageId ? { packageId: change.packageId } : {}),
    ...(change.sites ? { sites: change.sites } : {}),
    ...(change.filingDocs ? { filingDocs: change.filingDocs } : {}),
    ...(change.siteAnswers ? { siteAnswers: new Map(Object.entries(change.siteAnswers).map(([id, forms]) => [id, new Map(Object.entries(forms))])) } : {}),
  });
}

export function findingsOf(change: Change = {}, ruleId?: string): Finding[] {
  const all = checkSubmission(sampleWith(change));
  return ruleId ? all.filter((f) => f.ruleId === ruleId) : all;
}

/** A site of the sample project, as the sites screen stores it. */
export function siteOf(over: Partial<Site> & Pick<Site, 'id' | 'role' | 'name'>): Site {
  return siteSchema.parse({ projectId: 'sample', address: '', createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z', ...over });
}
