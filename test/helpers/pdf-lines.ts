/**
 * Lines of text as a PDF prints them: pdf.js text items grouped by baseline, per page, top to
 * bottom. For "does this value stay on one line" checks on the rendered file itself.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfLine {
  /** Baseline, in pt from the bottom of the page (PDF user space). */
  readonly y: number;
  /** The items on this baseline, left to right, concatenated. */
  readonly text: string;
}

export async function pdfLines(bytes: Uint8Array): Promise<PdfLine[][]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfLine[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const byBaseline = new Map<number, Array<{ x: number; str: string }>>();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const t: readonly number[] = item.transform as number[];
      const y = Math.round((t[5] ?? 0) * 100) / 100;
      const row = byBaseline.get(y) ?? [];
      row.push({ x: t[4] ?? 0, str: item.str });
      byBaseline.set(y, row);
    }
    pages.push(
      [...byBaseline.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([y, items]) => ({ y, text: items.sort((a, b) => a.x - b.x).map((it) => it.str).join('') })),
    );
  }
  await doc.destroy();
  return pages;
}
