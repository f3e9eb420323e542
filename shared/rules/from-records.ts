/**
 * A submission built from stored records (an exported project file or backup): what `npm run check`
 * and the bench read. Settings rows give the institution profile and the masters.
 */
import { emptyCostModel } from '../cost/model';
import { toIsoDate, type YMD } from '../dates/iso-date';
import { copiesBaseline, filingDocChecks } from './filing-docs';
import { emptyInstitutionProfile } from '../forms/jizen-soudan/schema';
import type { WorkspaceData } from '../io/envelope';
import { mastersOf } from './masters-of';
import type { PackageId } from '../forms/packages';
import { buildSubmission, type Submission } from './submission';
import type { Site } from '../model/site';
import { currentAnswers } from '../forms/versioning';

export { mastersOf } from './masters-of';
import { FORMS } from '../forms/registry';

/** One submission per project of the file, in the file's order. */
export function submissionsOf(data: WorkspaceData, today: YMD, packageId?: PackageId): Submission[] {
  const masters = mastersOf(data);
  let profile = emptyInstitutionProfile();
  for (const row of data.settings) if (row.key === 'institution') profile = row.value;
  return data.projects.map((project) => {
    // Each 様式 upgraded from the template version it was stored with (issue 11).
    const answers = new Map(data.formAnswers.filter((r) => r.projectId === project.id).map((r) => [r.formId, currentAnswers(r.formId, r, FORMS) ?? r.answers]));
    const cost = data.costModels.find((r) => r.projectId === project.id)?.model ?? emptyCostModel();
    const consultation = data.consultations.find((r) => r.projectId === project.id)?.data;
    const { sites, siteAnswers } = sitesOf(data, project.id);
    const filingDocs = filingDocChecks(data, project.id, copiesBaseline(data), toIsoDate(today));
    return buildSubmission({ project, profile, masters, cost, answers, today, sites, siteAnswers, filingDocs, ...(consultation ? { consultation } : {}), ...(packageId ? { packageId } : {}) });
  });
}

/** A project's sites and each site's answers per form (upgraded from their template version). */
export function sitesOf(data: Pick<WorkspaceData, 'sites' | 'siteAnswers'>, projectId: string): { sites: Site[]; siteAnswers: Map<string, Map<string, Readonly<Record<string, unknown>>>> } {
  const sites = data.sites.filter((x) => x.projectId === projectId);
  const siteAnswers = new Map<string, Map<string, Readonly<Record<string, unknown>>>>();
  for (const row of data.siteAnswers) {
    if (row.projectId !== projectId) continue;
    const byForm = siteAnswers.get(row.siteId) ?? new Map<string, Readonly<Record<string, unknown>>>();
    byForm.set(row.formId, currentAnswers(row.formId, row, FORMS) ?? row.answers);
    siteAnswers.set(row.siteId, byForm);
  }
  return { sites, siteAnswers };
}
