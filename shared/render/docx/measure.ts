/**
 * What the Word backend measures with. Word lays text out itself, but the table grid and the
 * position of each drawn ○ come from the PDF layout engine, so they need the same font metrics the
 * PDF used (fontSet of the bundled fonts). A caller without them (nothing parsed yet) gets the
 * widths BIZ UD明朝 sets nearly every character at: half an em for ASCII and 半角カナ, one em for
 * the rest.
 */
import type { FontMetrics, FontSet } from '../../document/layout/types';

const HALF_WIDTH = /[\u0020-\u007e\uff61-\uff9f]/;

const fixedPitch: FontMetrics = {
  has: () => true,
  advance: (cp) => (HALF_WIDTH.test(String.fromCodePoint(cp)) ? 0.5 : 1),
};

/** The one-em / half-em stand-in, for callers that have no fonts. */
export const FIXED_PITCH_FONTS: FontSet = { primary: fixedPitch, fallback: fixedPitch };

