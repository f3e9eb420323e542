import { describe, expect, it } from 'vitest';
import { EMPTY_MASTERS } from '../../../shared/model/master';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { documentText } from '../../../shared/document/model';
import { yoshiki5 } from '../../../shared/forms/besshi1/yoshiki5';
import { fieldsOf, missingRequired } from '../../../shared/forms/field';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';

const filing = parseIsoDate('2026-12-01')!;
const facts = (patientCharge?: number) => ({
  masters: EMPTY_MASTERS,
  technologyName: '腹腔鏡下センチネルリンパ節生検',
  indication: '早期胃がん',
  category: 'B' as const,
  cost: calculateCost(
    { ...emptyCostModel(), others: [{ id: 'o', name: '費用', amount: 67_685 }], patientPays: patientCharge === undefined ? { mode: 'all' } : { mode: 'part', patientCharge } },
    filing,
  ),
});

describe('様式第5号 先進医療の内容（概要）', () => {
  it('declares its fields with official labels and A/B requirements in the schema', () => {
    const fields = fieldsOf(yoshiki5.answers);
    expect(fields.map((f) => f.meta.label)).toEqual(['内容', '（先進性）', '（概要）', '（効果）', '（先進医療にかかる費用）']);
    const missing = missingRequired(yoshiki5.answers, yoshiki5.empty(), 'B').map((f) => f.key);
    expect(missing).toEqual(['advancement', 'outline', 'effect']);
  });

  it('prints the four sub-headings in order, the technology facts and the computed cost', () => {
    const section = yoshiki5.build(facts(), { ...yoshiki5.empty(), advancement: '先進性の説明', outline: '手順', effect: '効果の説明' });
    const text = documentText({ title: 't', margins: { top: 1, right: 1, bottom: 1, left: 1 }, sections: [section] });
    const order = ['様式第5号', '先進医療の名称：腹腔鏡下センチネルリンパ節生検', '適応症：早期胃がん', '（先進性）', '先進性の説明', '（概要）', '（効果）', '（先進医療にかかる費用）', '先進医療にかかる費用（1症例当たり）：67,685円'];
    let at = -1;
    for (const s of order) {
      const i = text.indexOf(s, at + 1);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
    expect(text).not.toContain('医療機関が負担する額');
  });

  it('states the patient and institution amounts when the patient does not pay it all (R-C-5)', () => {
    const text = documentText({ title: 't', margins: { top: 1, right: 1, bottom: 1, left: 1 }, sections: [yoshiki5.build(facts(20_000), yoshiki5.empty())] });
    expect(text).toContain('うち患者に請求する額：20,000円');
    expect(text).toContain('うち医療機関が負担する額：47,685円');
  });

  it('flows a 10,000-character answer across pages, complete in the extracted PDF text', async () => {
    const { bytes, metrics } = bundledFonts();
    const long = '本技術は腹膜播種を伴う胃がんに対して化学療法を腹腔内と静脈内から併用するものであり、'.repeat(250).slice(0, 10_000);
    const section = yoshiki5.build(facts(), { ...yoshiki5.empty(), outline: long });
    const laid = layoutDocument({ title: 't', margins: { top: 56, right: 56, bottom: 56, left: 56 }, sections: [section] }, metrics);
    expect(laid.pages.length).toBeGreaterThan(3);
    const pdf = await readPdf(await renderPdf(laid, bytes, { title: 't' }));
    const all = squash(pdf.pages.map((p) => p.bodyText).join(''));
    expect(all.includes(long)).toBe(true);
  });
});
