/**
 * Realistic prose must not nag (issue 5: few, precise messages). Each case is a sentence a
 * coordinator would write; the rule named must stay silent on it.
 */
import { describe, expect, test } from 'vitest';
import type { Change } from '../../helpers/rules';
import { findingsOf, sampleWith } from '../../helpers/rules';
import { formatYen } from '../../../shared/money/yen';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const TOTAL = sampleWith().facts.cost.total;

const SILENT: ReadonlyArray<{ readonly rules: readonly string[]; readonly name: string; readonly change: Change }> = [
  { rules: ['R-C-1'], name: 'a breakdown of the cost (内訳), as 様式第5号 asks', change: { forms: { [Y5]: { costText: '内訳：医療機器使用料 414円、人件費 7,640円、医療材料・医薬品費 13,884円。' } } } },
  { rules: ['R-C-1'], name: 'an estimate and a sum over several sessions', change: { forms: { [Y5]: { costText: '3回実施した場合の合計は約13万円となる。' } } } },
  {
    rules: ['R-C-1', 'R-C-5'],
    name: 'the patient share, then the rest paid by the research fund',
    change: { cost: (c) => ({ ...c, patientPays: { mode: 'part', patientCharge: 10_000 } }), forms: { [Y5]: { costText: '内訳：機器償却費、人件費、医療材料・医薬品費。費用の一部を研究費で負担する。' }, [Y3]: { patientBurden: `患者負担額は10,000円、残りの${formatYen(TOTAL - 10_000)}円は研究費から負担する。` } } },
  },
  { rules: ['R-P-4'], name: 'an end date followed by a registration period in brackets', change: { forms: { [Y3]: { period: '2031年3月31日まで（登録期間：2027年7月1日～2029年3月31日）' } } } },
  { rules: ['R-P-4'], name: '「告示日から5年間」 with a registration period', change: { forms: { [Y3]: { period: '告示日から5年間（登録期間：2027年7月1日～2029年3月31日）' } } } },
  { rules: ['R-P-1'], name: 'the cases already done after the planned number', change: { forms: { [Y5]: { outline: '予定症例数120例のうち、既実績症例数は5例である。' } } } },
  { rules: ['R-P-1'], name: 'groups of the planned number in brackets (spec §4.3 example)', change: { forms: { [Y5]: { outline: '予定症例数は120例（HCQ群60例、ヒストリカルコントロール群60例）とする。' } } } },
  { rules: ['R-P-3'], name: 'a deadline counted from a committee approval', change: { forms: { [Y5]: { outline: '倫理審査委員会の承認日から1か月以内に登録を開始する。' } } } },
  { rules: ['R-X-7'], name: 'a paper in Proceedings of the National Academy of Sciences', change: { forms: { [Y3]: { literature: '1) Sato K, et al. Proceedings of the National Academy of Sciences. 2020;117:100-110.' } } } },
  { rules: ['R-X-8'], name: '耳鼻咽喉科 (the law writes 耳鼻いんこう科)', change: { masters: (m) => ({ ...m, people: m.people.map((p) => (p.id === 'sample-yamada' ? { ...p, department: '耳鼻咽喉科' } : p)) }) } },
];

describe('silent on realistic prose', () => {
  for (const c of SILENT) {
    test(`${c.rules.join(', ')}: ${c.name}`, () => {
      expect(findingsOf(c.change).filter((f) => c.rules.includes(f.ruleId)).map((f) => f.message)).toEqual([]);
    });
  }
});

test('PRE-KISHU: 第Ⅱ相試験 is only 情報; a 確認済み for 「Ⅱ」 does not cover a 「㈱」 typed later', () => {
  const roman = findingsOf({ forms: { [Y5]: { outline: '第Ⅱ相試験として実施する。' } } }, 'PRE-KISHU');
  expect(roman.map((f) => f.severity)).toEqual(['info']);
  const both = findingsOf({ forms: { [Y5]: { outline: '第Ⅱ相試験として架空製薬㈱と実施する。' } } }, 'PRE-KISHU');
  expect(both.map((f) => f.severity)).toEqual(['warning']);
  expect(both[0]?.key).not.toBe(roman[0]?.key);
});

test('acknowledgement keys name the same problem after unrelated edits (R-ETH, R-C-4)', () => {
  const lessMembers = findingsOf({ masters: (m) => ({ ...m, committees: m.committees.map((c) => ({ ...c, members: c.members.slice(0, 4).map((x) => ({ ...x, sex: '男' as const })) })) }) }, 'R-ETH');
  const onlySexes = findingsOf({ masters: (m) => ({ ...m, committees: m.committees.map((c) => ({ ...c, members: c.members.map((x) => ({ ...x, sex: '男' as const })) })) }) }, 'R-ETH');
  const sexKey = (list: typeof lessMembers) => list.find((f) => f.message.includes('男女両性'))?.key;
  expect(sexKey(lessMembers)).toBeDefined();
  expect(sexKey(lessMembers)).toBe(sexKey(onlySexes));

  const zero = { id: 'fee', name: '文書料', amount: 0 };
  const first = findingsOf({ cost: (c) => ({ ...c, others: [zero] }) }, 'R-C-4');
  const moved = findingsOf({ cost: (c) => ({ ...c, others: [{ id: 'x', name: '検体処理費', amount: 500 }, zero] }) }, 'R-C-4');
  expect(moved.map((f) => f.key)).toEqual(first.map((f) => f.key));
});
