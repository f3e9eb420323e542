import { describe, expect, it } from 'vitest';
import { EMPTY_MASTERS } from '../../../shared/model/master';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { documentText } from '../../../shared/document/model';
import { yoshiki11, yoshiki12 } from '../../../shared/forms/besshi1/yoshiki1';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { costDate, projectSchema } from '../../../shared/model/project';

const today = parseIsoDate('2026-11-21')!;
const project = (filingDate: string) =>
  projectSchema.parse({ id: 'p', name: 'n', technologyName: 't', createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', filingDate });

describe('届出日: one fact for 提出年月日 and the 耐用年数 check', () => {
  it('prints the 届出日 in 和暦 as 提出年月日 on 様式第1-1号 and 第1-2号', () => {
    const facts = { masters: EMPTY_MASTERS, technologyName: 't', indication: 'i', category: 'B' as const, filingDate: '2027-04-05', cost: calculateCost(emptyCostModel(), today) };
    for (const form of [yoshiki11, yoshiki12]) {
      const text = documentText({ title: 't', margins: FORM_MARGINS, sections: [form.build(facts, form.answers.parse(form.empty()))] });
      expect(text, form.number).toContain('令和９年４月５日');
    }
  });

  it('leaves a blank 令和　年　月　日 to fill by hand when no 届出日 is set', () => {
    const facts = { masters: EMPTY_MASTERS, technologyName: 't', indication: 'i', category: 'B' as const, cost: calculateCost(emptyCostModel(), today) };
    const text = documentText({ title: 't', margins: FORM_MARGINS, sections: [yoshiki11.build(facts, yoshiki11.answers.parse(yoshiki11.empty()))] });
    expect(text).toContain('令和　　年　　月　　日');
  });

  it('R-C-2: a device is judged past its 耐用年数 at the 届出日, not today', () => {
    const device = { id: 'e', name: '装置', purchasePrice: 6_000_000, residualValue: 0, usefulLifeYears: 5, usesPerYear: 300, purchasedOn: '2022-04-01', equipmentId: '', usesPerCase: 1 };
    const model = { ...emptyCostModel(), equipment: [device] };
    // Today (2026-11-21) the 5 years have not run out; at a 届出日 of 2027-04-05 they have.
    expect(calculateCost(model, costDate(project(''), today)).total).toBe(4000);
    expect(calculateCost(model, costDate(project('2027-04-05'), today)).total).toBe(0);
  });
});
