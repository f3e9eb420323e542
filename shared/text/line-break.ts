/**
 * Japanese line breaking with kinsoku (禁則処理), after JIS X 4051.
 *
 * Invariants (tested in test/unit/text/line-break.test.ts and test/unit/document/print-fidelity.test.ts):
 * - No text is ever lost: joining the returned lines (plus the hard breaks) gives the input back,
 *   except for spaces swallowed at a soft break.
 * - A line never starts with a 行頭禁則 character (、。）」ッー …) and never ends with a 行末禁則
 *   character (「（ …). When a line has no legal break, rules are given up one at a time, kinsoku
 *   last: a phrase boundary, then a run kept whole by the caller (a circled choice), then a number,
 *   date or word kept together, and only then kinsoku, for a run wider than the whole line.
 * - Latin words, codes and numbers (30200BZX00289000, 25,000,000, full-width digits too), a number
 *   with its counter (44,384円, 60例, 10年) and a date (令和９年２月１５日, 2025年4月10日) are kept
 *   together when they fit on a line.
 * - With `phrases` (labels and short values), lines break between words (Intl.Segmenter) before
 *   anywhere else, and the last line never holds a single character or a lone word after a space.
 * Code points are handled with Array.from, never UTF-16 units, so 𠮷 is one character.
 */

/** Characters that must not start a line (行頭禁則), for every backend that breaks lines. */
export const NO_LINE_START_CHARS =
  '、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»' +
  'ゝゞヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻' +
  '‐゠–〜～？！?!‼⁇⁈⁉・：；:;/／' +
  '…‥〳〴〵' +
  '℃％%‰°′″¢￠';

/** Characters that must not end a line (行末禁則). */
export const NO_LINE_END_CHARS = '（(［[｛{〔〈《「『【〘〖〝‘“｟«¥￥$＄£￡#＃№';

const NO_LINE_START = new Set(Array.from(NO_LINE_START_CHARS));
const NO_LINE_END = new Set(Array.from(NO_LINE_END_CHARS));

export function isNoLineStart(ch: string): boolean {
  return NO_LINE_START.has(ch);
}

export function isNoLineEnd(ch: string): boolean {
  return NO_LINE_END.has(ch);
}

/** Characters of a Latin "word" or a number that should not be split across lines (full-width digits too). */
function isWordChar(ch: string): boolean {
  return /^[A-Za-z0-9０-９@&#%+\-_.:/=~'’"$,()[\]<>，．]$/.test(ch);
}

/** Variation selectors and combining marks stay with the character before them. */
function isAttached(ch: string): boolean {
  return /^[\u0300-\u036f\u3099\u309a\ufe00-\ufe0f\u{e0100}-\u{e01ef}\u200d]$/u.test(ch);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

function isDigit(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９');
}

/** Counters that stay with the number before them: 10年, 4月, 20日, 44,384円, 60例, 3名, 800床, 300回. */
const COUNTERS = new Set(Array.from('年月日円万千億時分秒歳例名床回件人個台点週倍'));

/**
 * Numbers, dates and amounts are not split: 「令和９年２月１５日」「2025年4月10日」「1,000万円」.
 * The last character of an era name (令和, 平成, 昭和, 大正, 明治) stays with the year after it.
 */
function isGlued(before: string, after: string): boolean {
  if ((isDigit(before) || before === '元') && COUNTERS.has(after)) return true;
  if ((before === '年' || before === '月') && isDigit(after)) return true;
  return (before === '和' || before === '成' || before === '正' || before === '治') && (isDigit(after) || after === '元');
}

/** True when a line may be broken between `before` and `after` (neighbours that are not spaces). */
export function canBreakBetween(before: string, after: string): boolean {
  if (isSpace(before)) return !isNoLineStart(after);
  if (isSpace(after)) return false;
  if (isAttached(after)) return false;
  if (isNoLineStart(after)) return false;
  if (isNoLineEnd(before)) return false;
  if (isWordChar(before) && isWordChar(after)) return false;
  if (isGlued(before, after)) return false;
  return true;
}

/** Advance of the character at `index` (the index lets a caller widen one glyph, e.g. for a tab). */
export type MeasureChar = (ch: string, index: number) => number;

/** A line as a half-open range [start, end) of code-point indices into the text. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

export interface BreakOptions {
  /**
   * Labels and short values: break between words (Intl.Segmenter, 'ja') before breaking inside
   * one — 「医療機器／名」, never 「医療機／器名」 — and never leave a single character, or a single
   * word after a space (the given name of 「髙橋 誠一」), alone on the last line of a paragraph.
   */
  readonly phrases?: boolean;
}

let segmenter: Intl.Segmenter | undefined;
/** Word starts by text: the same labels are laid out again on every preview and export. */
const wordCache = new Map<string, Uint8Array>();
const WORD_CACHE_SIZE = 2000;

/** 1 at each code-point index where a word starts (Intl.Segmenter), for breaking labels at phrases. */
function wordStarts(chars: readonly string[]): Uint8Array {
  const key = chars.join('');
  const cached = wordCache.get(key);
  if (cached) return cached;
  const out = segmentWords(chars);
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  wordCache.set(key, out);
  return out;
}

function segmentWords(chars: readonly string[]): Uint8Array {
  const out = new Uint8Array(chars.length + 1);
  if (typeof Intl.Segmenter !== 'function') return out.fill(1);
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  // Segment indices are UTF-16 offsets: map them to code-point indices.
  const cpAt = new Map<number, number>();
  let u = 0;
  chars.forEach((ch, i) => {
    cpAt.set(u, i);
    u += ch.length;
  });
  cpAt.set(u, chars.length);
  for (const seg of segmenter.segment(chars.join(''))) {
    const i = cpAt.get(seg.index);
    if (i !== undefined) out[i] = 1;
  }
  out[chars.length] = 1;
  // A short word between spaces is one word: the segmenter splits names it does not know
  // (「髙｜橋 誠一」「山｜﨑 花子」), and a name is never broken.
  let from = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && !isSeparator(chars[i] ?? '')) continue;
    const touchesSpace = from > 0 || i < chars.length;
    if (touchesSpace && i - from <= SPACED_WORD_CHARS) out.fill(0, from + 1, i);
    from = i + 1;
  }
  // A short note in brackets is one word: 「（注１）」「（16桁）」「［術者］」.
  chars.forEach((ch, open) => {
    const close = CLOSING[ch];
    if (close === undefined) return;
    const end = chars.indexOf(close, open + 1);
    if (end > open && end - open <= SHORT_NOTE_CHARS && !chars.slice(open + 1, end).some(isSeparator)) out.fill(0, open + 1, end + 1);
  });
  return out;
}

const CLOSING: Readonly<Record<string, string>> = { '（': '）', '(': ')', '［': '］', '[': ']', '「': '」', '『': '』', '【': '】', '〔': '〕', '〈': '〉', '《': '》' };
/** Longest word between spaces kept whole: a family or given name (「髙橋」「誠一」「𠮷田」). */
const SPACED_WORD_CHARS = 4;
/** Characters between the brackets of a note kept on one line (「（16桁）」 has 4). */
const SHORT_NOTE_CHARS = 7;

interface Breaker {
  readonly chars: readonly string[];
  readonly maxWidth: number;
  readonly measure: MeasureChar;
  readonly allow: (i: number) => boolean;
  readonly phrases: boolean;
  /** Word starts when breaking at phrases, found the first time a line has to break. */
  words?: Uint8Array;
}

/** Word starts of the text when breaking at phrases (segmenting only texts that need a break). */
function wordsOf(b: Breaker): Uint8Array | undefined {
  if (!b.phrases) return undefined;
  b.words ??= wordStarts(b.chars);
  return b.words;
}

/**
 * Breaks an array of code points into lines no wider than `maxWidth`. Hard breaks (\n; \r is
 * treated as part of a \r\n pair or as a break of its own) end a line and belong to no line.
 * At a soft break, ASCII spaces and tabs at the end of the line and the start of the next are
 * swallowed; nothing else is ever dropped (the ideographic space 「　」 is kept: it indents).
 */
export function breakLineRanges(
  chars: readonly string[],
  maxWidth: number,
  measure: MeasureChar,
  /** Extra veto: false forbids a break before i (e.g. inside a circled choice) while another break exists. */
  allowBreakBefore: (i: number) => boolean = () => true,
  options: BreakOptions = {},
): LineRange[] {
  const b: Breaker = { chars, maxWidth, measure, allow: allowBreakBefore, phrases: options.phrases === true };
  const out: LineRange[] = [];
  let i = 0;
  while (i <= chars.length) {
    let end = i;
    while (end < chars.length && chars[end] !== '\n' && chars[end] !== '\r') end++;
    breakParagraph(b, i, end, out);
    if (end >= chars.length) break;
    i = end + (chars[end] === '\r' && chars[end + 1] === '\n' ? 2 : 1);
    if (i === chars.length) {
      out.push({ start: i, end: i });
      break;
    }
  }
  return out;
}

/** Convenience for strings: the lines as text. */
export function breakLines(text: string, maxWidth: number, measure: MeasureChar, options: BreakOptions = {}): string[] {
  const chars = Array.from(text);
  return breakLineRanges(chars, maxWidth, measure, undefined, options).map((r) => chars.slice(r.start, r.end).join(''));
}

function breakParagraph(b: Breaker, from: number, to: number, out: LineRange[]): void {
  const { chars, maxWidth, measure } = b;
  if (from >= to) {
    out.push({ start: from, end: from });
    return;
  }
  const first = out.length;
  let start = from;
  while (start < to) {
    // Grow the line while it fits.
    let width = 0;
    let end = start;
    while (end < to) {
      const w = measure(chars[end] ?? '', end);
      if (width + w > maxWidth + 1e-6 && end > start) break;
      width += w;
      end++;
    }
    if (end >= to) {
      out.push({ start, end: to });
      break;
    }
    // chars[end] does not fit. Spaces there are swallowed by the break, so the line may end after them.
    let last = end;
    while (last < to && isSpace(chars[last] ?? '')) last++;
    // The latest legal break at or before `last` (追い出し).
    const brk = findBreak(b, start, end, last, to);
    let lineEnd = brk;
    while (lineEnd > start && isSpace(chars[lineEnd - 1] ?? '')) lineEnd--;
    out.push({ start, end: lineEnd });
    start = brk;
    // Spaces at the start of a continuation line are swallowed by the soft break.
    while (start < to && isSpace(chars[start] ?? '')) start++;
  }
  if (b.phrases && out.length - first > 1) balanceLastLine(b, out, first, to);
}

/**
 * The latest break in (start, last], giving rules up one at a time when a line has none: word
 * boundaries (labels), the caller's veto, numbers and words kept together, and last
 * kinsoku itself (a run with no legal break wider than the line is cut by width, never clipped).
 */
function findBreak(b: Breaker, start: number, end: number, last: number, to: number): number {
  const { chars, allow } = b;
  const words = wordsOf(b);
  const legal = (k: number): boolean => legalBreak(chars, k, start, to);
  let k: number;
  if (words) for (k = last; k > start; k--) if (words[k] === 1 && legal(k) && allow(k)) return k;
  for (k = last; k > start; k--) if (legal(k) && allow(k)) return k;
  for (k = last; k > start; k--) if (legal(k)) return k;
  for (k = last; k > start; k--) if (kinsokuOnly(chars, k, start)) return k;
  return end;
}

function isSeparator(ch: string): boolean {
  return isSpace(ch) || ch === '　';
}

/**
 * Whether the line may break before index `brk`. A break inside spaces is judged by what the reader
 * sees once they are swallowed: the last character before them must be allowed at a line end and
 * the first after them at a line start (「あ「 い」 never ends a line with 「; 「ab 」」 never starts one with 」).
 */
function legalBreak(chars: readonly string[], brk: number, start: number, to: number): boolean {
  const after = chars[brk] ?? '';
  if (isSpace(after)) return false;
  if (!isSpace(chars[brk - 1] ?? '')) return canBreakBetween(chars[brk - 1] ?? '', after);
  let p = brk - 1;
  while (p >= start && isSpace(chars[p] ?? '')) p--;
  if (p >= start && isNoLineEnd(chars[p] ?? '')) return false;
  return brk >= to || !isNoLineStart(after);
}

/** Kinsoku alone (no word or number kept together): the last resort before cutting by width. */
function kinsokuOnly(chars: readonly string[], brk: number, start: number): boolean {
  const after = chars[brk] ?? '';
  if (isSpace(after) || isAttached(after) || isNoLineStart(after)) return false;
  let p = brk - 1;
  while (p >= start && isSpace(chars[p] ?? '')) p--;
  return !(p >= start && isNoLineEnd(chars[p] ?? ''));
}

/**
 * The last line of a label never holds a single character (「医療機器／名」 becomes 「医療／機器名」),
 * nor a single word after a space while the line above holds several (「教授 髙橋／誠一」 becomes
 * 「教授／髙橋 誠一」: a name stays whole). The last break moves earlier when what moves down fits.
 */
function balanceLastLine(b: Breaker, out: LineRange[], first: number, to: number): void {
  const lastLine = out[out.length - 1];
  const prev = out[out.length - 2];
  if (!lastLine || !prev || out.length - first < 2 || lastLine.end <= lastLine.start) return;
  const { chars, measure, maxWidth } = b;
  const hasSeparator = (from: number, until: number): boolean => {
    for (let k = from; k < until; k++) if (isSeparator(chars[k] ?? '')) return true;
    return false;
  };
  const loneChar = lastLine.end - lastLine.start === 1;
  const loneWord = isSeparator(chars[lastLine.start - 1] ?? '') && !hasSeparator(lastLine.start, lastLine.end) && hasSeparator(prev.start + 1, prev.end);
  if (!loneChar && !loneWord) return;
  // The new last line is chars[k, lastLine.end), k as late as possible.
  let width = 0;
  for (let k = prev.end; k < lastLine.end; k++) width += measure(chars[k] ?? '', k);
  let best = -1;
  let bestRank = loneWord ? 1 : 3;
  for (let k = prev.end - 1; k > prev.start; k--) {
    width += measure(chars[k] ?? '', k);
    if (width > maxWidth + 1e-6) break;
    if (!legalBreak(chars, k, prev.start, to)) continue;
    const rank = isSeparator(chars[k - 1] ?? '') && b.allow(k) ? 0 : wordsOf(b)?.[k] === 1 && b.allow(k) ? 1 : b.allow(k) ? 2 : 3;
    if (rank < bestRank) {
      best = k;
      bestRank = rank;
    }
    if (rank === 0) break;
  }
  if (best < 0) return;
  let end = best;
  while (end > prev.start && isSpace(chars[end - 1] ?? '')) end--;
  out[out.length - 2] = { start: prev.start, end };
  out[out.length - 1] = { start: best, end: lastLine.end };
}
