/**
 * 円 amounts: typed with full-width digits, commas (，、,), 「円」 or 「¥」 as people type them on
 * Japanese keyboards; stored as integer yen. Bad input is reported, never "fixed" silently.
 *
 * 「万」 reads as ten thousand with up to 4 digits after it (「72万7,069円」「７２万７，０６９円」「50万円」
 * → 727,069 / 500,000): the exact amount, written the way 様式 prose writes it. Refused, because they
 * are not an exact amount: a decimal 万 (「72.7万円」 — rounded, the 円 below are lost), an estimate
 * (「約72万円」「72万円程度」), more than 4 digits after 万, and 億 (far above any field here).
 */
import { toAsciiDigits } from '../dates/wareki';

export type YenParse = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Largest amount accepted (1兆円): far above any 先進医療 cost, safe for integer arithmetic. */
export const MAX_YEN = 1_000_000_000_000;

/** Words that make a typed amount an estimate, not an amount. */
const ESTIMATE = /約|およそ|概ね|程度|前後|くらい|ぐらい|ほど/;

export function parseYen(input: string): YenParse {
  const s = toAsciiDigits(input)
    .replace(/[\s　]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/円$/, '')
    .replace(/[,，、]/g, '');
  if (s === '') return { ok: false, message: '金額を入力してください。' };
  if (/^[-－ー−]/.test(s)) return { ok: false, message: '負の金額は入力できません。' };
  if (ESTIMATE.test(s)) return { ok: false, message: '概数は入力できません。円まで正確な金額を入力してください（例：10,000,000）。' };
  const man = /^(\d+)万(\d*)$/.exec(s);
  if (/万/.test(s) && /[.．]/.test(s)) return { ok: false, message: '「万」の小数は概数です。円まで正確な金額を入力してください（例：72万7,069）。' };
  if (/[.．]/.test(s)) return { ok: false, message: '円未満は入力できません。整数の円で入力してください。' };
  let value: number;
  if (man) {
    const [, high = '', low = ''] = man;
    if (low.length > 4) return { ok: false, message: '「万」の後は4桁までです（例：72万7,069）。' };
    value = Number(high) * 10_000 + (low === '' ? 0 : Number(low));
  } else {
    if (!/^\d+$/.test(s)) return { ok: false, message: '数字で入力してください（例：10,000,000）。' };
    value = Number(s);
  }
  if (!Number.isSafeInteger(value) || value > MAX_YEN) return { ok: false, message: '金額が大きすぎます。' };
  return { ok: true, value };
}

/** What Number#toLocaleString('ja-JP') uses, made once (issue 17: it builds a new one on every call). */
const JA_NUMBER = new Intl.NumberFormat('ja-JP');

/** 「10,000,000」 (ASCII digits with commas), the form used in cost tables. */
export function formatYen(value: number): string {
  return JA_NUMBER.format(Math.trunc(value));
}

/** 「10,000,000円」 */
export function formatYenWithUnit(value: number): string {
  return `${formatYen(value)}円`;
}
