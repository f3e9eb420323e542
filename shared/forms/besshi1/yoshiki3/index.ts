import { checkbox, para, runsPara, type Block } from '../../../document/model';
import { namesProduct, pick, type Product } from '../../../model/master';
import { formatYenWithUnit } from '../../../money/yen';
import type { FormDefinition, SubmissionFacts } from '../../definition';
import { emptyAnswers } from '../../field';
import { BODY, body, formSection, heading, labelLine, rowsTable, title, yesNoLine } from '../../layout-helpers';
import { CASE_COLUMNS, yoshiki3Schema, type Yoshiki3 } from './schema';

/** (11): the amount comes from the cost model — the same number as 様式第5号, 第6号, 第7-1号 (R-C-1). */
export function patientBurdenLines(facts: SubmissionFacts): string[] {
  const c = facts.cost;
  const lines = [`先進医療にかかる費用（1症例当たり）：${formatYenWithUnit(c.total)}`];
  if (c.institutionBurden > 0) lines.push(`うち患者に請求する額：${formatYenWithUnit(c.patientCharge)}、医療機関が負担する額：${formatYenWithUnit(c.institutionBurden)}`);
  return lines;
}

const PRODUCT_COLUMNS = (first: string, third: string) =>
  [
    { key: 'name', label: first, width: 15 },
    { key: 'maker', label: '製造販売業者名及び連絡先', width: 17 },
    { key: 'spec', label: third, width: 12 },
    { key: 'approvalNumber', label: '医薬品医療機器法承認又は認証番号（16桁）', width: 17 },
    { key: 'approvedIndication', label: '医薬品医療機器法承認又は認証上の適応（注１）', width: 22 },
    { key: 'labelUse', label: '医薬品医療機器法上の適応外使用の該当（注２）', width: 17 },
  ] as const;

/** A product as its row prints: 未承認 writes 「なし」 for the number and 適応 (as filled examples do). */
function productRow(p: Product): Record<string, string> {
  const unapproved = p.labelUse === '未承認';
  return {
    name: p.name,
    maker: p.maker,
    spec: p.spec,
    approvalNumber: unapproved ? 'なし' : p.approvalNumber,
    approvedIndication: unapproved ? 'なし' : p.approvedIndication,
    labelUse: p.labelUse,
  };
}

/** 未承認・適応外 first (「未承認又は適応外のものから記載すること」), otherwise in the order picked. */
function ordered(products: readonly Product[]): Product[] {
  const rank = (p: Product): number => (p.labelUse === '未承認' ? 0 : p.labelUse === '適応外' ? 1 : 2);
  return products.map((p, i) => ({ p, i })).sort((x, y) => rank(x.p) - rank(y.p) || x.i - y.i).map((x) => x.p);
}

/**
 * ④: one row per 適応外 品目 picked in ①②③ (in their printed order) with the 台帳's 一部変更申請状況,
 * then the rows typed on the form, all kept as typed. A 品目 with no status in the 台帳 that a typed
 * row names is left to that row (older projects typed it there), so nothing prints twice.
 */
export function partialChangeRows(printed: readonly Product[], typed: readonly Record<string, string>[]): Record<string, string>[] {
  const fromLedger = printed
    .filter((p) => p.labelUse === '適応外')
    .filter((p) => (p.partialChangeStatus ?? '').trim() !== '' || !typed.some((r) => namesProduct(r.name ?? '', p)))
    .map((p) => ({ name: p.name, status: p.partialChangeStatus ?? '' }));
  return [...fromLedger, ...typed];
}

/** ２－１ ①〜⑥ as on the filled form (form-layouts.md §3.5): three product tables, then ④⑤⑥ and the notes. */
export function productBlocks(facts: SubmissionFacts, a: Yoshiki3): Block[] {
  const list = facts.masters.products;
  const devices = ordered(pick(list, a.devices).found);
  const materials = ordered(pick(list, a.materials).found);
  const regenerative = ordered(pick(list, a.regenerative).found);
  const all = [...devices, ...materials, ...regenerative];
  const usage = all.filter((p) => (p.labelUse === '未承認' || p.labelUse === '適応外') && p.usage.trim() !== '').map((p) => `${p.name}：${p.usage}`);
  if (a.usageNote.trim() !== '') usage.push(a.usageNote);
  const sub = (text: string) => para(text, BODY, { indent: BODY, leading: 1.7, spaceBefore: 4 });
  const b: Block[] = [
    heading('２－１．使用する医薬品、医療機器又は再生医療等製品について'),
    sub('①使用する医療機器（未承認又は適応外のものから記載すること。）'),
    rowsTable(PRODUCT_COLUMNS('医療機器名', '型式'), devices.map(productRow), 9),
    sub('②使用する医療材料（ディスポーザブル）及び医薬品（未承認又は適応外のものから記載すること。）'),
    rowsTable(PRODUCT_COLUMNS('品目名', '規格'), materials.map(productRow), 9),
    sub('③使用する再生医療等製品（未承認又は適応外のものから記載すること。）'),
    rowsTable(PRODUCT_COLUMNS('品目名', '規格'), regenerative.map(productRow), 9),
    sub('④医療機器、医療材料、医薬品又は再生医療等製品が医薬品医療機器法上の適応外使用に該当する場合の医薬品医療機器法承認一部変更申請状況'),
    rowsTable(
      [
        { key: 'name', label: '医療機器名又は品目名', width: 40 },
        { key: 'status', label: '医薬品医療機器法承認一部変更申請状況', width: 60 },
      ],
      partialChangeRows(all, a.partialChange),
      9,
    ),
    sub('⑤医療機器、医療材料、医薬品又は再生医療等製品が医薬品医療機器法上の未承認又は適応外使用に該当する場合の使用方法等'),
    ...(usage.length > 0 ? usage.map((u) => body(u)) : [body('')]),
    sub('⑥未承認又は適応外の場合は、□にレと記載する。'),
    runsPara(checkbox('当該医薬品・医療機器・再生医療等製品について、薬事承認の申請時及び取得時において、申請企業から情報提供がなされることとなっている。', a.infoProvided), BODY, { indent: BODY * 2, leading: 1.7 }),
    para('注１）医薬品医療機器法承認又は認証上の使用目的、効能及び効果を記入すること。', 9, { indent: BODY, leading: 1.6, spaceBefore: 4 }),
    para('注２）医薬品医療機器法において適応外使用に該当する場合は「適応外」、医薬品医療機器法で承認された適応の範囲内の使用の場合は「適応内」と記載すること。', 9, { indent: BODY, leading: 1.6 }),
  ];
  if (a.products.trim() !== '') b.push(body(a.products));
  return b;
}

const typedRows = (rows: readonly Record<string, string>[]) => rows.filter((r) => Object.values(r).some((v) => v.trim() !== ''));

/**
 * 7-2 ②③: the two tables of 実績症例, each with its 「他　例」, then the 補足. Answers of version 1 (text
 * only, no row) print their text as they did.
 */
export function caseBlocks(a: Pick<Yoshiki3, 'casesEffective' | 'casesEffectiveOthers' | 'casesIneffective' | 'casesIneffectiveOthers' | 'caseRecords'>): Block[] {
  const text = a.caseRecords.trim() !== '' ? [body(a.caseRecords)] : [];
  const effective = typedRows(a.casesEffective);
  const ineffective = typedRows(a.casesIneffective);
  if (effective.length + ineffective.length === 0 && a.casesEffectiveOthers.trim() === '' && a.casesIneffectiveOthers.trim() === '' && text.length > 0) return text;
  const sub = (t: string) => para(t, BODY, { indent: BODY, leading: 1.7, spaceBefore: 4 });
  const others = (v: string) => (v.trim() !== '' ? [para(`他　${v.trim()}`, BODY, { indent: BODY * 1.5, leading: 1.7 })] : []);
  return [
    sub('①有効性が認められた事例'),
    rowsTable(CASE_COLUMNS, effective, 9),
    ...others(a.casesEffectiveOthers),
    sub('②有効性が認められなかった事例、安全上の問題が発生した事例'),
    rowsTable(CASE_COLUMNS, ineffective, 9),
    ...others(a.casesIneffectiveOthers),
    ...text,
  ];
}

export const yoshiki3: FormDefinition<typeof yoshiki3Schema> = {
  id: 'besshi1/yoshiki3',
  besshi: '別紙1',
  number: '様式第3号',
  title: '先進医療の実施計画',
  estimatedLayout: false,
  answers: yoshiki3Schema,
  version: 2,
  migrations: [
    // Version 1 had the 実績症例 as free text only: it stays in `caseRecords` (printed as before), no row guessed from it.
    {
      from: 1,
      up: (a) => ({
        ...a,
        casesEffective: Array.isArray(a.casesEffective) ? a.casesEffective : [],
        casesIneffective: Array.isArray(a.casesIneffective) ? a.casesIneffective : [],
        casesEffectiveOthers: typeof a.casesEffectiveOthers === 'string' ? a.casesEffectiveOthers : '',
        casesIneffectiveOthers: typeof a.casesIneffectiveOthers === 'string' ? a.casesIneffectiveOthers : '',
      }),
    },
  ],
  empty: (): Yoshiki3 => emptyAnswers(yoshiki3Schema),
  build(facts, a) {
    const b: Block[] = [
      title('先進医療の実施計画'),
      heading('１．先進医療技術の名称'),
      body(facts.technologyName),
      ...productBlocks(facts, a),
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
      ...caseBlocks(a),
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
    return formSection(facts, { formNumber: '様式第3号', title: '様式第3号 先進医療の実施計画', pageNumbers: true, blocks: b });
  },
};
