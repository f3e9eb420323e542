/**
 * Where each character of a PDF page is printed, read with pdf.js: for pixel checks around a word
 * (is there a ○ around 「有」?). Positions within a text item are split by the advances of a
 * monospaced Japanese face (BIZ UD明朝: ASCII and 半角カナ half an em, the rest one em), scaled to the
 * item's measured width; pages printed in other faces get approximate positions.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface CharBox {
  readonly ch: string;
  /** Left and right edges, pt from the left of the page. */
  readonly x0: number;
  readonly x1: number;
  /** Baseline, pt from the top of the page. */
  readonly baseline: number;
  readonly size: number;
}

const half = (ch: string): boolean => /^[\u0020-\u007e\uff61-\uff9f]$/.test(ch);

/** The characters of page `pageNo` (1-based) as lines (same baseline), top to bottom, left to right. */
export async function charLines(bytes: Uint8Array, pageNo = 1): Promise<CharBox[][]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(pageNo);
    const height = page.view[3] ?? 0;
    const lines = new Map<number, CharBox[]>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str === '') continue;
      const t: readonly number[] = item.transform as number[];
      const size = Math.hypot(t[2] ?? 0, t[3] ?? 0);
      const chars = Array.from(item.str);
      const ems = chars.reduce((a, ch) => a + (half(ch) ? 0.5 : 1), 0);
      const scale = ems > 0 ? item.width / ems : size;
      const baseline = Math.round((height - (t[5] ?? 0)) * 10) / 10;
      const line = lines.get(baseline) ?? [];
      let x = t[4] ?? 0;
      for (const ch of chars) {
        const w = (half(ch) ? 0.5 : 1) * scale;
        line.push({ ch, x0: x, x1: x + w, baseline, size });
        x += w;
      }
      lines.set(baseline, line);
    }
    return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l.sort((a, b) => a.x0 - b.x0));
  } finally {
    await doc.destroy();
  }
}

/** The boxes of `word` where it follows `after` on a line (the first such place on the page). */
export function findWord(lines: readonly CharBox[][], after: string, word: string): CharBox[] {
  for (const line of lines) {
    const text = line.map((c) => c.ch).join('');
    const at = text.indexOf(after);
    if (at < 0) continue;
    const start = text.indexOf(word, at + after.length);
    if (start < 0) continue;
    const first = Array.from(text.slice(0, start)).length;
    return line.slice(first, first + Array.from(word).length);
  }
  throw new Error(`「${word}」 after 「${after}」 not found`);
}
