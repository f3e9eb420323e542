/**
 * 別紙1 様式第2号 先進医療の実施診療科及び実施体制 — spec §3.2; layout [INF] (form-layouts.md §3.3).
 * One row per institution (申請・調整・協力医療機関) and the ethics committee roster (R-ETH).
 * The committee and its members come from the 倫理審査委員会 master (picked by id); a table typed on
 * the form itself is printed only when no committee is picked (drafts made before the master).
 */
import { z } from 'zod';
import type { Block } from '../../../document/model';
import type { FormDefinition, SubmissionFacts } from '../../definition';
import { personLine } from '../../../model/person';
import { membersOn } from '../../../model/master';
import { REQ_BOTH, emptyAnswers, field, fieldsOf, longText, refField, shortText, tableField } from '../../field';
import { formSection, schemaLayout, title } from '../../layout-helpers';

export const yoshiki2Schema = z.object({
  applicantDuty: shortText({ label: '当直体制（申請医療機関）', required: REQ_BOTH, help: '当直医師の所属診療科名と人数を書きます。', source: 'S2 §3(1)②' }),
  applicantSafety: shortText({ label: '医療安全対策（申請医療機関）', required: REQ_BOTH, help: '医療安全責任者の氏名、医療安全委員会の開催頻度・開催日などを書きます。', source: 'S2 §3(1)③' }),
  sites: tableField(
    { label: '実施医療機関', required: { A: 'opt', B: 'opt' }, help: '申請医療機関の行は、医療機関名・実施診療科・実施責任医師を届出医療機関と職員名簿から自動で入れます。ここには調整医療機関・協力医療機関を書きます。多い場合は一覧表を添付できます。', source: 'S2 §3(1)' },
    [
      { key: 'role', label: '区分（申請・調整・協力）', width: 12 },
      { key: 'name', label: '医療機関名', width: 18 },
      { key: 'department', label: '実施診療科', width: 14 },
      { key: 'physician', label: '実施責任医師', width: 14 },
      { key: 'duty', label: '当直体制（診療科名・人数）', width: 18 },
      { key: 'safety', label: '医療安全対策（責任者・委員会の開催頻度等）', width: 24 },
    ],
  ),
  committeeId: refField({
    label: '倫理審査委員会',
    required: REQ_BOTH,
    help: '審査した委員会を選びます。構成員（氏名・所属・区分・外部委員・性別）は委員会の台帳から印刷されます。5名以上、外部委員2名以上、男女両性が必要です。',
    source: 'S2 §3(2)①②',
    master: { list: 'committees' },
  }),
  committee: tableField(
    { label: '倫理審査委員会の構成員（委員会を選ばずに書く場合）', required: { A: 'opt', B: 'opt' }, help: '委員会を選んだ場合は使いません。', source: 'S2 §3(2)②', replacedBy: 'committeeId' },
    [
      { key: 'name', label: '氏名', width: 18 },
      { key: 'position', label: '所属・職名', width: 30 },
      { key: 'category', label: '区分', width: 28 },
      { key: 'external', label: '外部委員', width: 12 },
      { key: 'sex', label: '男女の別', width: 12 },
    ],
  ),
  approvedOn: field(z.string().max(10), { label: '承認年月日', kind: 'date', required: REQ_BOTH, source: 'S2 §3(2)①' }),
  compliance: longText({
    label: '倫理指針の細則の遵守',
    required: REQ_BOTH,
    help: '倫理審査委員会が倫理指針の細則を遵守して運営されている旨を書きます。',
    source: 'S2 §3(2)③',
  }),
});
export type Yoshiki2 = z.infer<typeof yoshiki2Schema>;

/** 「架空大学医学部倫理審査委員会（倫理審査委員会）」, but a name that already says its kind is printed once. */
export function committeeLabel(c: { readonly name: string; readonly type: string }): string {
  const name = c.name.trim();
  return name === '' ? c.type : name.includes(c.type) ? name : `${name}（${c.type}）`;
}

/**
 * The 協力医療機関 this 様式第2号 names — registered as sites of the project, then typed as rows of its
 * table — each once: whose own papers go with a 先進医療B package.
 */
export function cooperatingNames(facts: Pick<SubmissionFacts, 'sites'>, a: Pick<Yoshiki2, 'sites'>): string[] {
  const registered = (facts.sites ?? []).filter((x) => x.role === '協力医療機関').map((x) => x.name);
  const typed = a.sites.filter((r) => (r.role ?? '').includes('協力')).map((r) => r.name ?? '');
  return [...new Set([...registered, ...typed].map((n) => n.trim()).filter((n) => n !== ''))];
}

export const yoshiki2: FormDefinition<typeof yoshiki2Schema> = {
  id: 'besshi1/yoshiki2',
  besshi: '別紙1',
  number: '様式第2号',
  title: '先進医療の実施診療科及び実施体制',
  estimatedLayout: true,
  answers: yoshiki2Schema,
  empty: (): Yoshiki2 => emptyAnswers(yoshiki2Schema),
  build(facts, a) {
    // The applicant's row is made of facts: the filing institution and the 実施責任医師 of the roster.
    const applicant = {
      role: '申請医療機関',
      name: facts.institution?.name ?? '',
      department: facts.responsiblePhysician?.department ?? '',
      physician: personLine(facts.responsiblePhysician),
      duty: a.applicantDuty,
      safety: a.applicantSafety,
    };
    // 調整・協力医療機関 registered as sites of the project (issue 11) print after it; rows typed on
    // the form (drafts made before sites existed) follow.
    const registered = (facts.sites ?? [])
      .filter((x) => x.role === '調整医療機関' || x.role === '協力医療機関')
      .map((x) => ({ role: x.role, name: x.name, department: x.department, physician: x.responsiblePhysician, duty: x.duty, safety: x.safety }));
    const fields = fieldsOf(yoshiki2Schema).filter((f) => f.key !== 'applicantDuty' && f.key !== 'applicantSafety');
    const committee = facts.masters.committees.find((c) => c.id === a.committeeId);
    const members = committee
      ? membersOn(committee.members, facts.asOf ?? '9999-12-31').map((m) => ({ name: m.name, position: m.position, category: m.category, external: m.external, sex: m.sex }))
      : a.committee;
    const blocks: Block[] = [
      title('先進医療の実施診療科及び実施体制'),
      ...schemaLayout(
        fields.map((f) => (f.key === 'committee' ? { ...f, meta: { ...f.meta, label: '倫理審査委員会の構成員' } } : f)),
        { ...a, sites: [applicant, ...registered, ...a.sites], committee: members },
        [['先進医療の名称', facts.technologyName], ...(committee ? [['倫理審査委員会', committeeLabel(committee)] as const] : [])],
      ),
    ];
    return formSection(facts, { formNumber: '様式第2号', title: '様式第2号 先進医療の実施診療科及び実施体制', pageNumbers: true, blocks });
  },
};
