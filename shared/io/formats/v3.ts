/**
 * Export format 3 (issue 13 to issue 14): the ten tables of schema 5, whose filingDocs hold only a
 * 変更申請's or a 照会回答's document. Files of this format are upgraded to the current format on
 * import with every value kept; they are never refused for being old.
 *
 * !! Frozen: this is what files on users' disks contain. Never change what it accepts.
 */
import { z } from 'zod';
import { filingDocRowSchema } from '../records';
import { workspaceDataV4Schema, type WorkspaceDataV4 } from './v4';

const MAX_ROWS = 20_000;

/** A document of format 3: a 変更申請's or a 照会回答's (reports had none yet). */
const filingDocRowV3Schema = filingDocRowSchema.refine((r) => r.content.kind === 'change' || r.content.kind === 'inquiry-response', { message: 'ファイル形式 第3版の届出の内容は、変更申請か照会回答のものです', path: ['content', 'kind'] });

export const workspaceDataV3Schema = workspaceDataV4Schema.extend({ filingDocs: z.array(filingDocRowV3Schema).max(MAX_ROWS) });
export type WorkspaceDataV3 = z.infer<typeof workspaceDataV3Schema>;

export const envelopeV3Schema = z.strictObject({
  format: z.literal('senshin-desk'),
  formatVersion: z.literal(3),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  kind: z.enum(['workspace', 'project']),
  data: workspaceDataV3Schema,
});

/** Format 3 → 4 (then 4 → 5, formats/v4.ts): every value as it was (format 4 adds the reports' documents). */
export function upgradeV3Data(data: WorkspaceDataV3): WorkspaceDataV4 {
  return data;
}
