/**
 * 別紙2 様式第8号 先進医療における委託業務の実施内容 — spec §3.10; layout [INF]: 「推定様式」.
 * Keyed by (別紙, 様式): it shares its number with 別紙1 様式第8-1/8-2号 but is another form.
 */
import { z } from 'zod';
import type { Block } from '../../../document/model';
import { personLine } from '../../../model/person';
import type { FormDefinition } from '../../definition';
import { REQ_BOTH, emptyAnswers, field, fieldsOf, longText, shortText, withSiteFallbacks } from '../../field';
import { formSection, schemaLayout, title } from '../../layout-helpers';

const yesNo = (label: string, help: string) => field(z.enum(['', '有', '無']), { label, kind: 'yesno', required: { A: 'opt', B: 'opt' }, help, source: 'S2 第2-2(2)' });

export const besshi2Yoshiki8Schema = z.object({
  outline: longText({ label: '委託する業務の内容（概要）', required: REQ_BOTH, source: 'S2 第2-2(1)' }),
  clientName: shortText({ label: '委託側医療機関名', required: { A: 'opt', B: 'opt' }, help: '空欄のときは届出医療機関（設定または案件の届出医療機関）の名称を印刷します。表記を変える必要がある場合だけ書きます。' }),
  geneticCounseling: yesNo('遺伝カウンセリングの実施体制', '技術によっては必須ではありません。有・無を書きます。'),
  specimenQuality: yesNo('検体の品質管理が可能な実施体制', '技術によっては必須ではありません。有・無を書きます。'),
  contractorName: shortText({ label: '受託側医療機関名', required: REQ_BOTH, help: 'すでにこの先進医療を実施し、実績のある医療機関です。「実施医療機関」に受託側を登録してあれば、空欄のときその名称を印刷します。', source: 'S2 第2-2(4)', siteFallback: { role: '受託側', field: 'name' } }),
  contractorCases: shortText({ label: '受託側の既実施症例数', required: REQ_BOTH, help: '受託側が先進医療を始めてから新規共同実施の届出までの症例数です（一の位を四捨五入するなどの概数で可）。', source: 'S2 第2-2(4)' }),
  contractorPhysician: shortText({ label: '受託業務の担当医師', required: REQ_BOTH, help: '受託側の常勤医師で、受託業務の全体を把握している医師です。空欄のときは「実施医療機関」に登録した受託側の実施責任医師を印刷します。', source: 'S2 第2-2(5)', siteFallback: { role: '受託側', field: 'responsiblePhysician' } }),
});

export const besshi2Yoshiki8: FormDefinition<typeof besshi2Yoshiki8Schema> = {
  id: 'besshi2/yoshiki8',
  besshi: '別紙2',
  number: '様式第8号',
  title: '先進医療における委託業務の実施内容',
  estimatedLayout: true,
  answers: besshi2Yoshiki8Schema,
  empty: () => emptyAnswers(besshi2Yoshiki8Schema),
  build(facts, a) {
    const fields = fieldsOf(besshi2Yoshiki8Schema);
    const before = fields.filter((f) => ['outline', 'clientName', 'geneticCounseling', 'specimenQuality'].includes(f.key));
    const after = fields.filter((f) => !before.includes(f));
    const blocks: Block[] = [
      title('先進医療における委託業務の実施内容'),
      // 委託側 = the filing institution, stored once; the typed name only overrides its wording.
      ...schemaLayout(before, { ...a, clientName: a.clientName.trim() || (facts.institution?.name ?? '') }, [['先進医療の名称', facts.technologyName]]),
      // 委託業務の担当医師 = the 実施責任医師 of 様式第1号, from the 職員名簿 (R-ID-5): never typed twice.
      // 受託側 entered once as a site (issue 11): printed where the form leaves it blank.
      ...schemaLayout(after, withSiteFallbacks(besshi2Yoshiki8Schema, a, facts.sites ?? []), [['委託業務の担当医師', personLine(facts.responsiblePhysician)]]),
    ];
    return formSection(facts, { formNumber: '様式第8号', title: '別紙2 様式第8号 先進医療における委託業務の実施内容', pageNumbers: true, blocks });
  },
};
