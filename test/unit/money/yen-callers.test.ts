/**
 * 「72万7,069円」 reads wherever an 円 field is read (held-out h-b-y6-04): the printed 様式第6号 合計, the
 * stored answers, the 積算 and the 実績報告 cells. An estimate still does not.
 */
import { describe, expect, it } from 'vitest';
import { fromCostForm, toCostForm } from '../../../shared/cost/form';
import { emptyCostModel } from '../../../shared/cost/model';
import { documentText } from '../../../shared/document/model';
import { yoshiki6 } from '../../../shared/forms/besshi1/yoshiki6';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { normalizeAnswers } from '../../../shared/forms/field';
import { parseCellAmount } from '../../../shared/reports/import/cells';
import { sampleFacts } from '../../../shared/samples/sample';
import { loadSample } from '../../helpers/sample';

const printed = (answers: Partial<ReturnType<typeof yoshiki6.empty>>) => documentText({ title: 't', margins: FORM_MARGINS, sections: [yoshiki6.build(sampleFacts(loadSample()), { ...yoshiki6.empty(), ...answers })] });

describe('円 fields typed with 万', () => {
  it('様式第6号 prints its 合計 from 「７２万７，０６９円」 and 「31万1601円」 (44,384 + 727,069 + 311,601)', () => {
    const t = printed({ insurerShare: '７２万７，０６９円', copayment: '31万1601円' });
    expect(t).toContain('1,083,054円');
    expect(t).not.toContain('金額を確認してください');
  });

  it('様式第6号 still asks to check an estimate (「約72万円」)', () => {
    expect(printed({ insurerShare: '約72万円', copayment: '311,601円' })).toContain('金額を確認してください');
  });

  it('stores 「７２万７，０６９円」 as 727069 and keeps 「約31万円」 as typed', () => {
    const a = normalizeAnswers(yoshiki6.answers, { ...yoshiki6.empty(), insurerShare: '７２万７，０６９円', copayment: '約31万円' });
    expect([a.insurerShare, a.copayment]).toEqual([727_069, '約31万円']);
  });

  it('the 積算 reads a 購入価格 of 「２，５００万円」', () => {
    const form = toCostForm({ ...emptyCostModel(), equipment: [{ id: 'e', equipmentId: '', name: '腹腔鏡システム', purchasePrice: 0, residualValue: 0, usefulLifeYears: 5, usesPerYear: 300, purchasedOn: '2024-04-01', usesPerCase: 1 }] });
    const r = fromCostForm({ ...form, equipment: form.equipment.map((e) => ({ ...e, purchasePrice: '２，５００万円', residualValue: '250万円' })) });
    expect(r.errors.size).toBe(0);
    expect([r.model?.equipment[0]?.purchasePrice, r.model?.equipment[0]?.residualValue]).toEqual([25_000_000, 2_500_000]);
  });

  it('an imported 実績報告 cell reads 「14万235円」', () => {
    expect(parseCellAmount('14万235円')).toEqual(expect.objectContaining({ ok: true, value: 140_235 }));
  });
});
