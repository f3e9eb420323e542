import { describe, expect, it } from 'vitest';
import { EMPTY_MASTERS } from '../../../shared/model/master';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { yoshiki3 } from '../../../shared/forms/besshi1/yoshiki3';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { docxText, libreOfficeToPdf } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';

describe('様式第3号 (6) 治療計画 with a 10,000-character answer', () => {
  const plan = Array.from({ length: 400 }, (_, i) => `手順${i + 1}：トレーサーを局注し、蛍光観察でリンパ節を同定する。`).join('').slice(0, 10_000);
  const facts = { masters: EMPTY_MASTERS, technologyName: '腹腔鏡下センチネルリンパ節生検', indication: '早期胃がん', category: 'B' as const, cost: calculateCost(emptyCostModel(), parseIsoDate('2026-12-01')!) };
  const model = { title: '様式第3号', margins: FORM_MARGINS, sections: [yoshiki3.build(facts, { ...yoshiki3.empty(), treatmentPlan: plan })] };

  it('is exactly 10,000 characters', () => {
    expect(Array.from(plan)).toHaveLength(10_000);
  });

  it('flows across pages in the PDF and is complete in the extracted text', async () => {
    const { bytes, metrics } = bundledFonts();
    const laid = layoutDocument(model, metrics);
    const pdf = await readPdf(await renderPdf(laid, bytes, { title: '様式第3号' }));
    const pagesWithPlan = pdf.pages.filter((p) => p.bodyText.includes('手順')).length;
    expect(pagesWithPlan).toBeGreaterThan(3);
    expect(squash(pdf.pages.map((p) => p.bodyText).join('')).includes(plan)).toBe(true);
  });

  it('flows across pages in the Word file and is complete there (XML and LibreOffice)', async () => {
    const docx = await renderDocx(model);
    expect(squash(await docxText(docx)).includes(plan)).toBe(true);
    const rendered = await readPdf(libreOfficeToPdf(docx));
    expect(rendered.pages.filter((p) => p.text.includes('手順')).length).toBeGreaterThan(3);
    // Footers (page numbers) are left out: bodyText skips the bottom 40 pt.
    expect(squash(rendered.pages.map((p) => p.bodyText).join('')).includes(plan)).toBe(true);
  }, 180_000);
});
