/**
 * R-C-1 on real prose (issue 16): the total introduced by 「費用の総額は」「費用の合計は」 is compared
 * with the 積算, sums of parts (「保険外併用療養費の合計」「人件費の合計」) and estimates are not; the
 * 備考 of 様式第7-1号・第7-2号 and all of 様式第5号 are read; the message names the sentence.
 */
import { describe, expect, test } from 'vitest';
import { checkSubmission } from '../../../shared/rules';
import { planUnify } from '../../../shared/rules/agreement';
import { text } from '../../../shared/rules/submission';
import { findingsOf, sampleWith } from '../../helpers/rules';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const Y71 = 'besshi1/yoshiki7-1';
const Y72 = 'besshi1/yoshiki7-2';

/** The sample's 積算: 44,384円. */
const TOTAL = sampleWith().facts.cost.total;

const rc1 = (forms: Readonly<Record<string, Readonly<Record<string, unknown>>>>) => findingsOf({ forms }, 'R-C-1');

test('the sample’s 積算 is the 44,384円 the passages below restate', () => {
  expect(TOTAL).toBe(44_384);
});

describe('R-C-1: 「費用の総額は」「費用の合計は」 state the total', () => {
  const wrong: ReadonlyArray<readonly [string, string, string]> = [
    ['先進医療にかかる費用の総額は', '先進医療にかかる費用の総額は45,384円（1症例当たり）であり、患者に全額を請求する。', '45,384円'],
    ['費用の合計は', '内訳は様式第7-1号のとおりであり、費用の合計は４万３，３８４円となる。', '４万３，３８４円'],
    ['１症例当たりの費用の合計は', '１症例当たりの費用の合計は¥44,834である。', '¥44,834'],
    ['保険外併用療養費の合計の後の費用の合計', '保険外併用療養費の合計は1,038,670円、先進医療にかかる費用の合計は44,834円である。', '44,834円'],
  ];
  for (const [name, costText, typed] of wrong) {
    test(`${name}: a wrong total is an error that quotes the amount and its sentence`, () => {
      const found = rc1({ [Y5]: { costText } });
      expect(found.map((f) => f.severity)).toEqual(['error']);
      expect(found[0]?.message).toContain(`「${typed}」`);
      expect(found[0]?.message).toContain('44,384円');
      expect(found[0]?.message).toMatch(/「[^」]*」という文/);
    });
  }

  const silent: ReadonlyArray<readonly [string, string]> = [
    ['the right total after 「費用の総額は」', '先進医療にかかる費用の総額は４４，３８４円である。'],
    ['「保険外併用療養費の合計」 and 「人件費の合計」', '保険外併用療養費の合計は1,038,670円である。人件費の合計は22,000円、先進医療にかかる費用は44,384円である。'],
    ['a 内訳 sum line', '（内訳）\n医療機器使用料　17,000円\n人件費　22,000円\n医療材料・医薬品費　5,384円\n合計　44,384円'],
    ['an estimate after the amount (程度)', '費用は1症例当たり4万円程度を見込んでいる。'],
    ['a range (～)', 'なお、追加の病理検査を要する場合、費用は45,000円～50,000円となる見込みである。'],
    ['a 検査費用 (a part, insured)', '術後の経過観察で行う検査費用は3,000円（保険診療）である。'],
    ['a device’s price (「…システムの費用は」)', '蛍光観察用腹腔鏡システムの費用は25,000,000円であり、5年で償却する。'],
    ['one session of two (「1回当たりの費用は」)', '1回当たりの費用は22,192円であり、2回実施するため先進医療にかかる費用は1症例当たり44,384円となる。'],
    ['the insured patient share after the 先進医療 cost', '先進医療にかかる費用44,384円は患者負担とし、保険診療分の患者負担（3割）は311,601円となる。'],
  ];
  for (const [name, costText] of silent) {
    test(`silent: ${name}`, () => {
      expect(rc1({ [Y5]: { costText } }).map((f) => f.message)).toEqual([]);
    });
  }
});

describe('R-C-1 reads all of 様式第5号 and the 備考 of 様式第7-1号・第7-2号', () => {
  test('様式第5号 先進性: this technology’s cost is compared, 従来法’s is not', () => {
    expect(rc1({ [Y5]: { advancement: '従来の開腹手術の費用は入院を含め1,200,000円を超え、術後の回復にも時間を要する。' } })).toEqual([]);
    expect(rc1({ [Y5]: { advancement: '従来法（PET-CT）の費用は1回約10万円であるのに対し、本技術の費用は1症例当たり44,384円である。' } })).toEqual([]);
    const found = rc1({ [Y5]: { advancement: '本技術にかかる費用は1症例当たり4万8,384円であり、従来法より安価である。' } });
    expect(found.map((f) => f.locations[0]?.field)).toEqual(['advancement']);
  });

  test('様式第7-1号 and 第7-2号 備考: 「費用の総額は」 with a wrong amount is an error at the 備考', () => {
    for (const doc of [Y71, Y72]) {
      const found = rc1({ [doc]: { notes: '本積算は1症例当たりの費用であり、先進医療にかかる費用の総額は45,384円となる。' } });
      expect(found.map((f) => [f.locations[0]?.doc, f.locations[0]?.field]), doc).toEqual([[doc, 'notes']]);
    }
    expect(rc1({ [Y71]: { notes: '人件費の合計は22,000円である。先進医療にかかる費用の総額は44,384円となる。' } })).toEqual([]);
  });

  test('「この値に統一」 rewrites the typed amounts in 様式第3号, 第5号 and the 7-1号 備考 in their own style', () => {
    const change = { forms: { [Y3]: { patientBurden: '費用（¥45,000）は全額患者負担。' }, [Y5]: { costText: '費用の合計は４５，０００円である。' }, [Y71]: { notes: '先進医療にかかる費用の総額は45,000円となる。' } } };
    const s = sampleWith(change);
    const agreement = checkSubmission(s).find((f) => f.ruleId === 'R-C-1')?.agreement;
    const model = agreement?.places.find((p) => !p.span);
    if (!agreement || !model) throw new Error('no agreement');
    expect(agreement.places.map((p) => p.location.doc)).toEqual(['cost', Y3, Y5, Y71]);
    const plan = planUnify(agreement, model, (doc, field) => text(s, doc, field));
    expect(plan.edits.map((e) => e.after)).toEqual(['費用（¥44,384）は全額患者負担。', '費用の合計は４４，３８４円である。', '先進医療にかかる費用の総額は44,384円となる。']);
    const fixed = sampleWith({ forms: Object.fromEntries(plan.edits.map((e) => [e.doc, { [e.field]: e.after }])) });
    expect(checkSubmission(fixed).filter((f) => f.ruleId === 'R-C-1')).toEqual([]);
  });
});
