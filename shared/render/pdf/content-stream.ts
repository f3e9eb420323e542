/**
 * One page's content stream, written as PDF operators in a string (issue 17): pdf-lib's drawText /
 * drawLine build several objects per number and per operator, which made the PDF of a 50-page
 * package take 400 ms. The drawing is the same: black text at the laid-out positions, black lines,
 * ellipses and pills as Bézier curves; a run of text ops holding a full-width space inside one
 * /Span with /ActualText (see render-pdf.ts). The text's glyphs are encoded by the embedded
 * font, so the subset and its ToUnicode map are pdf-lib's as before.
 */
import { PDFHexString, type PDFFont } from '@cantoo/pdf-lib';
import type { DrawOp, FontRole, TextOp } from '../../document/layout/types';

/** The embedded font for a role, and its resource name on this page (asked once per page and font). */
export type FontFor = (role: FontRole) => { readonly font: TextEncoder; readonly key: () => string } | undefined;

/** What a text op needs of an embedded font: its glyph codes as a hex string, e.g. `<0001002A>`. */
export interface TextEncoder {
  encode(text: string): string;
}

const isSelector = (cp: number): boolean => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

/**
 * An embedded font's encoder for one PDF: each character (with its variation selector, if any) is
 * encoded by pdf-lib once — which puts its glyph in the subset and the ToUnicode map — and its code
 * reused after that.
 */
export function cachedEncoder(font: PDFFont): TextEncoder {
  const codes = new Map<string, string>();
  const code = (ch: string): string => {
    let c = codes.get(ch);
    if (c === undefined) codes.set(ch, (c = font.encodeText(ch).toString().slice(1, -1)));
    return c;
  };
  return {
    encode(text) {
      const chars = Array.from(text);
      let hex = '';
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i] ?? '';
        const next = chars[i + 1];
        if (next !== undefined && isSelector(next.codePointAt(0) ?? 0) && !isSelector(ch.codePointAt(0) ?? 0)) {
          hex += code(ch + next);
          i++;
        } else hex += code(ch);
      }
      return `<${hex}>`;
    },
  };
}

/** A circle's quarter as a cubic Bézier: the control points' distance from the ends, per radius. */
const KAPPA = (4 * (Math.SQRT2 - 1)) / 3;

/** A number as the PDF writes it: at most 3 decimals, no trailing zeros, never -0 or an exponent. */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  // A number rounded to 3 decimals prints with at most 3 (and never as 1e-7: it would be 0).
  return r === 0 ? '0' : String(r);
}

/** The page's operators; y runs down the page in the layout, up in PDF (`height` flips it). */
export function pageContent(ops: readonly DrawOp[], height: number, fontFor: FontFor): string {
  const out: string[] = ['0 0 0 rg 0 0 0 RG'];
  const keys = new Map<FontRole, string>();
  const fontKey = (role: FontRole): { font: TextEncoder; key: string } | undefined => {
    const f = fontFor(role);
    if (!f) return undefined;
    let key = keys.get(role);
    if (key === undefined) keys.set(role, (key = f.key()));
    return { font: f.font, key };
  };
  const spans = actualTextSpans(ops);
  let inText = false;
  let textFont = '';
  let lineWidth = Number.NaN;
  const endText = (): void => {
    if (inText) out.push('ET');
    inText = false;
    textFont = '';
  };
  const show = (op: TextOp): void => {
    const f = fontKey(op.font);
    if (!f) return;
    const tf = `${f.key} ${num(op.size)} Tf`;
    if (tf !== textFont) out.push((textFont = tf));
    out.push(`1 0 0 1 ${num(op.x)} ${num(height - op.y)} Tm ${f.font.encode(op.text)} Tj`);
  };
  const stroke = (width: number): void => {
    if (width !== lineWidth) out.push(`${num((lineWidth = width))} w`);
  };
  ops.forEach((op, i) => {
    if (op.kind === 'text') {
      if (op.text.length === 0) return;
      const span = spans.get(i);
      if (span && span.first !== i) return;
      if (!inText) out.push('BT');
      inText = true;
      if (!span) return show(op);
      out.push(`/Span << /ActualText ${PDFHexString.fromText(span.text).toString()} >> BDC`);
      span.ops.forEach(show);
      out.push('EMC');
      return;
    }
    endText();
    stroke(op.width);
    switch (op.kind) {
      case 'line':
        out.push(`${num(op.x1)} ${num(height - op.y1)} m ${num(op.x2)} ${num(height - op.y2)} l S`);
        break;
      case 'ellipse':
        out.push(ellipse(op.cx, height - op.cy, op.rx, op.ry));
        break;
      case 'pill':
        out.push(pill(op.x, height - op.y, op.w, op.h, op.r ?? op.h / 2));
        break;
    }
  });
  endText();
  return out.join('\n');
}

/** An ellipse around (cx, cy), stroked. */
function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  const ox = rx * KAPPA;
  const oy = ry * KAPPA;
  const p = (x: number, y: number): string => `${num(cx + x)} ${num(cy + y)}`;
  return [
    `${p(0, ry)} m`,
    `${p(ox, ry)} ${p(rx, oy)} ${p(rx, 0)} c`,
    `${p(rx, -oy)} ${p(ox, -ry)} ${p(0, -ry)} c`,
    `${p(-ox, -ry)} ${p(-rx, -oy)} ${p(-rx, 0)} c`,
    `${p(-rx, oy)} ${p(-ox, ry)} ${p(0, ry)} c`,
    'h S',
  ].join(' ');
}

/** A box w × h from its top-left corner (x, top) going down, corners rounded with radius r (at most h / 2), stroked. */
function pill(x: number, top: number, w: number, h: number, r: number): string {
  const k = Math.min(r, h / 2, w / 2);
  const c = k * (1 - KAPPA);
  const p = (dx: number, dy: number): string => `${num(x + dx)} ${num(top - dy)}`;
  return [
    `${p(k, 0)} m`,
    `${p(w - k, 0)} l`,
    `${p(w - c, 0)} ${p(w, c)} ${p(w, k)} c`,
    `${p(w, h - k)} l`,
    `${p(w, h - c)} ${p(w - c, h)} ${p(w - k, h)} c`,
    `${p(k, h)} l`,
    `${p(c, h)} ${p(0, h - c)} ${p(0, h - k)} c`,
    `${p(0, k)} l`,
    `${p(0, c)} ${p(c, 0)} ${p(k, 0)} c`,
    'h S',
  ].join(' ');
}

interface Span {
  /** Index of its first text op in the page's ops. */
  readonly first: number;
  readonly ops: readonly TextOp[];
  readonly text: string;
}

/**
 * Runs of text ops that print one line (same baseline, each to the right of the one before: 「𠮷」
 * in the fallback face then 「田　花子」, or a label then its choices after a tab) and hold a
 * full-width space: each becomes one /ActualText span, so that a reader extracts the line whole
 * and in order. Table cells never join: their borders are drawn between their texts.
 */
function actualTextSpans(ops: readonly DrawOp[]): Map<number, Span> {
  const out = new Map<number, Span>();
  let i = 0;
  while (i < ops.length) {
    const first = ops[i];
    if (first?.kind !== 'text') {
      i++;
      continue;
    }
    let j = i + 1;
    const run: TextOp[] = [first];
    for (let next = ops[j], prev = first; next?.kind === 'text' && Math.abs(next.y - prev.y) < 0.01 && next.x > prev.x + prev.width - 0.01; next = ops[++j]) {
      run.push(next);
      prev = next;
    }
    const text = run.map((op) => op.text).join('');
    if (text.includes('\u3000')) {
      const span = { first: i, ops: run, text };
      for (let k = i; k < j; k++) out.set(k, span);
    }
    i = j;
  }
  return out;
}
