/**
 * PDF backend: draws a laid-out document with @cantoo/pdf-lib and fontkit 2.
 * Fonts are embedded as subsets (a one-page form is ~50 KB instead of 6 MB); the fallback face is
 * embedded only when a page uses it. pdf-lib writes a ToUnicode map, so the text can be extracted
 * (copy/paste, search, our tests). Black on white only: a fax turns tints to mud.
 *
 * Do not switch to @pdf-lib/fontkit 1.x: it silently blanks about half the glyphs of CJK subsets
 * (tech-notes.md). test/unit/render/pdf.test.ts renders a subset and checks it.
 */
import { PDFDocument, PDFHexString, PDFName, PDFNull, rgb, type PDFFont, type PDFRef } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import type { FontRole, LaidOutDocument } from '../../document/layout/types';
import type { FontBytes } from '../font-metrics';
import { pillPath } from './pill';

const BLACK = rgb(0, 0, 0);

export interface PdfMeta {
  readonly title: string;
  /** A bookmark (outline entry) per form, pointing at its first page. */
  readonly bookmarks?: ReadonlyArray<{ readonly title: string; readonly pageIndex: number }>;
  /** Fixed timestamp for reproducible files (tests); defaults to now. */
  readonly createdAt?: Date;
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
    for (const op of page.ops) {
      switch (op.kind) {
        case 'text': {
          const font = embedded[op.font] ?? embedded.primary;
          if (!font || op.text.length === 0) break;
          p.drawText(op.text, { x: op.x, y: H - op.y, size: op.size, font, color: BLACK });
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
          p.drawSvgPath(pillPath(op.w, op.h), { x: op.x, y: H - op.y, borderWidth: op.width, borderColor: BLACK });
          break;
      }
    }
  }
  if (meta.bookmarks && meta.bookmarks.length > 0) addOutline(pdf, meta.bookmarks);
  return pdf.save({ useObjectStreams: true });
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
