/**
 * Case import (issue 14 item 3): the file's table, mapped → the report's cases, all or nothing.
 * Rows are matched on 整理番号 (compared as NFKC without spaces: 「Ｃ－００１」 is 「C-001」): a
 * known case gets the mapped columns from the file and keeps its stable id and every column the
 * file does not map; a new 整理番号 adds a case with a new id; nothing is ever duplicated. Any
 * problem — a cell that does not read, a row without 整理番号, a 整理番号 twice in the file — is
 * listed with the file's row and column, and then nothing is imported.
 */
import { CASE_COLUMN_LABEL, MAX_CASES, emptyCase, reportCaseSchema, type CaseColumn, type ReportCase } from '../model';
import { parseCell } from './cells';
import { columnLetter, type CaseTable, type ColumnTargets } from './table';

export interface ImportProblem {
  /** The row in the file (1-based, as Excel shows it). */
  readonly row: number;
  /** The file's heading of the column (or the 実績報告 column's name when the mapping lacks it). */
  readonly column: string;
  readonly message: string;
}

export type CaseImportResult =
  | { readonly ok: true; readonly cases: ReportCase[]; readonly added: number; readonly updated: number; readonly unchanged: number }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** Problems listed at most (the rest are summed up in the last one). */
export const MAX_PROBLEMS = 200;

/** 整理番号 as compared: 「Ｃ－００１ 」 and 「C-001」 are one case. */
export function caseNumberKey(caseNumber: string): string {
  return caseNumber.normalize('NFKC').replace(/\s+/gu, '').replace(/[－―‐−]/gu, '-').toLowerCase();
}

type CaseValues = Omit<ReportCase, 'id' | 'unconfirmed'>;

/**
 * Imports `table` into `existing` with the columns chosen in `targets`. `newId` makes the ids of
 * added cases (crypto.randomUUID by default).
 */
export function importCases(existing: readonly ReportCase[], table: CaseTable, targets: ColumnTargets, newId: () => string = () => crypto.randomUUID()): CaseImportResult {
  const problems: ImportProblem[] = [];
  const mapped: { readonly index: number; readonly column: CaseColumn }[] = [];
  targets.forEach((column, index) => {
    if (column !== '') mapped.push({ index, column });
  });
  const heading = (index: number): string => table.headings[index] ?? `（${columnLetter(index)}列）`;
  // The mapping itself: 整理番号 chosen once, no column chosen twice.
  const byColumn = new Map<CaseColumn, number[]>();
  for (const m of mapped) byColumn.set(m.column, [...(byColumn.get(m.column) ?? []), m.index]);
  for (const [column, indexes] of byColumn) {
    if (indexes.length > 1) {
      problems.push({ row: table.headerRow, column: heading(indexes[1] ?? 0), message: `「${CASE_COLUMN_LABEL[column]}」が${indexes.length}つの列（${indexes.map((i) => `${columnLetter(i)}列「${heading(i)}」`).join('、')}）に選ばれています。1つの列だけにしてください。` });
    }
  }
  const numberIndex = byColumn.get('caseNumber')?.[0];
  if (numberIndex === undefined) {
    problems.push({ row: table.headerRow, column: CASE_COLUMN_LABEL.caseNumber, message: '「整理番号」を取り込む列がありません。症例を整理番号で照合するため、整理番号の列の取り込み先に「整理番号」を選んでください。' });
  }
  if (table.rows.length === 0) problems.push({ row: table.headerRow, column: heading(numberIndex ?? 0), message: '見出しの下に症例の行がありません。' });
  if (problems.length > 0 || numberIndex === undefined) return { ok: false, problems };

  // Existing cases by 整理番号 (a number typed twice in the table cannot be matched).
  const existingByKey = new Map<string, number[]>();
  existing.forEach((c, i) => {
    const key = caseNumberKey(c.caseNumber);
    if (key !== '') existingByKey.set(key, [...(existingByKey.get(key) ?? []), i]);
  });

  const seen = new Map<string, number>();
  const parsedRows: { readonly row: number; readonly key: string; readonly values: Partial<CaseValues> }[] = [];
  for (const r of table.rows) {
    const values: Partial<Record<CaseColumn, unknown>> = {};
    for (const m of mapped) {
      const p = parseCell(m.column, r.cells[m.index]);
      if (p.ok) values[m.column] = p.value;
      else problems.push({ row: r.row, column: heading(m.index), message: p.message });
    }
    const number = typeof values.caseNumber === 'string' ? values.caseNumber : '';
    const key = caseNumberKey(number);
    // (A 整理番号 cell that did not read has its own problem already.)
    if (key === '' && values.caseNumber !== undefined) problems.push({ row: r.row, column: heading(numberIndex), message: '整理番号がありません。どの症例の行か分かるよう、整理番号を入力してください。' });
    else if (key !== '') {
      const before = seen.get(key);
      if (before !== undefined) problems.push({ row: r.row, column: heading(numberIndex), message: `整理番号「${number}」は ${before} 行目にもあります。1つの症例は1行にしてください。` });
      else {
        seen.set(key, r.row);
        if ((existingByKey.get(key)?.length ?? 0) > 1) problems.push({ row: r.row, column: heading(numberIndex), message: `整理番号「${number}」の症例が報告の表に${existingByKey.get(key)?.length ?? 0}件あります。表の整理番号を直してから取り込んでください。` });
      }
    }
    // The values are those parseCell returned for each column: the types match CaseValues.
    parsedRows.push({ row: r.row, key, values: values as Partial<CaseValues> });
  }
  if (problems.length > 0) return { ok: false, problems: capped(problems) };

  const cases = existing.map((c) => ({ ...c, unconfirmed: [...c.unconfirmed] }));
  const mappedColumns = [...byColumn.keys()];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const addedRows: { readonly row: number; readonly c: ReportCase }[] = [];
  for (const p of parsedRows) {
    const at = existingByKey.get(p.key)?.[0];
    if (at === undefined) {
      addedRows.push({ row: p.row, c: { ...emptyCase(newId()), ...p.values } });
      added++;
      continue;
    }
    const current = cases[at];
    if (!current) continue;
    const next: ReportCase = { ...current, ...p.values, unconfirmed: current.unconfirmed.filter((c) => !mappedColumns.includes(c)) };
    const changed = mappedColumns.some((c) => current[c] !== next[c]) || next.unconfirmed.length !== current.unconfirmed.length;
    if (changed) updated++;
    else unchanged++;
    cases[at] = next;
  }
  if (cases.length + addedRows.length > MAX_CASES) {
    return { ok: false, problems: [{ row: addedRows[MAX_CASES - cases.length]?.row ?? table.headerRow, column: heading(numberIndex), message: `症例は ${MAX_CASES.toLocaleString('ja-JP')} 件までです（取り込むと ${(cases.length + addedRows.length).toLocaleString('ja-JP')} 件）。` }] };
  }
  const all = [...cases, ...addedRows.map((a) => a.c)];
  // The last word is the stored schema's (the cell parsers keep to it; this catches any slip).
  for (const [i, c] of all.entries()) {
    const check = reportCaseSchema.safeParse(c);
    if (!check.success) {
      const issue = check.error.issues[0];
      const column = typeof issue?.path[0] === 'string' && issue.path[0] in CASE_COLUMN_LABEL ? CASE_COLUMN_LABEL[issue.path[0] as CaseColumn] : CASE_COLUMN_LABEL.caseNumber;
      const row = i >= cases.length ? (addedRows[i - cases.length]?.row ?? table.headerRow) : (parsedRows.find((p) => p.key === caseNumberKey(c.caseNumber))?.row ?? table.headerRow);
      problems.push({ row, column, message: issue?.message ?? '取り込めない値があります。' });
    }
  }
  if (problems.length > 0) return { ok: false, problems: capped(problems) };
  return { ok: true, cases: all, added, updated, unchanged };
}

function capped(problems: readonly ImportProblem[]): readonly ImportProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  const last = problems[MAX_PROBLEMS];
  return [...problems.slice(0, MAX_PROBLEMS), { row: last?.row ?? 0, column: last?.column ?? '', message: `ほかに ${rest.toLocaleString('ja-JP')} 件の問題があります。上の問題を直してから、もう一度選んでください。` }];
}
