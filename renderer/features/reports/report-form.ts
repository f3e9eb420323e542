/**
 * The 定期・総括報告 as the editor holds it (issue 14): every count and 円 amount as the text typed
 * (「１２日」「812,340円」), shown with a Japanese message beside the cell while it does not read, and
 * stored as an integer once it reads (normalizeReport: the same reading as the totals, aggregates.ts).
 * Nothing typed is lost: a value that does not read is saved as typed, and the rules say what is wrong.
 */
import { z } from 'zod';
import { parseYen, formatYen } from '../../../shared/money/yen';
import { readAmount, readCount } from '../../../shared/reports/aggregates';
import { finalReportDocSchema, MAX_COUNT, periodicReportDocSchema, type CaseColumn, type ReportCase, type ReportDoc } from '../../../shared/reports/model';

export const reportDocSchema = z.discriminatedUnion('kind', [periodicReportDocSchema, finalReportDocSchema]);

/** The case columns that hold a count (年齢, 入院期間（日）, 実施回数). */
export const CASE_COUNT_COLUMNS = ['age', 'inpatientDays', 'procedures'] as const satisfies readonly CaseColumn[];
/** The case columns that hold 円. */
export const CASE_AMOUNT_COLUMNS = ['insuredAmount', 'copayment', 'advancedPatient', 'advancedOther'] as const satisfies readonly CaseColumn[];
type CountCol = (typeof CASE_COUNT_COLUMNS)[number];
type AmountCol = (typeof CASE_AMOUNT_COLUMNS)[number];

/** The report fields that hold a count: ① 計画時, ② 中間報告・終了時 (≤ MAX_COUNT); ③, ④ (national, ≤ 10億). */
const REPORT_COUNTS = { plannedPatients: MAX_COUNT, reportedPatients: MAX_COUNT, nationalPatients: 1_000_000_000, targetPatients: 1_000_000_000 } as const;
type ReportCountField = keyof typeof REPORT_COUNTS;
export const REPORT_COUNT_FIELDS = Object.keys(REPORT_COUNTS) as ReportCountField[];

const isCount = (c: CaseColumn): c is CountCol => (CASE_COUNT_COLUMNS as readonly CaseColumn[]).includes(c);
const isAmount = (c: CaseColumn): c is AmountCol => (CASE_AMOUNT_COLUMNS as readonly CaseColumn[]).includes(c);

const show = (v: number | string, yen: boolean): string => (typeof v === 'number' ? (yen ? formatYen(v) : String(v)) : v);

/** A case as the editor shows it: counts as digits, 円 as 「812,340」. */
export function caseToForm(c: ReportCase): ReportCase {
  const out = { ...c };
  for (const col of CASE_COUNT_COLUMNS) out[col] = show(c[col], false);
  for (const col of CASE_AMOUNT_COLUMNS) out[col] = show(c[col], true);
  return out;
}

/** The stored document as the editor shows it. */
export function toForm(doc: ReportDoc): ReportDoc {
  const out: ReportDoc = { ...doc, cases: doc.cases.map(caseToForm) };
  for (const key of REPORT_COUNT_FIELDS) out[key] = show(doc[key], false);
  return out;
}

/** A case with every count and 円 that reads stored as an integer (the rest kept as typed, trimmed only when blank). */
export function normalizeCase(c: ReportCase): ReportCase {
  const out = { ...c };
  for (const col of CASE_COUNT_COLUMNS) {
    const v = c[col];
    if (typeof v === 'string' && v.trim() === '') out[col] = '';
    else out[col] = readCount(v) ?? v;
  }
  for (const col of CASE_AMOUNT_COLUMNS) {
    const v = c[col];
    if (typeof v === 'string' && v.trim() === '') out[col] = '';
    else out[col] = readAmount(v) ?? v;
  }
  return out;
}

/** The document as it is stored (and checked, totalled and printed). */
export function normalizeReport(doc: ReportDoc): ReportDoc {
  const out: ReportDoc = { ...doc, cases: doc.cases.map(normalizeCase) };
  for (const key of REPORT_COUNT_FIELDS) {
    const v = doc[key];
    out[key] = typeof v === 'string' && v.trim() === '' ? '' : (readCount(v, REPORT_COUNTS[key]) ?? v);
  }
  return out;
}

/** Why a count typed does not read ('' when it reads or is blank). */
export function countProblem(value: number | string, max: number = MAX_COUNT): string {
  if (typeof value === 'number' || value.trim() === '' || readCount(value, max) !== undefined) return '';
  if (readCount(value, Number.MAX_SAFE_INTEGER) !== undefined) return `${max.toLocaleString('ja-JP')}以下で入力してください。`;
  return '0以上の整数で入力してください（例：14、１４日）。';
}

/** Why a 円 amount typed does not read ('' when it reads or is blank). */
export function amountProblem(value: number | string): string {
  if (typeof value === 'number' || value.trim() === '') return '';
  const r = parseYen(value);
  return r.ok ? '' : r.message;
}

/** The message beside a case cell ('' when the value reads, is blank or is not a number column). */
export function cellProblem(col: CaseColumn, value: unknown): string {
  if (typeof value !== 'number' && typeof value !== 'string') return '';
  if (isCount(col)) return countProblem(value);
  if (isAmount(col)) return amountProblem(value);
  return '';
}

/** The message beside a report count field. */
export function reportCountProblem(key: ReportCountField, value: number | string): string {
  return countProblem(value, REPORT_COUNTS[key]);
}

/** Whether a case column is read as a number (right-aligned, narrow). */
export function isNumberColumn(col: CaseColumn): boolean {
  return isCount(col) || isAmount(col);
}
