/**
 * Issue 12: the contents page said the 協力医療機関's papers were included while the package held none
 * of them. The contents page lists exactly what the file holds — each 様式 with the pages it really
 * starts and ends on — and names apart, as not in the file, the papers to add (attachments, and the
 * 協力医療機関's own filings where 様式第2号 names any).
 */
import { describe, expect, it } from 'vitest';
import type { DocumentModel, Paragraph } from '../../../shared/document/model';
import { buildPackageDocument } from '../../../shared/forms/package-document';
import { PACKAGES, type PackageDefinition } from '../../../shared/forms/packages';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { sampleWith, siteOf } from '../../helpers/rules';
import { packageFiles } from '../../../shared/render/package-files';

const { bytes, metrics } = bundledFonts();

const text = (p: Paragraph): string => p.runs.map((r) => r.text).join('');

/** The contents page as printed: its table rows (No. │ 様式 │ 名称 │ pages) and its other lines. */
function contents(model: DocumentModel): { rows: string[][]; lines: string[] } {
  const first = model.sections[0];
  if (!first) throw new Error('no contents page');
  const rows: string[][] = [];
  const lines: string[] = [];
  for (const b of first.blocks) {
    if (b.type === 'paragraph') lines.push(text(b));
    else if (b.type === 'table') for (const r of b.rows.slice(b.headerRows ?? 0)) rows.push(r.cells.map((c) => c.blocks.map(text).join('')));
  }
  return { rows, lines };
}

/** What the file holds: each section after the contents page, with its pages (1-based, as the PDF numbers them). */
function produced(doc: ReturnType<typeof buildPackageDocument>): string[][] {
  return doc.model.sections.slice(1).map((section, i) => {
    const pages = doc.laidOut.pages.flatMap((p, n) => (p.sectionIndex === i + 1 ? [n + 1] : []));
    const f = doc.forms[i];
    const first = pages[0] ?? 0;
    const last = pages[pages.length - 1] ?? 0;
    // The section is the form's own build: its number is printed on it.
    expect(section.formNumber).toBe(f?.number);
    return [String(i + 1), `${f?.besshi} ${section.formNumber}`, `${f?.title}${f?.estimatedLayout ? '（推定様式）' : ''}`, last > first ? `${first}～${last}` : String(first)];
  });
}

function build(pkg: PackageDefinition, s: ReturnType<typeof sampleWith>) {
  return buildPackageDocument(pkg, s.facts, (f) => s.forms.get(f.id) ?? f.empty(), metrics, { draft: false });
}

/** The sample with no 協力医療機関 anywhere: none registered, none typed on 様式第2号. */
const alone = sampleWith({ forms: { 'besshi1/yoshiki2': { sites: [] } } });
const COOPS = [siteOf({ id: 'c1', role: '協力医療機関', name: '架空県立がんセンター' }), siteOf({ id: 'c2', role: '協力医療機関', name: '架空赤十字病院' })];
const withCoops = sampleWith({ sites: COOPS });

describe('the contents page lists exactly what the package holds', () => {
  it('lists each 様式 of the file, in order, with the pages it is printed on — with and without 協力医療機関', () => {
    for (const s of [alone, withCoops]) {
      for (const pkg of PACKAGES) {
        const doc = build(pkg, s);
        expect(contents(doc.model).rows, pkg.id).toEqual(produced(doc));
      }
    }
  });

  it('does not speak of 協力医療機関 papers when the project has none', () => {
    for (const pkg of PACKAGES.filter((p) => p.id !== 'cooperating')) {
      const { lines } = contents(build(pkg, alone).model);
      expect(lines.filter((l) => l.includes('協力医療機関')), pkg.id).toEqual([]);
    }
  });

  it('names the 協力医療機関 (registered and typed on 様式第2号) only among the papers that are not in the file', () => {
    const doc = build(PACKAGES.find((p) => p.id === 'new-b')!, withCoops);
    const { rows, lines } = contents(doc.model);
    const apart = lines.findIndex((l) => l.includes('含まれない'));
    expect(apart).toBeGreaterThan(0);
    const mentions = lines.flatMap((l, i) => (l.includes('協力医療機関') ? [i] : []));
    expect(mentions.length).toBeGreaterThan(0);
    for (const i of mentions) expect(i, lines[i]).toBeGreaterThan(apart);
    const listed = lines.slice(apart).join('\n');
    // Both registered sites, and the two the sample types on its 様式第2号.
    for (const name of ['架空県立がんセンター', '架空赤十字病院', '架空市立総合病院']) expect(listed).toContain(name);
    // The file holds only the applicant's 様式: no row of the contents is another institution's.
    expect(rows.map((r) => r[2]).join('')).not.toContain('協力医療機関');
    // The attachments the app does not make are listed there too, not in the table.
    for (const a of ['試験実施計画書', '説明同意文書']) expect(listed).toContain(a);
  });

  it('prints that page in the PDF: what is in the file, and apart what is not', async () => {
    const doc = build(PACKAGES.find((p) => p.id === 'new-b')!, alone);
    const pdf = await readPdf((await packageFiles(doc, bytes, 'pkg', { draft: false }))[0]!.bytes);
    const first = squash(pdf.pages[0]!.text);
    expect(first).not.toContain('協力医療機関');
    expect(first).toContain(squash('このファイルに含まれない書類'));
    for (const f of doc.forms) expect(first).toContain(squash(f.title));
  });
});
