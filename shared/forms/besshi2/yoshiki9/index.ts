/**
 * 別紙2 様式第9号 先進医療における委託業務の実施方法 — spec §3.11; layout [INF]: 「推定様式」.
 * The whole process from specimen collection to explaining the result, each step with the side
 * responsible; a new sheet starts with the steps the 記載要領 lists.
 */
import { z } from 'zod';
import type { Block } from '../../../document/model';
import type { FormDefinition } from '../../definition';
import { REQ_BOTH, fieldsOf, longText, tableField } from '../../field';
import { formSection, schemaLayout, title } from '../../layout-helpers';

export const STANDARD_STEPS = [
  '検体の採取方法',
  '検体の保管方法（温度管理等）',
  '検体の搬送方法',
  '患者名の匿名化方法',
  '検査結果の送付方法',
  '検査記録の保管方法',
  '残余検体の処理方法',
  '搬送時の検体紛失等の問題発生時の対処方法',
] as const;

export const besshi2Yoshiki9Schema = z.object({
  steps: tableField(
    { label: '委託業務の実施方法', required: REQ_BOTH, help: '検体の採取から結果の患者への説明まで、工程ごとに内容と責任を負う側（委託側・受託側）を書きます。', source: 'S2 第2-3' },
    [
      { key: 'step', label: '工程', width: 28 },
      { key: 'content', label: '内容', width: 56 },
      { key: 'responsible', label: '責任（委託側・受託側）', width: 16 },
    ],
  ),
  documents: longText({
    label: '取り交わした文書',
    required: REQ_BOTH,
    help: '契約書、検査依頼書の雛型、検査結果通知書の雛型は必ず添付します（様式は自由）。',
    source: 'S2 第2-3',
  }),
});
export type Besshi2Yoshiki9 = z.infer<typeof besshi2Yoshiki9Schema>;

export const besshi2Yoshiki9: FormDefinition<typeof besshi2Yoshiki9Schema> = {
  id: 'besshi2/yoshiki9',
  besshi: '別紙2',
  number: '様式第9号',
  title: '先進医療における委託業務の実施方法',
  estimatedLayout: true,
  answers: besshi2Yoshiki9Schema,
  empty: (): Besshi2Yoshiki9 => ({ steps: STANDARD_STEPS.map((step) => ({ step, content: '', responsible: '' })), documents: '契約書\n検査依頼書の雛型\n検査結果通知書の雛型' }),
  build(facts, a) {
    const blocks: Block[] = [title('先進医療における委託業務の実施方法'), ...schemaLayout(fieldsOf(besshi2Yoshiki9Schema), a, [['先進医療の名称', facts.technologyName]])];
    return formSection(facts, { formNumber: '様式第9号', title: '別紙2 様式第9号 先進医療における委託業務の実施方法', pageNumbers: true, blocks });
  },
};
