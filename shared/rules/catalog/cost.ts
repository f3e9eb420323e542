/**
 * §4.1 cost rules. The 先進医療にかかる費用 is computed once from the 積算 (shared/cost) and printed
 * by 様式第3号(11), 第5号, 第6号 and 第7-1号, so the printed lines agree by construction; what can
 * still disagree is an amount typed into the prose around them — those are extracted and compared.
 */
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { yoshiki5 } from '../../forms/besshi1/yoshiki5';
import { yoshiki6 } from '../../forms/besshi1/yoshiki6';
import { yoshiki71 } from '../../forms/besshi1/yoshiki7';
import { formatYenWithUnit } from '../../money/yen';
import { findYen, type Found } from '../extract';
import { at, atField, fieldRef, inPackage, text, textOf, type FieldRef, type Submission } from '../submission';
import type { Agreement, AgreementPlace, Hit, Rule } from '../types';

/** The prose fields that state the cost in words, in printed order (named through the forms: typed keys). */
export const COST_PROSE: readonly FieldRef[] = [fieldRef(yoshiki3, 'patientBurden'), fieldRef(yoshiki5, 'costText'), fieldRef(yoshiki6, 'typicalCase')];

export type CostFact = 'total' | 'patient' | 'institution' | 'other';

const KEYWORDS: ReadonlyArray<readonly [RegExp, CostFact]> = [
  [/先進医療に(?:かか|係)る費用|先進医療(?:の)?費用|先進医療費|費用の(?:合計|総額)|費用(?:は|が|を|：|:|（|\()/g, 'total'],
  [/患者(?:に|へ)?(?:請求|負担)|患者が負担|自己負担/g, 'patient'],
  [/(?:医療機関|病院|当院)(?:が|の)?負担|研究費/g, 'institution'],
  // A part of the cost (内訳), the insured part, an estimate: not the amount the rules compare.
  [/保険|一部負担金|療養費|点|交通|食事|差額|文書|使用料|償却|人件費|材料|医薬品|薬剤|検査|委託|内訳|うち|約|およそ|程度|以上|以下|残り|回|合計|総額/g, 'other'],
];

/**
 * What an amount in prose is said of: the keyword nearest before it, looking back no further than
 * the previous amount of the sentence (「患者負担額は10,000円、残りの11,938円は…」: the second amount
 * is not the patient's). An amount no keyword speaks of is not compared ('other').
 */
export function costFactOf(f: Found<number>, previousEnd = 0): CostFact {
  const region = f.before.slice(Math.max(0, previousEnd));
  let best: { at: number; fact: CostFact } | undefined;
  for (const [re, fact] of KEYWORDS) {
    for (const m of region.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!best || end > best.at || (end === best.at && fact === 'other')) best = { at: end, fact };
    }
  }
  return best?.fact ?? 'other';
}

interface ProseAmount {
  readonly doc: string;
  readonly field: string;
  readonly found: Found<number>;
  readonly fact: CostFact;
}

export function proseAmounts(s: Submission): ProseAmount[] {
  const out: ProseAmount[] = [];
  for (const p of COST_PROSE) {
    if (!inPackage(s, p.doc)) continue;
    const t = text(s, p.doc, p.field);
    // 様式第6号's 典型的な症例 speaks of the insured part too: only amounts said of the 先進医療 count there.
    let previous: Found<number> | undefined;
    for (const found of findYen(t)) {
      // Look back only to the previous amount of the same sentence.
      const previousEnd = previous && previous.sentence === found.sentence ? found.before.length - (found.start - previous.end) : 0;
      const fact = costFactOf(found, previousEnd);
      previous = found;
      if (p.doc === yoshiki6.id && !/先進医療/.test(found.before)) continue;
      out.push({ doc: p.doc, field: p.field, found, fact });
    }
  }
  return out;
}

const FACT_NAME: Readonly<Record<Exclude<CostFact, 'other'>, string>> = {
  total: '先進医療にかかる費用',
  patient: '患者に請求する額',
  institution: '医療機関が負担する額',
};

function modelValue(s: Submission, fact: Exclude<CostFact, 'other'>): number {
  const c = s.facts.cost;
  return fact === 'total' ? c.total : fact === 'patient' ? c.patientCharge : c.institutionBurden;
}

function agreementHits(s: Submission, fact: Exclude<CostFact, 'other'>): Hit[] {
  const amounts = proseAmounts(s).filter((a) => a.fact === fact);
  const expected = modelValue(s, fact);
  if (!amounts.some((a) => a.found.value !== expected)) return [];
  const model: AgreementPlace = {
    location: at('cost', undefined, { label: '費用の積算（様式第7-1号・第6号に印刷される額）' }),
    value: String(expected),
    display: formatYenWithUnit(expected),
  };
  const places: AgreementPlace[] = [
    model,
    ...amounts.map((a) => ({
      location: at(a.doc, a.field),
      value: String(a.found.value),
      display: a.found.text,
      span: { doc: a.doc, field: a.field, start: a.found.start, end: a.found.end, text: a.found.text },
      context: a.found.sentence.trim(),
    })),
  ];
  const agreement: Agreement = { fact: FACT_NAME[fact], format: 'yen', places };
  return amounts
    .filter((a) => a.found.value !== expected)
    .map((a) => ({
      message: `${at(a.doc, a.field).label}の本文に「${a.found.text}」とありますが、${FACT_NAME[fact]}は費用の積算では${formatYenWithUnit(expected)}です。同一の額にしてください。`,
      locations: [at(a.doc, a.field)],
      agreement,
      discriminator: `${fact}:${a.found.text}`,
    }));
}

export const costRules: readonly Rule[] = [
  {
    id: 'R-C-1',
    title: '先進医療にかかる費用の一致',
    severity: 'error',
    basis: '記載要領 第4(11)、第5(2)④、第6(1)、第7(1)：様式第3号・第5号・第6号・第7-1号の先進医療にかかる費用は同一の額',
    check(s) {
      const hits = agreementHits(s, 'total');
      if (s.facts.cost.total === 0 && inPackage(s, yoshiki71.id)) {
        hits.push({ message: '先進医療にかかる費用が0円です。費用の積算（様式第7-1号）を入力してください。', locations: [at('cost', undefined, { label: '費用の積算' })], discriminator: 'zero' });
      }
      return hits;
    },
  },
  {
    id: 'R-C-2',
    title: '医療機器の償却費',
    severity: 'error',
    basis: '記載要領 第7(2)：医療機器使用料は使用機器の1回償却費の積算（償却費＝購入価格−残存価格）',
    check(s) {
      const out: Hit[] = [];
      const day = s.facts.cost;
      s.cost.equipment.forEach((e, row) => {
        const where = at('cost', 'equipment', { row, label: `費用の積算 医療機器使用料 ${row + 1}行目（${e.name || '名称なし'}）` });
        if (e.name.trim() === '') out.push({ message: `医療機器使用料の${row + 1}行目に機器名がありません。`, locations: [where], discriminator: `${e.id}:name` });
        if (e.residualValue > e.purchasePrice) out.push({ message: `「${e.name}」の残存価格が購入価格を超えています。償却費は購入価格−残存価格です。`, locations: [where], discriminator: `${e.id}:residual` });
        const line = day.equipment[row];
        if (line?.lifeUnknown) out.push({ severity: 'warning', message: `「${e.name}」の購入年月日がないため、届出日に耐用年数を過ぎているか判断できません（過ぎていれば償却費は0円）。`, locations: [where], discriminator: `${e.id}:life` });
        else if (line?.pastUsefulLife) out.push({ severity: 'info', message: `「${e.name}」は届出日に耐用年数（${e.usefulLifeYears}年）を過ぎているため、償却費を0円として計算しています。`, locations: [where], discriminator: `${e.id}:past` });
      });
      return out;
    },
  },
  {
    id: 'R-C-3',
    title: '人件費の積算根拠',
    severity: 'error',
    basis: '記載要領 第7(3)：人件費は職種、単価及び所要時間を記載',
    check(s) {
      const out: Hit[] = [];
      s.cost.staff.forEach((r, row) => {
        const missing = [r.jobTitle.trim() === '' ? '職種' : '', r.unitPrice === 0 ? '単価' : '', r.minutes === 0 ? '所要時間' : ''].filter((x) => x !== '');
        if (missing.length > 0) out.push({ message: `人件費の${row + 1}行目（${r.jobTitle || '職種なし'}）に${missing.join('・')}がありません。`, locations: [at('cost', 'staff', { row, label: `費用の積算 人件費 ${row + 1}行目` })], discriminator: r.id });
      });
      return out;
    },
  },
  {
    id: 'R-C-4',
    title: '費用の合計',
    severity: 'warning',
    basis: '記載要領 第7(1)：先進医療にかかる費用＝医療機器使用料＋人件費＋医療材料・医薬品費（＋その他）',
    check(s) {
      const c = s.facts.cost;
      const out: Hit[] = [];
      if (s.cost.staff.length === 0 && c.total > 0) out.push({ message: '人件費が積算されていません。先進医療にかかる費用には通常、人件費が含まれます。', locations: [at('cost', 'staff', { label: '費用の積算 人件費' })] });
      const rows = [...s.cost.materials.map((m, row) => ({ row, id: m.id, name: m.name, part: 'materials', zero: m.unitPrice === 0 || m.quantity === 0 })), ...s.cost.others.map((o, row) => ({ row, id: o.id, name: o.name, part: 'others', zero: o.amount === 0 }))];
      for (const r of rows) {
        if (r.zero) out.push({ message: `「${r.name || '名称なし'}」の金額が0円です。合計に含まれません。`, locations: [at('cost', r.part, { row: r.row, label: `費用の積算 ${r.part === 'materials' ? '医療材料・医薬品費' : 'その他'} ${r.row + 1}行目` })], discriminator: r.id });
      }
      return out;
    },
  },
  {
    id: 'R-C-5',
    title: '患者負担と医療機関負担',
    severity: 'error',
    basis: '記載要領 第5(2)④：費用の一部又は全部を患者に請求しない場合は、医療機関が負担する額と患者に請求する額を記載',
    check(s) {
      const out = [...agreementHits(s, 'patient'), ...agreementHits(s, 'institution')];
      const pays = s.cost.patientPays;
      if (pays.mode === 'part' && pays.patientCharge > s.facts.cost.total) {
        out.push({ message: `患者に請求する額（${formatYenWithUnit(pays.patientCharge)}）が先進医療にかかる費用（${formatYenWithUnit(s.facts.cost.total)}）を超えています。`, locations: [at('cost', 'patientPays', { label: '費用の積算 患者に請求する額' })], discriminator: 'over' });
      }
      if (s.facts.cost.institutionBurden > 0 && inPackage(s, yoshiki3.id) && textOf(s, yoshiki3, 'patientBurden').trim() === '') {
        out.push({ severity: 'warning', message: '医療機関が費用の一部を負担します。様式第3号「１１．患者負担について」に、負担の区分（研究費等で負担する旨）を記載してください。', locations: [atField(yoshiki3, 'patientBurden')], discriminator: 'split' });
      }
      return out;
    },
  },
  {
    id: 'R-C-7',
    title: '委託費の計上',
    severity: 'warning',
    applies: { packages: ['outsourcing'] },
    basis: '記載要領 別紙2 第2：委託する場合、受託側の費用は様式第7-1号に計上し、契約書（別紙2 様式第9号）で取り決める',
    check(s) {
      if (s.cost.others.some((o) => /委託|検査|受託/.test(o.name))) return [];
      return [{ message: '委託（共同実施）の届出ですが、費用の積算の「その他」に委託費がありません。受託側の費用を計上してください。', locations: [at('cost', 'others', { label: '費用の積算 その他' })] }];
    },
  },
];

