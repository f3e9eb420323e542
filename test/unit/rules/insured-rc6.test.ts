/**
 * R-C-6 on 様式第6号 as coordinators type it (issue 16): 点数 and 回数 written 「64,120点×1回」「×3」
 * 「10日間」「1,650点/日」 read (and print as typed); lumps such as 「入院料等（10日分）」「血液検査一式」 are said to be lumps; an
 * 一部負担金 rounded to 10円 is not a mismatch; the 被保険者区分 and its explanation agree.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../shared/document/model';
import { yoshiki6 } from '../../../shared/forms/besshi1/yoshiki6';
import { insuredTotal, lumpOf, readCount, stayDays } from '../../../shared/forms/besshi1/yoshiki6/insured-items';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { sampleFacts } from '../../../shared/samples/sample';
import { findingsOf } from '../../helpers/rules';
import { loadSample } from '../../helpers/sample';

const Y6 = 'besshi1/yoshiki6';
const rc6 = (answers: Readonly<Record<string, unknown>>) => findingsOf({ forms: { [Y6]: answers } }, 'R-C-6');
const row = (points: string, times: string) => ({ part: '手術', item: 'K936 自動縫合器加算', points, times });

describe('R-C-6 reads 点数 and 回数 the way they are typed', () => {
  it('counts 「×3」「×３回」「10日間」「１０日間」 as 回数 and reads 「1,650点/日」「450点／日」 as 点数', () => {
    expect(insuredTotal([row('2,500点', '×3')]).points).toBe(7_500);
    expect(insuredTotal([row('2,500点', '×３回')]).points).toBe(7_500);
    expect(insuredTotal([row('1,650点', '10日間')]).points).toBe(16_500);
    expect(insuredTotal([row('1,650点', '１０日間')]).points).toBe(16_500);
    expect(readCount('1,650点/日', '点数')).toEqual({ ok: true, value: 1650 });
    expect(readCount('450点／日', '点数')).toEqual({ ok: true, value: 450 });
  });

  it('still does not read 「約1,000点」, 「包括」 or 「1.650点」', () => {
    for (const typed of ['約1,000点', '包括', '1.650点']) expect(readCount(typed, '点数').ok, typed).toBe(false);
  });

  it('takes the count written in the 点数 cell (「2,500点×3回」) once, whether the 回数 cell is blank or says the same', () => {
    expect(insuredTotal([row('2,500点×3回', '')]).points).toBe(7_500);
    expect(insuredTotal([row('2,500点×3回', '3回')]).points).toBe(7_500);
    expect(insuredTotal([row('64,120点×1回', '1回')]).points).toBe(64_120);
  });

  it('prints 「10日間」 and 「×3」 as typed, with the 小計 they count to', () => {
    const rows = [{ part: '入院', item: 'A100 急性期一般入院料1', points: '1,650点', times: '10日間' }, row('2,500点', '×3')];
    const text = documentText({ title: 't', margins: FORM_MARGINS, sections: [yoshiki6.build(sampleFacts(loadSample()), { ...yoshiki6.empty(), insuredRows: rows })] });
    for (const s of ['10日間', '×3', '16,500点', '7,500点', '24,000点']) expect(text).toContain(s);
    expect(text).not.toContain('10回');
  });

  it('says so when the 点数 cell and the 回数 cell give different counts, and sums nothing', () => {
    const t = insuredTotal([row('2,500点×3回', '1回')]);
    expect(t.points).toBeUndefined();
    expect(t.lines[0]?.problems.join('')).toContain('「×3回」と回数「1回」が異なります');
  });
});

describe('R-C-6 names a row that lumps several 点数 together (記載要領 第6(4))', () => {
  it('knows a 部 with a note after it (「入院料等（10日分）」) and a bundle (「血液検査一式」), not an item with its note', () => {
    expect(lumpOf('入院料等（10日分）')).toBe('part');
    expect(lumpOf('検査（一式）')).toBe('part');
    expect(lumpOf('血液検査一式')).toBe('bundle');
    expect(lumpOf('N000 病理組織標本作製（1臓器につき）')).toBeUndefined();
    expect(lumpOf('K936 自動縫合器加算（3個）')).toBeUndefined();
  });

  it('warns at the row of 「血液検査一式」, quoting it', () => {
    const hits = rc6({ insuredRows: [{ part: '検査', item: '血液検査一式', points: '124点', times: '4回' }], insurerShare: 3_472, copayment: 1_488 });
    expect(hits).toMatchObject([{ severity: 'warning', locations: [{ doc: Y6, field: 'insuredRows', row: 0 }] }]);
    expect(hits[0]?.message).toContain('「血液検査一式」は複数の点数をまとめた行です');
  });
});

describe('R-C-6 compares 合計点数×10円 with 保険者負担＋一部負担金 as the law rounds them', () => {
  it('is silent on an 一部負担金 rounded to 10円 (311,601円 → 311,600円, 健康保険法 第75条)', () => {
    expect(rc6({ copayment: '311,600円' })).toEqual([]);
  });

  it('fires when a multiple of 10円 is further off than the rounding, quoting the typed amount and the 合計', () => {
    const hits = rc6({ copayment: '311,610円' });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toContain('一部負担金「311,610円」');
    expect(hits[0]?.message).toContain('103,867点＝1,038,670円');
    expect(hits[0]?.message).toContain('差 9円');
  });

  it('says how to type an amount the printed 合計 cannot read (「約72万円」), and reads 「72万7,069円」', () => {
    expect(rc6({ insurerShare: '72万7,069円' })).toEqual([]);
    const hits = rc6({ insurerShare: '約72万円' });
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('「約72万円」') as unknown]);
    expect(hits[0]?.message).toContain('「727,069円」のように入力してください');
  });
});

describe('R-C-6: the 被保険者区分 and its explanation say the same thing (記載要領 第6(3))', () => {
  it('fires when 「健康保険被保険者本人」 is chosen but the explanation computes a 後期高齢者, quoting the word', () => {
    const hits = rc6({ insuredBasisNote: '後期高齢者医療制度の被保険者（１割負担）として算定した。' });
    expect(hits).toMatchObject([{ severity: 'error', locations: [{ doc: Y6, field: 'insuredBasis' }, { doc: Y6, field: 'insuredBasisNote' }] }]);
    expect(hits[0]?.message).toContain('「後期高齢者」');
  });

  it('fires when 「その他」 is chosen but the explanation says 本人', () => {
    const hits = rc6({ insuredBasis: 'その他', insuredBasisNote: '健康保険被保険者本人として算定した。' });
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('「健康保険被保険者本人として算定した。」') as unknown]);
  });

  it('is silent when 本人 is explained as 本人 (「７０歳未満、３割負担」) and when 「その他」 names the 被扶養者', () => {
    expect(rc6({ insuredBasisNote: '健康保険被保険者本人（７０歳未満、３割負担）として算定した。' })).toEqual([]);
    expect(rc6({ insuredBasis: 'その他', insuredBasisNote: '健康保険の被扶養者（家族、３割負担）として算定した。' })).toEqual([]);
  });
});

describe('R-C-6: the 典型的な症例\u2019s 入院日数 is the stay the 内訳 bills (記載要領 第6(2)(4))', () => {
  it('counts the days of the 入院料 rows, a stay split between wards included, not their 加算', () => {
    const sample = loadSample().forms.get(Y6)?.insuredRows as Parameters<typeof stayDays>[0];
    expect(stayDays(sample)).toBe(10);
    expect(stayDays([{ part: '入院', item: 'A301 特定集中治療室管理料3', points: '9,697点', times: '2日' }, { part: '入院', item: 'A100 急性期一般入院料1', points: '1,650点', times: '8日間' }, { part: '入院', item: 'A100 注3 14日以内の期間の加算', points: '450点', times: '10日' }])).toBe(10);
    expect(stayDays([row('2,500点', '3回')])).toBeUndefined();
  });

  it('fires when the 典型的な症例 says 入院日数14日 and the 入院料 rows bill 10日, quoting the sentence', () => {
    const hits = rc6({ typicalCase: '72歳男性、早期胃がん（cT1N0M0）。入院日数14日（術前2日、術後12日）を想定した。' });
    expect(hits).toMatchObject([{ severity: 'warning', locations: [{ doc: Y6, field: 'typicalCase' }, { doc: Y6, field: 'insuredRows' }] }]);
    expect(hits[0]?.message).toContain('「入院日数14日（術前2日、術後12日）を想定した」という文の「入院日数14日」');
    expect(hits[0]?.message).toContain('（10日）');
  });

  it('is silent on 「9泊10日」, on 「入院2日目に手術」 and on 「約2週間」', () => {
    for (const typicalCase of ['63歳男性、9泊10日の入院。', '入院2日目に手術を行い、術後8日目に退院した症例。', '入院期間はおおむね2週間以内。']) expect(rc6({ typicalCase }), typicalCase).toEqual([]);
  });
});
