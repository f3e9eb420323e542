/**
 * Export format 2 (issue 11 to issue 12): the nine tables of schema 4 — projects, consultations,
 * formAnswers, costModels, settings, filings, filedCopies, sites, siteAnswers. Files of this format
 * are upgraded to the current format on import with every value kept (issue 13); they are never
 * refused for being old.
 *
 * !! Frozen: this is what files on users' disks contain. Never change what it accepts.
 */
import { z } from 'zod';
import {
  consultationRowSchema,
  costModelRowSchema,
  filedCopyRowSchema,
  filingRowSchema,
  formAnswersRowSchema,
  projectRowSchema,
  settingRowSchema,
  siteAnswersRowSchema,
  siteRowSchema,
} from '../records';
import type { WorkspaceDataV4 } from './v4';

const MAX_ROWS = 20_000;

export const workspaceDataV2Schema = z.strictObject({
  projects: z.array(projectRowSchema).max(MAX_ROWS),
  consultations: z.array(consultationRowSchema).max(MAX_ROWS),
  formAnswers: z.array(formAnswersRowSchema).max(MAX_ROWS),
  costModels: z.array(costModelRowSchema).max(MAX_ROWS),
  settings: z.array(settingRowSchema).max(100),
  filings: z.array(filingRowSchema).max(MAX_ROWS),
  filedCopies: z.array(filedCopyRowSchema).max(MAX_ROWS),
  sites: z.array(siteRowSchema).max(MAX_ROWS),
  siteAnswers: z.array(siteAnswersRowSchema).max(MAX_ROWS),
});
export type WorkspaceDataV2 = z.infer<typeof workspaceDataV2Schema>;

export const envelopeV2Schema = z.strictObject({
  format: z.literal('senshin-desk'),
  formatVersion: z.literal(2),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  kind: z.enum(['workspace', 'project']),
  data: workspaceDataV2Schema,
});
export type EnvelopeV2 = z.infer<typeof envelopeV2Schema>;

/** Format 2 → 3 (→ 4 → 5): every value as it was; no filing had a document of its own yet (filingDocs empty). */
export function upgradeV2Data(data: WorkspaceDataV2): WorkspaceDataV4 {
  return { ...data, filingDocs: [] };
}
