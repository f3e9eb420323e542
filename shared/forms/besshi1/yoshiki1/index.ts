/**
 * 別紙1 様式第1-1号 先進医療実施届出書 (to 厚生労働大臣) and 様式第1-2号 新規施設届出書 (to the
 * 地方厚生(支)局長) — spec §3.0–3.1; layout [INF] (form-layouts.md §3.1–3.2): 「推定様式」.
 * Both carry the 事務担当者 E-mail, 同意 and 補償 items (記載要領 第1・第2).
 */
import { z } from 'zod';
import { blankDate, formatDate } from '../../../dates/date-style';
import { parseIsoDate } from '../../../dates/iso-date';
import { para, type Block } from '../../../document/model';
import { personLine } from '../../../model/person';
import type { FormDefinition, SubmissionFacts } from '../../definition';
import { OPT_FOR_A, REQ_BOTH, emptyAnswers, field, fieldsOf, longText, shortText } from '../../field';
import { BODY, dateStyleOf, formSection, notificationHeader, schemaLayout } from '../../layout-helpers';

const yesNo = (label: string, help: string, source: string) => field(z.enum(['', '有', '無']), { label, kind: 'yesno', required: REQ_BOTH, help, source });

/**
 * The 事務担当者 is a fact of 設定 › 医療機関情報, like the 事前相談申込書's 担当者 (issue 15): a field
 * left blank prints it, so it is typed once. Typed here, it is printed instead (another 担当者 for
 * this filing). R-ID-9 says when neither is written.
 */
const FROM_SETTINGS = '空欄のときは設定（医療機関情報）の担当者を印刷します（事前相談申込書と同じ）。この届出だけ別の担当者にする場合に書きます。';
const OPT_BOTH = { A: 'opt', B: 'opt' } as const;

const common = {
  clerkName: shortText({ label: '事務担当者の所属・氏名', required: OPT_BOTH, help: FROM_SETTINGS, source: 'S2 §2(1)' }),
  clerkPhone: shortText({ label: '事務担当者の連絡先（TEL・FAX）', required: OPT_BOTH, help: FROM_SETTINGS, source: 'S2 §2(1)' }),
  clerkEmail: shortText({ label: '事務担当者のE-mail', required: OPT_BOTH, help: `担当者が替わっても届く共用のアドレスが望まれます。${FROM_SETTINGS}`, source: 'S2 §2(1)' }),
  consent: longText({ label: '被験者等への同意', required: OPT_FOR_A, help: '説明の方法・時期などを書き、注に挙げる必須事項を含む同意文書の雛形を添付します。', source: 'S2 §2(2)' }),
  compensation: yesNo('補償の有無', '健康被害に対して補償金・医療費・医療手当（交通費等）を支払う場合は「有」です。', 'S2 §2(3)'),
  insurance: yesNo('保険への加入の有無', '健康被害に備えて保険に加入する場合は「有」です。', 'S2 §2(4)'),
  otherMeasures: longText({ label: 'その他の措置', required: REQ_BOTH, help: '保険以外の措置（医療の提供、物品・サービスの提供など）を書きます。', source: 'S2 §2(5)' }),
};

export const yoshiki11Schema = z.object(common);

type ClerkKey = 'clerkName' | 'clerkPhone' | 'clerkEmail';

/** The 事務担当者 lines as 設定 gives them (「TEL 03-…／FAX 03-…」), '' where 設定 has nothing. */
export function clerkFromSettings(contact: SubmissionFacts['contact']): Record<ClerkKey, string> {
  const c = contact ?? { affiliation: '', name: '', tel: '', fax: '', email: '' };
  const join = (parts: readonly string[], sep: string) => parts.map((x) => x.trim()).filter((x) => x !== '').join(sep);
  return {
    clerkName: join([c.affiliation, c.name], '　'),
    clerkPhone: join([c.tel.trim() && `TEL ${c.tel.trim()}`, c.fax.trim() && `FAX ${c.fax.trim()}`], '／'),
    clerkEmail: c.email.trim(),
  };
}

/** Answers as printed: each blank 事務担当者 field filled from 設定. */
export function withClerk<T extends Readonly<Record<ClerkKey, string>>>(a: T, contact: SubmissionFacts['contact']): T {
  const fromSettings = clerkFromSettings(contact);
  const pick = (k: ClerkKey) => (a[k].trim() === '' ? fromSettings[k] : a[k]);
  return { ...a, clerkName: pick('clerkName'), clerkPhone: pick('clerkPhone'), clerkEmail: pick('clerkEmail') };
}
export const yoshiki12Schema = z.object({
  bureau: shortText({ label: '宛先の地方厚生（支）局', required: REQ_BOTH, help: '例：関東信越厚生局' }),
  ...common,
});

/** 提出年月日 in the document's date style; left blank to write by hand until the 届出日 is set. */
function dateLine(facts: SubmissionFacts): string {
  const ymd = parseIsoDate(facts.filingDate ?? '');
  return ymd ? formatDate(ymd, dateStyleOf(facts)) : blankDate(dateStyleOf(facts));
}

const STATEMENT = '下記のとおり、先進医療を実施したいので届け出ます。';

/** Rows printed from the facts: the technology and the 実施責任医師 of the 職員名簿. */
function factRows(facts: SubmissionFacts): Array<[string, string]> {
  return [
    ['先進医療の名称', facts.technologyName],
    ['適応症', facts.indication],
  ];
}

/** 実施診療科 = the department of the 実施責任医師, who must be 常勤 there (spec §3.1). */
function departmentRow(facts: SubmissionFacts): [string, string] {
  return ['先進医療の実施診療科', facts.responsiblePhysician?.department ?? ''];
}

/** Inserted after 実施診療科, as on the form: the 実施責任医師 from the 職員名簿 (R-ID-5). */
function physicianRow(facts: SubmissionFacts): [string, string] {
  return ['実施責任医師', personLine(facts.responsiblePhysician)];
}

export const yoshiki11: FormDefinition<typeof yoshiki11Schema> = {
  id: 'besshi1/yoshiki1-1',
  besshi: '別紙1',
  number: '様式第1-1号',
  title: '先進医療実施届出書',
  estimatedLayout: true,
  answers: yoshiki11Schema,
  empty: () => emptyAnswers(yoshiki11Schema),
  build(facts, a) {
    const fields = fieldsOf(yoshiki11Schema);
    const blocks: Block[] = [
      ...notificationHeader({ title: '先進医療実施届出書', addressee: '厚生労働大臣　殿', date: dateLine(facts), institution: facts.institution }),
      para(STATEMENT, BODY, { leading: 1.7, spaceAfter: 6 }),
      ...schemaLayout(fields, withClerk(a, facts.contact), [...factRows(facts), departmentRow(facts), physicianRow(facts)]),
    ];
    return formSection(facts, { formNumber: '様式第1-1号', title: '様式第1-1号 先進医療実施届出書', pageNumbers: true, blocks });
  },
};

export const yoshiki12: FormDefinition<typeof yoshiki12Schema> = {
  id: 'besshi1/yoshiki1-2',
  besshi: '別紙1',
  number: '様式第1-2号',
  title: '新規施設届出書',
  estimatedLayout: true,
  answers: yoshiki12Schema,
  empty: () => emptyAnswers(yoshiki12Schema),
  build(facts, a) {
    const fields = fieldsOf(yoshiki12Schema).filter((f) => f.key !== 'bureau');
    const blocks: Block[] = [
      ...notificationHeader({ title: '新規施設届出書', addressee: `${a.bureau.trim() || '　　　　厚生（支）局'}長　殿`, date: dateLine(facts), institution: facts.institution }),
      para(STATEMENT, BODY, { leading: 1.7, spaceAfter: 6 }),
      ...schemaLayout(fields, withClerk(a, facts.contact), [...factRows(facts), departmentRow(facts), physicianRow(facts)]),
    ];
    return formSection(facts, { formNumber: '様式第1-2号', title: '様式第1-2号 新規施設届出書', pageNumbers: true, blocks });
  },
};
