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
  PDFOperator,
  PDFOperatorNames,
  beginText,
  endMarkedContent,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFFont,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import type { DrawOp, FontRole, LaidOutDocument, TextOp } from '../../document/layout/types';
import { RUNNING_NUMBER_SIZE, runningNumberAt, runningNumberLabel } from '../../document/layout/marks';
import type { FontBytes } from '../font-metrics';
import { pillPath } from './pill';

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
  const pdf = await PDFDocument.create();
  // fontkit 2's module has the `create` function pdf-lib calls; its own typings are ours (shared/types).
  pdf.registerFontkit(fontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
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

  for (const page of doc.pages) {
    const p = pdf.addPage([doc.width, doc.height]);
    const H = doc.height;
    const spans = actualTextSpans(page.ops);
    page.ops.forEach((op, i) => {
      switch (op.kind) {
        case 'text': {
          const font = embedded[op.font] ?? embedded.primary;
          if (!font || op.text.length === 0) break;
          const span = spans.get(i);
          if (span?.first === i) drawActualTextSpan(p, span, embedded, H);
          else if (!span) p.drawText(op.text, { x: op.x, y: H - op.y, size: op.size, font, color: BLACK });
          break;
        }
        case 'line':
          p.drawLine({ start: { x: op.x1, y: H - op.y1 }, end: { x: op.x2, y: H - op.y2 }, thickness: op.width, color: BLACK });
          break;
        case 'ellipse':
          p.drawEllipse({ x: op.cx, y: H - op.cy, xScale: op.rx, yScale: op.ry, borderWidth: op.width, borderColor: BLACK });
          break;
        case 'pill':
          // SVG path coordinates run downward from (x, y), as ours do.
          p.drawSvgPath(pillPath(op.w, op.h, op.r), { x: op.x, y: H - op.y, borderWidth: op.width, borderColor: BLACK });
          break;
      }
    });
  }
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

interface Span {
  /** Index of its first text op in the page's ops. */
  readonly first: number;
  readonly ops: readonly TextOp[];
  readonly text: string;
}

/**
 * Runs of text ops that print one line (same baseline, each to the right of the one before: 「𠮷」
 * in the fallback face then 「田　花子」, or a label then its choices after a tab) and hold a
 * full-width space: each becomes one /ActualText span, so that a reader extracts the line whole
 * and in order. Table cells never join: their borders are drawn between their texts.
 */
function actualTextSpans(ops: readonly DrawOp[]): Map<number, Span> {
  const out = new Map<number, Span>();
  let i = 0;
  while (i < ops.length) {
    const first = ops[i];
    if (first?.kind !== 'text') {
      i++;
      continue;
    }
    let j = i + 1;
    const run: TextOp[] = [first];
    for (let next = ops[j], prev = first; next?.kind === 'text' && Math.abs(next.y - prev.y) < 0.01 && next.x > prev.x + prev.width - 0.01; next = ops[++j]) {
      run.push(next);
      prev = next;
    }
    const text = run.map((op) => op.text).join('');
    if (text.includes('\u3000')) {
      const span = { first: i, ops: run, text };
      for (let k = i; k < j; k++) out.set(k, span);
    }
    i = j;
  }
  return out;
}

/**
 * Draws a span's text ops inside one text object, wrapped in a /Span with /ActualText. The marked
 * content sits inside BT … ET so that readers see it in the text state of its glyphs (poppler moved
 * a span opened outside the text object out of reading order).
 */
function drawActualTextSpan(page: PDFPage, span: Span, fonts: Record<FontRole, PDFFont | undefined>, pageHeight: number): void {
  // An inline property list, written as is (pdf-lib types operator operands without dictionaries).
  const props = `<< /ActualText ${PDFHexString.fromText(span.text).toString()} >>`;
  const operators: PDFOperator[] = [pushGraphicsState(), beginText(), setFillingRgbColor(0, 0, 0), PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), props])];
  const keys = new Map<PDFFont, PDFName>();
  for (const op of span.ops) {
    const font = fonts[op.font] ?? fonts.primary;
    if (!font) continue;
    let key = keys.get(font);
    if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
    operators.push(setFontAndSize(key, op.size), setTextMatrix(1, 0, 0, 1, op.x, pageHeight - op.y), showText(font.encodeText(op.text)));
  }
  operators.push(endMarkedContent(), endText(), popGraphicsState());
  page.pushOperators(...operators);
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
