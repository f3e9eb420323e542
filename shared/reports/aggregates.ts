/**
 * The numbers of a 定期・総括報告 (issue 14 item 2; spec §3.13, R-R-5, R-R-8, R-R-9), computed from
 * the 実績報告 rows as stored — pure, so the screen, the printed 別添 and the rules agree:
 * - per case (R-R-8): insured part = 保険外併用療養費分 + 一部負担金; 先進医療費用 = 患者負担 + その他;
 *   total = insured part + 先進医療費用;
 * - the report's column sums and the MHLW-style aggregates (R-R-9): 総合計（円）, 先進医療総額（円）,
 *   平均入院期間（日） = Σ入院期間 ÷ all patients, 年間実施件数 = patients;
 * - the ratios of 2. 概要 (R-R-5): ②/③ and ②/④ in %.
 *
 * A value that does not read yet (text kept as typed in a CountValue/AmountValue, or a blank) is
 * never counted as 0: it is listed in `unread`, and every total it belongs to has no value
 * (`value: undefined`) until it reads — `readable` is what the values that do read add up to.
 *
 * Rounding (R-R-9): 平均入院期間 to 0.1 日 and the ratios to 0.1 %, half up (四捨五入), as MHLW rounds
 * its published figures (「小数点2桁以下を四捨五入」); computed in integers, so 0.25 → 0.3 exactly.
 */
import { toAsciiDigits } from '../dates/wareki';
import { parseYen } from '../money/yen';
import { CASE_COLUMN_LABEL, MAX_COUNT, type AmountValue, type CaseColumn, type CountValue, type ReportCase, type ReportDoc } from './model';

/** The count a value holds: the number, or typed text that reads as a whole number (「１２日」「3回」「1,200」). */
export function readCount(value: CountValue, max = MAX_COUNT): number | undefined {
  if (typeof value === 'number') return value;
  const s = toAsciiDigits(value.normalize('NFKC'))
    .replace(/[\s,，、]/g, '')
    .replace(/(日|回|件|人|例|歳|才|名)$/, '');
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) && n <= max ? n : undefined;
}

/** The 円 a value holds: the number, or typed text that reads as integer yen (「１２，３４０円」). */
export function readAmount(value: AmountValue): number | undefined {
  if (typeof value === 'number') return value;
  const r = parseYen(value);
  return r.ok ? r.value : undefined;
}

/** The count columns and the 円 columns of a case. */
export const COUNT_COLUMNS = ['inpatientDays', 'procedures'] as const satisfies readonly CaseColumn[];
export const AMOUNT_COLUMNS = ['insuredAmount', 'copayment', 'advancedPatient', 'advancedOther'] as const satisfies readonly CaseColumn[];
export type CountColumn = (typeof COUNT_COLUMNS)[number];
export type AmountColumn = (typeof AMOUNT_COLUMNS)[number];

/** A value of a case that does not read (yet): where it is and what was typed ('' = blank). */
export interface Unread {
  readonly caseId: string;
  /** 0-based row of the case in the table. */
  readonly index: number;
  readonly column: CountColumn | AmountColumn;
  readonly typed: string;
}

/** 「3行目の保険外併用療養費分（「12,3４0円也」）」: an unread value for messages. */
export function unreadText(u: Unread): string {
  const what = u.typed.trim() === '' ? '未入力' : `「${u.typed.trim().slice(0, 30)}」`;
  return `${u.index + 1}行目の${CASE_COLUMN_LABEL[u.column]}（${what}）`;
}

/** A sum: its value only when every value in it reads. */
export interface Total {
  readonly value: number | undefined;
  /** Σ of the values that read. */
  readonly readable: number;
  /** How many values do not read. */
  readonly unread: number;
}

function total(values: ReadonlyArray<number | undefined>): Total {
  let readable = 0;
  let unread = 0;
  for (const v of values) {
    if (v === undefined) unread++;
    else readable += v;
  }
  return { value: unread === 0 ? readable : undefined, readable, unread };
}

/** A case's money (R-R-8): each part undefined when one of its values does not read. */
export interface CaseMoney {
  /** 保険外併用療養費分 + 一部負担金. */
  readonly insured: number | undefined;
  /** 先進医療費用 = 患者負担 + その他. */
  readonly advanced: number | undefined;
  /** insured + advanced. */
  readonly total: number | undefined;
}

const plus = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a + b);

export function caseMoney(c: Pick<ReportCase, AmountColumn>): CaseMoney {
  const insured = plus(readAmount(c.insuredAmount), readAmount(c.copayment));
  const advanced = plus(readAmount(c.advancedPatient), readAmount(c.advancedOther));
  return { insured, advanced, total: plus(insured, advanced) };
}

/** The unread values of each case, in table order, column order within a case. */
export function unreadValues(cases: readonly ReportCase[]): Unread[] {
  const out: Unread[] = [];
  cases.forEach((c, index) => {
    for (const column of COUNT_COLUMNS) if (readCount(c[column]) === undefined) out.push({ caseId: c.id, index, column, typed: String(c[column]) });
    for (const column of AMOUNT_COLUMNS) if (readAmount(c[column]) === undefined) out.push({ caseId: c.id, index, column, typed: String(c[column]) });
  });
  return out;
}

/** 「12.3」: tenths of a day as printed. */
function tenthsText(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** round(numerator / denominator, 1 decimal), half up, exactly (integers ≥ 0, denominator > 0): in tenths. */
export function roundTenths(numerator: number, denominator: number): number {
  return Math.floor((20 * numerator + denominator) / (2 * denominator));
}

/** 平均入院期間 as MHLW prints it (R-R-9). */
export type AverageStay =
  /** No patient in the period: 「-」. */
  | { readonly kind: 'none'; readonly text: '-' }
  /** Patients, none admitted: 「※入院例なし」. */
  | { readonly kind: 'no-inpatients'; readonly text: '※入院例なし' }
  /** Σ入院期間 ÷ all patients to 0.1 日 (「3.4」; 0.0 when a few short stays among many patients). */
  | { readonly kind: 'days'; readonly tenths: number; readonly text: string }
  /** A 入院期間 does not read yet. */
  | { readonly kind: 'unread'; readonly text: '（未確定）' };

/** A ratio of 2. 概要 (R-R-5) in %, or why it cannot be computed. */
export type Ratio = { readonly ok: true; readonly tenths: number; readonly text: string } | { readonly ok: false; readonly reason: 'missing' | 'unread' | 'zero' };

/** ②/③ or ②/④: `part`/`whole` × 100, to 0.1 % half up (「0.1未満」 for a ratio above 0 that rounds to 0.0). */
export function ratio(part: number | string, whole: number | string): Ratio {
  const isBlank = (v: number | string): boolean => typeof v === 'string' && v.trim() === '';
  if (isBlank(part) || isBlank(whole)) return { ok: false, reason: 'missing' };
  const p = readCount(part);
  const w = typeof whole === 'number' ? whole : readCount(whole, Number.MAX_SAFE_INTEGER);
  if (p === undefined || w === undefined) return { ok: false, reason: 'unread' };
  if (w === 0) return { ok: false, reason: 'zero' };
  const tenths = roundTenths(p * 100, w);
  return { ok: true, tenths, text: tenths === 0 && p > 0 ? '0.1未満' : tenthsText(tenths) };
}

/** 「【②/③：0.2％、②/④：1.5％】」 as printed; a ratio that cannot be computed prints blank. */
export function ratioLine(r: { readonly toNational: Ratio; readonly toTarget: Ratio }): string {
  const t = (x: Ratio): string => (x.ok ? x.text : '　　');
  return `【②/③：${t(r.toNational)}％、②/④：${t(r.toTarget)}％】`;
}

export interface ReportTotals {
  /** 年間実施件数（件）: the patients of the table (MHLW counts patients, R-R-9). */
  readonly patients: number;
  /** Patients with 入院期間 > 0. */
  readonly admitted: number;
  /** Column sums. */
  readonly inpatientDays: Total;
  readonly procedures: Total;
  readonly insuredAmount: Total;
  readonly copayment: Total;
  readonly advancedPatient: Total;
  readonly advancedOther: Total;
  /** Σ(保険外併用療養費分 + 一部負担金): ④ 保険外併用療養費の総額（保険診療分）. */
  readonly insured: Total;
  /** 先進医療総額（円）: Σ(患者負担 + その他). */
  readonly advanced: Total;
  /** 総合計（円）: insured + advanced. */
  readonly grandTotal: Total;
  /** 平均入院期間（日）. */
  readonly averageStay: AverageStay;
  /** 転帰 counts ('' = not chosen). */
  readonly outcomes: Readonly<Record<ReportCase['outcome'], number>>;
  /** ②/③ and ②/④ (R-R-5). */
  readonly toNational: Ratio;
  readonly toTarget: Ratio;
  /** Values that do not read yet, in table order. */
  readonly unread: readonly Unread[];
  /** 0件: no case in the period (R-R-10). */
  readonly zeroCases: boolean;
}

function averageStay(cases: readonly ReportCase[], days: Total): AverageStay {
  if (cases.length === 0) return { kind: 'none', text: '-' };
  if (days.value === undefined) return { kind: 'unread', text: '（未確定）' };
  if (days.value === 0) return { kind: 'no-inpatients', text: '※入院例なし' };
  const tenths = roundTenths(days.value, cases.length);
  return { kind: 'days', tenths, text: tenthsText(tenths) };
}

/** Every number the report screen, the printed 別添 and the rules show (issue 14 item 2). */
export function reportTotals(doc: Pick<ReportDoc, 'cases' | 'reportedPatients' | 'nationalPatients' | 'targetPatients'>): ReportTotals {
  const cases = doc.cases;
  const column = (k: CountColumn): Total => total(cases.map((c) => readCount(c[k])));
  const amount = (k: AmountColumn): Total => total(cases.map((c) => readAmount(c[k])));
  const inpatientDays = column('inpatientDays');
  const outcomes: Record<ReportCase['outcome'], number> = { '': 0, 治癒: 0, 死亡: 0, 中止: 0, 継続: 0 };
  for (const c of cases) outcomes[c.outcome]++;
  const insuredAmount = amount('insuredAmount');
  const copayment = amount('copayment');
  const advancedPatient = amount('advancedPatient');
  const advancedOther = amount('advancedOther');
  return {
    patients: cases.length,
    admitted: cases.filter((c) => (readCount(c.inpatientDays) ?? 0) > 0).length,
    inpatientDays,
    procedures: column('procedures'),
    insuredAmount,
    copayment,
    advancedPatient,
    advancedOther,
    insured: sumOf(insuredAmount, copayment),
    advanced: sumOf(advancedPatient, advancedOther),
    grandTotal: sumOf(insuredAmount, copayment, advancedPatient, advancedOther),
    averageStay: averageStay(cases, inpatientDays),
    outcomes,
    toNational: ratio(doc.reportedPatients, doc.nationalPatients),
    toTarget: ratio(doc.reportedPatients, doc.targetPatients),
    unread: unreadValues(cases),
    zeroCases: cases.length === 0,
  };
}

/** The sum of column totals: a value only when each has one. */
function sumOf(...parts: readonly Total[]): Total {
  const readable = parts.reduce((a, p) => a + p.readable, 0);
  const unread = parts.reduce((a, p) => a + p.unread, 0);
  return { value: unread === 0 ? readable : undefined, readable, unread };
}
