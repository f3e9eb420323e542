/**
 * What a laid-out page marks, read from its drawing ops the way a reader sees the printed sheet:
 * the characters inside each ○ (ellipse) or pill, and each □ with a レ drawn inside it.
 * Positions come from the text ops and the fonts' advances, not from how the layout made the marks.
 */
import { charWidth, type FontSet, type LaidOutDocument } from '../../shared/document/layout/types';

interface Glyph {
  readonly ch: string;
  readonly page: number;
  readonly x0: number;
  readonly x1: number;
  /** Top and bottom of the em box (baseline − 0.88 em … baseline + 0.12 em). */
  readonly top: number;
  readonly bottom: number;
}

function glyphs(doc: LaidOutDocument, fonts: FontSet): Glyph[] {
  const out: Glyph[] = [];
  doc.pages.forEach((p, page) => {
    for (const op of p.ops) {
      if (op.kind !== 'text') continue;
      let x = op.x;
      for (const ch of op.text) {
        const w = charWidth(fonts, ch, op.size);
        out.push({ ch, page, x0: x, x1: x + w, top: op.y - 0.88 * op.size, bottom: op.y + 0.12 * op.size });
        x += w;
      }
    }
  });
  return out;
}

const EPS = 0.01;

/** The text inside each circle or pill, page by page in drawing order. */
export function circledTexts(doc: LaidOutDocument, fonts: FontSet): string[] {
  const all = glyphs(doc, fonts);
  const out: string[] = [];
  doc.pages.forEach((p, page) => {
    for (const op of p.ops) {
      let left: number, right: number, top: number, bottom: number;
      if (op.kind === 'ellipse') [left, right, top, bottom] = [op.cx - op.rx, op.cx + op.rx, op.cy - op.ry, op.cy + op.ry];
      else if (op.kind === 'pill') [left, right, top, bottom] = [op.x, op.x + op.w, op.y, op.y + op.h];
      else continue;
      const inside = all
        .filter((g) => g.page === page && g.x0 >= left - EPS && g.x1 <= right + EPS && (g.top + g.bottom) / 2 >= top && (g.top + g.bottom) / 2 <= bottom)
        .sort((a, b) => a.x0 - b.x0);
      out.push(inside.map((g) => g.ch).join(''));
    }
  });
  return out;
}

/** How many □ have a stroke drawn entirely inside them (a レ). */
export function tickedBoxes(doc: LaidOutDocument, fonts: FontSet): number {
  const boxes = glyphs(doc, fonts).filter((g) => g.ch === '□');
  const ticked = new Set<Glyph>();
  doc.pages.forEach((p, page) => {
    for (const op of p.ops) {
      if (op.kind !== 'line') continue;
      const within = (g: Glyph, x: number, y: number): boolean => x >= g.x0 - EPS && x <= g.x1 + EPS && y >= g.top - EPS && y <= g.bottom + EPS;
      for (const g of boxes) if (g.page === page && within(g, op.x1, op.y1) && within(g, op.x2, op.y2)) ticked.add(g);
    }
  });
  return ticked.size;
}

/** Every character drawn, in drawing order. */
export function drawnText(doc: LaidOutDocument): string {
  return doc.pages.flatMap((p) => p.ops.flatMap((o) => (o.kind === 'text' ? [o.text] : []))).join('');
}
