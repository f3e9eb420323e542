/**
 * Roll-forward (issue 14 item 4): 「次年度の報告を作成」 makes the next 年度's 定期報告 from the last
 * one. What stays true from year to year is carried; what belongs to one period is left blank:
 * - report fields that describe the technology (使用機器, 先進医療承認日, 終了日, 倫理基準等の遵守,
 *   1. 標題, 目的, 患者数 計画時 and the national counts with their 根拠, 実施者, 問い合わせ先 …) are
 *   carried and listed in `unconfirmed` (要確認) until the user confirms or edits them; the
 *   報告書作成日, ② 中間報告・終了時, 考察 and the 0件 texts start blank;
 * - only 継続 cases are carried, with their stable id and 初回実施日 (治癒・死亡・中止 ended in the
 *   previous 年度); their counts and amounts (入院期間, 実施回数, the four 円 columns) start blank,
 *   and every other column they carry is flagged 要確認 on the case.
 *
 * Pure: the previous document is never changed (it stays as filed).
 */
import { emptyCase, emptyReportDoc, type CaseColumn, type PeriodicReportDoc, type ReportCase, type ReportDoc } from './model';

/** The report fields carried to the next 年度 (each flagged 要確認 when it holds something). */
export const CARRIED_REPORT_FIELDS = [
  'reporterPersonId',
  'contactPersonId',
  'devices',
  'approvedOn',
  'endDate',
  'ethics',
  'title',
  'purpose',
  'plannedPatients',
  'nationalPatients',
  'nationalPatientsBasis',
  'targetPatients',
  'targetPatientsBasis',
  'paper',
] as const satisfies ReadonlyArray<keyof ReportDoc>;
export type CarriedReportField = (typeof CARRIED_REPORT_FIELDS)[number];

/** The columns of a carried case that belong to one period: blank in the next 年度. */
export const RESET_CASE_COLUMNS = ['inpatientDays', 'procedures', 'insuredAmount', 'copayment', 'advancedPatient', 'advancedOther'] as const satisfies readonly CaseColumn[];

/** The columns a carried 継続 case keeps (each flagged 要確認 when it holds something). */
export const CARRIED_CASE_COLUMNS = ['caseNumber', 'siteName', 'age', 'sex', 'diagnosis', 'firstDate', 'outcome', 'evaluation', 'code', 'note'] as const satisfies readonly CaseColumn[];

const filled = (v: unknown): boolean => (typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null);

/** A 継続 case as the next 年度 starts it: same id and 初回実施日, period values blank, carried values 要確認. */
export function carryCase(c: ReportCase): ReportCase {
  const next: ReportCase = { ...emptyCase(c.id) };
  const flagged: CaseColumn[] = [];
  for (const col of CARRIED_CASE_COLUMNS) {
    // Each column keeps its own type (the loop only copies a column onto the same column).
    (next as Record<CaseColumn, unknown>)[col] = c[col];
    if (filled(c[col])) flagged.push(col);
  }
  return { ...next, unconfirmed: flagged };
}

/** The next 年度's 定期報告 made from `previous` (a 定期報告 or a 総括報告; never changed). */
export function rollForward(previous: ReportDoc): PeriodicReportDoc {
  const blank = emptyReportDoc('periodic-report');
  if (blank.kind !== 'periodic-report') throw new Error('unreachable');
  const next: PeriodicReportDoc = { ...blank, importMapping: { ...previous.importMapping } };
  const flagged: string[] = [];
  for (const key of CARRIED_REPORT_FIELDS) {
    (next as Record<CarriedReportField, unknown>)[key] = previous[key];
    if (filled(previous[key])) flagged.push(key);
  }
  next.overviewAttached = previous.overviewAttached;
  if (previous.overviewAttached) flagged.push('overviewAttached');
  next.unconfirmed = flagged;
  next.cases = previous.cases.filter((c) => c.outcome === '継続').map(carryCase);
  return next;
}

/** How many values of `doc` are still 要確認 (report fields and case cells). */
export function unconfirmedCount(doc: Pick<ReportDoc, 'unconfirmed' | 'cases'>): number {
  return doc.unconfirmed.length + doc.cases.reduce((n, c) => n + c.unconfirmed.length, 0);
}
