/**
 * Japanese line breaking with kinsoku (禁則処理), after JIS X 4051.
 *
 * Invariants (tested in test/unit/text/line-break.test.ts):
 * - No text is ever lost: joining the returned lines (plus the hard breaks) gives the input back,
 *   except for spaces swallowed at a soft break.
 * - A line never starts with a 行頭禁則 character (、。）」 …) and never ends with a 行末禁則
 *   character (「（ …), unless a single unbreakable run is wider than the line (then it is cut
 *   by width so nothing is clipped).
 * - Latin words and numbers (ASCII letters, digits, and their full-width forms inside a run of
 *   ASCII) are kept together when they fit on a line.
 * Code points are handled with Array.from, never UTF-16 units, so 𠮷 is one character.
 */

/** Characters that must not start a line (行頭禁則). */
const NO_LINE_START = new Set(Array.from(
  '、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»' +
  'ゝゞヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻' +
  '‐゠–〜～？！?!‼⁇⁈⁉・：；:;/／' +
  '…‥〳〴〵' +
  '℃％%‰°′″¢￠'
));

/** Characters that must not end a line (行末禁則). */
const NO_LINE_END = new Set(Array.from('（(［[｛{〔〈《「『【〘〖〝‘“｟«¥￥$＄£￡#＃№'));

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

/** True when a line may be broken between `before` and `after` (neighbours that are not spaces). */
export function canBreakBetween(before: string, after: string): boolean {
  if (isSpace(before)) return !isNoLineStart(after);
  if (isSpace(after)) return false;
  if (isAttached(after)) return false;
  if (isNoLineStart(after)) return false;
  if (isNoLineEnd(before)) return false;
  if (isWordChar(before) && isWordChar(after)) return false;
  return true;
}

export type MeasureChar = (ch: string) => number;

/** A line as a half-open range [start, end) of code-point indices into the text. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
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
  /** Extra veto: false forbids a break before index i (e.g. inside a circled choice). */
  allowBreakBefore: (i: number) => boolean = () => true,
): LineRange[] {
  const out: LineRange[] = [];
  let i = 0;
  while (i <= chars.length) {
    let end = i;
    while (end < chars.length && chars[end] !== '\n' && chars[end] !== '\r') end++;
    breakParagraph(chars, i, end, maxWidth, measure, out, allowBreakBefore);
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
export function breakLines(text: string, maxWidth: number, measure: MeasureChar): string[] {
  const chars = Array.from(text);
  return breakLineRanges(chars, maxWidth, measure).map((r) => chars.slice(r.start, r.end).join(''));
}

function breakParagraph(
  chars: readonly string[],
  from: number,
  to: number,
  maxWidth: number,
  measure: MeasureChar,
  out: LineRange[],
  allowBreakBefore: (i: number) => boolean,
): void {
  if (from >= to) {
    out.push({ start: from, end: from });
    return;
  }
  let start = from;
  while (start < to) {
    // Grow the line while it fits.
    let width = 0;
    let end = start;
    while (end < to) {
      const w = measure(chars[end] ?? '');
      if (width + w > maxWidth + 1e-6 && end > start) break;
      width += w;
      end++;
    }
    if (end >= to) {
      out.push({ start, end: to });
      return;
    }
    // chars[end] does not fit. Find the latest legal break at or before `end` (追い出し).
    let brk = end;
    while (brk > start && !(legalBreak(chars, brk, start, to) && allowBreakBefore(brk))) brk--;
    if (brk === start) brk = end; // no legal break on the whole line: break by width rather than clip
    let lineEnd = brk;
    while (lineEnd > start && isSpace(chars[lineEnd - 1] ?? '')) lineEnd--;
    out.push({ start, end: lineEnd });
    start = brk;
    // Spaces at the start of a continuation line are swallowed by the soft break.
    while (start < to && isSpace(chars[start] ?? '')) start++;
  }
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
