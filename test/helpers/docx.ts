/** Reads a DOCX back: its text (from the XML, unzipped with fflate like the app's own ZIPs) and LibreOffice's verdict on opening it. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export async function docxXml(bytes: Uint8Array, part = 'word/document.xml'): Promise<string> {
  const file = unzipSync(bytes, { filter: (f) => f.name === part })[part];
  if (!file) throw new Error(`no ${part}`);
  return Promise.resolve(strFromU8(file));
}

/** The text of all <w:t> runs, in order. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await docxXml(bytes);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('');
}

/**
 * Converts the DOCX to PDF with LibreOffice (a private profile per call) and returns the PDF bytes.
 * Throws when LibreOffice is missing or reports an error — the test then fails, it is not skipped.
 */
export function libreOfficeToPdf(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'senshin-lo-'));
  try {
    const input = path.join(dir, 'in.docx');
    writeFileSync(input, bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    const out = path.join(dir, 'in.pdf');
    if (!existsSync(out)) throw new Error('LibreOffice produced no PDF');
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
