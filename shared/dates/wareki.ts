/**
 * 和暦 formatting for MHLW forms (R-F-4). One module decides how dates print; it uses Intl with
 * the Japanese calendar, so a future era is handled by the platform's ICU data, not by us.
 * 令和元年 (2019-05-01 onward) prints as 「元年」, as on official forms.
 */
import type { YMD } from './iso-date';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

export function weekdayKanji(dayIndex: number): string {
  return WEEKDAYS[dayIndex] ?? '';
}

/** Converts ASCII digits to full-width digits (０-９), as printed on official forms. */
export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** Converts full-width digits to ASCII digits. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export interface WarekiParts {
  readonly era: string; // 令和
  readonly year: number; // 1 for 元年
  readonly month: number;
  readonly day: number;
}

const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: 'UTC',
  era: 'long',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

export function warekiParts(ymd: YMD): WarekiParts {
  const parts = eraFormat.formatToParts(new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day)));
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const yearText = parts.find((p) => p.type === 'year')?.value ?? '';
  const year = yearText === '元' ? 1 : Number(yearText);
  return { era, year, month: ymd.month, day: ymd.day };
}

export interface WarekiOptions {
  /** Full-width digits (「令和９年１月１２日」), as on printed MHLW forms. Default true. */
  readonly fullWidth?: boolean;
}

/** 「令和９年１月１２日」 */
export function formatWareki(ymd: YMD, options: WarekiOptions = {}): string {
  const p = warekiParts(ymd);
  const year = p.year === 1 ? '元' : String(p.year);
  const s = `${p.era}${year}年${p.month}月${p.day}日`;
  return options.fullWidth === false ? s : toFullWidthDigits(s);
}

/** 「2027年1月12日」 for documents the hospital writes in 西暦. */
export function formatSeireki(ymd: YMD): string {
  return `${ymd.year}年${ymd.month}月${ymd.day}日`;
}
