/**
 * Small PDFs made in the test with pdf-lib (issue 15 item 5): a plain one whose every page says
 * 「<label> p<n>」, an encrypted one (pdf-lib's own encryption, RC4/AES with a user password), and the
 * package's outline read back with pdf.js.
 */
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF of `pages` A4 pages, each saying 「<label> p<n>」 in Helvetica. */
export async function plainPdf(label: string, pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) pdf.addPage([595.28, 841.89]).drawText(`${label} p${i}`, { x: 72, y: 720, size: 18, font });
  return pdf.save();
}

/** The same PDF, encrypted with a user password (it cannot be opened, or merged, without it). */
export async function encryptedPdf(label: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(await plainPdf(label, 1));
  pdf.encrypt({ userPassword: 'secret', ownerPassword: 'owner' });
  return pdf.save();
}

/** A PDF of `pages` blank pages (cheap: one shared content-less page size). */
export async function blankPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([100, 100]);
  return pdf.save();
}

/** The outline (bookmarks) of a PDF: each entry's title and the 0-based page it points at. */
export async function outlineOf(bytes: Uint8Array): Promise<Array<{ title: string; page: number }>> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const out: Array<{ title: string; page: number }> = [];
  for (const item of (await doc.getOutline()) ?? []) {
    const dest: unknown = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
    const ref: unknown = Array.isArray(dest) ? dest[0] : undefined;
    const page = typeof ref === 'object' && ref !== null && 'num' in ref && 'gen' in ref ? await doc.getPageIndex(ref as { num: number; gen: number }) : -1;
    out.push({ title: item.title, page });
  }
  await doc.destroy();
  return out;
}
