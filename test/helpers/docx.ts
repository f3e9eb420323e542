/** Reads a DOCX back: its text (from the XML, unzipped with fflate like the app's own ZIPs) and LibreOffice's verdict on opening it. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
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

/** Every part of the package (XML, relationships, media), by name. */
export function docxParts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXml10Char(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * Why a part is not well-formed XML 1.0, or [] when it is: bytes that are not UTF-8, the parser's
 * (@xmldom/xmldom) errors and warnings, and what that lenient parser lets through — characters
 * outside XML's Char production, written as they are or as references, and references to entities
 * XML does not predefine.
 */
export function xmlProblems(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return ['not UTF-8'];
  }
  if (text.trim() === '') return ['empty'];
  const problems: string[] = [];
  const report = (kind: string) => (msg: string) => problems.push(`${kind}: ${msg.split('\n')[0] ?? ''}`);
  const doc = new DOMParser({ errorHandler: { warning: report('warning'), error: report('error'), fatalError: report('fatal') } }).parseFromString(text, 'application/xml');
  if (!doc.documentElement) problems.push('no root element');
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isXml10Char(cp)) problems.push(`character U+${cp.toString(16).toUpperCase().padStart(4, '0')} at ${i}`);
    i += ch.length;
  }
  for (const m of text.matchAll(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*)?;?/g)) {
    const ref = m[1] ?? '';
    if (!m[0].endsWith(';') || ref === '') problems.push(`bare & at ${m.index}`);
    else if (ref.startsWith('#')) {
      const cp = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXml10Char(cp)) problems.push(`reference ${m[0]} to a character XML cannot hold`);
    } else if (!['amp', 'lt', 'gt', 'quot', 'apos'].includes(ref)) problems.push(`undeclared entity ${m[0]}`);
  }
  return problems;
}

/**
 * LibreOffice's fonts for the conversion: the system's, plus the bundled BIZ UD明朝 standing in for
 * the 「BIZ UD明朝 Medium」 every current Windows has (the same design and widths), so the
 * conversion lays the Word file out as Word on such a PC would.
 */
function fontConfig(dir: string): string {
  const file = path.join(dir, 'fonts.conf');
  const fonts = path.resolve(import.meta.dirname, '../../assets/fonts');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${path.join(tmpdir(), 'senshin-lo-fontconfig')}</cachedir>
<match target="pattern"><test name="family"><string>BIZ UD明朝 Medium</string></test><edit name="family" mode="assign" binding="strong"><string>BIZ UDMincho</string></edit></match>
</fontconfig>`,
  );
  return file;
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
      env: { ...process.env, FONTCONFIG_FILE: fontConfig(dir) },
    });
    const out = path.join(dir, 'in.pdf');
    if (!existsSync(out)) throw new Error('LibreOffice produced no PDF');
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
