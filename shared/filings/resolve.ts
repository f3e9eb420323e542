/**
 * What a filing prints, gathered from one project's stored rows (issue 11 item 2; see freeze.ts):
 * apart from the PDF writer, so the check (issue 13: a 変更申請's generated changes) can resolve a
 * filing without loading it.
 */
import { emptyCostModel } from '../cost/model';
import { emptyInstitutionProfile, OFFICIAL_FAX_DESTINATION } from '../forms/jizen-soudan/schema';
import { FORMS } from '../forms/registry';
import { formVersion, readAnswers } from '../forms/versioning';
import type { WorkspaceData } from '../io/tables';
import { mastersOf } from '../rules/masters-of';
import { officerOn } from '../model/institution';
import type { ResolvedFiling } from './as-filed';
import type { Filing, FilingMethod } from './filing';
import { TEMPLATE_SETS, templateSetOn, type TemplateSet } from './template-sets';

export class FilingNotPrintable extends Error {}

export const NOT_PRINTABLE = 'この種類の届出は、まだこのアプリでは印刷できません。';

/** The package a 届出 filing prints (undefined for kinds this version cannot print yet). */
export function filingPackage(filing: Pick<Filing, 'kind' | 'packageId'>, category: 'A' | 'B'): ResolvedFiling['packageId'] | undefined {
  if (filing.packageId) return filing.packageId;
  if (filing.kind === 'new') return category === 'A' ? 'new-a' : 'new-b';
  if (filing.kind === 'cooperating' || filing.kind === 'outsourcing') return filing.kind;
  // A 照会回答 (and a 定期・総括報告) speaks of the technology's own package (its facts and 様式 as they now are); a
  // 変更申請 made before its baseline had a package compares that same package.
  if (filing.kind === 'inquiry-response' || filing.kind === 'change' || filing.kind === 'periodic-report' || filing.kind === 'final-report' || filing.kind === 'serious-adverse-event' || filing.kind === 'health-risk') return category === 'A' ? 'new-a' : 'new-b';
  return undefined;
}

/**
 * What a filing prints, from one project's stored rows and the settings (`records`, as read in
 * one transaction). `filedOn`/`method`: the day it is sent and how; `today` fills an empty 届出日.
 */
export function resolveFiling(records: WorkspaceData, filing: Filing, today: string, sent?: { readonly filedOn: string; readonly method: FilingMethod }, sets: readonly TemplateSet[] = TEMPLATE_SETS): ResolvedFiling {
  const project = records.projects.find((p) => p.id === filing.projectId);
  if (!project) throw new FilingNotPrintable('案件が見つかりません。');
  const packageId = filingPackage(filing, project.category);
  if (!packageId) throw new FilingNotPrintable(NOT_PRINTABLE);
  // The 届出日: the project's planned date belongs to its 新規届出; any other filing is dated by the
  // day it is sent (or today while it is being drafted).
  const filingDate = (filing.kind === 'new' ? project.filingDate : '') || sent?.filedOn || today;
  const set = templateSetOn(filingDate, sets);
  let institution = emptyInstitutionProfile();
  let faxDestination = OFFICIAL_FAX_DESTINATION;
  for (const row of records.settings) {
    if (row.key === 'institution') institution = row.value;
    else if (row.key === 'fax-destination') faxDestination = row.value;
  }
  // A 協力医療機関's own package: it is the filer, and its own 様式 (where it has them) replace the applicant's.
  const site = filing.siteId === undefined ? undefined : records.sites.find((x) => x.id === filing.siteId && x.projectId === project.id);
  if (filing.siteId !== undefined && !site) throw new FilingNotPrintable('この届出の協力医療機関が「実施医療機関」にありません。');
  const forms = FORMS.map((form) => {
    const own = site ? records.siteAnswers.find((r) => r.siteId === site.id && r.formId === form.id) : undefined;
    const row = own ?? records.formAnswers.find((r) => r.projectId === project.id && r.formId === form.id);
    const read = row ? readAnswers(form, row.answers, row.formVersion) : undefined;
    // Never print (and freeze) a blank 様式 in place of answers that could not be read.
    if (read && !read.ok) throw new FilingNotPrintable(`${form.number}のデータを読み取れないため、書類を作成できません（${read.reason === 'newer' ? '新しい版のアプリで保存されています' : '内容が正しくありません'}）。`);
    // Stamped with the version the answers now have (they were upgraded by readAnswers).
    return { formId: form.id, version: formVersion(form), answers: read ? { ...read.unknown, ...read.answers } : form.empty() };
  });
  const masters = mastersOf(records);
  const consultation = records.consultations.find((r) => r.projectId === project.id)?.data;
  // The filing's own document (a 変更申請, a 照会回答: issue 13) is frozen with it.
  const doc = records.filingDocs.find((d) => d.filingId === filing.id && d.projectId === project.id && d.content.kind === filing.kind)?.content;
  return {
    kind: filing.kind,
    packageId,
    templateSetId: set.id,
    filingDate,
    filedOn: sent?.filedOn ?? '',
    ...(sent ? { method: sent.method } : {}),
    project: site ? { ...project, filingDate, filer: { name: site.name, address: site.address, founderName: officerOn(site.officers, '開設者', filingDate)?.name ?? '' } } : { ...project, filingDate },
    institution,
    faxDestination,
    masters: { people: [...masters.people], departments: [...masters.departments], committees: [...masters.committees], products: [...masters.products], equipment: [...masters.equipment] },
    cost: records.costModels.find((r) => r.projectId === project.id)?.model ?? emptyCostModel(),
    forms,
    ...(consultation ? { consultation } : {}),
    sites: records.sites.filter((x) => x.projectId === project.id),
    ...(doc ? { doc } : {}),
  };
}
