/**
 * The printed facts of the cost (issue 13 item 1): the 先進医療にかかる費用 computed once by
 * shared/cost and printed on 様式第3号(11), 第5号, 第6号 and 第7-1号 (R-C-1), who pays it (R-C-5: a
 * move from 研究費 to 患者負担 is a change of its own, R-CH-5), the 内訳 of 様式第7-1号 and each line of
 * 様式第7-2号 (a device replaced in the 機器台帳 is a line replaced). Labels as 様式第7-1号・第7-2号 print them.
 */
import type { CostBreakdown } from '../cost/calculate';
import { toDecimal } from '../cost/rational';
import { formatYen, formatYenWithUnit } from '../money/yen';
import { placeOf } from './place';
import type { PrintedFact, PrintedRow } from './printed';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const Y6 = 'besshi1/yoshiki6';
const Y71 = 'besshi1/yoshiki7-1';
const Y72 = 'besshi1/yoshiki7-2';

/** Who pays, as one fact: 「患者に請求する額：0円、医療機関が負担する額：67,685円」 or 「全額を患者に請求する（67,685円）」. */
export function burdenText(c: Pick<CostBreakdown, 'total' | 'patientCharge' | 'institutionBurden'>): string {
  return c.institutionBurden > 0 ? `患者に請求する額：${formatYenWithUnit(c.patientCharge)}、医療機関が負担する額：${formatYenWithUnit(c.institutionBurden)}` : `全額を患者に請求する（${formatYenWithUnit(c.total)}）`;
}

function row(key: string, name: string, cells: ReadonlyArray<readonly [string, string, string]>): PrintedRow {
  return { key, name, cells: cells.map(([k, label, value]) => ({ key: k, label, value })) };
}

export function costFacts(c: CostBreakdown, formIds: readonly string[]): PrintedFact[] {
  const on = (ids: readonly string[]): string[] => formIds.filter((id) => ids.includes(id));
  const text = (id: string, field: string, value: string, printedOn: readonly string[]): PrintedFact => {
    const ids = on(printedOn);
    return { id, place: placeOf(ids, formIds), field, formIds: ids, kind: 'text', value };
  };
  const rows = (id: string, field: string, list: readonly PrintedRow[]): PrintedFact => {
    const ids = on([Y72]);
    return { id, place: placeOf(ids, formIds), field, formIds: ids, kind: 'rows', rows: list };
  };
  const y = formatYen;
  return [
    text('cost/total', '先進医療にかかる費用（1症例当たり）', formatYenWithUnit(c.total), [Y3, Y5, Y6, Y71, Y72]),
    text('cost/burden', '患者負担（患者に請求する額・医療機関が負担する額）', burdenText(c), [Y3, Y5, Y71]),
    text('cost/equipmentTotal', '医療機器使用料', formatYenWithUnit(c.equipmentTotal), [Y71, Y72]),
    text('cost/staffTotal', '人件費', formatYenWithUnit(c.staffTotal), [Y71, Y72]),
    text('cost/materialTotal', '医療材料費・医薬品費', formatYenWithUnit(c.materialTotal), [Y71, Y72]),
    text('cost/otherTotal', 'その他', formatYenWithUnit(c.otherTotal), [Y71, Y72]),
    rows(
      'cost/equipment',
      '医療機器使用料の内訳',
      c.equipment.map((e) =>
        row(e.item.id, e.item.name, [
          ['name', '機器名', e.item.name + (e.pastUsefulLife ? '（耐用年数経過）' : '')],
          ['purchasePrice', '購入価格', y(e.item.purchasePrice)],
          ['residualValue', '残存価格', y(e.item.residualValue)],
          ['usefulLifeYears', '耐用年数', `${e.item.usefulLifeYears}年`],
          ['usesPerYear', '年間使用回数', `${y(e.item.usesPerYear)}回`],
          ['perUse', '1回償却費', formatYen(toDecimal(e.perUse))],
          ['amount', '1症例当たり', y(e.amount)],
        ]),
      ),
    ),
    rows(
      'cost/staff',
      '人件費の積算根拠',
      c.staff.map((s) =>
        row(s.item.id, s.item.jobTitle, [
          ['jobTitle', '職種', s.item.jobTitle],
          ['unitPrice', '単価', `${y(s.item.unitPrice)}円/${s.item.per === 'hour' ? '時間' : '分'}`],
          ['minutes', '所要時間', `${s.item.minutes}分`],
          ['amount', '金額', y(s.amount)],
        ]),
      ),
    ),
    rows(
      'cost/materials',
      '医療材料・医薬品費',
      c.materials.map((m) =>
        row(m.item.id, m.item.name, [
          ['name', '品名', m.item.name],
          ['kind', '区分', m.item.kind === 'drug' ? '医薬品' : '医療材料'],
          ['unitPrice', '単価', y(m.item.unitPrice)],
          ['quantity', '数量', String(m.item.quantity)],
          ['amount', '金額', y(m.amount)],
        ]),
      ),
    ),
    rows(
      'cost/others',
      'その他',
      c.others.map((o) =>
        // The cost model's rows carry ids; the breakdown's type does not name them.
        row('id' in o.item && typeof o.item.id === 'string' ? o.item.id : '', o.item.name, [
          ['name', '項目', o.item.name],
          ['amount', '金額', y(o.amount)],
        ]),
      ),
    ),
  ];
}
