import { unzipSync, strFromU8 } from 'fflate';
import { EMPTY_MASTERS } from '../../../shared/model/master';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { buildPackageDocument } from '../../../shared/forms/package-document';
import { PACKAGES, packageById } from '../../../shared/forms/packages';
import { packageFiles, zipFiles } from '../../../shared/render/package-files';
import { docxText } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';

const { bytes, metrics } = bundledFonts();
const facts = {
  institution: { name: '架空大学医学部附属病院', address: '東京都架空区1-2-3', founderName: '架空 一郎', filerRole: '開設者' as const },
  masters: EMPTY_MASTERS,
  technologyName: '腹腔鏡下センチネルリンパ節生検',
  indication: '早期胃がん',
  category: 'B' as const,
  cost: calculateCost({ ...emptyCostModel(), others: [{ id: 'o', name: '費用', amount: 18_884 }] }, parseIsoDate('2026-12-01')!),
};

describe('the submission package', () => {
  it('has a contents page, then every form of the package in order, with a bookmark each', async () => {
    const pkg = packageById('cooperating');
    const doc = buildPackageDocument(pkg, facts, (f) => f.empty(), metrics, { draft: false });
    expect(doc.bookmarks.map((b) => b.title)).toEqual(['提出書類一覧', ...doc.forms.map((f) => `${f.besshi} ${f.number} ${f.title}`)]);
    const pdfBytes = (await packageFiles(doc, bytes, 'pkg', { draft: false }))[0]!.bytes;
    const pdf = await getDocument({ data: pdfBytes.slice(), verbosity: 0 }).promise;
    const outline = await pdf.getOutline();
    expect(outline.map((o) => o.title)).toEqual(doc.bookmarks.map((b) => b.title));
    // Each bookmark points at the page where its form starts.
    for (const [i, o] of outline.entries()) {
      const dest = Array.isArray(o.dest) ? o.dest : [];
      const pageIndex = await pdf.getPageIndex(dest[0] as { num: number; gen: number });
      expect(pageIndex).toBe(doc.bookmarks[i]!.pageIndex);
    }
    await pdf.destroy();
    const read = await readPdf(pdfBytes);
    const contents = squash(read.pages[0]!.text);
    expect(contents).toContain('提出書類一覧');
    expect(contents).toContain('正本1・副本4');
    for (const f of doc.forms) expect(contents).toContain(squash(f.number));
    // The contents page states where each form starts.
    for (const [i, b] of doc.bookmarks.slice(1).entries()) expect(contents).toContain(`${doc.forms[i]!.title}${doc.forms[i]!.estimatedLayout ? '（推定様式）' : ''}${b.pageIndex + 1}`);
  });

  it('marks every page of a draft with 「案」, and 「推定様式」 on forms whose layout is estimated', async () => {
    const doc = buildPackageDocument(packageById('new-b'), facts, (f) => f.empty(), metrics, { draft: true });
    const read = await readPdf((await packageFiles(doc, bytes, 'pkg', { draft: true }))[0]!.bytes);
    for (const p of read.pages) expect(p.text).toContain('案');
    const firstOf = (number: string) => doc.laidOut.pages.findIndex((p) => p.pageInSection === 1 && doc.forms[p.sectionIndex - 1]?.number === number);
    expect(read.pages[firstOf('様式第6号')]!.text).toContain('推定様式');
    expect(read.pages[firstOf('様式第5号')]!.text).not.toContain('推定様式');
  });

  it('zips the PDF, the whole-package Word file and one Word file per form', async () => {
    const doc = buildPackageDocument(packageById('new-a'), facts, (f) => f.empty(), metrics, { draft: false });
    const files = await packageFiles(doc, bytes, '腹腔鏡下センチネルリンパ節生検_新規届出', { draft: false });
    const unzipped = unzipSync(zipFiles(files));
    const names = Object.keys(unzipped);
    expect(names).toContain('腹腔鏡下センチネルリンパ節生検_新規届出.pdf');
    expect(names).toContain('腹腔鏡下センチネルリンパ節生検_新規届出.docx');
    expect(names.filter((n) => n.startsWith('Word/'))).toHaveLength(doc.forms.length);
    expect(strFromU8(unzipped['はじめにお読みください.txt']!)).toContain('推定様式');
    const whole = squash(await docxText(unzipped['腹腔鏡下センチネルリンパ節生検_新規届出.docx']!));
    for (const f of doc.forms) expect(whole).toContain(squash(f.number));
  });

  it('defines every package from forms that exist', () => {
    for (const p of PACKAGES) expect(() => buildPackageDocument(p, facts, (f) => f.empty(), metrics, { draft: false })).not.toThrow();
  });
});
