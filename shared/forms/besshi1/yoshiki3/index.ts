import type { Block } from '../../../document/model';
import { formatYenWithUnit } from '../../../money/yen';
import type { FormDefinition, SubmissionFacts } from '../../definition';
import { emptyAnswers } from '../../field';
import { body, heading, labelLine, title, yesNoLine } from '../../layout-helpers';
import { yoshiki3Schema, type Yoshiki3 } from './schema';

/** (11): the amount comes from the cost model — the same number as 様式第5号, 第6号, 第7-1号 (R-C-1). */
export function patientBurdenLines(facts: SubmissionFacts): string[] {
  const c = facts.cost;
  const lines = [`先進医療にかかる費用（1症例当たり）：${formatYenWithUnit(c.total)}`];
  if (c.institutionBurden > 0) lines.push(`うち患者に請求する額：${formatYenWithUnit(c.patientCharge)}、医療機関が負担する額：${formatYenWithUnit(c.institutionBurden)}`);
  return lines;
}

export const yoshiki3: FormDefinition<typeof yoshiki3Schema> = {
  id: 'besshi1/yoshiki3',
  besshi: '別紙1',
  number: '様式第3号',
  title: '先進医療の実施計画',
  estimatedLayout: false,
  answers: yoshiki3Schema,
  empty: (): Yoshiki3 => emptyAnswers(yoshiki3Schema),
  build(facts, a) {
    const b: Block[] = [
      title('先進医療の実施計画'),
      heading('１．先進医療技術の名称'),
      body(facts.technologyName),
      heading('２－１．使用する医薬品、医療機器又は再生医療等製品について'),
      body(a.products),
      heading('２－２．海外での承認に関する情報'),
      body(a.overseas),
      heading('３．期待される適応症、効能及び効果'),
      labelLine('適応症', facts.indication),
      labelLine('効能・効果', a.efficacy),
      heading('４．予測される安全性情報'),
      body(a.safety),
      heading('５．被験者の適格基準及び選定方法'),
      body(a.eligibility),
      heading('６．治療計画'),
      body(a.treatmentPlan),
      heading('７－１．有効性及び安全性の評価'),
      body(a.evaluation),
      heading('７－２．予定の試験期間及び症例数'),
      labelLine('予定試験期間', a.period),
      labelLine('予定症例数', a.plannedCases),
      labelLine('既に実績のある症例数', a.casesDone),
      body(a.caseRecords),
      labelLine('予定試験期間及び予定症例数の設定根拠', a.rationale),
    ];
    if (a.statistics.trim() !== '') b.push(labelLine('生物統計学的設定根拠', a.statistics));
    b.push(heading('８．モニタリング体制及び実施方法'), body(a.monitoring));
    b.push(
      heading('９．被験者等に対して重大な事態が生じた場合の対処方法及び補償内容'),
      yesNoLine('補償の有無', a.compensation),
      yesNoLine('保険への加入の有無', a.insurance),
    );
    if (a.insuranceDetail.trim() !== '') b.push(labelLine('保険の内容', a.insuranceDetail));
    b.push(labelLine('その他の措置', a.otherMeasures));
    b.push(heading('１０．試験に係る記録の取扱い及び管理・保存方法'), body(a.records));
    b.push(heading('１１．患者負担について'), ...patientBurdenLines(facts).map((l) => body(l)));
    if (a.patientBurden.trim() !== '') b.push(body(a.patientBurden));
    for (const [h, v] of [
      ['１２．起こりうる利害の衝突及び研究者等の関連組織との関わり', a.conflicts],
      ['１３．個人情報保護の方法', a.privacy],
      ['１４．試験計画の公表方法', a.publication],
      ['１５．技術的成熟度', a.maturity],
      ['１６．社会的妥当性（社会的倫理的問題等）', a.social],
      ['１７．現時点での普及性', a.diffusion],
      ['１８．将来の保険収載の必要性', a.insuranceNeed],
      ['１９．文献情報', a.literature],
    ] as const) {
      b.push(heading(h), body(v));
    }
    return { formNumber: '様式第3号', title: '様式第3号 先進医療の実施計画', pageNumbers: true, blocks: b };
  },
};
