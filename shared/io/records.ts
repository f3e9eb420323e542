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
import { filingSchema } from '../filings/filing';
import { filedCopySchema } from '../filings/as-filed';
import { filingDocSchema } from '../filings/filing-doc';
import { attachmentFileSchema } from '../filings/attachments';
import { siteSchema } from '../model/site';
import { phrasesSchema } from '../model/phrase';

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
  // 定型文 (issue 19): absent in files and workspaces before it.
  z.object({ key: z.literal('phrases'), value: phrasesSchema }),
]);
export type SettingRow = z.infer<typeof settingRowSchema>;

/** Answers of one 様式 of one project; `answers` is validated with that form's own schema. */
export const formAnswersRowSchema = z.object({
  projectId: z.string().min(1),
  formId: z.string().min(1).max(64),
  answers: z.record(z.string(), z.unknown()),
  /** Template version the answers were written with (issue 11); rows of app 0.1.0 read as 1. */
  formVersion: z.number().int().min(1).max(1000).default(1),
  updatedAt: z.string(),
});
export type FormAnswersRow = z.infer<typeof formAnswersRowSchema>;

export const costModelRowSchema = z.object({
  projectId: z.string().min(1),
  model: costModelSchema,
  updatedAt: z.string(),
});
export type CostModelRow = z.infer<typeof costModelRowSchema>;

/** A filing of the project (事前相談, 新規届出, 照会回答 …) with its status and dates (issue 11). */
export const filingRowSchema = filingSchema;
export type FilingRow = z.infer<typeof filingRowSchema>;

/** The immutable as-filed copy of a filing, keyed by the filing (issue 11). */
export const filedCopyRowSchema = filedCopySchema;
export type FiledCopyRow = z.infer<typeof filedCopyRowSchema>;

/** 申請・調整・協力医療機関, 委託側・受託側 of a project (issue 11). */
export const siteRowSchema = siteSchema;
export type SiteRow = z.infer<typeof siteRowSchema>;

/** A site's own answers of one 様式 (e.g. a 協力医療機関's 様式第9号, R-ID-7). */
export const siteAnswersRowSchema = z.object({
  siteId: z.string().min(1).max(64),
  projectId: z.string().min(1).max(64),
  formId: z.string().min(1).max(64),
  answers: z.record(z.string(), z.unknown()),
  formVersion: z.number().int().min(1).max(1000).default(1),
  updatedAt: z.string(),
});
export type SiteAnswersRow = z.infer<typeof siteAnswersRowSchema>;

/** What a 変更申請 or a 照会回答 round says (issue 13), one row per filing, keyed by the filing. */
export const filingDocRowSchema = filingDocSchema;
export type FilingDocRow = z.infer<typeof filingDocRowSchema>;

/** The bytes of a PDF attached to a filing (issue 15 item 5): immutable, keyed by its id. */
export const attachmentFileRowSchema = attachmentFileSchema;
export type AttachmentFileRow = z.infer<typeof attachmentFileRowSchema>;

/** Which table a document lives in; a revision remembers it so any revision can be put back. */
export const workTableSchema = z.enum(['projects', 'consultations', 'formAnswers', 'costModels', 'settings', 'filings', 'filedCopies', 'sites', 'siteAnswers', 'filingDocs', 'attachmentFiles']);

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
  // 'delete' (issue 11): a document removed by an edit of its list; never folded into the edit before it.
  kind: z.enum(['edit', 'restore', 'import', 'revert', 'unsaved', 'delete']),
  row: z.unknown(),
});
export type RevisionRow = z.infer<typeof revisionRowSchema>;

/** The raw content of the work tables before a restore or an import, to undo it (DATA-13). */
export const snapshotRowSchema = z.object({
  seq: z.number().int().positive().optional(),
  createdAt: z.string(),
  /** 'pre-delete': a project was deleted (issue 11); older rows have only the first two. */
  reason: z.enum(['pre-restore', 'pre-import', 'pre-delete']),
  /** 'pre-delete': the project deleted; undoing it puts back that project only (issue 11). */
  projectId: z.string().max(64).optional(),
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
