/**
 * 円 amounts: typed with full-width digits, commas (，、,), 「円」 or 「¥」 as people type them on
 * Japanese keyboards; stored as integer yen. Bad input is reported, never "fixed" silently.
 */
import { toAsciiDigits } from '../dates/wareki';

export type YenParse = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Largest amount accepted (1兆円): far above any 先進医療 cost, safe for integer arithmetic. */
export const MAX_YEN = 1_000_000_000_000;

export function parseYen(input: string): YenParse {
  const s = toAsciiDigits(input)
    .replace(/[\s　]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/円$/, '')
    .replace(/[,，、]/g, '');
  if (s === '') return { ok: false, message: '金額を入力してください。' };
  if (/^[-－ー−]/.test(s)) return { ok: false, message: '負の金額は入力できません。' };
  if (/[.．]/.test(s)) return { ok: false, message: '円未満は入力できません。整数の円で入力してください。' };
  if (!/^\d+$/.test(s)) return { ok: false, message: '数字で入力してください（例：10,000,000）。' };
  const value = Number(s);
  if (!Number.isSafeInteger(value) || value > MAX_YEN) return { ok: false, message: '金額が大きすぎます。' };
  return { ok: true, value };
}

/** 「10,000,000」 (ASCII digits with commas), the form used in cost tables. */
export function formatYen(value: number): string {
  return Math.trunc(value).toLocaleString('ja-JP');
}

/** 「10,000,000円」 */
export function formatYenWithUnit(value: number): string {
  return `${formatYen(value)}円`;
}
