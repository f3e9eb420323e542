/**
 * Period extensions of a 変更申請 (spec §3.18 【実施期間】, R-P-4): how much longer (or shorter) a
 * period became, from the two texts as coordinators type them — 「2031年3月31日まで」,
 * 「令和13年3月31日」, 「～2024年9月末」, 「告示日から3年間」, 「告示日から2031年3月31日まで（登録期間3年、
 * 追跡期間5年）」 — worded as printed after the 変更後 value: 「（18か月延長）」, 「（6か月短縮）」.
 * Nothing is said when it cannot be known (different anchors — R-P-3 —, a date against a length,
 * no end at all).
 *
 * Dates are read with the app's own readers: 和暦 and full-width digits are first rewritten to 西暦
 * (restyleDates), full dates found by findDates (shared/rules/extract.ts).
 */
import { HOSPITAL_DATES, restyleDates } from '../dates/date-style';
import { addCalendarMonths, addDays, daysBetween, type YMD } from '../dates/iso-date';
import { toAsciiDigits } from '../dates/wareki';
import { findDates } from '../rules/extract';

export type PeriodEndValue =
  /** A calendar end day (「2031年3月31日まで」, 「2024年9月末」 = 9/30, 「2030年度末」 = 2031/3/31). */
  | { readonly kind: 'date'; readonly ymd: YMD }
  /** A length from an anchor that is not a date (「告示日から3年間」; anchor '' when none is written: 「登録期間3年」). */
  | { readonly kind: 'length'; readonly anchor: string; readonly months: number };

export interface PeriodEnd {
  /** Which period: 「研究期間」 (also a period written without a name), 「登録期間」, 「追跡期間」 …. */
  readonly label: string;
  readonly end: PeriodEndValue;
}

export interface PeriodDelta {
  readonly label: string;
  /** Whole calendar months longer (negative: shorter), when the ends differ by whole months. */
  readonly months?: number;
  /** Otherwise days longer (negative: shorter). */
  readonly days?: number;
}

/** The names a period goes by, and the one it is reported under. */
const LABELS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:被験者|患者|症例)?登録期間$/, '登録期間'],
  [/^(?:研究実施期間|研究期間|予定試験期間|試験期間|実施期間)$/, '研究期間'],
];
const LABEL_IN_TEXT = /(?:被験者|患者|症例)?登録期間|研究実施期間|研究期間|予定試験期間|試験期間|実施期間|追跡期間|観察期間/g;
const MAIN = '研究期間';

function canonicalLabel(found: string): string {
  for (const [re, label] of LABELS) if (re.test(found)) return label;
  return found;
}

/** 「告示適用日」 is the 告示日; 「jRCT初回公表日」 and 「jRCT公表日」 are one anchor (as R-P-3 reads them). */
function canonicalAnchor(anchor: string): string {
  return anchor.replace('告示適用日', '告示日').replace(/jRCT(?:初回)?公表日/, 'jRCT公表日');
}

const lastDayOf = (year: number, month: number): YMD => addDays(addCalendarMonths({ year, month, day: 1 }, 1), -1);

interface Expr {
  readonly start: number;
  readonly end: number;
  /** A day the text names: the first day of a month or year when it starts a period, else the last. */
  readonly first?: YMD;
  readonly last?: YMD;
  readonly months?: number;
}

const START_AFTER = /^\s*(?:から|より|～|~|〜|－|-|―)/;
const M = '(?:か|ヶ|ヵ|カ|ケ|箇)月';

/** Dates, months, fiscal years and lengths in a normalised text, in order, none overlapping. */
function expressions(s: string): Expr[] {
  const out: Expr[] = findDates(s).map((d) => ({ start: d.start, end: d.end, first: d.value.ymd, last: d.value.ymd }));
  const free = (a: number, b: number): boolean => !out.some((e) => a < e.end && b > e.start);
  for (const m of s.matchAll(/(\d{4})年(\d{1,2})月/g)) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12 || !free(m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, first: { year, month, day: 1 }, last: lastDayOf(year, month) });
  }
  for (const m of s.matchAll(/(\d{4})年度/g)) {
    const year = Number(m[1]);
    if (!free(m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, first: { year, month: 4, day: 1 }, last: { year: year + 1, month: 3, day: 31 } });
  }
  for (const m of s.matchAll(new RegExp(`(?<![\\d.])(?:(\\d{1,2})年(?:(\\d{1,2})${M})?|(\\d{1,3})${M})間?`, 'g'))) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0) + Number(m[3] ?? 0);
    if (months > 0) out.push({ start: m.index, end: m.index + m[0].length, months });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The end a stretch of text (one period's words) names, if it names one. */
function endOf(s: string, exprs: readonly Expr[]): PeriodEndValue | undefined {
  // A date is an end unless a period starts at it (「2027年4月1日から」).
  const dates = exprs.filter((e) => e.last !== undefined && !START_AFTER.test(s.slice(e.end)));
  const lastDate = dates[dates.length - 1]?.last;
  if (lastDate) return { kind: 'date', ymd: lastDate };
  const length = [...exprs].reverse().find((e) => e.months !== undefined);
  if (!length?.months) return undefined;
  const before = s.slice(0, length.start);
  const from = /(?:から|より)\s*$/.exec(before);
  if (!from) return { kind: 'length', anchor: '', months: length.months };
  // 「2027年4月1日から5年間」: the day before the same date N years on (R-P-4).
  const start = exprs.find((e) => e.end === from.index && e.first !== undefined)?.first;
  if (start) return { kind: 'date', ymd: addDays(addCalendarMonths(start, length.months), -1) };
  const anchor = /([^\s、。，,：:（）()「」［］[\]～~〜・]+)$/.exec(before.slice(0, from.index))?.[1] ?? '';
  return { kind: 'length', anchor: canonicalAnchor(anchor), months: length.months };
}

/** The text as the readers read it: 西暦 dates, ASCII digits, one kind of tilde. */
function normalise(text: string): string {
  return toAsciiDigits(restyleDates(text, HOSPITAL_DATES)).replace(/[～〜]/g, '~');
}

/**
 * The ends of the periods a text names, each under its period's name: 「告示日から2031年3月31日まで
 * （登録期間3年）」 → 研究期間 ends 2031-03-31, 登録期間 3 years after an unnamed start.
 */
export function periodEnds(text: string): PeriodEnd[] {
  const s = normalise(text);
  const labels = [...s.matchAll(LABEL_IN_TEXT)].map((m) => ({ at: m.index, label: canonicalLabel(m[0]) }));
  const cuts = [{ at: 0, label: MAIN }, ...labels];
  const exprs = expressions(s);
  const out: PeriodEnd[] = [];
  cuts.forEach((c, i) => {
    const to = cuts[i + 1]?.at ?? s.length;
    const piece = exprs.filter((e) => e.start >= c.at && e.end <= to).map((e) => ({ ...e, start: e.start - c.at, end: e.end - c.at }));
    const end = endOf(s.slice(c.at, to), piece);
    if (end && !out.some((o) => o.label === c.label)) out.push({ label: c.label, end });
  });
  return out;
}

function delta(label: string, a: PeriodEndValue, b: PeriodEndValue): PeriodDelta | undefined {
  if (a.kind === 'length' && b.kind === 'length') return a.anchor === b.anchor ? { label, months: b.months - a.months } : undefined;
  if (a.kind !== 'date' || b.kind !== 'date') return undefined;
  const x = a.ymd;
  const y = b.ymd;
  const months = (y.year - x.year) * 12 + (y.month - x.month);
  const monthEnd = (d: YMD): boolean => lastDayOf(d.year, d.month).day === d.day;
  if (x.day === y.day || (monthEnd(x) && monthEnd(y))) return { label, months };
  return { label, days: daysBetween(x, y) };
}

/**
 * How much each period named in both texts got longer (+) or shorter (−). A period named in only
 * one text, or whose ends cannot be compared (「告示日から」 against 「jRCT公表日から」), is left out;
 * so are periods that did not change. When each text names a single period, those two are compared.
 */
export function periodDeltas(beforeText: string, afterText: string): PeriodDelta[] {
  const a = periodEnds(beforeText);
  const b = periodEnds(afterText);
  const [a0] = a;
  const [b0] = b;
  const pairs: Array<readonly [string, PeriodEndValue, PeriodEndValue]> =
    a.length === 1 && b.length === 1 && a0 && b0
      ? [[a0.label === b0.label ? a0.label : MAIN, a0.end, b0.end]]
      : a.flatMap((x) => {
          const y = b.find((e) => e.label === x.label);
          return y ? [[x.label, x.end, y.end] as const] : [];
        });
  return pairs.map(([label, x, y]) => delta(label, x, y)).filter((d): d is PeriodDelta => d !== undefined && (d.months ?? d.days ?? 0) !== 0);
}

/** 「18か月延長」, 「6か月短縮」, 「45日延長」. */
export function deltaText(d: PeriodDelta): string {
  const n = d.months ?? d.days ?? 0;
  return `${Math.abs(n)}${d.months !== undefined ? 'か月' : '日'}${n > 0 ? '延長' : '短縮'}`;
}

/**
 * The note printed after the 変更後 period: 「（18か月延長）」; with several periods changed by
 * different amounts 「（研究期間12か月延長、登録期間18か月延長）」; '' when nothing can be said.
 */
export function periodNote(beforeText: string, afterText: string): string {
  const deltas = periodDeltas(beforeText, afterText);
  if (deltas.length === 0) return '';
  const texts = deltas.map(deltaText);
  if (new Set(texts).size === 1) return `（${texts[0] ?? ''}）`;
  return `（${deltas.map((d) => `${d.label}${deltaText(d)}`).join('、')}）`;
}
