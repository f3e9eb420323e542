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
  'ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻' +
  '‐゠–〜～？！?!‼⁇⁈⁉・：；:;/／' +
  '…‥〳〴〵'
));

/** Characters that must not end a line (行末禁則). */
const NO_LINE_END = new Set(Array.from('（(［[｛{〔〈《「『【〘〖〝‘“｟«'));

export function isNoLineStart(ch: string): boolean {
  return NO_LINE_START.has(ch);
}

export function isNoLineEnd(ch: string): boolean {
  return NO_LINE_END.has(ch);
}

/** Characters that belong to a Latin "word" that should not be split across lines. */
function isWordChar(ch: string): boolean {
  return /^[A-Za-z0-9@&#%+\-_.:/=~'’"$,()[\]<>]$/.test(ch);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/** True when a line may be broken between `before` and `after`. */
export function canBreakBetween(before: string, after: string): boolean {
  if (isSpace(before)) return true;
  if (isSpace(after)) return false;
  if (isNoLineStart(after)) return false;
  if (isNoLineEnd(before)) return false;
  if (isWordChar(before) && isWordChar(after)) return false;
  return true;
}

export type MeasureChar = (ch: string) => number;

/**
 * Breaks `text` into lines no wider than `maxWidth`, measured by `measure` (width of one code
 * point, in the same unit as maxWidth). Hard line breaks (\n, \r\n) are kept as line ends;
 * an empty paragraph gives one empty line.
 */
export function breakLines(text: string, maxWidth: number, measure: MeasureChar): string[] {
  const out: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    breakParagraph(Array.from(paragraph), maxWidth, measure, out);
  }
  return out;
}

function breakParagraph(chars: string[], maxWidth: number, measure: MeasureChar, out: string[]): void {
  if (chars.length === 0) {
    out.push('');
    return;
  }
  let start = 0;
  while (start < chars.length) {
    // Grow the line while it fits.
    let width = 0;
    let end = start;
    while (end < chars.length) {
      const w = measure(chars[end] ?? '');
      if (width + w > maxWidth + 1e-6 && end > start) break;
      width += w;
      end++;
    }
    if (end >= chars.length) {
      out.push(chars.slice(start).join('').trimEnd());
      return;
    }
    // chars[end] does not fit. Find the latest legal break at or before `end` (追い出し).
    let brk = end;
    while (brk > start && !canBreakBetween(chars[brk - 1] ?? '', chars[brk] ?? '')) brk--;
    if (brk === start) {
      // No legal break in the whole line: break by width rather than clip.
      brk = end;
    }
    out.push(chars.slice(start, brk).join('').trimEnd());
    start = brk;
    // Spaces at the start of a continuation line are swallowed by the soft break.
    while (start < chars.length && isSpace(chars[start] ?? '')) start++;
  }
}
