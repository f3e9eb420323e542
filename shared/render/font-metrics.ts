/**
 * Font metrics for the layout engine, read with fontkit 2 from the same bytes the PDF embeds,
 * so that line breaks in the preview and in the PDF are identical.
 *
 * Both answers are cached per code point for the life of the font (issue 17): the layout asks
 * "does the primary face have it?" for every character of every paragraph, and fontkit's cmap
 * lookup took 9 of the 12.5 ms of laying out a 10,000-character 様式 again. The Basic Multilingual
 * Plane is kept in typed arrays; the rest (𠮷 …) in a map.
 */
import { create } from 'fontkit';
import type { FontMetrics, FontSet } from '../document/layout/types';

export interface FontBytes {
  /** BIZ UD明朝 Regular. */
  readonly primary: Uint8Array;
  /** Noto Serif JP Regular: per-character fallback. */
  readonly fallback: Uint8Array;
}

const BMP = 0x10000;
const UNKNOWN = 0;
const MISSING = 1;
const PRESENT = 2;

export function fontMetrics(bytes: Uint8Array): FontMetrics {
  const font = create(bytes);
  const upm = font.unitsPerEm;
  const covered = new Uint8Array(BMP);
  const widths = new Float64Array(BMP).fill(Number.NaN);
  const astralCovered = new Map<number, boolean>();
  const astralWidths = new Map<number, number>();
  const measure = (cp: number): number => font.glyphForCodePoint(cp).advanceWidth / upm;
  return {
    has: (cp) => {
      if (cp < BMP) {
        const c = covered[cp];
        if (c !== UNKNOWN) return c === PRESENT;
        const has = font.hasGlyphForCodePoint(cp);
        covered[cp] = has ? PRESENT : MISSING;
        return has;
      }
      let has = astralCovered.get(cp);
      if (has === undefined) astralCovered.set(cp, (has = font.hasGlyphForCodePoint(cp)));
      return has;
    },
    advance: (cp) => {
      if (cp < BMP) {
        let w = widths[cp] ?? Number.NaN;
        if (Number.isNaN(w)) widths[cp] = w = measure(cp);
        return w;
      }
      let w = astralWidths.get(cp);
      if (w === undefined) astralWidths.set(cp, (w = measure(cp)));
      return w;
    },
  };
}

export function fontSet(bytes: FontBytes): FontSet {
  return { primary: fontMetrics(bytes.primary), fallback: fontMetrics(bytes.fallback) };
}
