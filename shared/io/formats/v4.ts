/**
 * Export format 4 (issue 14): the ten tables of schema 5 — the reports' documents in filingDocs,
 * no attached PDFs yet. Files of this format are upgraded to the current format on import with
 * every value kept; they are never refused for being old.
 *
 * !! Frozen: this is what files on users' disks contain. Never change what it accepts.
 */
import { z } from 'zod';
import { workspaceDataSchema, type WorkspaceData } from '../envelope';

export const workspaceDataV4Schema = workspaceDataSchema.omit({ attachmentFiles: true });
export type WorkspaceDataV4 = z.infer<typeof workspaceDataV4Schema>;

export const envelopeV4Schema = z.strictObject({
  format: z.literal('senshin-desk'),
  formatVersion: z.literal(4),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  kind: z.enum(['workspace', 'project']),
  data: workspaceDataV4Schema,
});

/** Format 4 → 5: every value as it was; nothing was attached yet (attachmentFiles empty). */
export function upgradeV4Data(data: WorkspaceDataV4): WorkspaceData {
  return { ...data, attachmentFiles: [] };
}
