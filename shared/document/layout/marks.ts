/**
 * Marks added to laid-out pages of a draft: 「案」 in a box at the top right (black, no tint, so a
 * fax stays clean), and 「推定様式」 under it on forms whose official layout is not known
 * (form-layouts.md §7.2). The 提出用 copy (issue 15 item 6) has neither; it may carry page numbers
 * running through the whole package instead.
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

/** Size of the running page numbers of a 提出用 package (as the sections' own numbers). */
export const RUNNING_NUMBER_SIZE = 9;

/** 「3 / 41」: the running page number of page `n` (1-based) of `total`. */
export function runningNumberLabel(n: number, total: number): string {
  return `${n} / ${total}`;
}

/**
 * Where a running page number sits on a page of `width` × `height` pt: at the bottom right, clear
 * of the centred numbers some documents print themselves. `width` of the label in pt. Returns the
 * baseline's left x and its y measured from the top.
 */
export function runningNumberAt(width: number, height: number, labelWidth: number): { readonly x: number; readonly y: number } {
  return { x: width - 24 - labelWidth, y: height - 14 };
}

/**
 * The 提出用 copy's page numbers running through the whole package (issue 15 item 6): 「n / total」
 * on every laid-out page; `total` counts the attached PDFs' pages too (the PDF writer numbers
 * those as it merges them).
 */
export function withRunningPageNumbers(doc: LaidOutDocument, fonts: FontSet, total: number): LaidOutDocument {
  return {
    ...doc,
    pages: doc.pages.map((p, i) => {
      const text = runningNumberLabel(i + 1, total);
      const w = textWidth(fonts, text, RUNNING_NUMBER_SIZE);
      const at = runningNumberAt(doc.width, doc.height, w);
      return { ...p, ops: [...p.ops, { kind: 'text', x: at.x, y: at.y, size: RUNNING_NUMBER_SIZE, text, font: 'primary', width: w } satisfies DrawOp] };
    }),
  };
}
