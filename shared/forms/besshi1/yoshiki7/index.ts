/**
 * 別紙1 様式第7-1号・第7-2号 先進医療に係る費用の積算根拠 — spec §3.7; layout [INF]
 * (form-layouts.md §3.8): 「推定様式」. 7-1 carries the per-case total and its parts, 7-2 the
 * breakdowns (機器の償却, 人件費, 材料・医薬品). Everything is printed from the cost model.
 */
import { z } from 'zod';
import type { CostBreakdown } from '../../../cost/calculate';
import { toDecimal, toYen } from '../../../cost/rational';
import { cell, para, type Block, type Table } from '../../../document/model';
import { formatYen, formatYenWithUnit } from '../../../money/yen';
import type { FormDefinition } from '../../definition';
import { emptyAnswers, longText } from '../../field';
import { BODY, body, formSection, heading, keyValueTable, labelLine, title } from '../../layout-helpers';

const SMALL = 9;

export const yoshiki71Schema = z.object({
  notes: longText({ label: '備考', required: { A: 'opt', B: 'opt' }, help: '積算についての補足（無償提供の薬剤、コース数の前提など）を書きます。' }),
});
export const yoshiki72Schema = z.object({
  notes: longText({ label: '備考', required: { A: 'opt', B: 'opt' }, help: '内訳についての補足を書きます。' }),
});

function grid(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, columns: readonly number[]): Table {
  const line = (cells: readonly string[], header: boolean) => ({
    minHeight: 20,
    cells: cells.map((c, i) => cell(para(c, SMALL, { align: header || i === 0 ? 'left' : 'right', leading: 1.4 }), { padding: 3 })),
  });
  return { type: 'table', columns, headerRows: 1, rows: [line(headers, true), ...rows.map((r) => line(r, false))] };
}

export function totalsRows(c: CostBreakdown): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['医療機器使用料', formatYenWithUnit(c.equipmentTotal)],
    ['人件費', formatYenWithUnit(c.staffTotal)],
    ['医療材料費・医薬品費', formatYenWithUnit(c.materialTotal)],
    ['その他', formatYenWithUnit(c.otherTotal)],
    ['先進医療にかかる費用（1症例当たり）', formatYenWithUnit(c.total)],
  ];
  if (c.institutionBurden > 0) rows.push(['うち患者に請求する額', formatYenWithUnit(c.patientCharge)], ['うち医療機関が負担する額', formatYenWithUnit(c.institutionBurden)]);
  return rows;
}

export const yoshiki71: FormDefinition<typeof yoshiki71Schema> = {
  id: 'besshi1/yoshiki7-1',
  besshi: '別紙1',
  number: '様式第7-1号',
  title: '先進医療に係る費用の積算根拠',
  estimatedLayout: true,
  answers: yoshiki71Schema,
  empty: () => emptyAnswers(yoshiki71Schema),
  build(facts, a) {
    const blocks: Block[] = [
      title('先進医療に係る費用の積算根拠'),
      labelLine('先進医療の名称', facts.technologyName, 0),
      para(`先進医療にかかる費用：${formatYenWithUnit(facts.cost.total)}`, BODY, { leading: 1.8, spaceAfter: 6 }),
      heading('内訳'),
      keyValueTable(totalsRows(facts.cost)),
    ];
    if (a.notes.trim() !== '') blocks.push(heading('備考'), body(a.notes));
    return formSection(facts, { formNumber: '様式第7-1号', title: '様式第7-1号 先進医療に係る費用の積算根拠', pageNumbers: true, blocks });
  },
};

export const yoshiki72: FormDefinition<typeof yoshiki72Schema> = {
  id: 'besshi1/yoshiki7-2',
  besshi: '別紙1',
  number: '様式第7-2号',
  title: '先進医療に係る費用の積算根拠（内訳）',
  estimatedLayout: true,
  answers: yoshiki72Schema,
  empty: () => emptyAnswers(yoshiki72Schema),
  build(facts, a) {
    const c = facts.cost;
    const r = (x: number) => formatYen(x);
    const blocks: Block[] = [
      title('先進医療に係る費用の積算根拠（内訳）'),
      labelLine('先進医療の名称', facts.technologyName, 0),
      heading('医療機器使用料の内訳'),
      grid(
        ['機器名', '購入価格', '残存価格', '償却費', '耐用年数', '年間償却費', '年間使用回数', '1回償却費', '1症例当たり'],
        c.equipment.map((e) => [
          e.item.name + (e.pastUsefulLife ? '（耐用年数経過）' : ''),
          r(e.item.purchasePrice),
          r(e.item.residualValue),
          r(e.depreciable),
          `${e.item.usefulLifeYears}年`,
          r(toYen(e.annual, 'round')),
          `${r(e.item.usesPerYear)}回`,
          formatYen(toDecimal(e.perUse)),
          r(e.amount),
        ]),
        [20, 11, 10, 11, 7, 11, 9, 9, 12],
      ),
      para(`医療機器使用料 計 ${formatYenWithUnit(c.equipmentTotal)}（償却費＝購入価格－残存価格、年間償却費＝償却費÷耐用年数、1回償却費＝年間償却費÷年間使用回数）`, SMALL, { leading: 1.5, spaceAfter: 6 }),
      heading('人件費の積算根拠'),
      grid(
        ['職種', '単価', '所要時間', '金額'],
        c.staff.map((s) => [s.item.jobTitle, `${r(s.item.unitPrice)}円/${s.item.per === 'hour' ? '時間' : '分'}`, `${s.item.minutes}分`, r(s.amount)]),
        [40, 20, 20, 20],
      ),
      para(`人件費 計 ${formatYenWithUnit(c.staffTotal)}`, SMALL, { leading: 1.5, spaceAfter: 6 }),
      heading('医療材料・医薬品費'),
      grid(
        ['品名', '区分', '単価', '数量', '金額'],
        c.materials.map((m) => [m.item.name, m.item.kind === 'drug' ? '医薬品' : '医療材料', r(m.item.unitPrice), String(m.item.quantity), r(m.amount)]),
        [40, 14, 16, 12, 18],
      ),
      para(`医療材料費・医薬品費 計 ${formatYenWithUnit(c.materialTotal)}`, SMALL, { leading: 1.5, spaceAfter: 6 }),
    ];
    if (c.others.length > 0) {
      blocks.push(heading('その他'), grid(['項目', '金額'], c.others.map((o) => [o.item.name, r(o.amount)]), [70, 30]));
    }
    if (a.notes.trim() !== '') blocks.push(heading('備考'), body(a.notes));
    return formSection(facts, { formNumber: '様式第7-2号', title: '様式第7-2号 先進医療に係る費用の積算根拠（内訳）', pageNumbers: true, blocks });
  },
};
