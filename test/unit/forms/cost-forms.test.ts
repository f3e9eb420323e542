import { describe, expect, it } from 'vitest';
import { EMPTY_MASTERS } from '../../../shared/model/master';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel, type CostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { documentText } from '../../../shared/document/model';
import { FORM_MARGINS, type FormDefinition, type SubmissionFacts } from '../../../shared/forms/definition';
import { FORMS } from '../../../shared/forms/registry';
import { yoshiki3 } from '../../../shared/forms/besshi1/yoshiki3';
import { yoshiki5 } from '../../../shared/forms/besshi1/yoshiki5';
import { yoshiki6 } from '../../../shared/forms/besshi1/yoshiki6';
import { yoshiki71, yoshiki72 } from '../../../shared/forms/besshi1/yoshiki7';

const filing = parseIsoDate('2026-12-01')!;
const model: CostModel = {
  ...emptyCostModel(),
  equipment: [{ id: 'e', name: '腹腔鏡システム', purchasePrice: 10_000_000, residualValue: 1_000_000, usefulLifeYears: 6, usesPerYear: 300, purchasedOn: '2024-04-01', equipmentId: '', usesPerCase: 1 }],
  staff: [{ id: 's', jobTitle: '医師', unitPrice: 12_000, per: 'hour', minutes: 60 }],
  materials: [{ id: 'm', name: 'インドシアニングリーン注', unitPrice: 1_884, quantity: 1, kind: 'drug' }],
};
const facts = (m: CostModel): SubmissionFacts => ({ masters: EMPTY_MASTERS, technologyName: '腹腔鏡下センチネルリンパ節生検', indication: '早期胃がん', category: 'B', cost: calculateCost(m, filing) });
const text = (form: FormDefinition, f: SubmissionFacts) => documentText({ title: 't', margins: FORM_MARGINS, sections: [form.build(f, form.empty())] });

describe('R-C-1 先進医療にかかる費用 is computed once and printed identically', () => {
  it('prints 18,884円 (5,000 + 12,000 + 1,884) on 様式第3号(11), 第5号, 第6号 and 第7-1号', () => {
    const f = facts(model);
    expect(f.cost.total).toBe(18_884);
    for (const form of [yoshiki3, yoshiki5, yoshiki6, yoshiki71]) expect(text(form, f), form.number).toContain('18,884円');
  });

  it('changes on all four forms when a cost input changes', () => {
    const f = facts({ ...model, staff: [{ ...model.staff[0]!, minutes: 90 }] });
    for (const form of [yoshiki3, yoshiki5, yoshiki6, yoshiki71]) {
      expect(text(form, f), form.number).toContain('24,884円');
      expect(text(form, f), form.number).not.toContain('18,884円');
    }
  });

  it('shows the depreciation arithmetic on 様式第7-2号', () => {
    const t = text(yoshiki72, facts(model));
    for (const s of ['腹腔鏡システム', '10,000,000', '1,000,000', '9,000,000', '6年', '1,500,000', '300回', '5,000']) expect(t, s).toContain(s);
  });
});

describe('form registry', () => {
  it('lists the forms in package order with unique ids, and marks estimated layouts', () => {
    expect(FORMS.map((f) => `${f.besshi} ${f.number}`)).toEqual([
      '別紙1 様式第1-1号', '別紙1 様式第1-2号', '別紙1 様式第2号', '別紙1 様式第3号', '別紙1 様式第4号', '別紙1 様式第5号', '別紙1 様式第6号',
      '別紙1 様式第7-1号', '別紙1 様式第7-2号', '別紙1 様式第8-1号', '別紙1 様式第8-2号', '別紙1 様式第9号', '別紙2 様式第8号', '別紙2 様式第9号',
    ]);
    expect(new Set(FORMS.map((f) => f.id)).size).toBe(FORMS.length);
    // Only the forms seen in filled copies (spec form-layouts.md §1) are not 「推定様式」.
    expect(FORMS.filter((f) => !f.estimatedLayout).map((f) => f.number)).toEqual(['様式第3号', '様式第5号', '様式第9号']);
  });
});
