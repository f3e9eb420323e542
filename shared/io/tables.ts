/**
 * The one list of stored tables of user data (issue 11 item 8). Backup, restore, export, project
 * files, revisions (document keys) and deletion of a project are derived from it, so a new table
 * is added here once and every one of those follows.
 *
 * !! The order is the order of export files and of undo snapshots; `prefix` and `keys` make the
 * document keys stored in revisions: never change them for an existing table.
 */
import type { z } from 'zod';
import {
  attachmentFileRowSchema,
  consultationRowSchema,
  costModelRowSchema,
  filedCopyRowSchema,
  filingDocRowSchema,
  filingRowSchema,
  formAnswersRowSchema,
  projectRowSchema,
  settingRowSchema,
  siteAnswersRowSchema,
  siteRowSchema,
} from './records';

export interface TableSpec<S extends z.ZodType> {
  readonly schema: S;
  /** 「案件」: where a problem is, for the user. */
  readonly label: string;
  /** 'project': every row belongs to one project (deleted, exported and imported with it). */
  readonly scope: 'project' | 'workspace';
  /** Document key: `${prefix}:${keys…}` (revisions, conflicts). */
  readonly prefix: string;
  /** Fields of the row that make its key: typed from the schema, so a typo fails the type check. */
  readonly keys: ReadonlyArray<keyof z.output<S> & string>;
  /** The field naming the project ('id' for the projects table itself). */
  readonly projectField?: keyof z.output<S> & string;
  /** Written once, never replaced (the as-filed copies). */
  readonly immutable?: boolean;
}

const spec = <S extends z.ZodType>(s: TableSpec<S>): TableSpec<S> => s;

export const TABLES = {
  projects: spec({ schema: projectRowSchema, label: '案件', scope: 'project', prefix: 'project', keys: ['id'], projectField: 'id' }),
  consultations: spec({ schema: consultationRowSchema, label: '事前相談申込書', scope: 'project', prefix: 'consultation', keys: ['projectId'], projectField: 'projectId' }),
  formAnswers: spec({ schema: formAnswersRowSchema, label: '様式の入力内容', scope: 'project', prefix: 'form', keys: ['projectId', 'formId'], projectField: 'projectId' }),
  costModels: spec({ schema: costModelRowSchema, label: '費用の計算', scope: 'project', prefix: 'cost', keys: ['projectId'], projectField: 'projectId' }),
  settings: spec({ schema: settingRowSchema, label: '設定・名簿・マスタ', scope: 'workspace', prefix: 'setting', keys: ['key'] }),
  filings: spec({ schema: filingRowSchema, label: '届出・報告', scope: 'project', prefix: 'filing', keys: ['id'], projectField: 'projectId' }),
  filedCopies: spec({ schema: filedCopyRowSchema, label: '提出済みの控え', scope: 'project', prefix: 'filed', keys: ['filingId'], projectField: 'projectId', immutable: true }),
  sites: spec({ schema: siteRowSchema, label: '実施医療機関', scope: 'project', prefix: 'site', keys: ['id'], projectField: 'projectId' }),
  siteAnswers: spec({ schema: siteAnswersRowSchema, label: '医療機関ごとの様式', scope: 'project', prefix: 'site-form', keys: ['siteId', 'formId'], projectField: 'projectId' }),
  // Issue 13: what a 変更申請 or a 照会回答 round says, one row per filing (schema 5, export format 3).
  filingDocs: spec({ schema: filingDocRowSchema, label: '変更申請・照会回答の内容', scope: 'project', prefix: 'filing-doc', keys: ['filingId'], projectField: 'projectId' }),
  // Issue 15: the bytes of each PDF attached to a filing (schema 6, export format 5); written once.
  attachmentFiles: spec({ schema: attachmentFileRowSchema, label: '添付したPDF', scope: 'project', prefix: 'attachment', keys: ['id'], projectField: 'projectId', immutable: true }),
} as const;

export type WorkTable = keyof typeof TABLES;
export const WORK_TABLES = ['projects', 'consultations', 'formAnswers', 'costModels', 'settings', 'filings', 'filedCopies', 'sites', 'siteAnswers', 'filingDocs', 'attachmentFiles'] as const satisfies readonly WorkTable[];
// Every table of TABLES is listed above (a table left out would be missing from backups).
const everyTableListed: [Exclude<WorkTable, (typeof WORK_TABLES)[number]>] extends [never] ? true : never = true;
void everyTableListed;
export type RowOf<T extends WorkTable> = z.infer<(typeof TABLES)[T]['schema']>;
export type WorkspaceData = { [T in WorkTable]: Array<RowOf<T>> };

function str(row: unknown, key: string): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const v: unknown = Reflect.get(row, key);
  return typeof v === 'string' ? v : undefined;
}

/** The document key of a stored row (undefined for a row without its key fields). */
export function docKeyOfRow(table: WorkTable, row: unknown): string | undefined {
  const t = TABLES[table];
  const parts = t.keys.map((k) => str(row, k));
  return parts.every((p): p is string => p !== undefined) ? `${t.prefix}:${parts.join(':')}` : undefined;
}

/** The table a document key lives in (the inverse of docKeyOfRow). */
export function tableOfDocKey(docKey: string): WorkTable | undefined {
  const prefix = docKey.slice(0, docKey.indexOf(':'));
  return WORK_TABLES.find((t) => TABLES[t].prefix === prefix);
}

/** The project a stored row belongs to (undefined for workspace rows and unreadable ones). */
export function projectOfRow(table: WorkTable, row: unknown): string | undefined {
  const field = TABLES[table].projectField;
  return field === undefined ? undefined : str(row, field);
}

export const PROJECT_TABLES = WORK_TABLES.filter((t) => TABLES[t].scope === 'project');

/** The rows of one project, every project table (settings are the caller's choice). */
export function projectSlice(d: WorkspaceData, projectId: string): Omit<WorkspaceData, 'settings'> {
  const mine = <R>(t: WorkTable, rows: readonly R[]): R[] => rows.filter((r) => projectOfRow(t, r) === projectId);
  return {
    projects: mine('projects', d.projects),
    consultations: mine('consultations', d.consultations),
    formAnswers: mine('formAnswers', d.formAnswers),
    costModels: mine('costModels', d.costModels),
    filings: mine('filings', d.filings),
    filedCopies: mine('filedCopies', d.filedCopies),
    sites: mine('sites', d.sites),
    siteAnswers: mine('siteAnswers', d.siteAnswers),
    filingDocs: mine('filingDocs', d.filingDocs),
    attachmentFiles: mine('attachmentFiles', d.attachmentFiles),
  };
}
