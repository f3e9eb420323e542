/**
 * Attached PDFs of a filing (issue 15 item 5): 試験実施計画書, 説明同意文書, 概略図, 文献, 承認通知 …,
 * merged into the package PDF after the forms, in filing order, each with a bookmark and a line of
 * the contents page.
 *
 * Stored in two parts, so moving or renaming one never copies the bytes again (revisions keep
 * whole rows):
 * - the filing row lists them in filing order with their titles (`Filing.attachments`);
 * - the bytes are one immutable row each (table `attachmentFiles`), written once, removed when the
 *   attachment is taken off a filing still 作成中. A filed filing's package holds the merged bytes
 *   in its as-filed copy, with each attachment's SHA-256 (as-filed.ts), so it re-prints identically.
 *
 * A chosen file is hostile until proven otherwise (DATA-15): its size is checked before it is read,
 * then it must start like a PDF, open with pdf-lib without a password (an encrypted PDF cannot be
 * merged), and have at most MAX_ATTACHMENT_PAGES pages. Each refusal says what to do, in Japanese.
 */
import { EncryptedPDFError, PDFDocument } from '@cantoo/pdf-lib';
import { z } from 'zod';

/** Largest PDF that can be attached (a scanned 100-page 計画書 at 300 dpi is about 20 MB). */
export const MAX_ATTACHMENT_BYTES = 32 * 1024 * 1024;
/** Most pages one attachment may have (a 試験実施計画書 with its appendices stays well under it). */
export const MAX_ATTACHMENT_PAGES = 1000;
/** Most attachments one filing may have. */
export const MAX_ATTACHMENTS = 40;

/** One attachment as the filing lists it, in filing order. */
export const filingAttachmentSchema = z.object({
  /** The id of its bytes (table attachmentFiles). */
  id: z.string().min(1).max(64),
  /** What the contents page and the bookmark say (「試験実施計画書（第1.2版）」). */
  title: z.string().trim().min(1, { message: '添付書類の名称を入力してください' }).max(200, { message: '200文字以内で入力してください' }),
  /** Which of the package's expected papers it is (packages.ts `attachments`), or '' for another one. */
  kind: z.string().max(100).default(''),
});
export type FilingAttachment = z.infer<typeof filingAttachmentSchema>;

/** The stored bytes of one attachment (immutable: written once, never edited). */
export const attachmentFileSchema = z.object({
  id: z.string().min(1).max(64),
  filingId: z.string().min(1).max(64),
  projectId: z.string().min(1).max(64),
  /** The chosen file's name (for the user; never used as a path). */
  fileName: z.string().max(300),
  pages: z.number().int().min(1).max(MAX_ATTACHMENT_PAGES),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  base64: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4),
  addedAt: z.string().max(40),
});
export type AttachmentFile = z.infer<typeof attachmentFileSchema>;

export type PdfRefusal = 'too-large' | 'empty' | 'not-pdf' | 'encrypted' | 'too-many-pages' | 'broken';

export const PDF_REFUSAL_MESSAGE: Readonly<Record<PdfRefusal, string>> = {
  'too-large': `このPDFは大きすぎるため添付できません（${MAX_ATTACHMENT_BYTES / 1024 / 1024} MBまで）。ページを分けるか、解像度を下げたPDFを選んでください。`,
  empty: 'ファイルが空です。添付するPDFを選び直してください。',
  'not-pdf': 'このファイルはPDFではないため添付できません。PDFファイルを選んでください。',
  encrypted: 'このPDFは暗号化されているため添付できません。パスワードを外したPDFを選んでください。',
  'too-many-pages': `このPDFはページが多すぎるため添付できません（${MAX_ATTACHMENT_PAGES}ページまで）。分けて添付してください。`,
  broken: 'このPDFは壊れているか読み取れない形式のため添付できません。PDFを保存し直してから選んでください。',
};

export type PdfInspection = { readonly ok: true; readonly pages: number } | { readonly ok: false; readonly code: PdfRefusal; readonly message: string };

const refuse = (code: PdfRefusal): PdfInspection => ({ ok: false, code, message: PDF_REFUSAL_MESSAGE[code] });

/** Whether the bytes begin with 「%PDF-」 within the first 1024 bytes (where readers look for it). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/**
 * Checks a chosen file before anything is stored: size, PDF header, encryption, page count. The
 * size is checked before the PDF is parsed; parsing never throws past this function.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  if (bytes.byteLength === 0) return refuse('empty');
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return refuse('too-large');
  if (!hasPdfHeader(bytes)) return refuse('not-pdf');
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    return refuse(e instanceof EncryptedPDFError ? 'encrypted' : 'broken');
  }
  let pages: number;
  try {
    pages = pdf.getPageCount();
  } catch {
    return refuse('broken');
  }
  if (pages === 0) return refuse('broken');
  if (pages > MAX_ATTACHMENT_PAGES) return refuse('too-many-pages');
  return { ok: true, pages };
}

/** The attachment's title shown when the user typed none: its kind, else the file name without 「.pdf」. */
export function defaultAttachmentTitle(kind: string, fileName: string): string {
  return kind.trim() || fileName.replace(/\.pdf$/i, '').trim().slice(0, 200) || '添付書類';
}
