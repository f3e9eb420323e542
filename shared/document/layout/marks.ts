/**
 * Marks added to laid-out pages of a draft: 「案」 in a box at the top right (black, no tint, so a
 * fax stays clean), and 「推定様式」 under it on forms whose official layout is not known
 * (form-layouts.md §7.2).
 */
import { textWidth } from './paragraph';
import type { DrawOp, FontSet, LaidOutDocument } from './types';

function boxedText(text: string, size: number, right: number, top: number, fonts: FontSet): DrawOp[] {
  const w = textWidth(fonts, text, size);
  const pad = size * 0.35;
  const x = right - w - pad * 2;
  const h = size + pad * 2;
  const lw = 0.9;
  return [
    { kind: 'line', x1: x, y1: top, x2: x + w + 2 * pad, y2: top, width: lw },
    { kind: 'line', x1: x, y1: top + h, x2: x + w + 2 * pad, y2: top + h, width: lw },
    { kind: 'line', x1: x, y1: top, x2: x, y2: top + h, width: lw },
    { kind: 'line', x1: x + w + 2 * pad, y1: top, x2: x + w + 2 * pad, y2: top + h, width: lw },
    { kind: 'text', x: x + pad, y: top + pad + size * 0.88, size, text, font: 'primary', width: w },
  ];
}

export function withDraftMarks(doc: LaidOutDocument, fonts: FontSet, estimatedSections: ReadonlySet<number>): LaidOutDocument {
  const right = doc.width - 24;
  return {
    ...doc,
    pages: doc.pages.map((p) => ({
      ...p,
      ops: [
        ...p.ops,
        ...boxedText('案', 16, right, 18, fonts),
        ...(estimatedSections.has(p.sectionIndex) ? boxedText('推定様式', 9, right, 46, fonts) : []),
      ],
    })),
  };
}
