/**
 * Export format 1 (app 0.1.0): the five tables of schema 3 — projects, consultations,
 * formAnswers, costModels, settings. Files of this format are upgraded to the current format on
 * import with every value kept (issue 11 item 4); they are never refused for being old.
 *
 * !! Frozen: this is what files on users' disks contain. Never change what it accepts.
 */
import { z } from 'zod';
import { initialFiling } from '../../filings/initial';
import { consultationRowSchema, costModelRowSchema, formAnswersRowSchema, projectRowSchema, settingRowSchema } from '../records';
import type { WorkspaceDataV2 } from './v2';

const MAX_ROWS = 20_000;

export const workspaceDataV1Schema = z.strictObject({
  projects: z.array(projectRowSchema).max(MAX_ROWS),
  consultations: z.array(consultationRowSchema).max(MAX_ROWS),
  formAnswers: z.array(formAnswersRowSchema).max(MAX_ROWS),
  costModels: z.array(costModelRowSchema).max(MAX_ROWS),
  settings: z.array(settingRowSchema).max(100),
});

export const envelopeV1Schema = z.strictObject({
  format: z.literal('senshin-desk'),
  formatVersion: z.literal(1),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  kind: z.enum(['workspace', 'project']),
  data: workspaceDataV1Schema,
});
export type EnvelopeV1 = z.infer<typeof envelopeV1Schema>;

/**
 * Format 1 → 2 (then 2 → 3, formats/v2.ts): every value as it was; each project's package becomes its first filing (新規届出,
 * 作成中), answers are stamped with template version 1, no sites or as-filed copies yet. `today`
 * ('YYYY-MM-DD') picks the template set of a project without a 届出日.
 */
export function upgradeV1Data(data: z.infer<typeof workspaceDataV1Schema>, today: string): WorkspaceDataV2 {
  return {
    projects: data.projects,
    consultations: data.consultations,
    formAnswers: data.formAnswers.map((r) => ({ ...r, formVersion: r.formVersion })),
    costModels: data.costModels,
    settings: data.settings,
    filings: data.projects.map((p) => initialFiling(p, p.updatedAt, today)),
    filedCopies: [],
    sites: [],
    siteAnswers: [],
  };
}
