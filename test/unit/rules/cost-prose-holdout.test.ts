/**
 * R-C-1 and R-C-5 on the shapes the held-out testers wrote (issue 16, round 2): an amount before its
 * verb (「患者には20,000円を請求する」) and a label after it (「24,384円（医療機関負担額）」) are said of
 * that party; what the patient pays, when the patient pays all, is the 先進医療にかかる費用 (R-C-1);
 * an amount nothing names in the field that states the cost, a bare 「合計」 closing a 内訳 of the
 * cost, 「４万５３８４円」 and 「¥44,834-」 are read and compared.
 */
import { describe, expect, test } from 'vitest';
import type { CostModel } from '../../../shared/cost/model';
import { checkSubmission } from '../../../shared/rules';
import { planUnify } from '../../../shared/rules/agreement';
import { costFactOf } from '../../../shared/rules/catalog/cost';
import { findYen, formatYenLike, replaceSpans } from '../../../shared/rules/extract';
import { text } from '../../../shared/rules/submission';
import { findingsOf, sampleWith } from '../../helpers/rules';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const Y71 = 'besshi1/yoshiki7-1';
const Y72 = 'besshi1/yoshiki7-2';

type Forms = Readonly<Record<string, Readonly<Record<string, unknown>>>>;
const pays = (patientPays: CostModel['patientPays']) => (c: CostModel): CostModel => ({ ...c, patientPays });
/** The sample's 44,384円, all charged to the patient. */
const ALL = pays({ mode: 'all' });
/** 20,000円 to the patient, 24,384円 borne by the institution. */
const PART = pays({ mode: 'part', patientCharge: 20_000 });
const Y3_PART = '先進医療にかかる費用44,384円のうち20,000円を患者に請求し、残りの24,384円は研究費で負担する。';

const rules = (forms: Forms, cost = ALL) => findingsOf({ cost, forms }).filter((f) => f.ruleId === 'R-C-1' || f.ruleId === 'R-C-5');
const ids = (forms: Forms, cost = ALL) => rules(forms, cost).map((f) => f.ruleId);

describe('findYen reads 万 followed by four digits or by 千 (and writes them back in that style)', () => {
  test.each([
    ['費用は４万５３８４円である', 45_384, '４万４３８４円'],
    ['費用は4万5,384円である', 45_384, '4万4,384円'],
    ['費用は４万５千３８４円である', 45_384, '４万４千３８４円'],
    ['費用は4万5千円である', 45_000, '4万4千384円'],
    ['費用は５万４３８４円（税込）', 54_384, '４万４３８４円'],
  ])('%s → %i, rewritten as %s', (s, value, rewritten) => {
    const found = findYen(s);
    expect(found.map((f) => f.value)).toEqual([value]);
    const [f] = found;
    expect(f && formatYenLike(f.text, 44_384)).toBe(rewritten);
  });

  test('no stray 「３８４円」 is read out of 「４万５３８４円」, and five digits after 万 are not an amount', () => {
    expect(findYen('先進医療にかかる費用は４万５３８４円とする。').map((f) => f.text)).toEqual(['４万５３８４円']);
    expect(findYen('費用は４万４３８４５円')).toEqual([]);
  });

  test('「¥44,834-」: the amount is read, and its span stops before the hyphen', () => {
    const s = '患者負担額　¥44,834-（1症例当たり）';
    const [f] = findYen(s);
    expect(f?.value).toBe(44_834);
    expect(f && replaceSpans(s, [{ start: f.start, end: f.end, text: formatYenLike(f.text, 44_384) }])).toBe('患者負担額　¥44,384-（1症例当たり）');
  });
});

describe('costFactOf: whose an amount is, from the words after it', () => {
  const factOf = (sentence: string, amount: string) => {
    const all = findYen(sentence);
    const i = all.findIndex((f) => f.text === amount);
    const f = all[i];
    const previous = all[i - 1];
    if (!f) throw new Error(`no ${amount}`);
    return costFactOf(f, previous ? previous.end : 0, { field: sentence });
  };
  test.each([
    ['患者には２０，０００円を請求する', '２０，０００円', 'patient'],
    ['費用のうち２万円を患者の負担とし、２４，３８４円を研究費で負担する', '２万円', 'patient'],
    ['費用のうち２万円を患者の負担とし、２４，３８４円を研究費で負担する', '２４，３８４円', 'institution'],
    ['費用のうち24,384円は研究費で負担し（医療機関負担額）、患者には20,000円を請求する', '24,384円', 'institution'],
    ['費用のうち24,384円は研究費で負担し（医療機関負担額）、患者には20,000円を請求する', '20,000円', 'patient'],
    ['24,384円（医療機関負担額）、20,000円（患者負担額）', '20,000円', 'patient'],
    // A thing named right before the amount, the insured share, a bound, a condition: not the 先進医療's.
    ['駐車場代1,000円は患者負担となる', '1,000円', 'other'],
    ['保険診療分の一部負担金（311,601円）は患者が負担する', '311,601円', 'other'],
    ['高額療養費制度の自己負担限度額は80,100円である', '80,100円', 'other'],
    ['手術当日に中止した場合は、準備に要した22,000円を請求する', '22,000円', 'other'],
  ] as const)('%s: 「%s」 → %s', (sentence, amount, fact) => {
    expect(factOf(sentence, amount)).toBe(fact);
  });
});

describe('R-C-5: an amount before its verb, or with a label after it, is that party’s', () => {
  test('「…24,384円は研究費で負担し（医療機関負担額）、患者には20,000円を請求する」 agrees with a 20,000円 / 24,384円 split', () => {
    const costText = '費用のうち24,384円は研究費で負担し（医療機関負担額）、患者には20,000円を請求する。';
    expect(rules({ [Y3]: { patientBurden: Y3_PART }, [Y5]: { costText } }, PART).map((f) => f.message)).toEqual([]);
  });

  test('「２万円を患者の負担とし、２４，３８４円を当院の研究費で賄う」 agrees too', () => {
    const costText = '先進医療にかかる費用のうち、２万円を患者の負担とし、２４，３８４円を当院の研究費で賄う。';
    expect(rules({ [Y3]: { patientBurden: Y3_PART }, [Y5]: { costText } }, PART).map((f) => f.message)).toEqual([]);
  });

  test('「患者には２万５千円を請求し、残額は当院が負担する」 while the 積算 charges 20,000円: an error quoting the amount', () => {
    const found = rules({ [Y3]: { patientBurden: Y3_PART }, [Y5]: { costText: '先進医療にかかる費用のうち、患者には２万５千円を請求し、残額は当院が負担する。' } }, PART);
    expect(found.map((f) => [f.ruleId, f.locations[0]?.field])).toEqual([['R-C-5', 'costText']]);
    expect(found[0]?.message).toContain('「２万５千円」');
    expect(found[0]?.message).toContain('患者に請求する額は費用の積算では20,000円');
  });

  test('labels after the amounts, swapped (「２万円（医療機関負担額）」「２４，３８４円（患者負担額）」): errors on both', () => {
    const costText = '２万円（医療機関負担額）を研究費で賄い、患者には２４，３８４円（患者負担額）を請求する。';
    const found = rules({ [Y3]: { patientBurden: Y3_PART }, [Y5]: { costText } }, PART);
    expect(found.map((f) => f.ruleId)).toEqual(['R-C-5', 'R-C-5']);
    expect(found.map((f) => f.message).join('\n')).toMatch(/「２万円」.*医療機関が負担する額は費用の積算では24,384円/);
  });

  test('the 備考 of 様式第7-2号 is read the same way', () => {
    const found = rules({ [Y3]: { patientBurden: Y3_PART }, [Y5]: { costText: '患者に請求する額は20,000円、研究費で負担する額は24,384円である。' }, [Y72]: { notes: '１症例当たりの費用のうち、患者さんには３万円をご負担いただき、残りは当院の研究費で負担する。' } }, PART);
    expect(found.map((f) => [f.ruleId, f.locations[0]?.doc])).toEqual([['R-C-5', Y72]]);
  });

  test('silent: the insured share before 「は患者が負担する」 is not the 先進医療’s', () => {
    expect(ids({ [Y3]: { patientBurden: '先進医療にかかる費用（44,384円）は全額患者負担とする。保険診療分の一部負担金（311,601円、3割負担の場合）は患者が負担する。' } })).toEqual([]);
  });
});

describe('what the patient pays, when the patient pays all, is the 先進医療にかかる費用 (R-C-1, not R-C-5)', () => {
  for (const [where, forms, typed] of [
    ['「患者負担額：¥46,384」', { [Y3]: { patientBurden: '患者負担額：¥46,384（1症例当たり）\n保険診療分は通常の一部負担金となる。' } }, '¥46,384'],
    ['「先進医療に係る費用（患者負担額）は４４，３８０円」', { [Y3]: { patientBurden: '先進医療に係る費用（患者負担額）は一症例あたり４４，３８０円とする。' } }, '４４，３８０円'],
    ['「患者に請求する額は４万３，３８４円」', { [Y5]: { costText: '患者に請求する額は１症例当たり４万３，３８４円である。' } }, '４万３，３８４円'],
  ] as const) {
    test(`${where}: R-C-1 naming the amount and why it is the cost`, () => {
      const found = rules(forms);
      expect(found.map((f) => f.ruleId)).toEqual(['R-C-1']);
      expect(found[0]?.message).toContain(`「${typed}」`);
      expect(found[0]?.message).toContain('全額患者負担のため先進医療にかかる費用と同額');
      expect(found[0]?.message).toContain('44,384円');
    });
  }

  test('a real split stays R-C-5: the 積算 has the institution pay part', () => {
    expect(ids({ [Y3]: { patientBurden: Y3_PART }, [Y5]: { costText: '患者負担額：¥25,000（1症例当たり）' } }, PART)).toEqual(['R-C-5']);
  });

  test('the prose speaks of a split (「一部を研究費で負担し」) or states the cost beside it: R-C-5, not R-C-1', () => {
    expect([...new Set(ids({ [Y5]: { costText: '先進医療にかかる費用の一部を研究費で負担し、患者負担額は２万円とする。' } }))]).toEqual(['R-C-5']);
    expect(ids({ [Y5]: { costText: '先進医療にかかる費用：44,384円\n患者負担額：45,000円' } })).toEqual(['R-C-5']);
  });
});

describe('R-C-1: the field that states the cost (様式第5号 費用, 様式第3号(11)) — a bare amount is the total', () => {
  test('「¥43,384（1症例あたり、全額患者負担）」 and 「44,834円／症例」 are compared', () => {
    expect(ids({ [Y5]: { costText: '¥43,384（1症例あたり、全額患者負担）' } })).toEqual(['R-C-1']);
    expect(ids({ [Y3]: { patientBurden: '44,834円／症例（全額患者負担）。保険診療分は通常の一部負担金となる。' } })).toEqual(['R-C-1']);
  });

  test('silent: 内訳 items without a keyword, 「約」, the insured amount in brackets, a share', () => {
    const bullets = '（内訳）\n・17,000円（蛍光観察用腹腔鏡システムほか）\n・22,000円（医師・病理医・看護師）\n・5,384円（インドシアニングリーン・局注針）\n合計　44,384円（全額患者負担）';
    expect(ids({ [Y5]: { costText: bullets } })).toEqual([]);
    expect(ids({ [Y5]: { costText: '約４万４千円（１症例当たり）。正確な額は様式第7-1号のとおり。' } })).toEqual([]);
    expect(ids({ [Y5]: { costText: '1,038,670円（保険外併用療養費、1症例当たり）は保険診療として扱う。' } })).toEqual([]);
    expect(ids({ [Y3]: { patientBurden: Y3_PART }, [Y5]: { costText: '費用の一部（２万４，３８４円）を研究費で負担し、患者には２万円を請求する。' } }, PART)).toEqual([]);
  });

  test('a bare amount in a narrative field (様式第5号 先進性) is not the cost', () => {
    expect(ids({ [Y5]: { advancement: '¥1,200,000（開腹手術の入院費用の例）に比べて負担が小さい。' } })).toEqual([]);
  });
});

describe('R-C-1: a bare 「合計」 closing a 内訳 of the cost is the total', () => {
  test('「内訳：機器償却費17,000円、人件費22,000円、医療材料・医薬品費5,384円、合計43,384円」', () => {
    const found = rules({ [Y5]: { costText: '内訳：機器償却費17,000円、人件費22,000円、医療材料・医薬品費5,384円、合計43,384円。費用は患者負担とする。' } });
    expect(found.map((f) => f.ruleId)).toEqual(['R-C-1']);
    expect(found[0]?.message).toContain('「43,384円」');
  });

  test('lines of the 7-1号 備考, and 「…の合計43,384円」 right after the list', () => {
    expect(ids({ [Y71]: { notes: '（内訳）\n医療機器使用料：17,000円\n人件費：22,000円\n医療材料・医薬品費：5,384円\n合計：44,834円' } })).toEqual(['R-C-1']);
    expect(ids({ [Y3]: { patientBurden: '機器償却費17,000円・人件費22,000円・医療材料費5,384円の合計43,384円を全額患者負担とする。' } })).toEqual(['R-C-1']);
  });

  test('silent: 「人件費の合計」, the 合計 of one part’s items, the 合計 of the insured part', () => {
    expect(ids({ [Y5]: { costText: '先進医療にかかる費用は44,384円である。うち人件費の合計は22,000円（医師12,000円、病理医6,000円、看護師4,000円）。' } })).toEqual([]);
    expect(ids({ [Y71]: { notes: '医療材料・医薬品の内訳：インドシアニングリーン1,884円、局注針3,500円、合計5,384円。' } })).toEqual([]);
    expect(ids({ [Y5]: { costText: '保険診療分の内訳：入院料等210,000円、手術・麻酔等745,800円、検査・病理等82,870円、合計1,038,670円。' } })).toEqual([]);
  });
});

describe('R-C-1: 「４万５３８４円」 and 「¥44,834-」 are compared, and 「この値に統一」 rewrites only them', () => {
  test('both are errors; unifying on the 積算 keeps their style, the hyphen and everything around them', () => {
    const change = { cost: ALL, forms: { [Y5]: { costText: '先進医療にかかる費用は４万５３８４円であり、全額患者負担とする。' }, [Y3]: { patientBurden: '患者負担額　¥44,834-（1症例当たり）\n保険診療分は通常の一部負担金となる。' } } };
    const s = sampleWith(change);
    const found = checkSubmission(s).filter((f) => f.ruleId === 'R-C-1');
    expect(found).toHaveLength(2);
    const agreement = found[0]?.agreement;
    const model = agreement?.places.find((p) => !p.span);
    if (!agreement || !model) throw new Error('no agreement');
    const plan = planUnify(agreement, model, (doc, field) => text(s, doc, field));
    expect(plan.edits.map((e) => e.after)).toEqual(['患者負担額　¥44,384-（1症例当たり）\n保険診療分は通常の一部負担金となる。', '先進医療にかかる費用は４万４３８４円であり、全額患者負担とする。']);
    const fixed = sampleWith({ cost: ALL, forms: Object.fromEntries(plan.edits.map((e) => [e.doc, { [e.field]: e.after }])) });
    expect(checkSubmission(fixed).filter((f) => f.ruleId === 'R-C-1' || f.ruleId === 'R-C-5')).toEqual([]);
  });

  test('silent: a range written with a hyphen (「45,000円-50,000円」)', () => {
    expect(ids({ [Y5]: { costText: '先進医療にかかる費用は¥44,384-（1症例当たり）。なお、追加の病理検査を要した場合の費用は45,000円-50,000円を見込む。' } })).toEqual([]);
  });
});
