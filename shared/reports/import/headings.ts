/**
 * Case import (issue 14 item 3): which column of the 実績報告 a heading of the hospital's sheet
 * names. The official headings (CASE_COLUMN_LABEL, spec §3.13) and the ways hospitals write them
 * (「症例番号」「患者ID」 for 整理番号, 「入院日数」 for 入院期間, 「研究費」 for その他 …) are compared
 * after normalising: NFKC (full-width letters and brackets), no spaces or line breaks, no unit in
 * brackets (「入院期間（日）」「保険外併用療養費分（円）」), no brackets or dots.
 */
import { CASE_COLUMNS, CASE_COLUMN_LABEL, type CaseColumn } from '../model';

/** A heading as compared: 「先進医療費用\n（患者負担）」 and 「先進医療費用(患者負担)」 are the same. */
export function headingKey(heading: string): string {
  return heading
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(［[][円日回歳件年月]?[)\]］]$/u, '')
    .replace(/[()[\]［］「」『』【】〔〕・:.。、,_\-－―]/gu, '')
    .toLowerCase();
}

/** Headings other than the official one that name a column (compared by headingKey). */
const VARIANTS: Readonly<Record<CaseColumn, readonly string[]>> = {
  caseNumber: ['症例番号', '症例ID', '症例No', '患者ID', '患者番号', 'ID', '登録番号', '被験者番号', '被験者識別コード'],
  siteName: ['実施医療機関', '医療機関名', '医療機関', '施設名', '実施施設', '協力医療機関名'],
  age: ['年齢（歳）', '年令'],
  sex: ['男女', '性'],
  diagnosis: ['病名', '主たる病名', '疾患名', '傷病名', '診断'],
  firstDate: ['初回実施年月日', '実施日', '初回実施日（西暦）', '初回治療日', '施行日', '実施年月日'],
  inpatientDays: ['入院日数', '在院日数', '入院期間（日数）', '入院期間日数'],
  procedures: ['回数', '施行回数', '実施件数'],
  outcome: ['転機'],
  insuredAmount: ['保険外併用療養費', '保険外併用療養費（保険者負担分）', '保険者負担分', '保険外併用療養費分（円）'],
  copayment: ['一部負担金', '保険外併用療養費の一部負担金', '保険外併用療養費に係る一部負担金', '一部負担額'],
  advancedPatient: ['患者負担', '患者負担額', '先進医療費用患者負担', '先進医療に係る費用（患者負担）', '先進医療費（患者負担）', '先進医療費用（患者負担額）'],
  advancedOther: ['その他', '研究費', '研究費等', '先進医療費用その他', '先進医療に係る費用（その他）', '先進医療費（その他）', '患者負担以外'],
  evaluation: ['評価', '有効性評価', '効果判定'],
  code: ['コード', '先進医療コード', '技術コード'],
  note: ['備考欄', 'メモ', 'コメント'],
};

const BY_KEY: ReadonlyMap<string, CaseColumn> = (() => {
  const m = new Map<string, CaseColumn>();
  for (const c of CASE_COLUMNS) for (const h of [CASE_COLUMN_LABEL[c], ...VARIANTS[c]]) if (!m.has(headingKey(h))) m.set(headingKey(h), c);
  return m;
})();

/** The column a heading names, or undefined. */
export function columnOfHeading(heading: string): CaseColumn | undefined {
  const key = headingKey(heading);
  return key === '' ? undefined : BY_KEY.get(key);
}
