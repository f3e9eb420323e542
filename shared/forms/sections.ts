/**
 * The sections of each 様式 as the form prints them (issue 15 item 2): the editor shows their
 * numbers and headings, lists them as a jump list, and the preview follows the section being edited.
 * Numbers and headings keep the printed spelling (様式第3号 「３．」, 「７－２．」, 様式第9号 「Ⅰ．」 …).
 * Forms whose official layout has no numbered sections (推定様式) are grouped by their printed rows,
 * without a number.
 *
 * A section runs from its first field to the field before the next section's first field, so a field
 * added to a schema falls into the section before it (test/unit/forms/sections.test.ts).
 */
import type { LaidOutDocument } from '../document/layout/types';

export interface FormSectionInfo {
  /** As printed: 「２－１．」, 「Ⅰ．」, 「④」; '' where the form numbers nothing. */
  readonly number: string;
  readonly title: string;
  /** The answer key of the section's first field in the editor. */
  readonly firstFieldKey: string;
  /** A sub-item of the section before (様式第3号 ７－２ ①〜⑤). */
  readonly sub?: boolean;
  /** Text printed where the section begins, to find its page in the preview; default number + title. */
  readonly printed?: string;
}

const s = (number: string, title: string, firstFieldKey: string, extra: Partial<Pick<FormSectionInfo, 'sub' | 'printed'>> = {}): FormSectionInfo => ({ number, title, firstFieldKey, ...extra });

const NOTIFICATION = (first: readonly FormSectionInfo[]): readonly FormSectionInfo[] => [
  ...first,
  s('', '事務担当者', 'clerkName', { printed: '事務担当者の所属・氏名' }),
  s('', '被験者等への同意', 'consent'),
  s('', '補償・保険・その他の措置', 'compensation', { printed: '補償の有無' }),
];

export const FORM_SECTIONS: Readonly<Record<string, readonly FormSectionInfo[]>> = {
  'besshi1/yoshiki1-1': NOTIFICATION([]),
  'besshi1/yoshiki1-2': NOTIFICATION([s('', '宛先', 'bureau', { printed: '新規施設届出書' })]),
  'besshi1/yoshiki2': [
    s('', '実施医療機関（申請・調整・協力医療機関）', 'applicantDuty', { printed: '実施医療機関' }),
    s('', '倫理審査委員会の構成員及び承認年月日', 'committeeId', { printed: '倫理審査委員会' }),
  ],
  'besshi1/yoshiki3': [
    s('２－１．', '使用する医薬品、医療機器又は再生医療等製品について', 'devices'),
    s('２－２．', '海外での承認に関する情報', 'overseas'),
    // 「１．先進医療技術の名称」 prints the project's name: nothing to type here. 「３．」's 適応症 likewise.
    s('３．', '期待される適応症、効能及び効果', 'efficacy'),
    s('４．', '予測される安全性情報', 'safety'),
    s('５．', '被験者の適格基準及び選定方法', 'eligibility'),
    s('６．', '治療計画', 'treatmentPlan'),
    s('７－１．', '有効性及び安全性の評価', 'evaluation'),
    s('７－２．', '予定の試験期間及び症例数', 'period'),
    // The 記載要領's ①〜⑤ of 7-2 (S2 §4(7-2)); ④ and ⑤ print without a number on the form.
    s('①', '予定試験期間・予定症例数・既に実績のある症例数', 'period', { sub: true, printed: '予定試験期間' }),
    s('②③', '実績症例（有効性が認められた事例／認められなかった事例、安全上の問題が発生した事例）', 'casesEffective', { sub: true, printed: '①有効性が認められた事例' }),
    s('④', '予定試験期間及び予定症例数の設定根拠', 'rationale', { sub: true, printed: '予定試験期間及び予定症例数の設定根拠' }),
    s('⑤', '生物統計学的設定根拠', 'statistics', { sub: true, printed: '生物統計学的設定根拠' }),
    s('８．', 'モニタリング体制及び実施方法', 'monitoring'),
    s('９．', '被験者等に対して重大な事態が生じた場合の対処方法及び補償内容', 'compensation'),
    s('１０．', '試験に係る記録の取扱い及び管理・保存方法', 'records'),
    s('１１．', '患者負担について', 'patientBurden'),
    s('１２．', '起こりうる利害の衝突及び研究者等の関連組織との関わり', 'conflicts'),
    s('１３．', '個人情報保護の方法', 'privacy'),
    s('１４．', '試験計画の公表方法', 'publication'),
    s('１５．', '技術的成熟度', 'maturity'),
    s('１６．', '社会的妥当性（社会的倫理的問題等）', 'social'),
    s('１７．', '現時点での普及性', 'diffusion'),
    s('１８．', '将来の保険収載の必要性', 'insuranceNeed'),
    s('１９．', '文献情報', 'literature'),
  ],
  'besshi1/yoshiki4': [s('', '記載内容', 'content', { printed: '様式第４号' })],
  'besshi1/yoshiki5': [
    s('', '内容', 'lead', { printed: '内容：' }),
    s('', '（先進性）', 'advancement'),
    s('', '（概要）', 'outline'),
    s('', '（効果）', 'effect'),
    s('', '（先進医療にかかる費用）', 'costText'),
  ],
  'besshi1/yoshiki6': [
    s('', '典型的な症例と被保険者区分', 'typicalCase', { printed: '典型的な症例' }),
    s('', '保険外併用療養費', 'insurerShare', { printed: '先進医療にかかる費用' }),
    s('', '（別紙）保険外併用療養費分の内訳', 'insuredRows'),
  ],
  'besshi1/yoshiki7-1': [s('', '備考', 'notes', { printed: '先進医療に係る費用の積算根拠' })],
  'besshi1/yoshiki7-2': [s('', '備考', 'notes', { printed: '先進医療に係る費用の積算根拠' })],
  'besshi1/yoshiki8-1': [
    s('', '実施責任医師及び実施者', 'performerIds'),
    s('', 'その他', 'other'),
  ],
  'besshi1/yoshiki8-2': [
    s('', '診療科別の常勤医師数', 'doctorsByDept'),
    s('', '医療従事者・病床・看護配置・当直体制', 'otherStaff', { printed: 'その他医療従事者の配置' }),
    s('', '緊急時・検査・連携・保守・審査・安全管理の体制', 'emergencySurgery', { printed: '緊急手術の実施体制' }),
    s('', '実施症例数・その他', 'casesDone', { printed: '医療機関としての当該技術の実施症例数' }),
  ],
  'besshi1/yoshiki9': [
    s('Ⅰ．', '実施責任医師の要件', 'physDept'),
    s('Ⅱ．', '医療機関の要件', 'instDept'),
    s('Ⅲ．', 'その他の要件', 'frequentReports'),
  ],
  'besshi2/yoshiki8': [
    s('', '委託する業務と委託側', 'outline', { printed: '委託する業務の内容' }),
    s('', '受託側', 'contractorName', { printed: '受託側医療機関名' }),
  ],
  'besshi2/yoshiki9': [
    s('', '委託業務の実施方法', 'steps'),
    s('', '取り交わした文書', 'documents'),
  ],
};

export function sectionsOf(formId: string): readonly FormSectionInfo[] {
  return FORM_SECTIONS[formId] ?? [];
}

/** 「７－２．予定の試験期間及び症例数」, 「（先進性）」: the heading as the editor shows it. */
export function sectionHeading(section: FormSectionInfo): string {
  return `${section.number}${section.number === '' || /[．.]$/.test(section.number) ? '' : ' '}${section.title}`;
}

/** The sections with the keys of their fields, in the editor's order (`keys`: the form's fields in order). */
export function fieldsBySection(sections: readonly FormSectionInfo[], keys: readonly string[]): Array<{ readonly section: FormSectionInfo | undefined; readonly keys: string[] }> {
  const starts = new Map<string, FormSectionInfo[]>();
  for (const sec of sections) starts.set(sec.firstFieldKey, [...(starts.get(sec.firstFieldKey) ?? []), sec]);
  const out: Array<{ section: FormSectionInfo | undefined; keys: string[] }> = [];
  for (const key of keys) {
    for (const sec of starts.get(key) ?? []) out.push({ section: sec, keys: [] });
    if (out.length === 0) out.push({ section: undefined, keys: [] });
    out[out.length - 1]!.keys.push(key);
  }
  return out;
}

const squeeze = (text: string): string => text.replace(/[\s　]+/g, '');

/**
 * The page (0-based) of a laid-out document on which `text` first prints, white space ignored (a
 * heading may wrap onto two lines); undefined when it does not print.
 */
export function pageWhereTextPrints(doc: LaidOutDocument, text: string): number | undefined {
  const needle = squeeze(text);
  if (needle === '') return undefined;
  const index = doc.pages.findIndex((page) => squeeze(page.ops.map((op) => (op.kind === 'text' ? op.text : '')).join('')).includes(needle));
  return index < 0 ? undefined : index;
}

/** What to look for in the preview for a section: its own printed text, else its heading. */
export function printedTextOf(section: FormSectionInfo): string {
  return section.printed ?? `${section.number}${section.title}`;
}
