/**
 * The one export format (DATA-14): a versioned envelope around the stored records. The same file
 * is a backup of the whole workspace, a way to move work to another PC, and a project sent to a
 * 協力医療機関 (kind 'project': one project, its rows, and the 名簿/マスタ entries it can pick).
 *
 * !! formatVersion is a promise to every file already written: a change to what `data` holds needs
 * a new version and a reader for the old one. A file of a newer version is refused (DATA-06).
 */
import { z } from 'zod';
import { FORMS } from '../forms/registry';
import { fileIntact } from '../filings/files';
import { isFrozen } from '../filings/filing';
import { changeItemIdsOf, docProblems } from '../filings/filing-doc';
import { readAnswers } from '../forms/versioning';
import { fieldsOf } from '../forms/field';
import { parseIsoDate } from '../dates/iso-date';
import { TABLES, WORK_TABLES, docKeyOfRow, projectOfRow, type WorkTable, type WorkspaceData } from './tables';
export type { WorkspaceData } from './tables';

export const EXPORT_FORMAT = 'senshin-desk';
/**
 * 1: app 0.1.0 (projects, consultations, formAnswers, costModels, settings).
 * 2: issue 11 — filings, as-filed copies, sites; a project file carries 設定 (institution, FAX).
 * 3: issue 13 — filingDocs: what a 変更申請 or a 照会回答 round says (format 2 had none).
 * 4: issue 14 — filingDocs also hold a 定期報告's / 総括報告's document with its 実績報告 (and the
 *    safety reports'); a project carries its 制度 (先進医療 / 患者申出療養).
 * 5: issue 15 — attachmentFiles: the PDFs attached to a filing (its row lists them in order, and
 *    says which copy — 下書き / 提出用 — it prints).
 * 6: issue 19 — a project says where it was started from and which carried values are still 要確認
 *    (origin, unconfirmed) and which 定型文 it used (phrasesUsed); settings may hold the 定型文
 *    (phrases). An app of format 5 refuses such a file as newer instead of as broken.
 * Older files are upgraded on import (shared/io/formats/), never refused.
 */
export const EXPORT_FORMAT_VERSION = 6;

/** Upper bounds that keep a hostile file from exhausting memory while it is validated. */
const MAX_ROWS = 20_000;
const MAX_SETTINGS = 100;

export const workspaceDataSchema = z.strictObject({
  projects: z.array(TABLES.projects.schema).max(MAX_ROWS),
  consultations: z.array(TABLES.consultations.schema).max(MAX_ROWS),
  formAnswers: z.array(TABLES.formAnswers.schema).max(MAX_ROWS),
  costModels: z.array(TABLES.costModels.schema).max(MAX_ROWS),
  settings: z.array(TABLES.settings.schema).max(MAX_SETTINGS),
  filings: z.array(TABLES.filings.schema).max(MAX_ROWS),
  filedCopies: z.array(TABLES.filedCopies.schema).max(MAX_ROWS),
  sites: z.array(TABLES.sites.schema).max(MAX_ROWS),
  siteAnswers: z.array(TABLES.siteAnswers.schema).max(MAX_ROWS),
  filingDocs: z.array(TABLES.filingDocs.schema).max(MAX_ROWS),
  // Each row holds up to 32 MB of PDF: the file's own size limits bound how many fit.
  attachmentFiles: z.array(TABLES.attachmentFiles.schema).max(MAX_ROWS),
}) satisfies z.ZodType<WorkspaceData>;

export const exportKindSchema = z.enum(['workspace', 'project']);
export type ExportKind = z.infer<typeof exportKindSchema>;

export const exportEnvelopeSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  kind: exportKindSchema,
  data: workspaceDataSchema,
});
export type ExportEnvelope = z.infer<typeof exportEnvelopeSchema>;

export function emptyWorkspaceData(): WorkspaceData {
  return { projects: [], consultations: [], formAnswers: [], costModels: [], settings: [], filings: [], filedCopies: [], sites: [], siteAnswers: [], filingDocs: [], attachmentFiles: [] };
}

export function makeEnvelope(kind: ExportKind, data: WorkspaceData, appVersion: string, createdAt: string): ExportEnvelope {
  return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, appVersion, createdAt, kind, data };
}

/** Serialises an envelope as UTF-8 JSON (the bytes of an export or backup file). */
export function envelopeJson(envelope: ExportEnvelope): string {
  return JSON.stringify(envelope);
}

/** A problem found inside a well-formed envelope: where, and what (Japanese, for the user). */
export interface RecordProblem {
  readonly where: string;
  readonly message: string;
  /** The row the problem is in (for cross-check problems). */
  readonly row?: { readonly table: keyof WorkspaceData; readonly index: number };
}

/** 「案件 2件目（projects[1].name）」: where a zod issue is, in words a coordinator can report. */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  const [table, index] = path;
  const known = WORK_TABLES.find((t) => t === table);
  const label = known === undefined ? undefined : TABLES[known].label;
  const technical = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
  if (label === undefined) return technical === '' ? 'ファイル全体' : technical;
  const nth = typeof index === 'number' ? ` ${index + 1}件目` : '';
  return `${label}${nth}（${technical}）`;
}

/**
 * Fields of the stored rows that hold a calendar day, 'YYYY-MM-DD' or '' (none): every one is typed
 * in a date input, which cannot write anything else (issue 12: 「2027-02-30」 was accepted).
 * 様式 answers are checked by their fields' kind 'date' instead (their keys are the form's).
 */
const DATE_FIELDS: ReadonlyMap<string, string> = new Map([
  ['filingDate', '届出日'],
  ['validFrom', '適用日・就任日'],
  ['experienceAsOf', '経験年数・症例数の時点'],
  ['purchasedOn', '購入年月日'],
  ['heldOn', '事前相談の実施日'],
  ['from', '就任日'],
  ['to', '退任日'],
  ['date', '日付'],
  ['filedOn', '提出日'],
]);

const badDate = (v: unknown): v is string => typeof v === 'string' && v !== '' && parseIsoDate(v) === undefined;
const dateMessage = (label: string, v: string): string => `${label}「${v.slice(0, 20)}」は実在する日付ではありません（YYYY-MM-DD の形の暦にある日付か、空欄）。`;

/** Every date field under `value` (a row) that is not a real calendar day, with its path. */
function badDates(value: unknown, path: PropertyKey[], out: Array<{ path: PropertyKey[]; message: string }>): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => badDates(v, [...path, i], out));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'answers') continue;
    const label = DATE_FIELDS.get(key);
    if (label !== undefined && badDate(v)) out.push({ path: [...path, key], message: dateMessage(label, v) });
    else badDates(v, [...path, key], out);
  }
}

/**
 * Checks what the schemas cannot: unique keys, every row belongs to a project in the file, every
 * 様式 is known and its answers pass that form's own schema (after its migrations), every date is
 * a real calendar day, every as-filed copy belongs to a filed filing and its bytes still hash to
 * what was recorded, every 変更申請・照会回答 document belongs to a filing of its kind and points only
 * to filings and change items of its project. Returns every problem (empty = valid).
 */
export function crossCheck(data: WorkspaceData): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const add = (table: WorkTable, index: number, path: ReadonlyArray<PropertyKey>, message: string): void => {
    problems.push({ where: describePath([table, index, ...path]), message, row: { table, index } });
  };
  const projectIds = new Set(data.projects.map((p) => p.id));
  const sites = new Map(data.sites.map((x) => [x.id, x]));
  for (const table of WORK_TABLES) {
    const seen = new Set<string>();
    const rows: readonly unknown[] = data[table];
    rows.forEach((row, i) => {
      const key = docKeyOfRow(table, row) ?? '';
      if (seen.has(key)) add(table, i, [], table === 'projects' ? '案件のIDが重複しています。' : `同じ${TABLES[table].label}が重複しています。`);
      seen.add(key);
      const project = table === 'projects' ? undefined : projectOfRow(table, row);
      if (project !== undefined && !projectIds.has(project)) add(table, i, ['projectId'], 'ファイルにない案件を指しています。');
    });
  }
  // Dates (issue 12). The as-filed copies are a record of what was sent, read leniently (as-filed.ts).
  for (const table of WORK_TABLES) {
    if (table === 'filedCopies') continue;
    const rows: readonly unknown[] = data[table];
    rows.forEach((row, i) => {
      const found: Array<{ path: PropertyKey[]; message: string }> = [];
      badDates(row, [], found);
      for (const p of found) add(table, i, p.path, p.message);
    });
  }
  const answers = (table: 'formAnswers' | 'siteAnswers', row: WorkspaceData['formAnswers'][number] | WorkspaceData['siteAnswers'][number], i: number): void => {
    const form = FORMS.find((f) => f.id === row.formId);
    if (!form) return add(table, i, ['formId'], `このアプリにない様式です（${row.formId.slice(0, 40)}）。`);
    for (const f of fieldsOf(form.answers)) {
      const v = row.answers[f.key];
      if (f.meta.kind === 'date' && badDate(v)) add(table, i, ['answers', f.key], `${form.number}の${dateMessage(f.meta.label, v)}`);
    }
    const r = readAnswers(form, row.answers, row.formVersion);
    if (!r.ok && r.reason === 'newer') add(table, i, ['formVersion'], `${form.number}が新しい版の様式で書かれています。アプリを更新してから取り込んでください。`);
    else if (!r.ok) add(table, i, ['answers'], `${form.number}の内容が正しくありません。`);
  };
  data.formAnswers.forEach((row, i) => answers('formAnswers', row, i));
  data.siteAnswers.forEach((row, i) => {
    const site = sites.get(row.siteId);
    if (!site || site.projectId !== row.projectId) add('siteAnswers', i, ['siteId'], 'ファイルにない医療機関を指しています。');
    answers('siteAnswers', row, i);
  });
  const filings = new Map(data.filings.map((f) => [f.id, f]));
  const copies = new Map(data.filedCopies.map((c) => [c.filingId, c]));
  data.filings.forEach((f, i) => {
    // The status is the last event's (a draft has none), and a filing that was sent has its copy.
    const last = f.events.at(-1)?.status ?? 'draft';
    if (last !== f.status) add('filings', i, ['status'], `状態「${f.status}」が経過の最後（${last}）と一致しません。`);
    if (isFrozen(f) && !copies.has(f.id)) add('filings', i, ['id'], '提出済みの届出に、提出した書類の控えがありません。');
    const site = f.siteId === undefined ? undefined : sites.get(f.siteId);
    if (f.siteId !== undefined && (!site || site.projectId !== f.projectId)) add('filings', i, ['siteId'], 'ファイルにない医療機関を指しています。');
  });
  data.filedCopies.forEach((copy, i) => {
    const filing = filings.get(copy.filingId);
    if (!filing || filing.projectId !== copy.projectId) return add('filedCopies', i, ['filingId'], 'ファイルにない届出を指しています。');
    if (filing.status === 'draft') add('filedCopies', i, ['filingId'], '作成中の届出に提出済みの控えがあります。');
    const names = new Set<string>();
    copy.files.forEach((f, j) => {
      if (names.has(f.name)) add('filedCopies', i, ['files', j, 'name'], `提出済みの控えに同じ名前のファイル「${f.name.slice(0, 60)}」が2つあります。`);
      names.add(f.name);
      // A corruption check: the bytes still hash to the SHA-256 recorded beside them (not proof against a deliberate edit of both).
      if (!fileIntact(f)) add('filedCopies', i, ['files', j], `提出済みの控え「${f.name.slice(0, 60)}」が記録と一致しません（改変または破損）。`);
    });
  });
  // Issue 15: an attached PDF belongs to a filing of its project, and its bytes still hash to what was recorded.
  data.attachmentFiles.forEach((file, i) => {
    const filing = filings.get(file.filingId);
    if (!filing || filing.projectId !== file.projectId) return add('attachmentFiles', i, ['filingId'], 'ファイルにない届出を指しています。');
    if (!fileIntact({ ...file, name: file.fileName })) add('attachmentFiles', i, [], `添付したPDF「${file.fileName.slice(0, 60)}」が記録と一致しません（改変または破損）。`);
  });
  // Issue 13: each document belongs to a filing of its project and kind, and links only to what exists.
  const changeItems = new Map<string, ReadonlySet<string>>();
  const itemsOf = (projectId: string): ReadonlySet<string> => changeItems.get(projectId) ?? changeItems.set(projectId, changeItemIdsOf(data.filingDocs, projectId)).get(projectId) ?? new Set();
  data.filingDocs.forEach((doc, i) => {
    for (const p of docProblems(doc, data.filings, itemsOf(doc.projectId))) add('filingDocs', i, p.path, p.message);
  });
  return problems;
}

/**
 * The rows that would pass `crossCheck`, and how many were left out. Used when exporting, so a
 * backup is always one that restore accepts: a row that points to a deleted project, or answers
 * that no longer pass their form's schema, stay in the database (DATA-09) but not in the file,
 * and the user is told how many. Checked again after each removal, since a row left out can take
 * another's reference with it (a 照会回答 linking to a 変更申請's item).
 */
export function withoutInvalidRows(data: WorkspaceData): { readonly data: WorkspaceData; readonly dropped: number } {
  let current = data;
  let dropped = 0;
  for (let pass = 0; pass < 10; pass++) {
    const once = withoutRowsOf(current, crossCheck(current));
    if (once.dropped === 0) break;
    current = once.data;
    dropped += once.dropped;
  }
  return { data: current, dropped };
}

function withoutRowsOf(data: WorkspaceData, problems: readonly RecordProblem[]): { readonly data: WorkspaceData; readonly dropped: number } {
  const bad = new Map<keyof WorkspaceData, Set<number>>();
  for (const p of problems) {
    if (!p.row) continue;
    const set = bad.get(p.row.table) ?? new Set<number>();
    set.add(p.row.index);
    bad.set(p.row.table, set);
  }
  if (bad.size === 0) return { data, dropped: 0 };
  const keep = <T>(table: keyof WorkspaceData, rows: readonly T[]): T[] => rows.filter((_, i) => !bad.get(table)?.has(i));
  const out: WorkspaceData = {
    projects: keep('projects', data.projects),
    consultations: keep('consultations', data.consultations),
    formAnswers: keep('formAnswers', data.formAnswers),
    costModels: keep('costModels', data.costModels),
    settings: keep('settings', data.settings),
    filings: keep('filings', data.filings),
    filedCopies: keep('filedCopies', data.filedCopies),
    sites: keep('sites', data.sites),
    siteAnswers: keep('siteAnswers', data.siteAnswers),
    filingDocs: keep('filingDocs', data.filingDocs),
    attachmentFiles: keep('attachmentFiles', data.attachmentFiles),
  };
  return { data: out, dropped: [...bad.values()].reduce((n, s) => n + s.size, 0) };
}
