/**
 * 別紙1 様式第9号 先進医療を実施可能とする保険医療機関の要件として考えられるもの — spec §3.9,
 * layout [FILLED] (form-layouts.md §3.10): rows and value patterns in the printed order.
 * A 協力医療機関 attaches an identical copy (R-ID-7).
 */
import { z } from 'zod';
import { cell, para, type Block, type TableRow } from '../../../document/model';
import type { FormDefinition } from '../../definition';
import { REQ_BOTH, emptyAnswers, fieldsOf, longText, requirementField, type FieldMeta, type RequirementValue } from '../../field';
import { BODY, formSection, requirementParagraphs, title } from '../../layout-helpers';

const req = (label: string, yes: string, extra: { detail?: string; help?: string; no?: string } = {}) =>
  requirementField(
    { label, required: REQ_BOTH, source: 'S2 §9', ...(extra.help ? { help: extra.help } : {}) },
    { yes, ...(extra.detail ? { detail: extra.detail } : {}), ...(extra.no ? { no: extra.no } : {}) },
  );
const other = (label: string, help?: string) => longText({ label, required: { A: 'opt', B: 'opt' }, source: 'S2 §9', ...(help ? { help } : {}) });

export const yoshiki9Schema = z.object({
  // Ⅰ．実施責任医師の要件
  physDept: req('診療科', '要（{v}）'),
  physQualification: req('資格', '要（{v}）', { help: '例：日本外科学会外科専門医' }),
  physYearsDept: req('当該診療科の経験年数', '要（{v}）年以上'),
  physYearsTech: req('当該技術の経験年数', '要（{v}）年以上'),
  physCasesOperator: req('当該技術の経験症例数（実施者［術者］として）', '実施者［術者］として（{v}）例以上', { help: '手術では術者としての例数を書きます。有効かつ安全に実施した症例に限ります。' }),
  physCasesAssistant: req('当該技術の経験症例数（助手又は術者として）', '［それに加え、助手又は術者として（{v}）例以上', { help: '手術で助手としての経験も求める場合に書きます。', no: '不要］' }),
  physOther: other('その他（上記以外の要件）'),
  // Ⅱ．医療機関の要件
  instDept: req('実施診療科', '要（{v}）', { help: '病理部門、臨床検査部、輸血部なども含められます。' }),
  instDoctors: req('実施診療科の医師数', '要', { detail: '具体的内容：{v}', help: '資格・経験年数・経験症例数の観点を含めて書きます（例：経験年数○年以上の△科医師が□名以上）。' }),
  instOtherDoctors: req('他診療科の医師数', '要', { detail: '具体的内容：{v}' }),
  instStaff: req('その他医療従事者の配置（薬剤師、臨床工学技士等）', '要（{v}）'),
  instBeds: req('病床数', '要（{v}床以上）'),
  instNursing: req('看護配置', '要（{v}対１看護以上）'),
  instNightDuty: req('当直体制', '要（{v}）'),
  instEmergencySurgery: req('緊急手術の実施体制', '要'),
  instLab24h: req('院内検査（24時間実施体制）', '要'),
  instCooperation: req('他の医療機関との連携体制（患者容態急変時等）', '要', { detail: '連携の具体的内容：{v}' }),
  instMaintenance: req('医療機器の保守管理体制', '要'),
  instEthics: req('倫理審査委員会による審査体制', '要', { detail: '審査開催の条件：{v}' }),
  instSafety: req('医療安全管理委員会の設置', '要'),
  instCases: req('医療機関としての当該技術の実施症例数', '要（{v}症例以上）'),
  instOther: other('その他（上記以外の要件、例；遺伝カウンセリングの実施体制が必要　等）'),
  // Ⅲ．その他の要件
  frequentReports: req('頻回の実績報告', '要（{v}）', { help: '当面の間、頻回の報告が必要な場合に、「6月間又は10症例までは、毎月報告」のように書きます。' }),
  otherRequirements: other('その他（上記以外の要件）'),
});
export type Yoshiki9 = z.infer<typeof yoshiki9Schema>;

const GROUPS: ReadonlyArray<readonly [string, readonly (keyof Yoshiki9)[]]> = [
  ['Ⅰ．実施責任医師の要件', ['physDept', 'physQualification', 'physYearsDept', 'physYearsTech', 'physCasesOperator', 'physCasesAssistant', 'physOther']],
  ['Ⅱ．医療機関の要件', ['instDept', 'instDoctors', 'instOtherDoctors', 'instStaff', 'instBeds', 'instNursing', 'instNightDuty', 'instEmergencySurgery', 'instLab24h', 'instCooperation', 'instMaintenance', 'instEthics', 'instSafety', 'instCases', 'instOther']],
  ['Ⅲ．その他の要件', ['frequentReports', 'otherRequirements']],
];

const NOTES = [
  '注１）当該技術の経験症例数について、実施者［術者］としての経験症例を求める場合には、「実施者［術者］として（　）例以上・不要」の欄を記載すること。',
  '注２）医師の資格（学会専門医等）、経験年数、当該技術の経験年数及び当該技術の経験症例数の観点を含む。',
];

/** The printed label of a row (the two 経験症例数 lines share one label cell on paper). */
function printedLabel(key: keyof Yoshiki9, meta: FieldMeta): string {
  if (key === 'physDept' || key === 'instDept') return '診療科';
  if (key === 'physCasesOperator') return '当該技術の経験症例数　注１）';
  if (key === 'instDoctors' || key === 'instOtherDoctors') return `${meta.label}　注２）`;
  return meta.label;
}

export const yoshiki9: FormDefinition<typeof yoshiki9Schema> = {
  id: 'besshi1/yoshiki9',
  besshi: '別紙1',
  number: '様式第9号',
  title: '先進医療を実施可能とする保険医療機関の要件として考えられるもの',
  estimatedLayout: false,
  answers: yoshiki9Schema,
  empty: (): Yoshiki9 => emptyAnswers(yoshiki9Schema),
  build(facts, a) {
    const metas = new Map(fieldsOf(yoshiki9Schema).map((f) => [f.key, f.meta]));
    const rows: TableRow[] = [];
    for (const [group, keys] of GROUPS) {
      rows.push({ minHeight: 22, cells: [cell(para(group, BODY), { colSpan: 2, padding: 4 })] });
      for (const key of keys) {
        const meta = metas.get(key);
        if (!meta) continue;
        const v = a[key];
        const valueBlocks = meta.kind === 'requirement' && meta.requirement && typeof v === 'object'
          ? requirementParagraphs(v satisfies RequirementValue, meta.requirement)
          : [para(typeof v === 'string' ? v : '', BODY, { leading: 1.6 })];
        rows.push({ minHeight: 24, cells: [cell(para(printedLabel(key, meta), BODY, { leading: 1.5 }), { padding: 4 }), cell(valueBlocks, { padding: 4, vAlign: 'top' })] });
      }
    }
    const blocks: Block[] = [
      title('先進医療を実施可能とする保険医療機関の要件として考えられるもの'),
      para(`先進医療名及び適応症：${facts.technologyName}`, BODY, { leading: 1.6 }),
      para(facts.indication, BODY, { leading: 1.6, indent: BODY * 11, spaceAfter: 6 }),
      { type: 'table', columns: [38, 62], rows },
      ...NOTES.map((n) => para(n, 9, { leading: 1.5, spaceBefore: 2 })),
    ];
    return formSection(facts, { formNumber: '様式第9号', title: '様式第9号 先進医療を実施可能とする保険医療機関の要件として考えられるもの', pageNumbers: true, blocks });
  },
};
