/**
 * R-E-1 (issue 15 item 3; an id of the app's own — the spec's §4 has no rule for required tables): a
 * table a 様式 prints where the 記載要領 asks for content must not print empty. What is judged is the
 * table as printed — typed rows, or the rows the form fills from a master when none are typed — so
 * a table that does print (from the マスタ) is never flagged for being blank on the form itself.
 *
 * 様式第8-2号 「診療科別の常勤医師数」 (記載要領 第8(3)): every 診療科, and the departments equivalent
 * to one (病理部門・輸血部門 …) that have 常勤医師, each with its 常勤医師数. Left blank on the form and
 * with no 診療科 in the マスタ, it printed as an empty table with no finding at all.
 */
import { doctorsByDept, yoshiki82 } from '../../forms/besshi1/yoshiki8';
import { answerOf, at, atField, inPackage, type Submission } from '../submission';
import type { FieldLocation, Hit, Rule } from '../types';

interface PrintedTable {
  readonly formId: string;
  /** 「様式第8-2号「診療科別の常勤医師数」」 */
  readonly name: string;
  /** Rows as the form prints them. */
  readonly printed: (s: Submission) => ReadonlyArray<Readonly<Record<string, string>>>;
  /** Where the user fills it: the form's field and the master it prints from. */
  readonly where: readonly FieldLocation[];
  /** What to do, said after 「空欄のまま印刷されます。」 */
  readonly fix: string;
  /** A printed row that lacks a cell the 記載要領 asks for: the column's name, else undefined. */
  readonly incomplete?: (row: Readonly<Record<string, string>>) => string | undefined;
  /** The row's name in a message (「消化器外科」). */
  readonly rowName?: (row: Readonly<Record<string, string>>) => string;
}

const blank = (v: string | undefined): boolean => (v ?? '').trim() === '';

const TABLES: readonly PrintedTable[] = [
  {
    formId: yoshiki82.id,
    name: '様式第8-2号「診療科別の常勤医師数」',
    printed: (s) => doctorsByDept(s.facts.masters.departments, answerOf(s, yoshiki82, 'doctorsByDept') ?? []).filter((r) => Object.values(r).some((v) => !blank(v))),
    where: [atField(yoshiki82, 'doctorsByDept'), at('masters/departments', 'name', { label: 'マスタ（診療科）' })],
    fix: 'マスタ（診療科）にすべての診療科と常勤医師数を登録してください（病理部門・輸血部門など常勤医師のいる部門を含む）。様式第8-2号の表に書くこともできます。',
    incomplete: (r) => (blank(r.department) ? '診療科' : blank(r.count) ? '常勤医師数' : undefined),
    rowName: (r) => (blank(r.department) ? '（診療科名なし）' : (r.department ?? '').trim()),
  },
];

export const emptyTableRules: readonly Rule[] = [
  {
    id: 'R-E-1',
    title: '記載が必要な表の空欄',
    severity: 'error',
    basis: '記載要領 第8(3)：診療科別の常勤医師数は、すべての診療科（常勤医師のいる病理部門・輸血部門等を含む）について記載',
    check(s) {
      const out: Hit[] = [];
      for (const t of TABLES) {
        if (!inPackage(s, t.formId)) continue;
        const rows = t.printed(s);
        if (rows.length === 0) {
          out.push({ message: `${t.name}が空欄のまま印刷されます。${t.fix}`, locations: t.where, discriminator: `${t.formId}:empty` });
          continue;
        }
        rows.forEach((r, row) => {
          const missing = t.incomplete?.(r);
          if (missing === undefined) return;
          out.push({ severity: 'warning', message: `${t.name}の${row + 1}行目（${t.rowName?.(r) ?? ''}）の${missing}が空欄です。`, locations: t.where, discriminator: `${t.formId}:row${row}` });
        });
      }
      return out;
    },
  },
];
