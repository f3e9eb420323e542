/**
 * 別紙2 様式第8号 先進医療における委託業務の実施内容 — spec §3.10; layout [INF]: 「推定様式」.
 * Keyed by (別紙, 様式): it shares its number with 別紙1 様式第8-1/8-2号 but is another form.
 */
import { z } from 'zod';
import type { Block } from '../../../document/model';
import type { FormDefinition } from '../../definition';
import { REQ_BOTH, field, fieldsOf, longText, shortText } from '../../field';
import { schemaLayout, title } from '../../layout-helpers';

const yesNo = (label: string, help: string) => field(z.enum(['', '有', '無']), { label, kind: 'yesno', required: { A: 'opt', B: 'opt' }, help, source: 'S2 第2-2(2)' });

export const besshi2Yoshiki8Schema = z.object({
  outline: longText({ label: '委託する業務の内容（概要）', required: REQ_BOTH, source: 'S2 第2-2(1)' }),
  clientName: shortText({ label: '委託側医療機関名', required: REQ_BOTH }),
  geneticCounseling: yesNo('遺伝カウンセリングの実施体制', '技術によっては必須ではありません。有・無を書きます。'),
  specimenQuality: yesNo('検体の品質管理が可能な実施体制', '技術によっては必須ではありません。有・無を書きます。'),
  clientPhysician: shortText({ label: '委託業務の担当医師', required: REQ_BOTH, help: '様式第1号の実施責任医師と同じ医師です（R-ID-5）。', source: 'S2 第2-2(3)' }),
  contractorName: shortText({ label: '受託側医療機関名', required: REQ_BOTH, help: 'すでにこの先進医療を実施し、実績のある医療機関です。', source: 'S2 第2-2(4)' }),
  contractorCases: shortText({ label: '受託側の既実施症例数', required: REQ_BOTH, help: '受託側が先進医療を始めてから新規共同実施の届出までの症例数です（一の位を四捨五入するなどの概数で可）。', source: 'S2 第2-2(4)' }),
  contractorPhysician: shortText({ label: '受託業務の担当医師', required: REQ_BOTH, help: '受託側の常勤医師で、受託業務の全体を把握している医師です。', source: 'S2 第2-2(5)' }),
});

export const besshi2Yoshiki8: FormDefinition<typeof besshi2Yoshiki8Schema> = {
  id: 'besshi2/yoshiki8',
  besshi: '別紙2',
  number: '様式第8号',
  title: '先進医療における委託業務の実施内容',
  estimatedLayout: true,
  answers: besshi2Yoshiki8Schema,
  empty: () => ({ outline: '', clientName: '', geneticCounseling: '', specimenQuality: '', clientPhysician: '', contractorName: '', contractorCases: '', contractorPhysician: '' }),
  build(facts, a) {
    const blocks: Block[] = [title('先進医療における委託業務の実施内容'), ...schemaLayout(fieldsOf(besshi2Yoshiki8Schema), a, [['先進医療の名称', facts.technologyName]])];
    return { formNumber: '様式第8号', title: '別紙2 様式第8号 先進医療における委託業務の実施内容', pageNumbers: true, blocks };
  },
};
