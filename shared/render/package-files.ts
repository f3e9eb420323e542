/**
 * Every file of a package, ready to save at once: the merged PDF (bookmarked, with the attached
 * PDFs after the forms), one Word file for the whole package and one per form (to finish by hand;
 * attachments are only listed on its contents page), zipped with fflate.
 */
import { strToU8, zipSync } from 'fflate';
import { layoutDocument } from '../document/layout/paginate';
import type { FontSet } from '../document/layout/types';
import type { DocumentModel } from '../document/model';
import { fontSet, type FontBytes } from './font-metrics';
import { renderDocx } from './docx/render-docx';
import { renderPdf } from './pdf/render-pdf';
import type { PackageDocument } from '../forms/package-document';

export interface NamedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** A4 pages as laid out (Word may paginate its copy slightly differently). */
  readonly pages?: number;
}

/** A file-name part safe on Windows, macOS and Linux. */
export function safeName(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 80) || '無題';
}

/** Which file `packageFiles` starts on: the PDF, then Word file `n` of `m` (the whole package first). */
export type PackageFileStep = { readonly step: 'pdf' } | { readonly step: 'word'; readonly n: number; readonly m: number };

export async function packageFiles(
  doc: PackageDocument,
  fonts: FontBytes,
  baseName: string,
  options: { readonly draft: boolean; readonly createdAt?: Date; readonly onProgress?: (step: PackageFileStep) => void },
): Promise<NamedFile[]> {
  const base = safeName(baseName);
  const pages = doc.laidOut.pages.length;
  // Word's column widths and ○ come from the same font measurements as the PDF.
  const word = { draft: options.draft, fonts: fontSet(fonts) };
  const m = 1 + doc.forms.filter((_, i) => doc.model.sections[i + 1] !== undefined).length;
  options.onProgress?.({ step: 'pdf' });
  const pdf = await packagePdf(doc, fonts, options.createdAt);
  options.onProgress?.({ step: 'word', n: 1, m });
  const files: NamedFile[] = [
    { name: `${base}.pdf`, bytes: pdf, pages: pages + doc.attachments.reduce((n, a) => n + a.pages, 0) },
    { name: `${base}.docx`, bytes: await renderDocx(doc.model, word), pages },
  ];
  for (const [i, form] of doc.forms.entries()) {
    const section = doc.model.sections[i + 1];
    if (!section) continue;
    const n = String(i + 1).padStart(2, '0');
    options.onProgress?.({ step: 'word', n: files.length, m });
    files.push({
      name: `Word/${n}_${safeName(`${form.besshi}${form.number}_${form.title}`)}.docx`,
      bytes: await renderDocx({ title: `${form.number} ${form.title}`, margins: doc.model.margins, sections: [section] }, word),
      pages: doc.laidOut.sectionPageCounts[i + 1] ?? 0,
    });
  }
  return files;
}

/** The package's one PDF: its laid-out pages, then the attached PDFs, bookmarked (and numbered through, if asked). */
export async function packagePdf(doc: PackageDocument, fonts: FontBytes, createdAt?: Date): Promise<Uint8Array> {
  const total = doc.laidOut.pages.length + doc.attachments.reduce((n, a) => n + a.pages, 0);
  return renderPdf(doc.laidOut, fonts, {
    title: doc.model.title,
    bookmarks: doc.bookmarks,
    ...(createdAt ? { createdAt } : {}),
    ...(doc.attachments.length > 0 ? { appendix: doc.attachments } : {}),
    ...(doc.pageNumbers ? { runningNumbers: { total } } : {}),
  });
}

/**
 * A document of its own (a 変更申請, a 新旧対照表, a 照会回答): one PDF and one Word file, laid out
 * with the same font measurements. A fixed `createdAt` makes the PDF the same bytes each time.
 */
export async function documentFiles(model: DocumentModel, fonts: FontBytes, metrics: FontSet, baseName: string, options: { readonly draft: boolean; readonly createdAt?: Date }): Promise<NamedFile[]> {
  const base = safeName(baseName);
  const laid = layoutDocument(model, metrics);
  const pages = laid.pages.length;
  return [
    { name: `${base}.pdf`, bytes: await renderPdf(laid, fonts, { title: model.title, ...(options.createdAt ? { createdAt: options.createdAt } : {}) }), pages },
    { name: `${base}.docx`, bytes: await renderDocx(model, { draft: options.draft, fonts: metrics }), pages },
  ];
}

/** `submission`: the 提出用 copy, whose note says nothing of 「推定様式」 (it carries no such mark). */
export function zipFiles(files: readonly NamedFile[], options: { readonly submission?: boolean } = {}): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.name] = f.bytes;
  entries['はじめにお読みください.txt'] = strToU8(
    'senshin-desk で作成した届出書類一式です。\r\n' +
      'PDF：提出用の一式（しおり付き。添付したPDFは様式の後ろに綴じてあります）。Word：一式と様式ごとのファイル（手作業での仕上げ用。添付書類は一覧に載るだけで、中身は含まれません）。\r\n' +
      (options.submission ? '' : '「推定様式」と記した様式は、公式の様式と照合してから提出してください。\r\n'),
  );
  return zipSync(entries, { level: 6 });
}
