/**
 * Issue 12, the Word file against the PDF: the same face (BIZ UD明朝, with ＭＳ 明朝 named as the
 * fallback), the same table grid as the PDF layout, values that never break inside, and the draft's
 * 「案」 in one header that is deleted once.
 */
import { create } from 'fontkit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { cell, para, type Table } from '../../../shared/document/model';
import { buildPackageDocument } from '../../../shared/forms/package-document';
import { packageById } from '../../../shared/forms/packages';
import { formatYen } from '../../../shared/money/yen';
import { layoutColumnWidths } from '../../../shared/render/docx/columns';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { packageFiles } from '../../../shared/render/package-files';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { docxParts, docxXml, libreOfficeToPdf } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf } from '../../helpers/pdf';
import { pdfLines } from '../../helpers/pdf-lines';
import { loadSample, sampleFacts } from '../../helpers/sample';

const { bytes, metrics } = bundledFonts();
const sample = loadSample();
const facts = sampleFacts(sample);
const pkg = packageById('new-b');
const answersOf = (f: { id: string; empty: () => Readonly<Record<string, unknown>> }) => sample.forms.get(f.id) ?? f.empty();
const draft = buildPackageDocument(pkg, facts, answersOf, metrics, { draft: true });
const final = buildPackageDocument(pkg, facts, answersOf, metrics, { draft: false });
const WHOLE = 'ICG蛍光法_新規届出.docx';

async function wordFiles(doc: typeof draft, isDraft: boolean): Promise<Record<string, Uint8Array>> {
  const files = await packageFiles(doc, bytes, 'ICG蛍光法_新規届出', { draft: isDraft });
  return Object.fromEntries(files.filter((f) => f.name.endsWith('.docx')).map((f) => [f.name, f.bytes]));
}

const attr = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1] ?? '');

describe('Word asks for the face the PDF embeds (issue 12)', () => {
  it('every run, style and header is BIZ UD明朝, never ＭＳ 明朝; the font table names ＭＳ 明朝 as the fallback', async () => {
    const docx = await renderDocx(draft.model, { draft: true, fonts: metrics });
    const parts = docxParts(docx);
    const xmlOf = (name: string) => new TextDecoder().decode(parts[name]);
    // Runs, headers, footers and the document defaults name one face for every script.
    const faces = Object.keys(parts)
      .filter((n) => /^word\/(document|styles|header\d*|footer\d*)\.xml$/.test(n))
      .flatMap((n) => [...xmlOf(n).matchAll(/<w:rFonts ([^>]*)\/>/g)].flatMap((m) => attr(m[1] ?? '', 'w:(?:ascii|eastAsia|hAnsi|cs)')));
    expect(faces.length).toBeGreaterThan(100);
    expect(new Set(faces)).toEqual(new Set(['BIZ UD明朝 Medium']));
    const defaults = /<w:rPrDefault>.*?<\/w:rPrDefault>/s.exec(xmlOf('word/styles.xml'))?.[0] ?? '';
    expect(attr(defaults, 'w:eastAsia')).toContain('BIZ UD明朝 Medium');

    // The font table: the Windows name, the other names of the design (the PDF embeds 「BIZ UDMincho」),
    // then ＭＳ 明朝 — and what Word's substitution matches on, taken from the bundled font file.
    const table = xmlOf('word/fontTable.xml');
    const entry = /<w:font w:name="BIZ UD明朝 Medium">(.*?)<\/w:font>/s.exec(table)?.[1] ?? '';
    const alt = (attr(entry, 'w:val')[0] ?? '').split(',');
    expect(alt).toContain('BIZ UDMincho');
    expect(alt[alt.length - 1]).toBe('ＭＳ 明朝');
    expect(table).toContain('<w:font w:name="ＭＳ 明朝">');
    const pdf = await readPdf(await renderPdf(draft.laidOut, bytes, { title: 't' }));
    expect(pdf.fonts.some((f) => f.includes('BIZUDMincho-Regular'))).toBe(true);
    // fontkit's OS/2 table (our fontkit typings leave the tables out).
    const font = create(new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../../../assets/fonts/BIZUDMincho-Regular.ttf')))) as unknown as {
      readonly 'OS/2': { readonly panose: number[]; readonly ulCharRange: number[]; readonly codePageRange: number[] };
    };
    const os2 = font['OS/2'];
    const hex = (n: number, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');
    expect(entry).toContain(`<w:panose1 w:val="${os2.panose.map((n) => hex(n, 2)).join('')}"/>`);
    expect(entry).toContain('<w:charset w:val="80"/>');
    expect(entry).toContain('<w:pitch w:val="fixed"/>');
    const sig = /<w:sig ([^>]*)\/>/.exec(entry)?.[1] ?? '';
    expect(['usb0', 'usb1', 'usb2', 'usb3'].map((k) => attr(sig, `w:${k}`)[0])).toEqual(os2.ulCharRange.map((n) => hex(n, 8)));
    expect(['csb0', 'csb1'].map((k) => attr(sig, `w:${k}`)[0])).toEqual(os2.codePageRange.map((n) => hex(n, 8)));
  });

  it('adds no space between kana/kanji and Latin or digits, as the PDF adds none', async () => {
    const styles = await docxXml(await renderDocx(final.model, { fonts: metrics }), 'word/styles.xml');
    const defaults = /<w:pPrDefault>.*?<\/w:pPrDefault>/s.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:autoSpaceDE w:val="0"/>');
    expect(defaults).toContain('<w:autoSpaceDN w:val="0"/>');
  });
});

/** The tables of a document model in reading order. */
function tablesOf(doc: typeof draft): Table[] {
  return doc.model.sections.flatMap((s) => s.blocks.filter((b): b is Table => b.type === 'table'));
}

describe('Word table columns are the PDF layout’s (issue 12)', () => {
  it('each w:gridCol edge is where the PDF draws that table’s column line, in twips', async () => {
    const xml = await docxXml(await renderDocx(final.model, { fonts: metrics }));
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/gs)].map((m) => attr(m[1] ?? '', 'w:w').map(Number));
    const tables = tablesOf(final);
    expect(grids).toHaveLength(tables.length);
    expect(tables.length).toBeGreaterThan(10);
    const { margins } = final.model;
    tables.forEach((t, i) => {
      // The PDF of this table alone: its vertical lines are the column edges it prints.
      const laid = layoutDocument({ title: 't', margins, sections: [{ title: 't', blocks: [t] }] }, metrics);
      const drawn = [...new Set(laid.pages.flatMap((p) => p.ops.flatMap((op) => (op.kind === 'line' && op.x1 === op.x2 ? [Math.round((op.x1 - margins.left) * 1000) / 1000] : []))))].sort((a, b) => a - b);
      const grid = grids[i] ?? [];
      expect(grid).toHaveLength(t.columns.length);
      const edges = grid.reduce<number[]>((acc, w) => [...acc, (acc[acc.length - 1] ?? 0) + w], [0]);
      for (const x of drawn) expect(Math.min(...edges.map((e) => Math.abs(e - x * 20))), `table ${i + 1}, line at ${x} pt`).toBeLessThanOrEqual(0.5);
      expect(edges[edges.length - 1]).toBe(Math.round((drawn[drawn.length - 1] ?? 0) * 20));
    });
  });

  it('gives a column no cell starts at its share of the span, as the PDF’s proportions do', () => {
    // 様式第2号-like: every row spans the first two columns, so no cell edge marks where column 2 starts.
    const t: Table = {
      type: 'table',
      columns: [10, 30, 60],
      rows: [{ cells: [cell(para('実施医療機関', 10.5), { colSpan: 2 }), cell(para('架空大学医学部附属病院', 10.5))] }],
    };
    const widths = layoutColumnWidths(t, 480, metrics);
    expect(widths.map((w) => Math.round(w * 1000) / 1000)).toEqual([48, 144, 288]);
  });

  it('asks Word for the fixed grid, not a layout fitted to the text', async () => {
    const xml = await docxXml(await renderDocx(final.model, { fonts: metrics }));
    const tables = xml.match(/<w:tblPr>.*?<\/w:tblPr>/gs) ?? [];
    expect(tables.length).toBe(tablesOf(final).length);
    for (const t of tables) expect(t).toContain('<w:tblLayout w:type="fixed"/>');
  });
});

describe('the draft’s 「案」 is one header, defined once (issue 12)', () => {
  const headers = (parts: Record<string, Uint8Array>) => Object.keys(parts).filter((n) => /^word\/header\d*\.xml$/.test(n));
  const sectPrs = (xml: string) => xml.match(/<w:sectPr\b.*?<\/w:sectPr>/gs) ?? [];

  it('a draft: one header part holding 案, referenced by the first form only; the others link to it', async () => {
    const files = await wordFiles(draft, true);
    const whole = files[WHOLE];
    if (!whole) throw new Error(WHOLE);
    const parts = docxParts(whole);
    expect(headers(parts)).toHaveLength(1);
    expect(new TextDecoder().decode(parts[headers(parts)[0] ?? ''])).toContain('>案<');
    const sections = sectPrs(new TextDecoder().decode(parts['word/document.xml']));
    expect(sections.length).toBe(draft.model.sections.length);
    expect(sections.map((s) => (s.match(/<w:headerReference /g) ?? []).length)).toEqual([1, ...sections.slice(1).map(() => 0)]);
    // Each form's own Word file: one header too.
    for (const [name, docx] of Object.entries(files)) {
      const p = docxParts(docx);
      expect(headers(p), name).toHaveLength(1);
      expect(new TextDecoder().decode(p[headers(p)[0] ?? '']), name).toContain('>案<');
    }
  });

  it('a final package has no header at all', async () => {
    for (const [name, docx] of Object.entries(await wordFiles(final, false))) {
      const parts = docxParts(docx);
      expect(headers(parts), name).toEqual([]);
      expect(new TextDecoder().decode(parts['word/document.xml']), name).not.toContain('<w:headerReference');
    }
  });
});

/** Amounts, 承認番号, names and dates of the sample that print in the package's narrow table columns. */
function wholeValues(): string[] {
  const approval = sample.masters.products.map((p) => p.approvalNumber).filter((n) => n !== '');
  const amounts = facts.cost.equipment.flatMap((e) => [formatYen(e.item.purchasePrice), formatYen(e.item.residualValue), formatYen(e.depreciable)]);
  const names = sample.people.map((p) => p.name);
  return [...approval, ...amounts, ...names, '令和９年４月５日'];
}

describe('the sample package printed from Word (LibreOffice standing in for Word with BIZ UD明朝)', () => {
  it('prints 「案」 at the top of every page of a draft and keeps amounts, 承認番号, names and dates on one line', async () => {
    const docx = (await wordFiles(draft, true))[WHOLE];
    if (!docx) throw new Error(WHOLE);
    const pdf = libreOfficeToPdf(docx);
    const pages = await pdfLines(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(draft.laidOut.pages.length - 1);
    for (const [i, lines] of pages.entries()) expect(lines[0]?.text.trim(), `page ${i + 1}`).toBe('案');
    const text = pages.flat().map((l) => l.text);
    const values = wholeValues();
    expect(values).toEqual(expect.arrayContaining(['30200BZX00289000', '25,000,000']));
    for (const v of values) expect(text.some((l) => l.includes(v)), v).toBe(true);
  }, 120_000);

  it('prints no 「案」 from a final package', async () => {
    const docx = (await wordFiles(final, false))[WHOLE];
    if (!docx) throw new Error(WHOLE);
    const pages = await pdfLines(libreOfficeToPdf(docx));
    for (const [i, lines] of pages.entries()) expect(lines[0]?.text.trim(), `page ${i + 1}`).not.toBe('案');
  }, 120_000);
});
