/**
 * PDF backend: draws a laid-out document with @cantoo/pdf-lib and fontkit 2.
 * Fonts are embedded as subsets (a one-page form is ~50 KB instead of 6 MB); the fallback face is
 * embedded only when a page uses it. pdf-lib writes a ToUnicode map, so the text can be extracted
 * (copy/paste, search, our tests). Text holding a full-width space 「　」 also carries it as
 * /ActualText: readers take a blank glyph for a gap between words (poppler split 「𠮷田　花子」
 * into two blocks), so without it searching for the typed name failed. Black on white only: a fax
 * turns tints to mud.
 *
 * Do not switch to @pdf-lib/fontkit 1.x: it silently blanks about half the glyphs of CJK subsets
 * (tech-notes.md). test/unit/render/pdf.test.ts renders a subset and checks it.
 */
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  rgb,
  typedArrayFor,
  type PDFFont,
  type PDFRef,
} from '@cantoo/pdf-lib';
import type { FontRole, LaidOutDocument } from '../../document/layout/types';
import { RUNNING_NUMBER_SIZE, runningNumberAt, runningNumberLabel } from '../../document/layout/marks';
import type { FontBytes } from '../font-metrics';
import { strToU8 } from 'fflate';
import { cachedEncoder, pageContent, type TextEncoder } from './content-stream';
import { pdfDeflate } from './deflate';
import { PLAIN_FONTKIT } from './plain-fontkit';

const BLACK = rgb(0, 0, 0);

export interface PdfMeta {
  readonly title: string;
  /** A bookmark (outline entry) per form, pointing at its first page. */
  readonly bookmarks?: ReadonlyArray<{ readonly title: string; readonly pageIndex: number }>;
  /** Fixed timestamp for reproducible files (tests); defaults to now. */
  readonly createdAt?: Date;
  /**
   * PDFs whose pages follow the laid-out ones, in order (a package's attachments, issue 15): each
   * was checked when it was attached (shared/filings/attachments.ts); bookmarks may point into them.
   */
  readonly appendix?: ReadonlyArray<{ readonly bytes: Uint8Array }>;
  /**
   * Page numbers running through the whole file: the laid-out pages carry theirs already
   * (withRunningPageNumbers); the appended pages are numbered on from them, out of `total`.
   */
  readonly runningNumbers?: { readonly total: number };
}

export async function renderPdf(doc: LaidOutDocument, fonts: FontBytes, meta: PdfMeta): Promise<Uint8Array> {
  const deflate = pdfDeflate();
  const pdf = await PDFDocument.create();
  // pdf-lib's own streams (font files, ToUnicode maps) with the installed compressor too.
  pdf.context.flateStream = (contents, dict = {}) => pdf.context.stream(deflate.sync(typedArrayFor(contents)), { ...dict, Filter: 'FlateDecode' });
  pdf.registerFontkit(PLAIN_FONTKIT);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setLanguage('ja-JP');
  pdf.setCreator('senshin-desk');
  pdf.setProducer('senshin-desk');
  const when = meta.createdAt ?? new Date();
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);

  const usesFallback = doc.pages.some((p) => p.ops.some((op) => op.kind === 'text' && op.font === 'fallback'));
  const embedded: Record<FontRole, PDFFont | undefined> = {
    primary: await pdf.embedFont(fonts.primary, { subset: true }),
    fallback: usesFallback ? await pdf.embedFont(fonts.fallback, { subset: true }) : undefined,
  };

  const encoders = new Map<PDFFont, TextEncoder>();
  const encoderOf = (font: PDFFont): TextEncoder => {
    let e = encoders.get(font);
    if (!e) encoders.set(font, (e = cachedEncoder(font)));
    return e;
  };
  const pages = doc.pages.map((page) => {
    const p = pdf.addPage([doc.width, doc.height]);
    const content = pageContent(page.ops, doc.height, (role) => {
      const font = embedded[role] ?? embedded.primary;
      return font ? { font: encoderOf(font), key: () => p.node.newFontDictionary(font.name, font.ref).toString() } : undefined;
    });
    return { p, content: strToU8(content) };
  });
  // Every page's operators compressed at once, then attached in page order.
  const compressed = await deflate.many(pages.map((x) => x.content));
  pages.forEach(({ p }, i) => {
    const bytes = compressed[i];
    if (!bytes) throw new Error(`page ${i + 1}: its contents were not compressed`);
    p.node.addContentStream(pdf.context.register(pdf.context.stream(bytes, { Filter: 'FlateDecode' })));
  });
  if (meta.appendix && meta.appendix.length > 0) await appendPdfs(pdf, meta.appendix, embedded.primary, meta.runningNumbers?.total);
  if (meta.bookmarks && meta.bookmarks.length > 0) addOutline(pdf, meta.bookmarks);
  return pdf.save({ useObjectStreams: true });
}

/**
 * Copies every page of each PDF after the pages drawn so far (pdf-lib's copyPages), numbering each
 * 「n / total」 at the bottom right of its visible box when `total` is given.
 */
async function appendPdfs(pdf: PDFDocument, appendix: ReadonlyArray<{ readonly bytes: Uint8Array }>, font: PDFFont | undefined, total: number | undefined): Promise<void> {
  let n = pdf.getPageCount();
  for (const a of appendix) {
    const src = await PDFDocument.load(a.bytes, { ignoreEncryption: false, updateMetadata: false });
    for (const page of await pdf.copyPages(src, src.getPageIndices())) {
      pdf.addPage(page);
      n++;
      if (total === undefined || !font) continue;
      const text = runningNumberLabel(n, total);
      const w = font.widthOfTextAtSize(text, RUNNING_NUMBER_SIZE);
      const box = page.getCropBox();
      const at = runningNumberAt(box.width, box.height, w);
      page.drawText(text, { x: box.x + at.x, y: box.y + box.height - at.y, size: RUNNING_NUMBER_SIZE, font, color: BLACK });
    }
  }
}

/** Writes a flat /Outlines tree (pdf-lib has no API for it) and opens the PDF with it visible. */
function addOutline(pdf: PDFDocument, bookmarks: ReadonlyArray<{ readonly title: string; readonly pageIndex: number }>): void {
  const pages = pdf.getPages();
  const items = bookmarks.filter((b) => pages[b.pageIndex] !== undefined);
  if (items.length === 0) return;
  const ctx = pdf.context;
  const outlinesRef = ctx.nextRef();
  const refs: PDFRef[] = items.map(() => ctx.nextRef());
  items.forEach((b, i) => {
    const page = pages[b.pageIndex];
    if (!page) return;
    const dict = ctx.obj({
      Title: PDFHexString.fromText(b.title),
      Parent: outlinesRef,
      Dest: ctx.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]),
    });
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) dict.set(PDFName.of('Prev'), prev);
    if (next) dict.set(PDFName.of('Next'), next);
    ctx.assign(refs[i] ?? ctx.nextRef(), dict);
  });
  const first = refs[0];
  const last = refs[refs.length - 1];
  if (!first || !last) return;
  ctx.assign(outlinesRef, ctx.obj({ Type: 'Outlines', First: first, Last: last, Count: refs.length }));
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
