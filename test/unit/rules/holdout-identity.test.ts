/**
 * Issue 16, round 2 (held-out passages of tester A): R-ID-2 reads the 適応症 restated in the 告示's own
 * shape 「早期胃がん（…に限る。）」 anywhere in 様式第3号・第5号 prose, without the word 適応症, and
 * after 「対象は」「対象とする疾患は」. The stored 適応症 is 「早期胃がん（術前診断でcT1N0M0のものに限る。）」.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../helpers/rules';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const STORED = '早期胃がん（術前診断でcT1N0M0のものに限る。）';

const rid2 = (doc: string, field: string, text: string) => findingsOf({ forms: { [doc]: { [field]: text } } }, 'R-ID-2');

describe('R-ID-2: the 告示 shape restated with another limit', () => {
  it('h-a-y5-ind-f1 「本技術は早期胃がん（…cT1N0M0又はcT1N1M0のものに限る。）を対象とする」: a warning quoting the sentence, the typed limit and the stored 適応症', () => {
    const hits = rid2(Y5, 'advancement', '本技術は早期胃がん（術前診断でcT1N0M0又はcT1N1M0のものに限る。）を対象とする。胃がんは年間約12万人が罹患する。');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.severity).toBe('warning');
    expect(hits[0]?.message).toContain('という文');
    expect(hits[0]?.message).toContain('「本技術は早期胃がん（術前診断でcT1N0M0又はcT1N1M0のものに限る。）を対象とする」');
    expect(hits[0]?.message).toContain(`案件の適応症「${STORED}」`);
    expect(hits[0]?.locations.map((l) => `${l.doc} ${l.field ?? ''}`)).toEqual([`${Y5} advancement`, 'project indication']);
  });

  it('h-a-y5-ind-f2 「対象は早期胃がん（内視鏡的切除の適応外のものに限る。）とし」: one warning (not one per reading)', () => {
    const hits = rid2(Y5, 'lead', '対象は早期胃がん（内視鏡的切除の適応外のものに限る。）とし、ICG蛍光法でセンチネルリンパ節を同定して切除範囲を決める。');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toContain('適応症を「早期胃がん（内視鏡的切除の適応外のものに限る。）」');
  });

  it('「早期胃癌（…又はcT2N0M0のものに限る）の患者を対象として」 in 様式第3号: a warning', () => {
    expect(rid2(Y3, 'efficacy', '本試験では、早期胃癌（術前診断でcT1N0M0又はcT2N0M0のものに限る）の患者を対象として、同定率を評価する。')).toHaveLength(1);
  });

  it('「対象とする疾患は早期胃がん（腫瘍径２cm以下のものに限る。）であり」: a warning', () => {
    expect(rid2(Y5, 'advancement', '本技術が対象とする疾患は早期胃がん（腫瘍径２cm以下のものに限る。）であり、年間約６万人が該当する。')).toHaveLength(1);
  });

  it('「対象は、早期胃がん（…、かつ７５歳以上のもの）。」: a warning', () => {
    expect(rid2(Y5, 'lead', '対象は、早期胃がん（術前診断でcT1N0M0、かつ７５歳以上のもの）。\n手術時にセンチネルリンパ節を同定する。')).toHaveLength(1);
  });

  it('「適応症：早期胃がん（…3cm以下のものに限る。）」 is read once, not twice', () => {
    expect(rid2(Y3, 'eligibility', '適応症：早期胃がん（術前診断でcT1N0M0、かつ腫瘍径3cm以下のものに限る。）\n選択基準：20歳以上の患者。')).toHaveLength(1);
  });
});

describe('R-ID-2: silent on look-alikes', () => {
  const silent: ReadonlyArray<readonly [string, string, string, string]> = [
    ['the same limit in the 告示 shape (full-width code)', Y3, 'efficacy', '本試験は、早期胃がん（術前診断でｃＴ１Ｎ０Ｍ０のものに限る。）の患者を対象に、縮小手術の有効性を評価する。'],
    ['the same limit after 「対象は」', Y5, 'lead', `対象は${STORED}とし、センチネルリンパ節を同定する。`],
    ['the disease without brackets in an ordinary sentence', Y5, 'advancement', '早期胃がんに対する標準治療は胃切除術とリンパ節郭清である。'],
    ['「対象は」 naming the disease without a limit', Y5, 'outline', '本試験の対象は早期胃がん患者であり、３施設で実施する。'],
    ['「対象は」 followed by patients, not a disease', Y5, 'advancement', '本試験の対象は、術前診断で早期胃がんとされた20歳以上80歳以下の患者である。'],
    ['another disease with its own 「に限る」', Y5, 'advancement', '進行胃がん（cT2以深のものに限る。）は定型手術の対象であり、本技術の対象とはしない。'],
    ['a prior study\'s patients', Y3, 'efficacy', '当院の先行研究では、早期胃がん（cT1N0M0又はcT1N1M0のものに限る。）を対象として同定率を検討した。'],
    ['a future widening', Y5, 'effect', '将来は早期胃がん（cT1N1M0のものに限る。）への適応拡大を目指す。'],
    ['a longer disease name ending in the same words', Y5, 'advancement', '残胃早期胃がん（cT1N1M0のものに限る。）は本邦では稀である。'],
    ['brackets that do not limit (「に限る」 absent)', Y5, 'advancement', '早期胃がん（EGC）は検診で多く発見される。'],
  ];
  for (const [name, doc, field, text] of silent) {
    it(name, () => {
      expect(rid2(doc, field, text).map((f) => f.message)).toEqual([]);
    });
  }
});
