/**
 * The ○ of 「いずれかに○をつける」 in Word: a real ellipse (or, around a long phrase, a pill) drawn as
 * a floating DrawingML shape over the chosen words, not a box around them (issue 12).
 *
 * Its size and place come from the PDF layout engine: the paragraph is laid out on one long line
 * and each circle or pill the engine draws is measured against the first character of its run.
 * Word then anchors the shape at that character (horizontal: relative to the character; vertical:
 * relative to the top of its line), so the shape follows the words wherever Word puts them.
 */
import { layoutParagraph } from '../../document/layout/paragraph';
import { charWidth, type FontSet } from '../../document/layout/types';
import type { Paragraph } from '../../document/model';
import { xmlSafeText } from '../../text/xml-chars';

/** BIZ UD明朝's ascent (hhea 1802 / 2048 units): the top of the em box above the baseline. */
export const ASCENT = 0.88;

export interface CircleShape {
  readonly kind: 'ellipse' | 'pill';
  /** Left edge, from the left of the run's first character, pt (negative: it starts before it). */
  readonly dx: number;
  /** Top edge, from the top of the run's em box, pt. */
  readonly dy: number;
  readonly width: number;
  readonly height: number;
  readonly lineWidth: number;
  /** Corner radius of a pill, pt (the PDF's PillOp.r; a stadium when absent). */
  readonly radius?: number;
}

/** The shape the PDF draws around each circled run, by run index (runs the engine draws none for are absent). */
export function circleShapes(p: Paragraph, fonts: FontSet): Map<number, CircleShape> {
  const out = new Map<number, CircleShape>();
  if (!p.runs.some((r) => r.mark === 'circle' && r.text !== '')) return out;
  const flat: Paragraph = { ...p, align: 'left', indent: 0, spaceBefore: 0, spaceAfter: 0 };
  // One line per hard break: the engine never wraps a line this wide.
  const boxes = layoutParagraph(flat, 1e7, fonts);
  // The circled run segments of each hard line, in order, with their start x on that line.
  const lines: Array<Array<{ run: number; x: number }>> = [[]];
  let x = 0;
  let prev = -1;
  p.runs.forEach((run, i) => {
    const chars = Array.from(xmlSafeText(run.text).replace(/\r\n?/g, '\n'));
    chars.forEach((ch) => {
      if (ch === '\n') {
        lines.push([]);
        x = 0;
        prev = -1;
        return;
      }
      if (run.mark === 'circle' && prev !== i) lines[lines.length - 1]?.push({ run: i, x });
      prev = i;
      x += charWidth(fonts, ch, p.size);
    });
  });
  lines.forEach((segments, k) => {
    const box = boxes[k];
    if (!box) return;
    const text = box.ops.find((op) => op.kind === 'text');
    if (!text) return;
    const emTop = text.y - ASCENT * p.size;
    const marks = box.ops.filter((op) => op.kind === 'ellipse' || op.kind === 'pill');
    segments.forEach((seg, j) => {
      const m = marks[j];
      if (!m || out.has(seg.run)) return;
      if (m.kind === 'ellipse') {
        out.set(seg.run, { kind: 'ellipse', dx: m.cx - m.rx - seg.x, dy: m.cy - m.ry - emTop, width: 2 * m.rx, height: 2 * m.ry, lineWidth: m.width });
      } else if (m.kind === 'pill') {
        out.set(seg.run, { kind: 'pill', dx: m.x - seg.x, dy: m.y - emTop, width: m.w, height: m.h, lineWidth: m.width, ...(m.r !== undefined ? { radius: m.r } : {}) });
      }
    });
  });
  return out;
}
