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
import { consultationRowSchema, costModelRowSchema, formAnswersRowSchema, projectRowSchema, settingRowSchema } from './records';

export const EXPORT_FORMAT = 'senshin-desk';
export const EXPORT_FORMAT_VERSION = 1;

/** Upper bounds that keep a hostile file from exhausting memory while it is validated. */
const MAX_ROWS = 20_000;

export const workspaceDataSchema = z.strictObject({
  projects: z.array(projectRowSchema).max(MAX_ROWS),
  consultations: z.array(consultationRowSchema).max(MAX_ROWS),
  formAnswers: z.array(formAnswersRowSchema).max(MAX_ROWS),
  costModels: z.array(costModelRowSchema).max(MAX_ROWS),
  settings: z.array(settingRowSchema).max(100),
});
export type WorkspaceData = z.infer<typeof workspaceDataSchema>;

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
  return { projects: [], consultations: [], formAnswers: [], costModels: [], settings: [] };
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

const TABLE_LABEL: Readonly<Record<keyof WorkspaceData, string>> = {
  projects: '案件',
  consultations: '事前相談申込書',
  formAnswers: '様式の入力内容',
  costModels: '費用の計算',
  settings: '設定・名簿・マスタ',
};

/** 「案件 2件目（projects[1].name）」: where a zod issue is, in words a coordinator can report. */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  const [table, index] = path;
  const label = typeof table === 'string' && table in TABLE_LABEL ? TABLE_LABEL[table as keyof WorkspaceData] : undefined;
  const technical = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
  if (label === undefined) return technical === '' ? 'ファイル全体' : technical;
  const nth = typeof index === 'number' ? ` ${index + 1}件目` : '';
  return `${label}${nth}（${technical}）`;
}

/**
 * Checks what the schemas cannot: unique keys, every row belongs to a project in the file, every
 * 様式 is known and its answers pass that form's own schema. Returns every problem (empty = valid).
 */
export function crossCheck(data: WorkspaceData): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const ids = new Set<string>();
  data.projects.forEach((p, i) => {
    if (ids.has(p.id)) problems.push({ where: describePath(['projects', i, 'id']), message: '案件のIDが重複しています。', row: { table: 'projects', index: i } });
    ids.add(p.id);
  });
  const belongs = (table: 'consultations' | 'formAnswers' | 'costModels', i: number, projectId: string): void => {
    if (!ids.has(projectId)) problems.push({ where: describePath([table, i, 'projectId']), message: 'ファイルにない案件を指しています。', row: { table, index: i } });
  };
  const unique = (table: 'consultations' | 'costModels', keyOf: (i: number) => string): void => {
    const seen = new Set<string>();
    data[table].forEach((_, i) => {
      const k = keyOf(i);
      if (seen.has(k)) problems.push({ where: describePath([table, i]), message: '同じ案件の行が重複しています。', row: { table, index: i } });
      seen.add(k);
    });
  };
  data.consultations.forEach((c, i) => belongs('consultations', i, c.projectId));
  data.costModels.forEach((c, i) => belongs('costModels', i, c.projectId));
  unique('consultations', (i) => data.consultations[i]?.projectId ?? '');
  unique('costModels', (i) => data.costModels[i]?.projectId ?? '');
  const answerKeys = new Set<string>();
  data.formAnswers.forEach((row, i) => {
    belongs('formAnswers', i, row.projectId);
    const key = `${row.projectId}\u0001${row.formId}`;
    if (answerKeys.has(key)) problems.push({ where: describePath(['formAnswers', i]), message: '同じ様式の行が重複しています。', row: { table: 'formAnswers', index: i } });
    answerKeys.add(key);
    const form = FORMS.find((f) => f.id === row.formId);
    if (!form) {
      problems.push({ where: describePath(['formAnswers', i, 'formId']), message: `このアプリにない様式です（${row.formId.slice(0, 40)}）。`, row: { table: 'formAnswers', index: i } });
      return;
    }
    const r = form.answers.safeParse({ ...form.empty(), ...row.answers });
    if (!r.success) {
      const issue = r.error.issues[0];
      problems.push({ where: describePath(['formAnswers', i, 'answers', ...(issue?.path ?? [])]), message: `${form.number}の内容が正しくありません。`, row: { table: 'formAnswers', index: i } });
    }
  });
  const keys = new Set<string>();
  data.settings.forEach((s, i) => {
    if (keys.has(s.key)) problems.push({ where: describePath(['settings', i, 'key']), message: '同じ設定が重複しています。', row: { table: 'settings', index: i } });
    keys.add(s.key);
  });
  return problems;
}

/**
 * The rows that would pass `crossCheck`, and how many were left out. Used when exporting, so a
 * backup is always one that restore accepts: a row that points to a deleted project, or answers
 * that no longer pass their form's schema, stay in the database (DATA-09) but not in the file,
 * and the user is told how many.
 */
export function withoutInvalidRows(data: WorkspaceData): { readonly data: WorkspaceData; readonly dropped: number } {
  const bad = new Map<keyof WorkspaceData, Set<number>>();
  for (const p of crossCheck(data)) {
    if (!p.row) continue;
    const set = bad.get(p.row.table) ?? new Set<number>();
    set.add(p.row.index);
    bad.set(p.row.table, set);
  }
  const keep = <T>(table: keyof WorkspaceData, rows: readonly T[]): T[] => rows.filter((_, i) => !bad.get(table)?.has(i));
  const out: WorkspaceData = {
    projects: keep('projects', data.projects),
    consultations: keep('consultations', data.consultations),
    formAnswers: keep('formAnswers', data.formAnswers),
    costModels: keep('costModels', data.costModels),
    settings: keep('settings', data.settings),
  };
  return { data: out, dropped: [...bad.values()].reduce((n, s) => n + s.size, 0) };
}
