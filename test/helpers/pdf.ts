/**
 * Reads a PDF back as a user's tools would: text with pdf.js (the library), page sizes, font sizes,
 * and pixels rendered by poppler's pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  /** Text items in drawing order, concatenated. */
  readonly text: string;
  /** Text without the footer (page numbers sit in the bottom 40 pt). */
  readonly bodyText: string;
  readonly fontSizes: readonly number[];
}

export async function readPdf(bytes: Uint8Array): Promise<{ pages: PdfPage[]; fonts: string[] }> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    let text = '';
    let bodyText = '';
    const fontSizes: number[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const t: readonly number[] = item.transform as number[];
      text += item.str;
      if ((t[5] ?? 0) > 40) bodyText += item.str;
      if (item.str.trim() !== '') fontSizes.push(Math.hypot(t[2] ?? 0, t[3] ?? 0));
    }
    pages.push({ width: (x1 ?? 0) - (x0 ?? 0), height: (y1 ?? 0) - (y0 ?? 0), text, bodyText, fontSizes });
  }
  await doc.destroy();
  const fonts = execFileSync('pdffonts', ['-'], { input: bytes }).toString().split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0] ?? '');
  return { pages, fonts };
}

/** Whitespace-insensitive text for "does this value appear" checks (wrapping adds no characters). */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

export interface Gray {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Renders page 1 with pdftoppm as an 8-bit grey image. */
export function renderGray(bytes: Uint8Array, dpi = 72, pageNo = 1): Gray {
  const dir = mkdtempSync(path.join(tmpdir(), 'senshin-pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(pageNo), '-l', String(pageNo), file, path.join(dir, 'out')]);
    const out = readdirSync(dir).find((f) => f.endsWith('.pgm'));
    if (!out) throw new Error('pdftoppm produced no image');
    return parsePgm(readFileSync(path.join(dir, out)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePgm(buf: Buffer): Gray {
  // P5\n<w> <h>\n<max>\n<data>
  let pos = 0;
  const token = (): string => {
    while (buf[pos] === 0x20 || buf[pos] === 0x0a || buf[pos] === 0x0d || buf[pos] === 0x09) pos++;
    const start = pos;
    while (pos < buf.length && ![0x20, 0x0a, 0x0d, 0x09].includes(buf[pos] ?? 0)) pos++;
    return buf.subarray(start, pos).toString('ascii');
  };
  if (token() !== 'P5') throw new Error('not a PGM');
  const width = Number(token());
  const height = Number(token());
  token();
  pos++;
  return { width, height, data: new Uint8Array(buf.subarray(pos, pos + width * height)) };
}

/** Number of dark pixels (< 128) in a rectangle. */
export function ink(img: Gray, x = 0, y = 0, w = img.width, h = img.height): number {
  let n = 0;
  for (let j = y; j < Math.min(img.height, y + h); j++) {
    for (let i = x; i < Math.min(img.width, x + w); i++) if ((img.data[j * img.width + i] ?? 255) < 128) n++;
  }
  return n;
}
