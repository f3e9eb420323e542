/**
 * 別紙1 様式第6号 先進医療に要する費用 — spec §3.6; layout [INF] (form-layouts.md §3.7):
 * 「推定様式」. The 先進医療にかかる費用 comes from the cost model (R-C-1); the insured part is
 * entered here for a typical case, as the applicant writes it (R-C-6).
 */
import { z } from 'zod';
import type { Block } from '../../../document/model';
import { formatYenWithUnit, parseYen } from '../../../money/yen';
import type { FormDefinition } from '../../definition';
import { REQ_BOTH, field, longText, yenField, type YenValue } from '../../field';
import { BODY, body, formSection, heading, keyValueTable, labelLine, title, yenText } from '../../layout-helpers';
import { para } from '../../../document/model';

const yenTyped = (label: string, help: string) => yenField({ label, required: REQ_BOTH, help, source: 'S2 §6' });

export const yoshiki6Schema = z.object({
  typicalCase: longText({ label: '典型的な症例', required: REQ_BOTH, help: '費用を計算した典型的な症例（年齢・性別・病名・入院日数など）を書きます。費用は参考値です。', source: 'S2 §6(2)' }),
  insuredBasis: field(z.enum(['健康保険被保険者本人', 'その他']), {
    label: '被保険者区分',
    kind: 'enum',
    options: ['健康保険被保険者本人', 'その他'],
    required: REQ_BOTH,
    help: '原則として健康保険被保険者本人として計算します。それ以外で計算した場合は「その他」を選び、理由を書きます。',
    source: 'S2 §6(3)',
  }),
  insuredBasisNote: longText({ label: '被保険者区分の説明', required: { A: 'opt', B: 'opt' }, source: 'S2 §6(3)' }),
  insurerShare: yenTyped('保険外併用療養費（保険者負担）', '保険給付される費用です。'),
  copayment: yenTyped('保険外併用療養費分に係る一部負担金', '保険診療分の患者の一部負担金です。'),
  insuredItems: longText({
    label: '保険外併用療養費分の内訳',
    required: REQ_BOTH,
    help: '診療報酬明細書に準じ、診療報酬の点数項目ごとに（部ごとの合計ではなく）区分・項目・点数・回数を書きます。',
    source: 'S2 §6(4)',
  }),
});
export type Yoshiki6 = z.infer<typeof yoshiki6Schema>;

function readYen(v: YenValue): ReturnType<typeof parseYen> {
  return typeof v === 'number' ? { ok: true, value: v } : parseYen(v);
}

export const yoshiki6: FormDefinition<typeof yoshiki6Schema> = {
  id: 'besshi1/yoshiki6',
  besshi: '別紙1',
  number: '様式第6号',
  title: '先進医療に要する費用',
  estimatedLayout: true,
  answers: yoshiki6Schema,
  empty: (): Yoshiki6 => ({ typicalCase: '', insuredBasis: '健康保険被保険者本人', insuredBasisNote: '', insurerShare: '', copayment: '', insuredItems: '' }),
  build(facts, a) {
    const insurer = readYen(a.insurerShare);
    const copay = readYen(a.copayment);
    const total = insurer.ok && copay.ok ? formatYenWithUnit(facts.cost.total + insurer.value + copay.value) : '（金額を確認してください）';
    const blocks: Block[] = [
      title('先進医療に要する費用'),
      labelLine('先進医療の名称', facts.technologyName, 0),
      labelLine('典型的な症例', a.typicalCase, 0),
      para(a.insuredBasis === '健康保険被保険者本人' ? '※健康保険被保険者本人として計算' : '※健康保険被保険者本人以外として計算', BODY, { leading: 1.7 }),
      ...(a.insuredBasisNote.trim() !== '' ? [body(a.insuredBasisNote)] : []),
      para('', BODY, { leading: 0.6 }),
      keyValueTable([
        ['先進医療にかかる費用', formatYenWithUnit(facts.cost.total)],
        ['保険外併用療養費（保険者負担）', yenText(a.insurerShare)],
        ['保険外併用療養費分に係る一部負担金', yenText(a.copayment)],
        ['合計', total],
      ]),
      heading('（別紙）保険外併用療養費分の内訳'),
      body(a.insuredItems),
    ];
    return formSection(facts, { formNumber: '様式第6号', title: '様式第6号 先進医療に要する費用', pageNumbers: true, blocks });
  },
};
