/**
 * Stored row shapes. Every row is validated before it is written and parsed after it is read
 * (DATA-09): the database is an edge like any other.
 */
import { z } from 'zod';
import { costModelSchema } from '../cost/model';
import { committeesSchema, departmentsSchema, equipmentListSchema, productsSchema } from '../model/master';
import { rosterSchema } from '../model/person';
import { projectSchema } from '../model/project';
import { faxDestinationSchema, institutionProfileSchema, jizenSoudanSchema } from '../forms/jizen-soudan/schema';

export const projectRowSchema = projectSchema;
export type ProjectRow = z.infer<typeof projectRowSchema>;

export const consultationRowSchema = z.object({
  projectId: z.string().min(1),
  data: jizenSoudanSchema,
  updatedAt: z.string(),
});
export type ConsultationRow = z.infer<typeof consultationRowSchema>;

export const settingRowSchema = z.discriminatedUnion('key', [
  z.object({ key: z.literal('institution'), value: institutionProfileSchema }),
  z.object({ key: z.literal('fax-destination'), value: faxDestinationSchema }),
  z.object({ key: z.literal('roster'), value: rosterSchema }),
  z.object({ key: z.literal('departments'), value: departmentsSchema }),
  z.object({ key: z.literal('committees'), value: committeesSchema }),
  z.object({ key: z.literal('products'), value: productsSchema }),
  z.object({ key: z.literal('equipment'), value: equipmentListSchema }),
]);
export type SettingRow = z.infer<typeof settingRowSchema>;

/** Answers of one 様式 of one project; `answers` is validated with that form's own schema. */
export const formAnswersRowSchema = z.object({
  projectId: z.string().min(1),
  formId: z.string().min(1).max(64),
  answers: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});
export type FormAnswersRow = z.infer<typeof formAnswersRowSchema>;

export const costModelRowSchema = z.object({
  projectId: z.string().min(1),
  model: costModelSchema,
  updatedAt: z.string(),
});
export type CostModelRow = z.infer<typeof costModelRowSchema>;

/** Which table a document lives in; a revision remembers it so any revision can be put back. */
export const workTableSchema = z.enum(['projects', 'consultations', 'formAnswers', 'costModels', 'settings']);

/**
 * One saved state of one document (DATA-17), and the document's revision number (DATA-10): a save
 * is refused when the newest revision is not the one the editor loaded. `row` is the row as it
 * was written (null: the document was removed by a restore).
 */
export const revisionRowSchema = z.object({
  seq: z.number().int().positive().optional(),
  docKey: z.string().min(1).max(200),
  rev: z.number().int().nonnegative(),
  table: workTableSchema,
  savedAt: z.string(),
  /** The first save folded into this revision (see FOLD_MS in renderer/db/revisions.ts). */
  since: z.string().optional(),
  /** Which window saved it: edits of one window are folded into one revision every few minutes. */
  session: z.string().max(64),
  kind: z.enum(['edit', 'restore', 'import', 'revert', 'unsaved']),
  row: z.unknown(),
});
export type RevisionRow = z.infer<typeof revisionRowSchema>;

/** The raw content of the work tables before a restore or an import, to undo it (DATA-13). */
export const snapshotRowSchema = z.object({
  seq: z.number().int().positive().optional(),
  createdAt: z.string(),
  reason: z.enum(['pre-restore', 'pre-import']),
  /** What the user did, e.g. the backup file's name: shown in the list of snapshots. */
  label: z.string().max(300),
  projects: z.number().int().nonnegative(),
  /** JSON of { [table]: rows[] } exactly as stored, unreadable rows included. */
  json: z.string(),
});
export type SnapshotRow = z.infer<typeof snapshotRowSchema>;

/** One journal entry of unsaved edits (renderer/db/journal.ts): the key and its JSON text. */
export const draftRowSchema = z.object({ key: z.string().min(1).max(300), value: z.string() });
export type DraftRow = z.infer<typeof draftRowSchema>;
