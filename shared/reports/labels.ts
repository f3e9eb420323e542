/**
 * How a 定期・総括報告 names its 年度, period and dates (R-F-4): as MHLW labels its 実績報告 —
 * 「令和７年度（令和６年７月１日～令和７年６月30日）」, one-digit numbers full-width, longer ones in ASCII —
 * and as its tables abbreviate a date (「令６.12.１」).
 */
import { parseIsoDate, type YMD } from '../dates/iso-date';
import { toFullWidthDigits, warekiParts } from '../dates/wareki';
import { reportYearLabel } from '../filings/deadlines';
import type { Filing } from '../filings/filing';

/** A number as MHLW writes it in 和暦 dates and labels: one digit full-width (「７」), more in ASCII (「30」). */
export function mhlwNumber(n: number): string {
  return n < 10 ? toFullWidthDigits(String(n)) : String(n);
}

function mhlwDate(ymd: YMD): string {
  const p = warekiParts(ymd);
  return `${p.era}${p.year === 1 ? '元' : mhlwNumber(p.year)}年${mhlwNumber(p.month)}月${mhlwNumber(p.day)}日`;
}

/** 「令和７年度」: the 年度 of a 定期報告 (reportYearLabel) with MHLW's digits. */
export function reportYearText(fiscalYear: number): string {
  return reportYearLabel(fiscalYear).replace(/\d+/g, (d) => mhlwNumber(Number(d)));
}

/** 「令和７年度（令和６年７月１日～令和７年６月30日）」: the 報告期間 of the 定期報告 of `fiscalYear`. */
export function reportPeriodLabel(fiscalYear: number): string {
  return `${reportYearText(fiscalYear)}（${mhlwDate({ year: fiscalYear - 1, month: 7, day: 1 })}～${mhlwDate({ year: fiscalYear, month: 6, day: 30 })}）`;
}

/** 「定期報告（令和７年度）」「総括報告」: what the report is called in file names and messages. */
export function reportLabel(filing: Pick<Filing, 'kind' | 'fiscalYear'>): string {
  if (filing.kind === 'periodic-report') return `定期報告${filing.fiscalYear !== undefined ? `（${reportYearText(filing.fiscalYear)}）` : ''}`;
  return '総括報告';
}

/** 「令７.３.１」: a stored date as MHLW's tables abbreviate it; anything else as typed. */
export function shortWareki(value: string): string {
  const ymd = parseIsoDate(value);
  if (!ymd) return value;
  const p = warekiParts(ymd);
  return `${p.era.slice(0, 1)}${mhlwNumber(p.year)}.${mhlwNumber(p.month)}.${mhlwNumber(p.day)}`;
}
