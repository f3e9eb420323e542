/**
 * The fontkit pdf-lib embeds fonts with, minus OpenType shaping (issue 17). pdf-lib encodes each
 * text by `font.layout(text)`, fontkit's full GSUB/GPOS shaper: for our fixed-position text it only
 * cost time (half the PDF's) — the layout engine measures every character by its own advance, so the
 * PDF must print exactly one glyph per character, as fontkit's glyphsForString maps them (a
 * variation selector picks its variant: 葛󠄀). Each font is parsed once per bytes, not per PDF, and a
 * character's glyph is looked up once.
 *
 * The glyphs handed to pdf-lib are plain records (id, advance, the characters they print, which
 * pdf-lib writes into the ToUnicode map), made per character, so a PDF's text map depends on
 * nothing but its own text.
 */
import * as fontkit from 'fontkit';
import type { PDFDocument } from '@cantoo/pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

interface PlainGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

/** What fontkit's glyph gives us (its typings here are ours: shared/types/fontkit.d.ts). */
interface KitGlyph {
  readonly id: number;
  readonly advanceWidth: number;
}
interface KitFont {
  getGlyph(id: number, codePoints?: number[]): KitGlyph & { _decode?: () => unknown };
  glyphForCodePoint(cp: number): KitGlyph;
  glyphsForString(text: string): KitGlyph[];
  layout: (text: string) => { glyphs: PlainGlyph[] };
}

const isSelector = (cp: number): boolean => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

/** Glyphs of a text, one per character (a variation selector joins the character before it; a stray one prints nothing). */
export function plainGlyphs(text: string, glyphOf: (cp: number) => PlainGlyph, variantOf: (cp: number, selector: number) => PlainGlyph): PlainGlyph[] {
  const out: PlainGlyph[] = [];
  const cps = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] ?? 0;
    if (isSelector(cp)) continue;
    const next = cps[i + 1];
    if (next !== undefined && isSelector(next)) {
      out.push(variantOf(cp, next));
      i++;
    } else out.push(glyphOf(cp));
  }
  return out;
}

function plainLayout(font: KitFont): void {
  const single = new Map<number, PlainGlyph>();
  const pairs = new Map<string, PlainGlyph>();
  const glyphOf = (cp: number): PlainGlyph => {
    let g = single.get(cp);
    if (!g) {
      const k = font.glyphForCodePoint(cp);
      single.set(cp, (g = { id: k.id, advanceWidth: k.advanceWidth, codePoints: [cp] }));
    }
    return g;
  };
  const variantOf = (cp: number, selector: number): PlainGlyph => {
    const key = `${cp}:${selector}`;
    let g = pairs.get(key);
    if (!g) {
      const k = font.glyphsForString(String.fromCodePoint(cp, selector))[0] ?? font.glyphForCodePoint(cp);
      pairs.set(key, (g = { id: k.id, advanceWidth: k.advanceWidth, codePoints: [cp, selector] }));
    }
    return g;
  };
  font.layout = (text) => ({ glyphs: plainGlyphs(text, glyphOf, variantOf) });
}

/**
 * fontkit's subsetter decodes every glyph's outline of every PDF again, only to see whether it is
 * made of others (a compound glyph); the font being parsed once, each glyph's outline is decoded once.
 */
function decodeOnce(font: KitFont): void {
  const getGlyph = font.getGlyph.bind(font);
  const seen = new WeakSet<object>();
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    const decode = glyph._decode;
    if (typeof decode === 'function' && !seen.has(glyph)) {
      seen.add(glyph);
      let decoded: { value: unknown } | undefined;
      glyph._decode = () => (decoded ??= { value: decode.call(glyph) }).value;
    }
    return glyph;
  };
}

const parsed = new WeakMap<Uint8Array, unknown>();

/** fontkit for `pdf.registerFontkit`: fonts parsed once per bytes, encoded one glyph per character. */
export const PLAIN_FONTKIT = {
  create(data: Uint8Array, postscriptName?: string): unknown {
    if (postscriptName === undefined) {
      const known = parsed.get(data);
      if (known) return known;
    }
    const font = fontkit.create(data, postscriptName) as unknown as KitFont;
    plainLayout(font);
    decodeOnce(font);
    if (postscriptName === undefined) parsed.set(data, font);
    return font;
  },
} as unknown as Fontkit;
