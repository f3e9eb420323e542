import { describe, expect, it } from 'vitest';
import { fromCostForm, toCostForm, type CostForm } from '../../../shared/cost/form';
import { emptyCostModel } from '../../../shared/cost/model';

const form = (over: Partial<CostForm> = {}): CostForm => ({ ...toCostForm(emptyCostModel()), ...over });
const device = { id: 'e', equipmentId: '', name: '腹腔鏡', purchasePrice: '１０，０００，０００円', residualValue: '1,000,000', usefulLifeYears: '６', usesPerYear: '300回', purchasedOn: '2024-04-01', usesPerCase: '1' };

describe('cost editor input', () => {
  it('reads amounts typed with full-width digits, commas and units', () => {
    const r = fromCostForm(form({ equipment: [device] }));
    expect(r.errors.size).toBe(0);
    expect(r.model?.equipment[0]).toMatchObject({ purchasePrice: 10_000_000, residualValue: 1_000_000, usefulLifeYears: 6, usesPerYear: 300 });
  });

  it('gives a message for each field it cannot read, and no model to save', () => {
    const r = fromCostForm(form({ equipment: [{ ...device, usefulLifeYears: '六年', residualValue: '20,000,000' }], staff: [{ id: 's', jobTitle: '医師', unitPrice: '1.5万', per: 'hour', minutes: '30' }] }));
    expect(r.model).toBeUndefined();
    expect(r.errors.get('equipment.0.usefulLifeYears')).toContain('整数');
    expect(r.errors.get('equipment.0.residualValue')).toContain('超えています');
    expect(r.errors.get('staff.0.unitPrice')).toBeDefined();
  });

  it('round-trips a model through the form', () => {
    const model = fromCostForm(form({ equipment: [device], materials: [{ id: 'm', name: '薬', kind: 'drug', unitPrice: '13,541', quantity: '0.5' }], patientMode: 'part', patientCharge: '20000' })).model!;
    expect(fromCostForm(toCostForm(model)).model).toEqual(model);
  });
});
