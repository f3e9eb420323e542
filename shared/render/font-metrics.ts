/**
 * Font metrics for the layout engine, read with fontkit 2 from the same bytes the PDF embeds,
 * so that line breaks in the preview and in the PDF are identical.
 */
import { create } from 'fontkit';
import type { FontMetrics, FontSet } from '../document/layout/types';

export interface FontBytes {
  /** BIZ UD明朝 Regular. */
  readonly primary: Uint8Array;
  /** Noto Serif JP Regular: per-character fallback. */
  readonly fallback: Uint8Array;
}

export function fontMetrics(bytes: Uint8Array): FontMetrics {
  const font = create(bytes);
  const upm = font.unitsPerEm;
  const cache = new Map<number, number>();
  return {
    has: (cp) => font.hasGlyphForCodePoint(cp),
    advance: (cp) => {
      let w = cache.get(cp);
      if (w === undefined) {
        w = font.glyphForCodePoint(cp).advanceWidth / upm;
        cache.set(cp, w);
      }
      return w;
    },
  };
}

export function fontSet(bytes: FontBytes): FontSet {
  return { primary: fontMetrics(bytes.primary), fallback: fontMetrics(bytes.fallback) };
}
