/**
 * Export format 5 (issue 15): the eleven tables, before issue 19 — projects without origin,
 * 要確認 flags or used 定型文, settings without 定型文. Files of this format are upgraded to the current
 * format on import with every value kept (the new project fields read as none); they are never
 * refused for being old (test/fixtures/format5, written by commit 97c9cf3).
 *
 * !! Frozen: this is what files on users' disks contain. Never change what it accepts.
 */
import { z } from 'zod';
import { workspaceDataSchema, type WorkspaceData } from '../envelope';

export const workspaceDataV5Schema = workspaceDataSchema;
export type WorkspaceDataV5 = z.infer<typeof workspaceDataV5Schema>;

export const envelopeV5Schema = z.strictObject({
  format: z.literal('senshin-desk'),
  formatVersion: z.literal(5),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  kind: z.enum(['workspace', 'project']),
  data: workspaceDataV5Schema,
});

/** Format 5 → 6: every value as it was; the fields added since read with their defaults (parsed above). */
export function upgradeV5Data(data: WorkspaceDataV5): WorkspaceData {
  return data;
}
