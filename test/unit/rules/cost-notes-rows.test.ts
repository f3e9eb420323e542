/**
 * R-C-2, R-C-3, R-C-4 on the 備考 of 様式第7-1号・第7-2号 (issue 16, held-out h-b-y7-14/15/19): a note that
 * restates a 積算 row's figure (記載要領 第7(2)(3)) must say what the 積算 says. The sample's 積算: 蛍光観察用
 * 腹腔鏡システム 1回償却費15,000円 (25,000,000円−2,500,000円, 5年, 300回); 看護師 4,000円／時間 × 60分;
 * 内視鏡用局注針 3,500円 × 1.
 */
import { describe, expect, it } from 'vitest';
import { noteHits, type NotePart } from '../../../shared/rules/catalog/cost-notes';
import { sampleWith } from '../../helpers/rules';

const Y71 = 'besshi1/yoshiki7-1';
const Y72 = 'besshi1/yoshiki7-2';
const hits = (notes: string, part: NotePart, doc = Y72) => noteHits(sampleWith({ forms: { [doc]: { notes } } }), part);
const all = (notes: string, doc = Y72) => (['equipment', 'staff', 'materials'] as const).flatMap((p) => hits(notes, p, doc));

describe('a 備考 that restates a 積算 row with another amount', () => {
  it('R-C-3: 「看護師は１時間当たり４，５００円」 while the 積算 has 4,000円／時間 — quotes the sentence, the typed amount and the 積算', () => {
    const h = hits('人件費の単価は当院の給与規程による。医師・病理医は１時間当たり１２，０００円、看護師は１時間当たり４，５００円とした。', 'staff');
    expect(h).toHaveLength(1);
    expect(h[0]?.message).toContain('「医師・病理医は１時間当たり１２，０００円、看護師は１時間当たり４，５００円とした」という文');
    expect(h[0]?.message).toContain('「４，５００円」');
    expect(h[0]?.message).toContain('「看護師」は単価4,000円／時間');
    expect(h[0]?.locations).toEqual([expect.objectContaining({ doc: Y72, field: 'notes' }), expect.objectContaining({ doc: 'cost', field: 'staff', row: 2 })]);
  });

  it('R-C-2: 「１回償却費は１５，５００円」 while the 積算 computes 15,000円', () => {
    const h = hits('蛍光観察用腹腔鏡システムの１回償却費は１５，５００円（購入価格２，５００万円、残存価格２５０万円、耐用年数５年、年間３００回）。', 'equipment');
    expect(h.map((x) => x.message)).toEqual([expect.stringContaining('「１５，５００円」とありますが、費用の積算の医療機器使用料「蛍光観察用腹腔鏡システム」は1回償却費15,000円です') as unknown]);
  });

  it('R-C-2: a 購入価格 typed with 万 (「７００万円で購入」) while the 積算 has 6,000,000円', () => {
    expect(hits('術中迅速病理標本作製装置は令和５年１０月に７００万円で購入した。', 'equipment').map((x) => x.message)).toEqual([expect.stringContaining('購入価格6,000,000円') as unknown]);
  });

  it('R-C-4: 「内視鏡用局注針は１本（３，８００円）」 while the 積算 has 3,500円', () => {
    const h = hits('インドシアニングリーンは１症例当たり１バイアル（１，８８４円）、内視鏡用局注針は１本（３，８００円）を使用する。', 'materials', Y71);
    expect(h.map((x) => x.message)).toEqual([expect.stringContaining('「３，８００円」とありますが、費用の積算の医療材料・医薬品費「内視鏡用局注針」は単価3,500円') as unknown]);
    expect(h[0]?.locations[0]).toEqual(expect.objectContaining({ doc: Y71, field: 'notes' }));
  });

  it('R-C-4: a figure named in the next clause of the sentence (「…は１瓶を使用し、院内購入単価は2,100円」)', () => {
    expect(hits('インドシアニングリーン注射用25mgは1症例当たり1瓶を使用し、院内購入単価は2,100円である。', 'materials', Y71).map((x) => x.message)).toEqual([expect.stringContaining('単価1,884円') as unknown]);
  });

  it('each part reports only its own rows', () => {
    const notes = '看護師は１時間当たり４，５００円とした。';
    expect(hits(notes, 'equipment')).toEqual([]);
    expect(hits(notes, 'materials')).toEqual([]);
  });
});

describe('a 備考 that agrees with the 積算, or whose amount is not one row\'s figure, is not flagged', () => {
  it.each([
    ['the same figures in other words', '蛍光観察用腹腔鏡システムは２，５００万円で購入し、残存価格２５０万円、耐用年数５年、年間３００回として１回償却費１５，０００円を計上した。'],
    ['a 年間償却費 and a per-minute price of an hourly row', '蛍光観察用腹腔鏡システムの年間償却費は４５０万円。看護師は１分当たり６７円で計算した。'],
    ['a bullet list 「・医師、病理医：」 naming two rows at once', '・医師、病理医：１時間当たり１３，０００円\n・看護師：１時間当たり４，０００円'],
    ['two rows in one clause (a sum)', '医師・看護師の人件費は計１６，０００円である。'],
    ['an estimate and a range', '内視鏡用局注針は製品により約３，０００～４，０００円である。'],
    ['a share of the price', '蛍光観察用腹腔鏡システムは購入価格の１０％（２５０万円）を残存価格とした。'],
    ['another price (薬価) than the 積算 uses', 'インドシアニングリーン注射用25mgの薬価は２，３５０円であるが、院内の購入価格１，８８４円で積算した。'],
    ['a cost the 積算 leaves out (保守)', '蛍光観察用腹腔鏡システムの保守契約費（年額１２０万円）は、本積算には含めていない。'],
    ['a part total that includes the row', 'インドシアニングリーンを含む医療材料・医薬品費は５，３８４円である。'],
    ['a former price', '看護師の単価は４，５００円ではなく４，０００円とした。'],
    ['the unit price times a stated count', '内視鏡用局注針は２本で７，０００円となる。'],
    ['a 職種 inside a longer one (歯科医師 is not 医師)', '歯科医師の単価は１時間当たり１５，０００円とした。'],
    ['an amount before the name', '４，５００円の夜勤手当は看護師には支給しない。'],
  ])('%s', (_name, notes) => {
    expect(all(notes).map((h) => h.message)).toEqual([]);
  });

  it('a name that is not the topic of the next clause (「腹腔内投与は…で、薬剤費は」 does not speak of 腹腔内投与用輸液セット)', () => {
    const set = { id: 'm3', name: '腹腔内投与用輸液セット', unitPrice: 1_200, quantity: 6, kind: 'material' as const };
    const s = sampleWith({ cost: (c) => ({ ...c, materials: [...c.materials, set] }), forms: { [Y72]: { notes: '腹腔内投与は１症例当たり６回で、薬剤費は９，１８０円となる。' } } });
    expect(noteHits(s, 'materials')).toEqual([]);
    const named = sampleWith({ cost: (c) => ({ ...c, materials: [...c.materials, set] }), forms: { [Y72]: { notes: '腹腔内投与用輸液セットの単価は、納入価格から１，５００円とした。' } } });
    expect(noteHits(named, 'materials').map((h) => h.message)).toEqual([expect.stringContaining('「１，５００円」') as unknown]);
  });
});
