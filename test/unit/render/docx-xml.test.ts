/**
 * Issue 12: U+FFFE or U+FFFF in any field made the Word file unopenable (invalid XML), and C0
 * control characters were dropped from Word but kept in the PDF. What XML 1.0 cannot hold prints
 * nowhere (shared/text/xml-chars.ts; PRE-XMLCHAR names where it is), and every part of every Word
 * file the app writes is well-formed XML 1.0.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { cell, para, type DocumentModel } from '../../../shared/document/model';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { buildPackageDocument } from '../../../shared/forms/package-document';
import { packageById } from '../../../shared/forms/packages';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { packageFiles, type NamedFile } from '../../../shared/render/package-files';
import { parseSample, type Sample } from '../../../shared/samples/sample';
import { docxParts, docxText, docxXml, libreOfficeToPdf, xmlProblems } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { drawnText } from '../../helpers/marks';
import { readPdf, squash } from '../../helpers/pdf';
import { loadSample, sampleFacts } from '../../helpers/sample';

const { bytes, metrics } = bundledFonts();

/** Characters XML cannot hold: noncharacters, C0 controls (NUL, BEL, VT, US) and a lone surrogate of each half. */
const HOSTILE_A = '\uFFFE\u0000\u0007\uD800';
const HOSTILE_B = '\uFFFF\u0001\u000B\u001F\uDFFF';
// eslint-disable-next-line no-control-regex -- control characters are what this test looks for
const HOSTILE = /[\uFFFE\uFFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]/u;
const hostile = (s: string): string => (s === '' ? s : `${s.slice(0, 1)}${HOSTILE_A}${s.slice(1)}${HOSTILE_B}`);

/** Keys whose strings are ids, codes or choices: changing them would not be typing, it would break the file. */
const CODE_KEY = /^(id|.*Id|.*Ids|format|kind|per|rounding|category|need|labelUse|filerRole|insuredBasis|sex|role|status|type|packageId|assumedCategory|covers|devices|materials|regenerative|method|mode)$/;
const DATE_OR_TIME = /^\d{4}-\d{2}(-\d{2})?$|^\d{1,2}:\d{2}$/;

function withHostileText(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return CODE_KEY.test(key) || DATE_OR_TIME.test(value) || value.length < 4 ? value : hostile(value);
  if (Array.isArray(value)) return value.map((v) => withHostileText(v, key));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withHostileText(v, k)]));
  return value;
}

/** The sample with hostile characters typed into every text it holds (names, answers, table cells, the project's name). */
function hostileSample(): Sample {
  const raw: unknown = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../assets/samples/sample-project.json'), 'utf8'));
  const r = parseSample(withHostileText(raw));
  if (!r.ok) throw new Error(r.message);
  return r.sample;
}

async function wordFilesOf(sample: Sample, draft: boolean): Promise<NamedFile[]> {
  const doc = buildPackageDocument(packageById('new-b'), sampleFacts(sample), (f) => sample.forms.get(f.id) ?? f.empty(), metrics, { draft });
  return (await packageFiles(doc, bytes, 'ICG蛍光法_新規届出', { draft })).filter((f) => f.name.endsWith('.docx'));
}

/** Every XML part (.xml, .rels) of the files that is not well-formed XML 1.0, with why. */
function malformed(files: readonly NamedFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const parts = docxParts(f.bytes);
    const xmlParts = Object.keys(parts).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    if (xmlParts.length < 10) out.push(`${f.name}: only ${xmlParts.length} XML parts`);
    for (const n of xmlParts) for (const p of xmlProblems(parts[n] ?? new Uint8Array())) out.push(`${f.name} ${n}: ${p}`);
  }
  return out;
}

describe('every part of every Word file is well-formed XML 1.0', () => {
  it('the sample package, draft and final: the whole package and each form', async () => {
    const files = [...(await wordFilesOf(loadSample(), true)), ...(await wordFilesOf(loadSample(), false))];
    expect(files.length).toBeGreaterThan(20);
    expect(malformed(files)).toEqual([]);
  }, 60_000);

  it('the sample with U+FFFE, U+FFFF, C0 controls and lone surrogates typed into every text', async () => {
    const sample = hostileSample();
    expect(sample.project.technologyName).toMatch(HOSTILE);
    const files = await wordFilesOf(sample, true);
    expect(malformed(files)).toEqual([]);
    for (const f of files) expect(HOSTILE.test(await docxText(f.bytes)), f.name).toBe(false);
    // What was typed around them prints, in the body and in the file's title.
    const clean = loadSample();
    const whole = files.find((f) => !f.name.startsWith('Word/'));
    if (!whole) throw new Error('no whole-package Word file');
    expect(squash(await docxText(whole.bytes))).toContain(squash(clean.project.technologyName));
    expect(await docxXml(whole.bytes, 'docProps/core.xml')).toContain(clean.project.technologyName);
  }, 60_000);

  it('LibreOffice opens the Word file made from hostile text and prints what was typed around it', async () => {
    const sample = hostileSample();
    const whole = (await wordFilesOf(sample, false)).find((f) => !f.name.startsWith('Word/'));
    if (!whole) throw new Error('no whole-package Word file');
    const read = await readPdf(libreOfficeToPdf(whole.bytes));
    expect(squash(read.pages.map((p) => p.text).join(''))).toContain(squash(loadSample().project.technologyName));
  }, 120_000);
});

describe('the PDF and the Word file print the same text around characters XML cannot hold', () => {
  it('both leave them out, in a paragraph and in a table cell', async () => {
    const typed = `補償${HOSTILE_A}の有無：${HOSTILE_B}有`;
    const model: DocumentModel = {
      title: 't',
      margins: FORM_MARGINS,
      sections: [{ title: 's', blocks: [para(typed, 10.5), { type: 'table', columns: [1], rows: [{ cells: [cell(para(typed, 10.5))] }] }] }],
    };
    const word = await docxText(await renderDocx(model, { fonts: metrics }));
    const pdf = drawnText(layoutDocument(model, metrics));
    expect(word).toBe('補償の有無：有補償の有無：有');
    expect(pdf).toBe(word);
  });
});
