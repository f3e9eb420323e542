/**
 * Lays out one paragraph into line boxes: Japanese line breaking with kinsoku, per-character font
 * fallback, alignment, and circle/underline marks. A line box is the unit of pagination: a
 * paragraph (or a table cell) may be split between any two line boxes, never inside one.
 */
import { breakLineRanges } from '../../text/line-break';
import type { Paragraph } from '../model';
import { charWidth, fontRoleFor, type DrawOp, type FontRole, type FontSet } from './types';

/** BIZ UD明朝: ascent 0.88 em, descent 0.12 em (tech-notes.md). */
const ASCENT = 0.88;
const DEFAULT_LEADING = 1.6;

export interface LineBox {
  readonly height: number;
  /** Ops relative to the top-left corner of the line box. */
  readonly ops: readonly DrawOp[];
}

interface Glyph {
  readonly ch: string;
  readonly run: number;
}

/** Width of a string at `size`, code point by code point, with fallback metrics. */
export function textWidth(fonts: FontSet, text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += charWidth(fonts, ch, size);
  return w;
}

export function layoutParagraph(p: Paragraph, width: number, fonts: FontSet): LineBox[] {
  const size = p.size;
  const leading = (p.leading ?? DEFAULT_LEADING) * size;
  const indent = p.indent ?? 0;
  const avail = Math.max(size, width - indent);

  // Flatten runs to glyphs, remembering which run each character came from.
  const glyphs: Glyph[] = [];
  p.runs.forEach((run, runIndex) => {
    for (const ch of run.text) glyphs.push({ ch, run: runIndex });
  });
  // A circled choice is never split between lines (it would print as two half-circles).
  const insideMark = (i: number): boolean => {
    const a = glyphs[i - 1];
    const b = glyphs[i];
    return a !== undefined && b !== undefined && a.run === b.run && p.runs[a.run]?.mark === 'circle' && Array.from(p.runs[a.run]?.text ?? '').length <= 12;
  };
  const ranges = breakLineRanges(
    glyphs.map((g) => g.ch),
    avail,
    (ch) => charWidth(fonts, ch, size),
    (i) => !insideMark(i),
  );
  const boxes: LineBox[] = ranges.map((r) => layoutLine(glyphs.slice(r.start, r.end), p, size, leading, indent, avail, fonts));
  if (p.spaceBefore) boxes.unshift({ height: p.spaceBefore, ops: [] });
  if (p.spaceAfter) boxes.push({ height: p.spaceAfter, ops: [] });
  return boxes;
}

function layoutLine(
  glyphs: readonly Glyph[],
  p: Paragraph,
  size: number,
  leading: number,
  indent: number,
  avail: number,
  fonts: FontSet,
): LineBox {
  const widths = glyphs.map((g) => charWidth(fonts, g.ch, size));
  const lineWidth = widths.reduce((a, b) => a + b, 0);
  const align = p.align ?? 'left';
  const x0 = indent + (align === 'center' ? (avail - lineWidth) / 2 : align === 'right' ? avail - lineWidth : 0);
  const baseline = (leading - size) / 2 + ASCENT * size;
  const ops: DrawOp[] = [];

  // Text ops: one per stretch of characters printed by the same face.
  let i = 0;
  let x = x0;
  while (i < glyphs.length) {
    const role: FontRole = fontRoleFor(fonts, glyphs[i]?.ch ?? '');
    let j = i;
    let w = 0;
    let s = '';
    while (j < glyphs.length && fontRoleFor(fonts, glyphs[j]?.ch ?? '') === role) {
      s += glyphs[j]?.ch ?? '';
      w += widths[j] ?? 0;
      j++;
    }
    ops.push({ kind: 'text', x, y: baseline, size, text: s, font: role, width: w });
    x += w;
    i = j;
  }

  // Marks: an ellipse (○) or underline around each marked run's part on this line.
  let start = 0;
  while (start < glyphs.length) {
    const run = glyphs[start]?.run ?? 0;
    let end = start;
    let sx = x0;
    for (let k = 0; k < start; k++) sx += widths[k] ?? 0;
    let w = 0;
    while (end < glyphs.length && glyphs[end]?.run === run) {
      w += widths[end] ?? 0;
      end++;
    }
    const mark = p.runs[run]?.mark;
    const mid = baseline - ASCENT * size + size / 2;
    if (mark === 'circle' && w > 0 && w <= size * 5.5) {
      // Wide enough that the ellipse clears the corners of the text, not only its middle.
      ops.push({ kind: 'ellipse', cx: sx + w / 2, cy: mid, rx: (w / 2) * 1.22 + size * 0.3, ry: size * 0.85, width: 0.8 });
    } else if (mark === 'circle' && w > 0) {
      // A long phrase: a pill hugging the text, so it stays inside its cell.
      const pad = size * 0.3;
      ops.push({ kind: 'pill', x: sx - pad, y: mid - size * 0.72, w: w + 2 * pad, h: size * 1.44, width: 0.8 });
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
