/**
 * Issue 16: R-ID-2 reads the 適応症 restated in 様式第5号's and 様式第3号's prose. The sample's 適応症
 * is 「早期胃がん（術前診断でcT1N0M0のものに限る。）」; a sentence that states the 適応症 with another
 * limit is a warning naming the sentence, the typed phrase and the stored 適応症. The same wording
 * typed another way, a sentence that only mentions the disease, and the 選択基準 are left alone.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../helpers/rules';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const STORED = '早期胃がん（術前診断でcT1N0M0のものに限る。）';

const rid2 = (doc: string, field: string, text: string) => findingsOf({ forms: { [doc]: { [field]: text } } }, 'R-ID-2');

describe('R-ID-2: the 適応症 restated in prose with another limit', () => {
  it('「本技術の適応症は切除可能な早期胃がんである」 in 様式第5号: a warning quoting the sentence, the phrase and the stored 適応症', () => {
    const hits = rid2(Y5, 'advancement', '胃がんは年間約12万人が罹患する。本技術の適応症は切除可能な早期胃がんである。標準治療は胃切除術である。');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.severity).toBe('warning');
    expect(hits[0]?.message).toContain('「本技術の適応症は切除可能な早期胃がんである」という文');
    expect(hits[0]?.message).toContain('適応症を「切除可能な早期胃がん」');
    expect(hits[0]?.message).toContain(`「${STORED}」`);
    expect(hits[0]?.locations.map((l) => `${l.doc} ${l.field ?? ''}`)).toEqual([`${Y5} advancement`, 'project indication']);
  });

  it('「対象疾患は…（cT1-2N0M0のもの）であり」 in 様式第3号: a warning', () => {
    expect(rid2(Y3, 'efficacy', '対象疾患は早期胃がん（術前診断でcT1-2N0M0のもの）であり、生活の質の維持が期待される。')).toHaveLength(1);
  });

  it('the limit left out (「適応症は早期胃がんである」): a warning', () => {
    expect(rid2(Y5, 'outline', '本技術の適応症は早期胃がんである。')).toHaveLength(1);
  });

  it('「適応症：」 heading a 3cm limit the stored 適応症 does not have: a warning', () => {
    expect(rid2(Y3, 'eligibility', '適応症：早期胃がん（術前診断でcT1N0M0、かつ腫瘍径3cm以下のものに限る。）\n選択基準：20歳以上の患者。')).toHaveLength(1);
  });
});

describe('R-ID-2: silent on the same 適応症 and on sentences that do not state it', () => {
  const silent: ReadonlyArray<readonly [string, string, string, string]> = [
    ['in 「」 with its final 。', Y5, 'advancement', `本技術の適応症は「${STORED}」である。`],
    ['full-width letters, spaces, 「癌」, no 。', Y3, 'efficacy', '適応症：早期胃癌（術前診断で ｃＴ１Ｎ０Ｍ０ のものに限る）\n生活の質の維持が期待される。'],
    ['the same limit in other words', Y5, 'outline', '本技術の適応症は早期胃がんのうち、術前診断でcT1N0M0のものである。'],
    ['です-style', Y5, 'effect', `対象疾患は、${STORED}です。`],
    ['a sentence that only mentions the disease', Y5, 'advancement', '本邦では早期胃がんの発見が増えており、切除可能な症例が多い。'],
    ['the 選択基準 restating the limit', Y3, 'eligibility', '選択基準：①術前の内視鏡検査及びCTでcT1N0M0と診断された早期胃がんの患者 ②20歳以上80歳以下'],
    ['「適応症は…記載のとおり」 (no disease named)', Y3, 'efficacy', '適応症は、届出書に記載のとおりである。'],
  ];
  for (const [name, doc, field, text] of silent) {
    it(name, () => {
      expect(rid2(doc, field, text).map((f) => f.message)).toEqual([]);
    });
  }
});
