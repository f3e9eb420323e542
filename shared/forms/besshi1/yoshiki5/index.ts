import { para, type Block, type Paragraph } from '../../../document/model';
import { formatYenWithUnit } from '../../../money/yen';
import type { FormDefinition, SubmissionFacts } from '../../definition';
import { emptyAnswers } from '../../field';
import { yoshiki5Schema, type Yoshiki5 } from './schema';
import { formSection } from '../../layout-helpers';

const BODY = 10.5;

function heading(text: string): Paragraph {
  return para(text, BODY, { spaceBefore: 6, leading: 1.6 });
}

function body(text: string): Paragraph {
  return para(text, BODY, { indent: BODY, leading: 1.7 });
}

/** The cost lines printed from the cost model (R-C-1, R-C-5): never typed twice. */
export function costLines(facts: SubmissionFacts): string[] {
  const c = facts.cost;
  const lines = [`先進医療にかかる費用（1症例当たり）：${formatYenWithUnit(c.total)}`];
  if (c.institutionBurden > 0) {
    lines.push(`うち患者に請求する額：${formatYenWithUnit(c.patientCharge)}`, `うち医療機関が負担する額：${formatYenWithUnit(c.institutionBurden)}`);
  }
  return lines;
}

export const yoshiki5: FormDefinition<typeof yoshiki5Schema> = {
  id: 'besshi1/yoshiki5',
  besshi: '別紙1',
  number: '様式第5号',
  title: '先進医療の内容（概要）',
  estimatedLayout: false,
  answers: yoshiki5Schema,
  empty: (): Yoshiki5 => emptyAnswers(yoshiki5Schema),
  build(facts, a) {
    const blocks: Block[] = [
      para('先進医療の内容（概要）', 14, { align: 'center', spaceAfter: 8, leading: 1.5 }),
      para(`先進医療の名称：${facts.technologyName}`, BODY, { leading: 1.7 }),
      para(`適応症：${facts.indication}`, BODY, { leading: 1.7 }),
      para('内容：', BODY, { leading: 1.7 }),
    ];
    if (a.lead.trim() !== '') blocks.push(body(a.lead));
    blocks.push(heading('（先進性）'), body(a.advancement));
    blocks.push(heading('（概要）'), body(a.outline));
    blocks.push(heading('（効果）'), body(a.effect));
    blocks.push(heading('（先進医療にかかる費用）'));
    for (const line of costLines(facts)) blocks.push(body(line));
    if (a.costText.trim() !== '') blocks.push(body(a.costText));
    return formSection(facts, { formNumber: '様式第5号', title: '様式第5号 先進医療の内容（概要）', pageNumbers: true, blocks });
  },
};
