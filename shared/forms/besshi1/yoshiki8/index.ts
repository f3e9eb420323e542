/**
 * 別紙1 様式第8-1号・第8-2号 先進医療の実施科及び実施体制 — spec §3.8; layout [INF]
 * (form-layouts.md §3.9): 8-1 = the physicians, 8-2 = the institution, mirroring 様式第9号 Ⅰ and Ⅱ.
 */
import { z } from 'zod';
import type { Block } from '../../../document/model';
import type { FormDefinition } from '../../definition';
import { pick, type Department } from '../../../model/master';
import type { Person } from '../../../model/person';
import { REQ_BOTH, emptyAnswers, field, fieldsOf, longText, refsField, shortText, tableField } from '../../field';
import { formSection, schemaLayout, title } from '../../layout-helpers';

const yesNo = (label: string) => field(z.enum(['', '有', '無']), { label, kind: 'yesno', required: REQ_BOTH, source: 'S2 §8' });

export const yoshiki81Schema = z.object({
  performerIds: refsField({
    label: '実施者（職員名簿から選ぶ）',
    required: { A: 'opt', B: 'opt' },
    help: '実施責任医師のほかに実施する医師を職員名簿から選びます。資格・経験年数・経験症例数は名簿の内容が印刷されます。',
    source: 'S2 §8(2)',
    master: { list: 'people' },
  }),
  physicians: tableField(
    { label: '実施責任医師及び実施者', required: { A: 'opt', B: 'opt' }, help: '実施責任医師の行は職員名簿から自動で入ります。職員名簿にいない実施者（他院の医師など）はここに書きます。手術は術者と助手の両方の経験症例数、検査等は術者（実施者）の経験症例数のみです。有効かつ安全に実施した症例に限ります。', source: 'S2 §8(2)' },
    [
      { key: 'name', label: '氏名', width: 12 },
      { key: 'role', label: '実施責任医師／実施者', width: 12 },
      { key: 'department', label: '診療科', width: 12 },
      { key: 'qualification', label: '資格（専門医等）', width: 16 },
      { key: 'yearsDept', label: '当該診療科の経験年数', width: 12 },
      { key: 'yearsTech', label: '当該技術の経験年数', width: 12 },
      { key: 'casesOperator', label: '経験症例数（術者（実施者）として）', width: 12 },
      { key: 'casesAssistant', label: '経験症例数（助手として）', width: 12 },
    ],
  ),
  other: longText({ label: 'その他', required: { A: 'opt', B: 'opt' }, help: '学会の認定施設であることなどを書きます。', source: 'S2 §8(4)' }),
});

export const yoshiki82Schema = z.object({
  doctorsByDept: tableField(
    { label: '診療科別の常勤医師数', required: { A: 'opt', B: 'opt' }, help: '空欄のときは「診療科」の台帳（すべての診療科と常勤医師数）を印刷します。他の医療機関として届け出る場合などに、ここに書きます。病理部門・輸血部門など常勤医師のいる部門も含めます。', source: 'S2 §8(3)' },
    [
      { key: 'department', label: '診療科', width: 60 },
      { key: 'count', label: '常勤医師数', width: 40 },
    ],
  ),
  otherStaff: shortText({ label: 'その他医療従事者の配置（薬剤師、臨床工学技士等）', required: REQ_BOTH }),
  beds: shortText({ label: '病床数', required: REQ_BOTH }),
  nursing: shortText({ label: '看護配置', required: REQ_BOTH, help: '例：7対1' }),
  nightDuty: shortText({ label: '当直体制', required: REQ_BOTH }),
  emergencySurgery: yesNo('緊急手術の実施体制'),
  lab24h: yesNo('院内検査（24時間実施体制）'),
  cooperation: longText({ label: '他の医療機関との連携体制（患者容態急変時等）', required: REQ_BOTH }),
  maintenance: yesNo('医療機器の保守管理体制'),
  ethicsReview: yesNo('倫理審査委員会による審査体制'),
  safetyCommittee: yesNo('医療安全管理委員会の設置'),
  casesDone: shortText({ label: '医療機関としての当該技術の実施症例数', required: REQ_BOTH }),
  other: longText({ label: 'その他', required: { A: 'opt', B: 'opt' }, help: '技術を院内で完結して実施できることなどを書きます。', source: 'S2 §8(4)' }),
});

/** The typed table where given; otherwise every 診療科 of the master with its 常勤医師数. */
export function doctorsByDept(master: readonly Department[], typed: ReadonlyArray<Record<string, string>>): ReadonlyArray<Record<string, string>> {
  if (typed.some((r) => Object.values(r).some((v) => v.trim() !== ''))) return typed;
  return master.filter((d) => d.name.trim() !== '').map((d) => ({ department: d.name, count: d.fullTimeDoctors.trim() === '' ? '' : `${d.fullTimeDoctors.trim().replace(/名$/, '')}名` }));
}

export const yoshiki81: FormDefinition<typeof yoshiki81Schema> = {
  id: 'besshi1/yoshiki8-1',
  besshi: '別紙1',
  number: '様式第8-1号',
  title: '先進医療の実施科及び実施体制',
  estimatedLayout: true,
  answers: yoshiki81Schema,
  empty: () => emptyAnswers(yoshiki81Schema),
  build(facts, a) {
    // The 実施責任医師's row comes from the 職員名簿; the table adds the other 実施者.
    const p = facts.responsiblePhysician;
    const row = (x: Person, role: string) => ({ name: x.name, role, department: x.department, qualification: x.qualification, yearsDept: x.yearsInDept, yearsTech: x.yearsInTech, casesOperator: x.casesOperator, casesAssistant: x.casesAssistant });
    const lead = p ? [row(p, '実施責任医師')] : [];
    const performers = pick(facts.masters.people, a.performerIds).found.filter((x) => x.id !== p?.id).map((x) => row(x, '実施者'));
    const blocks: Block[] = [
      title('先進医療の実施科及び実施体制'),
      ...schemaLayout(fieldsOf(yoshiki81Schema), { ...a, physicians: [...lead, ...performers, ...a.physicians] }, [
        ['先進医療の名称', facts.technologyName],
        ['実施診療科', facts.responsiblePhysician?.department ?? ''],
      ]),
    ];
    return formSection(facts, { formNumber: '様式第8-1号', title: '様式第8-1号 先進医療の実施科及び実施体制', pageNumbers: true, blocks });
  },
};

export const yoshiki82: FormDefinition<typeof yoshiki82Schema> = {
  id: 'besshi1/yoshiki8-2',
  besshi: '別紙1',
  number: '様式第8-2号',
  title: '先進医療の実施科及び実施体制（医療機関）',
  estimatedLayout: true,
  answers: yoshiki82Schema,
  empty: () => emptyAnswers(yoshiki82Schema),
  build(facts, a) {
    const blocks: Block[] = [
      title('先進医療の実施科及び実施体制'),
      ...schemaLayout(fieldsOf(yoshiki82Schema), { ...a, doctorsByDept: doctorsByDept(facts.masters.departments, a.doctorsByDept) }, [
        ['先進医療の名称', facts.technologyName],
        ['保険医療機関の名称', facts.institution?.name ?? ''],
        ['実施診療科', facts.responsiblePhysician?.department ?? ''],
      ]),
    ];
    return formSection(facts, { formNumber: '様式第8-2号', title: '様式第8-2号 先進医療の実施科及び実施体制', pageNumbers: true, blocks });
  },
};
