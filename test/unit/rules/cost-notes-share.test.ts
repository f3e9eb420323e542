/**
 * R-C-6: the 一部負担金 of a 健康保険被保険者本人 under 70 is 3割 (記載要領 第6(3); held-out h-b-y6-18: a 65歳
 * 本人 computed with 2割). The sample's 保険外併用療養費分: 1,038,670円 = 727,069円 ＋ 311,601円 (3割).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../helpers/rules';

const Y6 = 'besshi1/yoshiki6';
const share = (answers: Readonly<Record<string, unknown>>) => findingsOf({ forms: { [Y6]: answers } }, 'R-C-6').filter((f) => f.message.includes('3割'));

describe('R-C-6: a 本人 under 70 whose 一部負担金 is not 3割', () => {
  it('warns for a 65歳 本人 with a 2割 一部負担金, naming the sentence, the typed amount and the 3割', () => {
    const f = share({ typicalCase: '６５歳男性（健康保険被保険者本人）、早期胃がん（cT1N0M0）、入院日数１０日、縮小胃切除術を施行した症例', insurerShare: '830,936円', copayment: '207,734円' });
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message).toContain('「６５歳男性（健康保険被保険者本人）');
    expect(f[0]?.message).toContain('一部負担金「207,734円」');
    expect(f[0]?.message).toContain('20％');
    expect(f[0]?.message).toContain('3割（311,601円）');
  });

  it('warns for a 1割 一部負担金 of a 58歳', () => {
    expect(share({ typicalCase: '５８歳女性、早期胃癌。', insurerShare: '934,803円', copayment: '103,867円' })).toHaveLength(1);
  });

  it.each([
    ['3割 exactly (the sample, 65歳)', {}],
    ['高額療養費 named in the typical case', { typicalCase: '62歳男性、入院日数10日。一部負担金は高額療養費制度の適用後の自己負担限度額とした。', insurerShare: '951,240円', copayment: '87,430円' }],
    ['a 72歳 本人 with 2割 (70～74歳)', { typicalCase: '72歳男性、入院日数10日。', insurerShare: '830,936円', copayment: '207,734円' }],
    ['a 76歳 computed as 「その他」 (後期高齢者 1割)', { typicalCase: '７６歳男性。', insuredBasis: 'その他', insuredBasisNote: '後期高齢者（１割負担）として算定した。', insurerShare: '934,803円', copayment: '103,867円' }],
    ['no age in the typical case', { typicalCase: '早期胃がんの男性、入院日数10日。', insurerShare: '830,936円', copayment: '207,734円' }],
    ['「70歳前後」 is not an age', { typicalCase: '70歳前後の男性、入院日数10日。', insurerShare: '830,936円', copayment: '207,734円' }],
  ])('is silent: %s', (_name, answers) => {
    expect(share(answers).map((f) => f.message)).toEqual([]);
  });
});
