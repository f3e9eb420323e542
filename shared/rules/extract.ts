/**
 * Facts typed inside prose (issue 5 §2): official forms repeat facts in free text — the yen amount
 * in 様式第3号(11) and 様式第5号, committee approval dates, the 予定症例数. These functions find them
 * as typed (full-width digits, 、 or ， as thousands separators, 「円」「万円」「¥」, 和暦 and 西暦)
 * and say where they are, so a check can compare them with the model and 「この値に統一」 can
 * rewrite exactly those characters and nothing else.
 */
import { parseIsoDate, type YMD } from '../dates/iso-date';
import { toAsciiDigits, toFullWidthDigits } from '../dates/wareki';
import { formatYen } from '../money/yen';

const D = '[0-9０-９]';
const SEP = '[,，、]';

export interface Found<T> {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: T;
  /** The sentence (between 。 or line breaks) the fact stands in. */
  readonly sentence: string;
  /** The sentence up to the fact: what the fact is said of. */
  readonly before: string;
}

function sentenceAround(s: string, start: number, end: number): { sentence: string; before: string } {
  let a = start;
  while (a > 0 && !/[。\n]/.test(s.charAt(a - 1))) a--;
  let b = end;
  while (b < s.length && !/[。\n]/.test(s.charAt(b))) b++;
  return { sentence: s.slice(a, b), before: s.slice(a, start) };
}

// 「¥21,938」「21,938円」「２１，９３８円」「2万1,938円」「3万円」「４万５３８４円」「４万５千３８４円」. A 、 counts
// as a thousands separator only between digit groups of three, so 「1、2」 in a list is not read as 12.
// After 万: 「5,384」, 「5千384」「5千」, or up to four digits 「5384」.
const BELOW_MAN = `(?:${D}{1,3}(?:${SEP}${D}{3})+|${D}千${D}{0,3}|${D}{1,4})`;
const YEN = new RegExp(`([¥￥]\\s?)?((?:${D}{1,3}(?:${SEP}${D}{3})+|${D}+)(?:万${BELOW_MAN}?)?)(\\s?円)?`, 'g');

/** 「5,384」「5千384」「5千」「5384」 (ASCII digits, no separators) → 5384. */
const belowMan = (rest: string): number => {
  const [sen, ones] = rest.split('千');
  return ones === undefined ? Number(rest) : Number(sen) * 1000 + (ones === '' ? 0 : Number(ones));
};

/** 円 amounts in prose, as integer yen. A bare number without ¥ or 円 is not an amount. */
export function findYen(s: string): Found<number>[] {
  const out: Found<number>[] = [];
  for (const m of s.matchAll(YEN)) {
    const [all, yenSign, num, unit] = m;
    if (!num || (!yenSign && !unit)) continue;
    const start = m.index;
    // Part of a longer number or a code (「第3号」, 「R-C-1」) is not an amount.
    if (start > 0 && /[0-9０-９.．]/.test(s.charAt(start - 1))) continue;
    const ascii = toAsciiDigits(num).replace(/[,，、]/g, '');
    const [man, rest] = ascii.split('万');
    const value = rest !== undefined ? Number(man) * 10_000 + (rest === '' ? 0 : belowMan(rest)) : Number(ascii);
    if (!Number.isSafeInteger(value)) continue;
    const end = start + all.length;
    out.push({ start, end, text: all, value, ...sentenceAround(s, start, end) });
  }
  return out;
}

/**
 * Writes `value` in the style of `typed`: full-width digits and 「，」 if typed so, 「万」 (and 「千」)
 * if typed so (「４万５３８４円」 → 「４万４３８４円」, 「4万5,384円」 → 「4万4,384円」); keeps ¥ / 円.
 */
export function formatYenLike(typed: string, value: number): string {
  const fullWidth = /[０-９]/.test(typed);
  const sep = /，/.test(typed) ? '，' : /、/.test(typed) ? '、' : ',';
  const grouped = (n: number) => formatYen(n).replace(/,/g, sep);
  let digits = grouped(value);
  if (typed.includes('万') && value >= 10_000) {
    const [head = '', tail = ''] = typed.split('万');
    const rest = value % 10_000;
    const below = tail.includes('千') ? `${Math.floor(rest / 1000) > 0 ? `${Math.floor(rest / 1000)}千` : ''}${rest % 1000 > 0 ? rest % 1000 : ''}` : rest === 0 ? '' : /[0-9０-９]/.test(tail) && !/[,，、]/.test(tail) ? String(rest) : grouped(rest);
    digits = `${/[,，、]/.test(head) ? grouped(Math.floor(value / 10_000)) : Math.floor(value / 10_000)}万${below}`;
  }
  if (fullWidth) digits = toFullWidthDigits(digits);
  const yenSign = /^[¥￥]/.exec(typed)?.[0] ?? '';
  const unit = /\s?円$/.exec(typed)?.[0] ?? '';
  return `${yenSign}${digits}${unit}`;
}

const ERA_START: Readonly<Record<string, number>> = { 令和: 2018, 平成: 1988, 昭和: 1925 };

const DATE = new RegExp(
  `(?:(令和|平成|昭和)\\s?(${D}{1,2}|元)|(${D}{4}))\\s?年\\s?(${D}{1,2})\\s?月\\s?(${D}{1,2})\\s?日|(${D}{4})[/／.．-](${D}{1,2})[/／.．-](${D}{1,2})`,
  'g',
);

export interface FoundDate {
  readonly ymd: YMD;
  readonly era: 'wareki' | 'seireki';
  /** 令和 / 平成 / 昭和 as typed (和暦 only). */
  readonly eraName?: string;
}

/** Dates in prose: 「令和7年4月10日」「令和元年5月1日」「2025年4月10日」「2025/4/10」, full-width digits too. */
export function findDates(s: string): Found<FoundDate>[] {
  const out: Found<FoundDate>[] = [];
  for (const m of s.matchAll(DATE)) {
    const n = (x: string | undefined) => Number(toAsciiDigits(x ?? ''));
    let year: number;
    let month: number;
    let day: number;
    const era = m[1];
    if (era) {
      const y = m[2] === '元' ? 1 : n(m[2]);
      year = (ERA_START[era] ?? 0) + y;
      month = n(m[4]);
      day = n(m[5]);
    } else if (m[3]) {
      year = n(m[3]);
      month = n(m[4]);
      day = n(m[5]);
    } else {
      year = n(m[6]);
      month = n(m[7]);
      day = n(m[8]);
    }
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const ymd = parseIsoDate(iso);
    if (!ymd) continue;
    const start = m.index;
    const end = start + m[0].length;
    out.push({ start, end, text: m[0], value: era ? { ymd, era: 'wareki', eraName: era } : { ymd, era: 'seireki' }, ...sentenceAround(s, start, end) });
  }
  return out;
}

/** Case counts in prose: 「40例」「４０症例」「40名」. */
export function findCounts(s: string): Found<number>[] {
  const out: Found<number>[] = [];
  for (const m of s.matchAll(new RegExp(`(${D}+)\\s?(?:症例|例|名|人)`, 'g'))) {
    const start = m.index;
    if (start > 0 && /[0-9０-９.．~～〜-]/.test(s.charAt(start - 1))) continue;
    const end = start + m[0].length;
    out.push({ start, end, text: m[0], value: Number(toAsciiDigits(m[1] ?? '')), ...sentenceAround(s, start, end) });
  }
  return out;
}

/** Every integer in a short typed value (「16～20例」 → [16, 20]). */
export function numbersIn(s: string): number[] {
  return Array.from(toAsciiDigits(s).replace(/(\d),(\d{3})/g, '$1$2').matchAll(/\d+/g), (m) => Number(m[0]));
}

/** Replaces spans of `s` (non-overlapping), last first so earlier offsets stay valid. */
export function replaceSpans(s: string, edits: ReadonlyArray<{ readonly start: number; readonly end: number; readonly text: string }>): string {
  let out = s;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
