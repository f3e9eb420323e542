/** Output of the layout engine: absolutely positioned drawing operations per page (origin top-left, pt). */

export type FontRole = 'primary' | 'fallback';

export interface TextOp {
  readonly kind: 'text';
  readonly x: number;
  /** Baseline, measured from the top of the page. */
  readonly y: number;
  readonly size: number;
  readonly text: string;
  readonly font: FontRole;
  readonly width: number;
}

export interface LineOp {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
}

export interface EllipseOp {
  readonly kind: 'ellipse';
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
  readonly width: number;
}

/** A rounded "pill" outline: how a pen circles a long phrase without covering its neighbours. */
export interface PillOp {
  readonly kind: 'pill';
  /** Top-left corner, in pt from the top-left of the page. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Corner radius; a stadium (h / 2) when absent. */
  readonly r?: number;
  readonly width: number;
}

export type DrawOp = TextOp | LineOp | EllipseOp | PillOp;

export interface LaidOutPage {
  readonly sectionIndex: number;
  /** 1-based page number inside its section (form). */
  readonly pageInSection: number;
  readonly ops: readonly DrawOp[];
}

export interface LaidOutDocument {
  readonly width: number;
  readonly height: number;
  readonly pages: readonly LaidOutPage[];
  /** Page count per section, in section order. */
  readonly sectionPageCounts: readonly number[];
}

/** Metrics of one font face. Advances are in em (1 = the font size). */
export interface FontMetrics {
  has(codePoint: number): boolean;
  advance(codePoint: number): number;
}

/** The primary face (BIZ UD明朝) and the per-character fallback (Noto Serif JP). */
export interface FontSet {
  readonly primary: FontMetrics;
  readonly fallback: FontMetrics;
}

/** Which face prints this character: the primary when it has the glyph, else the fallback. */
export function fontRoleFor(fonts: FontSet, ch: string): FontRole {
  return fontRoleOf(fonts, ch.codePointAt(0) ?? 0);
}

/** fontRoleFor by code point. */
export function fontRoleOf(fonts: FontSet, cp: number): FontRole {
  return fonts.primary.has(cp) || !fonts.fallback.has(cp) ? 'primary' : 'fallback';
}

export function charWidth(fonts: FontSet, ch: string, size: number): number {
  const cp = ch.codePointAt(0) ?? 0;
  const role = fontRoleFor(fonts, ch);
  return (role === 'primary' ? fonts.primary : fonts.fallback).advance(cp) * size;
}

/** Adds ops moved by (dx, dy) to `out` (a table's cells and a page's lines: no array in between). */
export function pushTranslated(out: DrawOp[], ops: readonly DrawOp[], dx: number, dy: number): void {
  for (const op of ops) out.push(translated(op, dx, dy));
}

/** One op moved; written out field by field (a 53-page package moves 100,000 of them). */
function translated(op: DrawOp, dx: number, dy: number): DrawOp {
  switch (op.kind) {
    case 'text':
      return { kind: 'text', x: op.x + dx, y: op.y + dy, size: op.size, text: op.text, font: op.font, width: op.width };
    case 'line':
      return { kind: 'line', x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy, width: op.width };
    case 'ellipse':
      return { kind: 'ellipse', cx: op.cx + dx, cy: op.cy + dy, rx: op.rx, ry: op.ry, width: op.width };
    case 'pill':
      return { ...op, x: op.x + dx, y: op.y + dy };
  }
}
