/**
 * R-C-5 on real prose (issue 16): what 様式第3号(11), 様式第5号 and the 備考 of 様式第7号 say of who
 * pays the 先進医療にかかる費用 must agree with the 積算 (全額患者 / 一部を医療機関 / 全額医療機関).
 * Negations (「患者には請求しない」), the insured part (「保険診療分は患者負担」), other costs
 * (交通費) and conditions (「ただし…場合は」) are read as what they are.
 */
import { describe, expect, test } from 'vitest';
import type { CostModel } from '../../../shared/cost/model';
import { bearerOf } from '../../../shared/rules/catalog/cost-words';
import { findingsOf } from '../../helpers/rules';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const Y71 = 'besshi1/yoshiki7-1';
const TOTAL = 44_384;

const pays = (patientPays: CostModel['patientPays']) => (c: CostModel): CostModel => ({ ...c, patientPays });
const ALL = pays({ mode: 'all' });
const PART = pays({ mode: 'part', patientCharge: 20_000 });
const NONE = pays({ mode: 'part', patientCharge: 0 });

/** Prose that agrees with each 積算, so a passage changes one thing. */
const AGREES = {
  part: { [Y3]: { patientBurden: '先進医療にかかる費用44,384円のうち20,000円を患者に請求し、残りの24,384円は研究費で負担する。' }, [Y5]: { costText: '患者に請求する額は20,000円、研究費で負担する額は24,384円である。' } },
  none: { [Y3]: { patientBurden: '先進医療にかかる費用は研究費で全額負担し、患者負担はない。' }, [Y5]: { costText: '先進医療にかかる費用は研究費で負担し、患者には請求しない。' } },
} as const;

describe('bearerOf: what one sentence says of who pays', () => {
  const cases: ReadonlyArray<readonly [string, ReturnType<typeof bearerOf>]> = [
    ['先進医療にかかる費用は患者負担とする', 'patient'],
    ['先進医療にかかる費用は44,384円であり、全額を患者に請求する', 'patient'],
    ['費用：¥44,384／症例（全額自己負担）', 'patient'],
    ['先進医療にかかる費用は研究費で負担し、患者には請求しない', 'institution'],
    ['先進医療にかかる費用（1症例当たり44,384円）は研究費で負担し、患者には請求しない', 'institution'],
    ['先進医療に係る費用は、本学の運営費交付金及び講座の研究費から支出し、患者から徴収しない', 'institution'],
    ['先進医療にかかる費用は研究費で負担するため患者の負担はないが、保険診療分は患者負担となる', 'institution'],
    ['先進医療にかかる費用44,384円のうち20,000円を患者に請求し、残りの24,384円は研究費で負担する', 'split'],
    ['このうち人件費相当分は当院が負担する', 'split'],
    ['20,000円を患者に請求し、残りは研究費で負担する', 'split'],
    // The insured part, other costs, conditions, amounts stated as such, physical burden: nothing about the split.
    ['保険診療分は通常の一部負担金となる', undefined],
    ['なお、保険診療分は患者の一部負担金（３割）となり、通院の交通費・差額ベッド代も患者負担となる', undefined],
    ['ただし、機器の不具合等により本技術を実施できなかった場合は、費用を請求しない', undefined],
    ['なお、研究費の交付が決定した場合には、患者負担額を減額することがある', undefined],
    ['このうち患者に請求する額は２０，０００円とし、医療機関（研究費）が負担する額は２４，３８４円とする', undefined],
    ['入院期間の短縮により患者の経済的負担の軽減も期待される', undefined],
    ['蛍光プローブは製造販売業者から無償で提供を受けるため、0円として記載した', undefined],
  ];
  for (const [sentence, bearer] of cases) {
    test(`${sentence} → ${bearer ?? 'nothing'}`, () => {
      expect(bearerOf(sentence, TOTAL)).toBe(bearer);
    });
  }
});

describe('R-C-5: the prose contradicts the 積算', () => {
  test('「費用は患者負担とする」 while the institution pays part: an error quoting the sentence and the split', () => {
    const found = findingsOf({ cost: PART, forms: { ...AGREES.part, [Y3]: { patientBurden: '先進医療にかかる費用は患者負担とする。保険診療分は通常の一部負担金となる。' } } }, 'R-C-5');
    expect(found.map((f) => [f.severity, f.locations[0]?.doc])).toEqual([['error', Y3]]);
    expect(found[0]?.message).toContain('「先進医療にかかる費用は患者負担とする」という文');
    expect(found[0]?.message).toContain('患者に請求する額は20,000円、医療機関が負担する額は24,384円');
  });

  test('「全額を患者に請求する」 while the institution pays all of it', () => {
    const found = findingsOf({ cost: NONE, forms: { ...AGREES.none, [Y5]: { costText: '先進医療にかかる費用は、全額を患者に請求する。' } } }, 'R-C-5');
    expect(found.map((f) => f.locations[0]?.field)).toEqual(['costText']);
    expect(found[0]?.message).toContain('医療機関が全額（44,384円）を負担します');
  });

  test('「研究費で負担し、患者には請求しない」 while the 積算 charges the patient all of it', () => {
    const found = findingsOf({ cost: ALL, forms: { [Y3]: { patientBurden: '先進医療にかかる費用は研究費で負担し、患者には請求しない。保険診療分は患者負担となる。' } } }, 'R-C-5');
    expect(found.map((f) => f.locations[0]?.doc)).toEqual([Y3]);
    expect(found[0]?.message).toContain('患者に請求しない');
  });

  test('the 備考 of 様式第7-1号 is read too', () => {
    const found = findingsOf({ cost: ALL, forms: { [Y71]: { notes: '本技術にかかる費用の一部（人件費相当分）は当院が負担する。' } } }, 'R-C-5');
    expect(found.map((f) => f.locations[0]?.doc)).toEqual([Y71]);
  });

  test('silent when the prose says what the 積算 has, with the insured part, other costs and conditions beside it', () => {
    expect(findingsOf({ cost: ALL }, 'R-C-5')).toEqual([]);
    expect(findingsOf({ cost: PART, forms: AGREES.part }, 'R-C-5')).toEqual([]);
    expect(findingsOf({ cost: NONE, forms: AGREES.none }, 'R-C-5')).toEqual([]);
    const beside = '先進医療にかかる費用は研究費で負担するため患者の負担はないが、保険診療分は患者負担となる。なお、通院の交通費は患者負担となる。ただし、同意を撤回した場合の費用は請求しない。';
    expect(findingsOf({ cost: NONE, forms: { ...AGREES.none, [Y5]: { costText: beside } } }, 'R-C-5')).toEqual([]);
  });

  test('an amount after 「患者の負担とし、残る」 is not the patient’s (the clause ended)', () => {
    const burden = '先進医療に係る費用は１症例当たり４４，３８４円である。このうち２万円を患者の負担とし、残る２４，３８４円は当院が負担する（架空財団の研究助成を充てる）。';
    expect(findingsOf({ cost: PART, forms: { ...AGREES.part, [Y3]: { patientBurden: burden } } }, 'R-C-5').map((f) => f.message)).toEqual([]);
  });
});
