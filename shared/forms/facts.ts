/**
 * The facts of a package, resolved once from the stored entities (architecture: forms are views
 * over the model). Every screen and export that prints a form goes through here, so a form can
 * never show another 実施責任医師, 開設者 or cost than the package it belongs to.
 */
import { calculateCost } from '../cost/calculate';
import { linkEquipment, type CostModel } from '../cost/model';
import { toIsoDate, type YMD } from '../dates/iso-date';
import type { InstitutionProfile } from './jizen-soudan/schema';
import type { Masters } from '../model/master';
import { costDate, filingInstitution, type Project } from '../model/project';
import type { SubmissionFacts } from './definition';
import type { Site } from '../model/site';

export function resolveFacts(input: {
  readonly project: Project;
  readonly profile: InstitutionProfile;
  readonly masters: Masters;
  readonly cost: CostModel;
  /** Today in Japan: the 届出日 when the project has none yet. */
  readonly today: YMD;
  /** The project's sites (調整・協力医療機関 …), printed on 様式第2号 (issue 11). */
  readonly sites?: readonly Site[];
}): SubmissionFacts {
  const { project, masters } = input;
  const day = costDate(project, input.today);
  const physician = masters.people.find((p) => p.id === project.responsiblePhysicianId);
  return {
    institution: filingInstitution(project, input.profile, day),
    contact: { affiliation: input.profile.contactAffiliation, name: input.profile.contactName, tel: input.profile.tel, fax: input.profile.fax, email: input.profile.email },
    technologyName: project.technologyName,
    filingDate: project.filingDate,
    asOf: toIsoDate(day),
    ...(physician ? { responsiblePhysician: physician } : {}),
    indication: project.indication,
    category: project.category,
    cost: calculateCost(linkEquipment(input.cost, masters.equipment), day),
    masters,
    sites: input.sites ?? [],
  };
}
