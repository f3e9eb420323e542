/**
 * Lays out one paragraph into line boxes: Japanese line breaking with kinsoku, per-character font
 * fallback, alignment, and circle/underline marks. A line box is the unit of pagination: a
 * paragraph (or a table cell) may be split between any two line boxes, never inside one.
 */
import { breakLineRanges } from '../../text/line-break';
import { xmlSafeText } from '../../text/xml-chars';
import type { Block, Paragraph } from '../model';
import { charWidth, fontRoleFor, fontRoleOf, type DrawOp, type FontRole, type FontSet } from './types';

/** BIZ UD明朝: ascent 0.88 em, descent 0.12 em (tech-notes.md). */
const ASCENT = 0.88;
const DEFAULT_LEADING = 1.6;
/**
 * A paragraph this short is a label or a short value (a table header, 「医療機器名」, a name): it
 * breaks between words and never leaves one character alone on its last line. Longer text is
 * prose and breaks anywhere kinsoku allows, as Japanese body text does.
 */
const LABEL_MAX_CHARS = 60;
/** A run of a paragraph of several runs this short (a name, a choice) is kept on one line when it fits. */
const SHORT_RUN_CHARS = 12;
/**
 * A circled word up to this many em gets an ellipse (a pen's ○); a longer phrase a pill that hugs
 * it, since a wider ellipse reaches past the word into the 「・」 beside it. With a space (or the
 * line's end) on both sides, there is room for an ellipse up to ELLIPSE_SPACED_MAX_EM.
 */
const ELLIPSE_MAX_EM = 2;
const ELLIPSE_SPACED_MAX_EM = 5.5;

export interface LineBox {
  readonly height: number;
  /** Ops relative to the top-left corner of the line box. */
  readonly ops: readonly DrawOp[];
}

/**
 * A paragraph's characters as parallel arrays (one object per paragraph, not per character: a
 * 50-page package has 60,000 of them): each character, the run it came from, its face, its advance
 * and the extra advance after it (a tab stop: choices lined up across paragraphs).
 */
interface Glyphs {
  readonly chars: readonly string[];
  readonly run: readonly number[];
  readonly role: readonly FontRole[];
  readonly width: Float64Array;
  readonly pad: Float64Array;
}

export interface ParagraphOptions {
  /** Start run `run` at `x` pt from the start of the text (after the indent), when it fits on the first line. */
  readonly alignRun?: { readonly run: number; readonly x: number };
}

/** Width of a string at `size`, code point by code point, with fallback metrics. */
export function textWidth(fonts: FontSet, text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += charWidth(fonts, ch, size);
  return w;
}

/**
 * Line boxes by paragraph, per font set (issue 17): a keystroke changes one paragraph of a form,
 * and laying out the form again then breaks only that one into lines; a table's cells are measured
 * and then drawn from the same boxes. Keyed by everything the layout reads (paragraphKey); the
 * boxes are never changed after they are made. Bounded: cleared when full.
 */
const paragraphCache = new WeakMap<FontSet, Map<string, readonly LineBox[]>>();
const PARAGRAPH_CACHE_SIZE = 20_000;

/** Forgets every laid-out paragraph (the bench times a cold layout with it). */
export function clearParagraphCache(fonts: FontSet): void {
  paragraphCache.delete(fonts);
}

export function layoutParagraph(p: Paragraph, width: number, fonts: FontSet, options: ParagraphOptions = {}): readonly LineBox[] {
  const lines = hardLines(p, options);
  if (!lines) return cachedBoxes(p, width, fonts, options, false);
  // Long prose of several hard lines: each line is laid out (and cached) on its own, so a keystroke
  // in a 10,000-character 治療計画 breaks only the line it is in. The same boxes as the whole: a hard
  // break ends a line box either way, and prose never breaks at phrases (LABEL_MAX_CHARS).
  const boxes: LineBox[] = [];
  if (p.spaceBefore) boxes.push({ height: p.spaceBefore, ops: [] });
  const { spaceBefore: _b, spaceAfter: _a, ...rest } = p;
  for (const text of lines) for (const box of cachedBoxes({ ...rest, runs: [{ text }] }, width, fonts, {}, true)) boxes.push(box);
  if (p.spaceAfter) boxes.push({ height: p.spaceAfter, ops: [] });
  return boxes;
}

/** The hard lines of a paragraph of one unmarked run of prose (longer than a label), or undefined. */
function hardLines(p: Paragraph, options: ParagraphOptions): string[] | undefined {
  const run = p.runs[0];
  if (p.runs.length !== 1 || !run || run.mark !== undefined || options.alignRun) return undefined;
  if (!run.text.includes('\n') && !run.text.includes('\r')) return undefined;
  // A label stays whole (no more code points than UTF-16 units, no fewer than half of them).
  if (run.text.length <= LABEL_MAX_CHARS) return undefined;
  // Split what prints: a character XML cannot hold between \r and \n is gone, and they are one break.
  const text = xmlSafeText(run.text);
  if (text.length <= 2 * LABEL_MAX_CHARS && Array.from(text).length <= LABEL_MAX_CHARS) return undefined;
  return text.split(/\r\n|\r|\n/);
}

function cachedBoxes(p: Paragraph, width: number, fonts: FontSet, options: ParagraphOptions, prose: boolean): readonly LineBox[] {
  let cache = paragraphCache.get(fonts);
  if (!cache) paragraphCache.set(fonts, (cache = new Map<string, readonly LineBox[]>()));
  const key = `${prose ? 'P' : 'L'}${paragraphKey(p, width, options)}`;
  const known = cache.get(key);
  if (known) return known;
  const boxes = breakParagraphIntoBoxes(p, width, fonts, options, prose);
  if (cache.size >= PARAGRAPH_CACHE_SIZE) cache.clear();
  cache.set(key, boxes);
  return boxes;
}

/** Everything breakParagraphIntoBoxes reads of a paragraph, its width and options, as one string. */
function paragraphKey(p: Paragraph, width: number, options: ParagraphOptions): string {
  let key = `${width}|${p.size}|${p.leading ?? ''}|${p.indent ?? ''}|${p.align ?? ''}|${p.spaceBefore ?? ''}|${p.spaceAfter ?? ''}|${options.alignRun ? `${options.alignRun.run}:${options.alignRun.x}` : ''}`;
  for (const r of p.runs) key += `\u0000${r.mark ?? ''}\u0001${r.text}`;
  return key;
}

/** The paragraph laid out whole, with no cache (what layoutParagraph must always equal: tests). */
export function layoutParagraphUncached(p: Paragraph, width: number, fonts: FontSet, options: ParagraphOptions = {}): readonly LineBox[] {
  return breakParagraphIntoBoxes(p, width, fonts, options, false);
}

/** `prose`: one hard line of a longer paragraph (never broken at phrases, however short). */
function breakParagraphIntoBoxes(p: Paragraph, width: number, fonts: FontSet, options: ParagraphOptions, prose: boolean): readonly LineBox[] {
  return oneLineBoxes(p, width, fonts, options) ?? breakIntoLines(p, width, fonts, options, prose);
}

/** The paragraph laid out by the line breaker always, with no cache (tests: the one-line path must equal it). */
export function layoutParagraphByBreaker(p: Paragraph, width: number, fonts: FontSet, options: ParagraphOptions = {}): readonly LineBox[] {
  return breakIntoLines(p, width, fonts, options, false);
}

/**
 * A paragraph of one unmarked run that fits on one line — most table cells (a name, a number, a
 * date) — laid out without the line breaker (issue 17: a 200-row table has a thousand of them):
 * the very boxes breakIntoLines makes of it, added up in the same order. Undefined when the text
 * has a line break or does not fit, or a run is to be aligned.
 */
function oneLineBoxes(p: Paragraph, width: number, fonts: FontSet, options: ParagraphOptions): readonly LineBox[] | undefined {
  const run = p.runs[0];
  if (p.runs.length !== 1 || !run || run.mark !== undefined || options.alignRun) return undefined;
  const size = p.size;
  const indent = p.indent ?? 0;
  const avail = Math.max(size, width - indent);
  const text = xmlSafeText(run.text);
  // Per UTF-16 unit where a code point starts: its advance and its face (1: the fallback).
  const widths = new Float64Array(text.length);
  const fallback = new Uint8Array(text.length);
  let total = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp === 0x0a || cp === 0x0d) return undefined;
    const role = fontRoleOf(fonts, cp);
    const w = (role === 'primary' ? fonts.primary : fonts.fallback).advance(cp) * size;
    widths[i] = w;
    fallback[i] = role === 'fallback' ? 1 : 0;
    total += w;
    if (total > avail + 1e-6) return undefined;
    i += cp > 0xffff ? 2 : 1;
  }
  const leading = (p.leading ?? DEFAULT_LEADING) * size;
  const align = p.align ?? 'left';
  const x0 = indent + (align === 'center' ? (avail - total) / 2 : align === 'right' ? avail - total : 0);
  const baseline = (leading - size) / 2 + ASCENT * size;
  const ops: DrawOp[] = [];
  let x = x0;
  for (let i = 0; i < text.length; ) {
    const face = fallback[i];
    const sx = x;
    let w = 0;
    let j = i;
    while (j < text.length && fallback[j] === face) {
      w += widths[j] ?? 0;
      x = x + (widths[j] ?? 0);
      j += (text.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
    }
    ops.push({ kind: 'text', x: sx, y: baseline, size, text: text.slice(i, j), font: face === 1 ? 'fallback' : 'primary', width: w });
    i = j;
  }
  const line: LineBox = { height: leading, ops };
  if (!p.spaceBefore && !p.spaceAfter) return [line];
  return [...(p.spaceBefore ? [{ height: p.spaceBefore, ops: [] }] : []), line, ...(p.spaceAfter ? [{ height: p.spaceAfter, ops: [] }] : [])];
}

function breakIntoLines(p: Paragraph, width: number, fonts: FontSet, options: ParagraphOptions, prose: boolean): readonly LineBox[] {
  const size = p.size;
  const leading = (p.leading ?? DEFAULT_LEADING) * size;
  const indent = p.indent ?? 0;
  const avail = Math.max(size, width - indent);

  // Flatten runs to characters, remembering which run each came from. Characters XML cannot hold
  // print nowhere, here as in Word (shared/text/xml-chars.ts).
  const chars: string[] = [];
  const runOf: number[] = [];
  const runLengths: number[] = [];
  p.runs.forEach((run, runIndex) => {
    const before = chars.length;
    for (const ch of xmlSafeText(run.text)) {
      chars.push(ch);
      runOf.push(runIndex);
    }
    runLengths.push(chars.length - before);
  });
  const n = chars.length;
  const role: FontRole[] = new Array<FontRole>(n);
  const widths = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ch = chars[i] ?? '';
    const r = fontRoleFor(fonts, ch);
    role[i] = r;
    widths[i] = (r === 'primary' ? fonts.primary : fonts.fallback).advance(ch.codePointAt(0) ?? 0) * size;
  }
  const g: Glyphs = { chars, run: runOf, role, width: widths, pad: new Float64Array(n) };
  if (options.alignRun) alignRun(g, options.alignRun, avail);
  // A circled choice is never split between lines (it would print as two rings), nor a short run
  // of a paragraph made of several (a name, 「有」「・」「無」), while the line has another break.
  // Underlined runs are changed words inside prose (新旧対照表): the text breaks as it would unmarked.
  const several = p.runs.length > 1 && !p.runs.some((r) => r.mark === 'underline');
  const insideRun = (i: number): boolean => {
    if (i < 1 || i >= n) return false;
    const a = runOf[i - 1] ?? -1;
    if (a !== runOf[i]) return false;
    return p.runs[a]?.mark === 'circle' || (several && (runLengths[a] ?? 0) <= SHORT_RUN_CHARS);
  };
  const ranges = breakLineRanges(chars, avail, (_ch, i) => (widths[i] ?? 0) + (g.pad[i] ?? 0), (i) => !insideRun(i), { phrases: !prose && n <= LABEL_MAX_CHARS });
  const boxes: LineBox[] = ranges.map((r) => layoutLine(g, r.start, r.end, p, size, leading, indent, avail));
  if (p.spaceBefore) boxes.unshift({ height: p.spaceBefore, ops: [] });
  if (p.spaceAfter) boxes.push({ height: p.spaceAfter, ops: [] });
  return boxes;
}

/** Widens the glyph before run `run` so that the run starts at `x`, if the whole first line then still fits. */
function alignRun(g: Glyphs, at: NonNullable<ParagraphOptions['alignRun']>, avail: number): void {
  const first = g.run.findIndex((r) => r >= at.run);
  if (first <= 0) return;
  let lead = 0;
  for (let i = 0; i < first; i++) lead += g.width[i] ?? 0;
  let rest = 0;
  for (let i = first; i < g.chars.length && g.chars[i] !== '\n'; i++) rest += g.width[i] ?? 0;
  if (lead >= at.x || at.x + rest > avail + 1e-6) return;
  g.pad[first - 1] = at.x - lead;
}

/** The options that line up a paragraph's choices with its neighbours' (see choiceColumns). */
export function alignAt(columns: ReadonlyMap<Paragraph, number>, p: Paragraph): ParagraphOptions {
  const x = columns.size === 0 ? undefined : columns.get(p);
  return x === undefined ? NO_OPTIONS : { alignRun: { run: 1, x } };
}

const NO_OPTIONS: ParagraphOptions = Object.freeze({});
/** No choices to line up (a table cell of one paragraph): shared, never written to. */
const NO_COLUMNS: ReadonlyMap<Paragraph, number> = new Map();

/**
 * Choices printed as runs joined by 「・」 (「有」「・」「無」) in consecutive paragraphs of the same
 * size and indent start at one x, like a tab stop, so that the same choice lines up from line to
 * line. Returns, per paragraph to align, where its choices start (pt from the start of its text).
 */
export function choiceColumns(blocks: readonly Block[], fonts: FontSet): ReadonlyMap<Paragraph, number> {
  if (blocks.length < 2) return NO_COLUMNS;
  const out = new Map<Paragraph, number>();
  const key = (b: Block | undefined): string | undefined => {
    if (b?.type !== 'paragraph' || b.runs.length < 3 || !b.runs.slice(1).some((r) => r.text === '・')) return undefined;
    return [b.size, b.indent ?? 0, ...b.runs.slice(1).map((r) => r.text)].join('\u0000');
  };
  let i = 0;
  while (i < blocks.length) {
    const k = key(blocks[i]);
    let j = i + 1;
    while (k !== undefined && j < blocks.length && key(blocks[j]) === k) j++;
    if (j - i > 1) {
      const group = blocks.slice(i, j).filter((b): b is Paragraph => b.type === 'paragraph');
      const x = Math.max(...group.map((p) => textWidth(fonts, p.runs[0]?.text ?? '', p.size)));
      for (const p of group) out.set(p, x);
    }
    i = j;
  }
  return out;
}

/** The line box of characters [ls, le) of a paragraph's glyphs. */
function layoutLine(g: Glyphs, ls: number, le: number, p: Paragraph, size: number, leading: number, indent: number, avail: number): LineBox {
  const { chars, width: widths, pad } = g;
  let lineWidth = 0;
  for (let k = ls; k < le; k++) lineWidth = lineWidth + (widths[k] ?? 0) + (pad[k] ?? 0);
  const align = p.align ?? 'left';
  const x0 = indent + (align === 'center' ? (avail - lineWidth) / 2 : align === 'right' ? avail - lineWidth : 0);
  const baseline = (leading - size) / 2 + ASCENT * size;
  const ops: DrawOp[] = [];
  // Left edge of each glyph (index k - ls).
  const xs = new Float64Array(le - ls);
  for (let k = ls, x = x0; k < le; k++) {
    xs[k - ls] = x;
    x = x + (widths[k] ?? 0) + (pad[k] ?? 0);
  }
  const xAt = (k: number): number => xs[k - ls] ?? x0;

  // Text ops: one per stretch of characters printed by the same face (a tab ends a stretch).
  let i = ls;
  while (i < le) {
    const role = g.role[i] ?? 'primary';
    let j = i;
    let w = 0;
    while (j < le && g.role[j] === role) {
      w += widths[j] ?? 0;
      j++;
      if ((pad[j - 1] ?? 0) > 0) break;
    }
    ops.push({ kind: 'text', x: xAt(i), y: baseline, size, text: chars.slice(i, j).join(''), font: role, width: w });
    i = j;
  }

  // Marks: an ellipse (○) or underline around each marked run's part on this line.
  /** Nothing printed at glyph k (a space, or outside the line): an ellipse may reach into it. */
  const clear = (k: number): boolean => {
    if (k < ls || k >= le) return true;
    const ch = chars[k];
    return ch === ' ' || ch === '　';
  };
  let start = ls;
  while (start < le) {
    const run = g.run[start] ?? 0;
    let end = start;
    const sx = xAt(start);
    let w = 0;
    while (end < le && g.run[end] === run) {
      w += (widths[end] ?? 0) + (end > start ? (pad[end - 1] ?? 0) : 0);
      end++;
    }
    const mark = p.runs[run]?.mark;
    const mid = baseline - ASCENT * size + size / 2;
    if (mark === 'circle' && w > 0 && (w <= size * ELLIPSE_MAX_EM + 1e-6 || (w <= size * ELLIPSE_SPACED_MAX_EM && clear(start - 1) && clear(end)))) {
      // Clear of the corners of the ink (about ±0.47 em around the middle of the em box, so at
      // least 1.2 × half the width) with a little air, and no wider: the 「・」 beside the word
      // (its ink 0.42 em past the word's box) stays outside the ring.
      ops.push({ kind: 'ellipse', cx: sx + w / 2, cy: mid, rx: Math.max(w / 2 + size * 0.22, (w / 2) * 1.22), ry: size * 0.85, width: 0.8 });
    } else if (mark === 'circle' && w > 0) {
      // A long phrase: a pill hugging the text, so it stays inside its cell and clear of the 「・」
      // (0.2 em of air at the ends). Its corners are rounded less than a stadium's so that they
      // clear the corners of the first and last characters.
      const air = size * 0.2;
      ops.push({ kind: 'pill', x: sx - air, y: mid - size * 0.72, w: w + 2 * air, h: size * 1.44, r: size * 0.45, width: 0.8 });
    } else if (mark === 'check' && w > 0) {
      // 「レ」 drawn inside the box of the first character.
      const bw = widths[start] ?? size;
      const top = baseline - ASCENT * size;
      ops.push({ kind: 'line', x1: sx + bw * 0.2, y1: top + size * 0.45, x2: sx + bw * 0.42, y2: top + size * 0.78, width: 1.1 });
      ops.push({ kind: 'line', x1: sx + bw * 0.42, y1: top + size * 0.78, x2: sx + bw * 0.85, y2: top + size * 0.12, width: 1.1 });
    } else if (mark === 'underline' && w > 0) {
      const uy = baseline + size * 0.12;
      ops.push({ kind: 'line', x1: sx, y1: uy, x2: sx + w, y2: uy, width: 0.6 });
    }
    start = end;
  }
  return { height: leading, ops };
}

export function paragraphHeight(p: Paragraph, width: number, fonts: FontSet): number {
  return layoutParagraph(p, width, fonts).reduce((h, l) => h + l.height, 0);
}
