/**
 * One date format per printed document (R-F-4). MHLW 様式 print 和暦 with full-width digits
 * (「令和９年４月５日」), as the 記載要領's forms do; documents the hospital writes (照会回答, 変更申請,
 * the check report) may use 西暦. A document picks its style once (a package: its definition in the
 * template set) and every date it prints goes through here: dates the app formats from stored
 * values, and dates typed inside prose and table cells, which are rewritten to the same style.
 */
import { parseIsoDate, type YMD } from './iso-date';
import { toAsciiDigits, toFullWidthDigits, warekiParts } from './wareki';

export interface DateStyle {
  /** 和暦 (「令和９年」) or 西暦 (「2027年」). */
  readonly era: 'wareki' | 'seireki';
  /** Digits of dates as full-width (「４月５日」) or ASCII (「4月5日」). */
  readonly fullWidth: boolean;
}

/** MHLW forms (R-F-4): 和暦, full-width digits. */
export const FORM_DATES: DateStyle = { era: 'wareki', fullWidth: true };

/** Documents the hospital writes itself: 西暦, ASCII digits. */
export const HOSPITAL_DATES: DateStyle = { era: 'seireki', fullWidth: false };

/** First western year − 1 of each era (令和1年 = 2019). Intl decides which era a date is in. */
const ERA_OFFSET: Readonly<Record<string, number>> = { 令和: 2018, 平成: 1988, 昭和: 1925, 大正: 1911, 明治: 1867 };

function digits(s: string, style: DateStyle): string {
  return style.fullWidth ? toFullWidthDigits(s) : toAsciiDigits(s);
}

function eraYear(ymd: YMD): string {
  const p = warekiParts(ymd);
  return `${p.era}${p.year === 1 ? '元' : String(p.year)}年`;
}

/** 「令和９年４月５日」 or 「2027年4月5日」. */
export function formatDate(ymd: YMD, style: DateStyle): string {
  const year = style.era === 'wareki' ? eraYear(ymd) : `${ymd.year}年`;
  return digits(`${year}${ymd.month}月${ymd.day}日`, style);
}

/** The blank to write a date by hand: 「令和　　年　　月　　日」 or 「　　　　年　　月　　日」. */
export function blankDate(style: DateStyle): string {
  return style.era === 'wareki' ? '令和　　年　　月　　日' : '　　　　年　　月　　日';
}

/** A stored date ('YYYY-MM-DD') as printed; anything else (a half-typed value) prints as typed. */
export function printDate(value: string, style: DateStyle): string {
  const ymd = parseIsoDate(value);
  return ymd ? formatDate(ymd, style) : value;
}

const D = '[0-9０-９]';
const S = '[ 　]?';
// One alternative per way a date is typed; the named groups say which matched.
const DATE_IN_TEXT = new RegExp(
  [
    // 和暦: 「令和7年4月10日」「令和元年5月」「平成31年度」
    `(?<era>令和|平成|昭和|大正|明治)${S}(?<ey>元|${D}{1,2})${S}年(?:(?<efy>度)|(?:${S}(?<em>${D}{1,2})${S}月(?:${S}(?<ed>${D}{1,2})${S}日)?)?)`,
    // 西暦: 「2025年4月10日」「2027年4月」「2027年度」「2030年」 — not 「西暦2025年」 (said so on purpose),
    // not part of a code (「LOT2024年…」), not a length or an age (「1600年前」「2025年間」「1990年頃」).
    `(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ]|西暦${S})(?<wy>${D}{4})${S}年(?:(?<wfy>度)|(?:${S}(?<wm>${D}{1,2})${S}月(?:${S}(?<wd>${D}{1,2})${S}日)?)?)(?![前間頃])`,
    // 「2025/4/10」「2025-04-10」「2025.4.10」 (one separator throughout) — not inside a code, a version
    // or a number (「LOT2024-01-15」「v2025.1.3」「第2024-5-1号」「2024-01-15-A」).
    `(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ./／．_\\-第])(?<sy>${D}{4})(?<sep>[/／.．-])(?<sm>${D}{1,2})\\k<sep>(?<sd>${D}{1,2})(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ号./／．_\\-])`,
    // 月日 without a year: 「4月20日」
    `(?<![0-9０-９])(?<m>${D}{1,2})${S}月${S}(?<d>${D}{1,2})${S}日`,
  ].join('|'),
  'g',
);

const num = (s: string | undefined): number => Number(toAsciiDigits(s ?? ''));

/** A typed year (and month, day) as a western date, or undefined when it names no real date in that era. */
function typedDate(era: string | undefined, yearText: string, month: number | undefined, day: number | undefined): { year: number; month?: number; day?: number } | undefined {
  let year = yearText === '元' ? 1 : num(yearText);
  // A western year before the 和暦 calendar took its present form (明治6年 = 1873) is history, not a date of this filing.
  if (era === undefined && year < 1873) return undefined;
  if (era !== undefined) {
    const offset = ERA_OFFSET[era];
    if (offset === undefined || year < 1) return undefined;
    year += offset;
  }
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && !parseIsoDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)) return undefined;
  if (era !== undefined) {
    // The typed era must be in force on that day (or on some day of that month or year): 「令和元年4月」 is no date.
    const first = { year, month: month ?? 1, day: day ?? 1 };
    const last = { year, month: month ?? 12, day: day ?? (month === undefined ? 31 : new Date(Date.UTC(year, month, 0)).getUTCDate()) };
    const inEra = (ymd: YMD): boolean => {
      const p = warekiParts(ymd);
      return p.era === era && p.year === year - (ERA_OFFSET[era] ?? 0);
    };
    if (!inEra(first) && !inEra(last)) return undefined;
  }
  return { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
}

/**
 * Rewrites every date typed in `text` to `style`: 「2025年4月10日」 → 「令和７年４月１０日」,
 * 「令和7年度」 → 「令和７年度」, 「4月20日」 → 「４月２０日」, and back to 西暦 for a 西暦 document.
 * A year alone is given the era in force at its end (「2019年度」 → 「令和元年度」). A date that is no
 * real day in the era typed (「令和元年4月1日」) is left as typed: R-F-4 reports it.
 */
export function restyleDates(text: string, style: DateStyle): string {
  // A date never spans a line (no pattern matches a line break, and a line break before or after a
  // date looks to the lookarounds like the text's start or end): long prose is restyled line by
  // line, so a keystroke in a 10,000-character 治療計画 restyles only the line it is in (issue 17).
  if (text.length > LINEWISE_FROM && text.includes('\n')) return text.split('\n').map((line) => restyleText(line, style)).join('\n');
  return restyleText(text, style);
}

/** Texts longer than this are restyled line by line. */
const LINEWISE_FROM = 400;

function restyleText(text: string, style: DateStyle): string {
  // Every preview after a keystroke restyles the whole 様式 again: each text once (issue 17).
  const key = `${style.era}${style.fullWidth ? 'F' : 'A'}${text}`;
  const known = restyled.get(key);
  if (known !== undefined) return known;
  const out = restyle(text, style);
  if (restyled.size >= RESTYLED_SIZE) restyled.clear();
  restyled.set(key, out);
  return out;
}

const restyled = new Map<string, string>();
const RESTYLED_SIZE = 20_000;

/** Forgets every restyled text (the bench times a cold layout, as after the app starts). */
export function clearRestyledDates(): void {
  restyled.clear();
}

/** restyleDates of the whole text at once, without a cache (tests compare the line-by-line restyle with it). */
export function restyleDatesWhole(text: string, style: DateStyle): string {
  return restyle(text, style);
}

function restyle(text: string, style: DateStyle): string {
  return text.replace(DATE_IN_TEXT, (all: string, ...args: unknown[]) => {
    const g = args[args.length - 1] as Record<string, string | undefined>;
    if (g.m !== undefined) return digits(`${num(g.m)}月${num(g.d)}日`, style);
    const era = g.era;
    const yearText = g.ey ?? g.wy ?? g.sy ?? '';
    const monthText = g.em ?? g.wm ?? g.sm;
    const dayText = g.ed ?? g.wd ?? g.sd;
    const fiscal = g.efy !== undefined || g.wfy !== undefined;
    const d = typedDate(era, yearText, monthText === undefined ? undefined : num(monthText), dayText === undefined ? undefined : num(dayText));
    if (!d) return all;
    const rest = `${d.month !== undefined ? `${d.month}月` : ''}${d.day !== undefined ? `${d.day}日` : ''}${fiscal ? '度' : ''}`;
    if (style.era === 'seireki') return digits(`${d.year}年${rest}`, style);
    // Typed in 和暦: its era stays (「平成31年度」 is not rewritten to 令和元年度).
    if (era !== undefined) return digits(`${era}${yearText === '元' || num(yearText) === 1 ? '元' : num(yearText)}年${rest}`, style);
    // 和暦 of a month is that of its first day (「2019年5月」 → 令和元年５月); of a year, that of its last day.
    const at: YMD = { year: d.year, month: d.month ?? 12, day: d.day ?? (d.month !== undefined ? 1 : 31) };
    return digits(`${eraYear(at)}${rest}`, style);
  });
}
