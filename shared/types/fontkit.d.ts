// The parts of fontkit 2 that senshin-desk uses (fontkit ships no types of its own; @types/fontkit
// describes fontkit 1 and pulls in Node's Buffer, which shared/ may not see).
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly type: string;
    readonly unitsPerEm: number;
    readonly numGlyphs: number;
    readonly postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function create(data: Uint8Array, postscriptName?: string): Font;
}
