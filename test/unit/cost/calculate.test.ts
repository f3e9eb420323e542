import { describe, expect, it } from 'vitest';
import { calculateCost, equipmentLine, staffLine } from '../../../shared/cost/calculate';
import { emptyCostModel, type EquipmentCost } from '../../../shared/cost/model';
import { rational, toYen } from '../../../shared/cost/rational';
import { parseIsoDate } from '../../../shared/dates/iso-date';

const filing = parseIsoDate('2026-12-01')!;
const device = (over: Partial<EquipmentCost> = {}): EquipmentCost => ({
  id: 'e1',
  equipmentId: '',
  name: '腹腔鏡システム',
  purchasePrice: 10_000_000,
  residualValue: 1_000_000,
  usefulLifeYears: 6,
  usesPerYear: 300,
  purchasedOn: '2023-04-01',
  usesPerCase: 1,
  ...over,
});

describe('R-C-2 機器償却', () => {
  it('10,000,000円, 残存 1,000,000円, 6年, 300回/年 → 5,000円/回', () => {
    const line = equipmentLine(device(), filing, 'round');
    expect(line.depreciable).toBe(9_000_000);
    expect(toYen(line.annual, 'round')).toBe(1_500_000);
    expect(line.amount).toBe(5000);
    expect(line.formula).toBe('(10,000,000円 − 1,000,000円) ÷ 6年 ÷ 300回 = 5,000円 → 5,000円');
  });

  it('contributes 0 once past its 耐用年数 at the 届出日', () => {
    const old = device({ purchasedOn: '2020-11-30' }); // 6 years end 2026-11-30, before the filing
    const line = equipmentLine(old, filing, 'round');
    expect(line.pastUsefulLife).toBe(true);
    expect(line.amount).toBe(0);
  });

  it('still depreciates the day before its 耐用年数 runs out', () => {
    const line = equipmentLine(device({ purchasedOn: '2020-12-02' }), filing, 'round');
    expect(line.pastUsefulLife).toBe(false);
    expect(line.amount).toBe(5000);
  });

  it('multiplies by the uses per case', () => {
    expect(equipmentLine(device({ usesPerCase: 3 }), filing, 'round').amount).toBe(15_000);
  });

  it('flags an unknown 購入年月日 instead of guessing', () => {
    const r = calculateCost({ ...emptyCostModel(), equipment: [device({ purchasedOn: '' })] }, filing);
    expect(r.equipment[0]!.lifeUnknown).toBe(true);
    expect(r.messages.join()).toContain('購入年月日');
  });
});

describe('rounding choices below 1円', () => {
  // 1,000,000 ÷ 7年 ÷ 300回 = 476.190… 円
  const odd = device({ purchasePrice: 1_000_000, residualValue: 0, usefulLifeYears: 7, usesPerYear: 300 });
  it('切り捨て / 四捨五入 / 切り上げ', () => {
    expect(equipmentLine(odd, filing, 'floor').amount).toBe(476);
    expect(equipmentLine(odd, filing, 'round').amount).toBe(476);
    expect(equipmentLine(odd, filing, 'ceil').amount).toBe(477);
  });
  it('四捨五入 rounds an exact half up', () => {
    expect(toYen(rational(5, 2), 'round')).toBe(3);
    expect(toYen(rational(5, 2), 'floor')).toBe(2);
  });
  it('keeps exact integers exact in every mode (no 4,999.999…)', () => {
    for (const mode of ['floor', 'round', 'ceil'] as const) expect(equipmentLine(device(), filing, mode).amount).toBe(5000);
  });
});

describe('R-C-3 人件費, R-C-4 合計, R-C-5 負担区分', () => {
  it('人件費 = 単価 × 所要時間, per hour or per minute', () => {
    expect(staffLine({ id: 's', jobTitle: '医師', unitPrice: 12_000, per: 'hour', minutes: 90 }, 'round').amount).toBe(18_000);
    expect(staffLine({ id: 's', jobTitle: '看護師', unitPrice: 50, per: 'minute', minutes: 30 }, 'round').amount).toBe(1500);
  });

  // The published example gives only its three line totals (医療機器使用料 414円, 人件費 7,640円,
  // 医療材料・医薬品費 13,884円), not the prices, rates and times behind them, so they are entered as
  // その他 amounts: this checks that such lines are printed as entered and added into the total.
  it('adds amounts entered as その他 into the total: the published example\'s lines 414 + 7,640 + 13,884 = 21,938円', () => {
    const r = calculateCost(
      {
        ...emptyCostModel(),
        others: [
          { id: 'a', name: '機器償却費', amount: 414 },
          { id: 'b', name: '人件費', amount: 7640 },
          { id: 'c', name: '医療材料・医薬品費', amount: 13_884 },
        ],
      },
      filing,
    );
    expect(r.others.map((l) => [l.amount, l.formula])).toEqual([[414, '414円'], [7640, '7,640円'], [13_884, '13,884円']]);
    expect(r.otherTotal).toBe(21_938);
    expect(r.total).toBe(21_938);
    expect(r.patientCharge).toBe(21_938);
  });

  it('sums the printed lines, so the sheet always adds up', () => {
    const model = {
      ...emptyCostModel(),
      rounding: 'round' as const,
      equipment: [device({ purchasePrice: 1_000_000, residualValue: 0, usefulLifeYears: 7 }), device({ id: 'e2' })],
      staff: [{ id: 's', jobTitle: '医師', unitPrice: 10_000, per: 'hour' as const, minutes: 20 }],
      materials: [{ id: 'm', name: 'パクリタキセル注', unitPrice: 13_541, quantity: 0.5, kind: 'drug' as const }],
    };
    const r = calculateCost(model, filing);
    expect(r.equipmentTotal).toBe(476 + 5000);
    expect(r.staffTotal).toBe(3333);
    expect(r.materialTotal).toBe(6771);
    expect(r.total).toBe(r.equipmentTotal + r.staffTotal + r.materialTotal + r.otherTotal);
  });

  it('splits the cost when the patient pays only part of it', () => {
    const r = calculateCost({ ...emptyCostModel(), others: [{ id: 'o', name: 'x', amount: 67_685 }], patientPays: { mode: 'part', patientCharge: 20_000 } }, filing);
    expect(r.patientCharge).toBe(20_000);
    expect(r.institutionBurden).toBe(47_685);
    expect(r.patientCharge + r.institutionBurden).toBe(r.total);
  });

  it('refuses a patient charge above the cost, with a message', () => {
    const r = calculateCost({ ...emptyCostModel(), others: [{ id: 'o', name: 'x', amount: 1000 }], patientPays: { mode: 'part', patientCharge: 2000 } }, filing);
    expect(r.patientCharge).toBe(1000);
    expect(r.messages.join()).toContain('超えています');
  });
});
