/**
 * Issue 15 items 5 and 6: attached PDFs are merged into the package PDF after the forms, in filing
 * order, each with a bookmark and its pages on the contents page; a hostile file is refused with a
 * Japanese message (DATA-15: size, not a PDF, encrypted, too many pages); a filed package keeps its
 * attachments by hash and re-prints byte-identical; the 提出用 copy carries no 案 and no 推定様式.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_PAGES, inspectPdf, type AttachmentFile } from '../../../shared/filings/attachments';
import { toFiledFile, filedBytes } from '../../../shared/filings/files';
import { filingAttachments, freezeContext, freezeFiling, resolveFiling } from '../../../shared/filings/freeze';
import { printFiling } from '../../../shared/filings/print';
import { buildPackageDocument, type PackageAttachment } from '../../../shared/forms/package-document';
import { packageById } from '../../../shared/forms/packages';
import { packageFiles, packagePdf, zipFiles } from '../../../shared/render/package-files';
import { sampleWorkspaceData } from '../../../shared/samples/sample-export';
import type { WorkspaceData } from '../../../shared/io/envelope';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { sampleWith } from '../../helpers/rules';
import { loadSample } from '../../helpers/sample';
import { blankPdf, encryptedPdf, outlineOf, plainPdf } from '../../helpers/attachment-pdfs';

const fonts = bundledFonts();
const pkg = packageById('new-b');
const sample = sampleWith();

async function attachment(title: string, kind: string, label: string, pages: number): Promise<PackageAttachment> {
  return { title, kind, pages, bytes: await plainPdf(label, pages) };
}

function build(attachments: readonly PackageAttachment[], options: { draft?: boolean; submission?: boolean; pageNumbers?: boolean } = {}) {
  return buildPackageDocument(pkg, sample.facts, (f) => sample.forms.get(f.id) ?? f.empty(), fonts.metrics, { draft: options.draft ?? false, ...options, attachments });
}

/** Text of every part of a DOCX (document, headers, footers): where 「案」 would be. */
function docxAllText(bytes: Uint8Array): string {
  const parts = unzipSync(bytes);
  return Object.entries(parts)
    .filter(([name]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .map(([, b]) => [...strFromU8(b).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''))
    .join('\n');
}

describe('attached PDFs in the package PDF (issue 15 item 5)', () => {
  it('merges both PDFs after the forms, in filing order: their pages, bookmarks at their first pages, and the contents page ranges', async () => {
    const a = await attachment('試験実施計画書（第1.2版）', '試験実施計画書', 'PROTOCOL', 3);
    const b = await attachment('概略図', '', 'SCHEMA', 2);
    const doc = build([a, b]);
    const formPages = doc.laidOut.pages.length;
    const bytes = await packagePdf(doc, fonts.bytes);
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toHaveLength(formPages + 5);
    // The attachments' own pages, in the order they were placed.
    expect(pdf.pages.slice(formPages).map((p) => p.text)).toEqual(['PROTOCOL p1', 'PROTOCOL p2', 'PROTOCOL p3', 'SCHEMA p1', 'SCHEMA p2']);
    // One bookmark per form and per attachment, the attachments' at their first pages.
    const outline = await outlineOf(bytes);
    expect(outline.slice(-2)).toEqual([
      { title: '試験実施計画書（第1.2版）', page: formPages },
      { title: '概略図', page: formPages + 3 },
    ]);
    expect(outline.length).toBe(1 + doc.forms.length + 2);
    // The contents page lists them with the pages they are printed on (1-based, as the PDF numbers them).
    const contents = squash(pdf.pages[0]!.text);
    expect(contents).toContain(squash(`試験実施計画書（第1.2版）${formPages + 1}～${formPages + 3}`));
    expect(contents).toContain(squash(`概略図${formPages + 4}～${formPages + 5}`));
    // An expected paper attached is no longer listed as 「含まれない」; the others still are.
    const apart = contents.slice(contents.indexOf(squash('このファイルに含まれない書類')));
    expect(apart).not.toContain('試験実施計画書');
    expect(apart).toContain('説明同意文書');
  });

  it('lists the attachments on the Word contents page only, and says they are in the PDF only', async () => {
    const doc = build([await attachment('説明同意文書', '説明同意文書', 'CONSENT', 2)]);
    const word = (await packageFiles(doc, fonts.bytes, 'pkg', { draft: false })).find((f) => f.name === 'pkg.docx');
    const text = docxAllText(word!.bytes);
    expect(text).toContain('説明同意文書');
    expect(text).toContain('添付書類はPDFにのみ含まれます');
    expect(text).not.toContain('CONSENT');
  });
});

describe('DATA-15 a hostile PDF is refused before anything is stored (issue 15 item 5)', () => {
  it('refuses an encrypted PDF with the Japanese message', async () => {
    const r = await inspectPdf(await encryptedPdf('SECRET'));
    expect(r).toEqual({ ok: false, code: 'encrypted', message: 'このPDFは暗号化されているため添付できません。パスワードを外したPDFを選んでください。' });
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const r = await inspectPdf(big);
    expect(r.ok ? undefined : r.code).toBe('too-large');
    expect(r.ok ? '' : r.message).toContain('32 MBまで');
  });

  it('refuses a PDF with more pages than the limit', async () => {
    const r = await inspectPdf(await blankPdf(MAX_ATTACHMENT_PAGES + 1));
    expect(r.ok ? undefined : r.code).toBe('too-many-pages');
    expect(await inspectPdf(await blankPdf(MAX_ATTACHMENT_PAGES))).toEqual({ ok: true, pages: MAX_ATTACHMENT_PAGES });
  });

  it('refuses garbage bytes, an empty file and a truncated PDF', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect(await inspectPdf(garbage)).toMatchObject({ ok: false, code: 'not-pdf', message: expect.stringContaining('PDFではない') as unknown });
    expect(await inspectPdf(new Uint8Array())).toMatchObject({ ok: false, code: 'empty' });
    const good = await plainPdf('X', 1);
    expect(await inspectPdf(new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...garbage]))).toMatchObject({ ok: false });
    expect(await inspectPdf(good)).toEqual({ ok: true, pages: 1 });
  });
});

/** The sample as stored rows, its 新規届出 with `files` attached in that order. */
function recordsWith(files: ReadonlyArray<{ title: string; kind: string; bytes: Uint8Array; pages: number }>): { records: WorkspaceData; filing: WorkspaceData['filings'][number] } {
  const records = sampleWorkspaceData(loadSample(), 'p1', '2027-01-10T00:00:00.000Z');
  const first = records.filings[0]!;
  const rows: AttachmentFile[] = files.map((f, i) => {
    const ff = toFiledFile(`${f.title}.pdf`, f.bytes, f.pages);
    return { id: `att-${i}`, filingId: first.id, projectId: 'p1', fileName: `${f.title}.pdf`, pages: f.pages, size: ff.size, sha256: ff.sha256, base64: ff.base64, addedAt: '2027-01-10T00:00:00.000Z' };
  });
  const filing = { ...first, attachments: files.map((f, i) => ({ id: `att-${i}`, title: f.title, kind: f.kind })) };
  return { records: { ...records, filings: [filing], attachmentFiles: rows }, filing };
}

describe('a filed package keeps its attachments (issue 15 item 5)', () => {
  it('freezes them by hash into the as-filed copy, which re-prints byte-identical after an attachment is changed', async () => {
    const { records, filing } = recordsWith([
      { title: '試験実施計画書', kind: '試験実施計画書', bytes: await plainPdf('PROTOCOL', 2), pages: 2 },
      { title: '承認通知', kind: '', bytes: await plainPdf('APPROVAL', 1), pages: 1 },
    ]);
    const at = '2027-04-05T01:00:00.000Z';
    const copy = await freezeFiling(resolveFiling(records, filing, '2027-04-05', { filedOn: '2027-04-05', method: '郵送' }), filing.id, fonts, at, undefined, freezeContext(records, filing));
    const pdf = copy.files.find((f) => f.name.endsWith('.pdf'))!;
    const read = await readPdf(filedBytes(pdf));
    expect(read.pages.map((p) => p.text).slice(-3)).toEqual(['PROTOCOL p1', 'PROTOCOL p2', 'APPROVAL p1']);
    expect(pdf.pages).toBe(read.pages.length);
    expect(copy.resolved['attachments']).toEqual([
      { title: '試験実施計画書', kind: '試験実施計画書', fileName: '試験実施計画書.pdf', pages: 2, sha256: records.attachmentFiles[0]!.sha256 },
      { title: '承認通知', kind: '', fileName: '承認通知.pdf', pages: 1, sha256: records.attachmentFiles[1]!.sha256 },
    ]);
    // Filed: a later change of the attachment does not reach what prints (the copy's bytes do).
    const filed = { ...filing, status: 'filed' as const, events: [{ status: 'filed' as const, date: '2027-04-05', method: '郵送' as const, note: '', at }] };
    const changed = recordsWith([{ title: '試験実施計画書', kind: '試験実施計画書', bytes: await plainPdf('OTHER', 4), pages: 4 }]).records;
    const printed = await printFiling({ ...changed, filings: [filed], filedCopies: [copy] }, filed, fonts, '2027-06-01', '2027-06-01T00:00:00.000Z');
    expect(printed.files.map((f) => f.sha256)).toEqual(copy.files.map((f) => f.sha256));
  });

  it('refuses to print a package whose attachment bytes are missing or damaged, naming it', async () => {
    const { records, filing } = recordsWith([{ title: '説明同意文書', kind: '説明同意文書', bytes: await plainPdf('CONSENT', 1), pages: 1 }]);
    expect(() => filingAttachments({ attachmentFiles: [] }, filing)).toThrow('添付したPDF「説明同意文書」が見つかりません');
    const damaged = { ...records.attachmentFiles[0]!, sha256: '0'.repeat(64) };
    expect(() => filingAttachments({ attachmentFiles: [damaged] }, filing)).toThrow('一致しません');
  });
});

/** The text without the words that merely contain 案 (「案内」 of the contents page's 部数 line). */
const withoutWords = (text: string): string => text.replace(/案内/g, '');

describe('the 提出用 copy (issue 15 item 6)', () => {
  const marks = /案|推定様式/;

  it('carries no 案 and no 推定様式 in its PDF text, Word text or README; the draft keeps them', async () => {
    const submission = build([], { submission: true });
    const files = await packageFiles(submission, fonts.bytes, 'pkg', { draft: false });
    const pdfText = (await readPdf(files.find((f) => f.name === 'pkg.pdf')!.bytes)).pages.map((p) => p.text).join('\n');
    expect(withoutWords(pdfText)).not.toMatch(marks);
    for (const f of files.filter((x) => x.name.endsWith('.docx'))) expect(withoutWords(docxAllText(f.bytes)), f.name).not.toMatch(marks);
    const readme = strFromU8(unzipSync(zipFiles(files, { submission: true }))['はじめにお読みください.txt']!);
    expect(readme).not.toContain('推定様式');

    const draft = build([], { draft: true });
    const draftFiles = await packageFiles(draft, fonts.bytes, 'pkg', { draft: true });
    const draftText = (await readPdf(draftFiles.find((f) => f.name === 'pkg.pdf')!.bytes)).pages.map((p) => p.text).join('\n');
    expect(withoutWords(draftText)).toContain('案');
    expect(draftText).toContain('推定様式');
    expect(withoutWords(docxAllText(draftFiles.find((f) => f.name === 'pkg.docx')!.bytes))).toMatch(marks);
  });

  it('numbers every page through the whole package, attachments included, when asked', async () => {
    const doc = build([await attachment('文献1', '', 'PAPER', 2)], { submission: true, pageNumbers: true });
    const pdf = await readPdf(await packagePdf(doc, fonts.bytes));
    const total = pdf.pages.length;
    expect(total).toBe(doc.laidOut.pages.length + 2);
    pdf.pages.forEach((p, i) => expect(p.text, `page ${i + 1}`).toContain(`${i + 1} / ${total}`));
    // Without the option, no running numbers.
    const plain = await readPdf(await packagePdf(build([], { submission: true }), fonts.bytes));
    expect(plain.pages.map((p) => p.text).join('')).not.toContain(` / ${plain.pages.length}`);
  });

  it('a filing remembered as 提出用 freezes without 推定様式; one remembered as 下書き freezes as before', async () => {
    const { records, filing } = recordsWith([]);
    const at = '2027-04-05T01:00:00.000Z';
    const freeze = (f: typeof filing) => freezeFiling(resolveFiling(records, f, '2027-04-05', { filedOn: '2027-04-05', method: '郵送' }), f.id, fonts, at, undefined, freezeContext(records, f));
    const asBefore = await freeze(filing);
    const submission = await freeze({ ...filing, copy: 'submission' });
    const text = async (c: typeof asBefore) => (await readPdf(filedBytes(c.files.find((f) => f.name.endsWith('.pdf'))!))).pages.map((p) => p.text).join('');
    expect(await text(asBefore)).toContain('推定様式');
    expect(withoutWords(await text(submission))).not.toMatch(marks);
    // 下書き prints exactly what a filing without the choice printed (the PDF: Word files carry their zip times).
    const pdfHash = (c: typeof asBefore) => c.files.find((f) => f.name.endsWith('.pdf'))?.sha256;
    expect(pdfHash(await freeze({ ...filing, copy: 'draft' }))).toBe(pdfHash(asBefore));
    expect(pdfHash(submission)).not.toBe(pdfHash(asBefore));
  });
});
