/**
 * 別紙7 様式第1号 先進医療に係る定期・総括報告書 and its 別添 実績報告 (issue 14 items 1–2; spec §3.12–3.13,
 * form-layouts.md §5.1–5.2) as a document model: A4 portrait (the layout engine has no landscape),
 * the 届出 forms' margins, nothing under 9 pt.
 *
 * - 様式第1号 ([BLANK] 2017 copy): the header block, 報告期間 (定期報告), 1．標題 and 2．概要; the
 *   総括-only parts (診断及び主要な組入れ基準, 評価基準, 結果の一覧) print for a 先進医療B 総括報告
 *   only (R-R-6). 先進医療名 and 実施医療機関名 come from the working project; 【②/③…】 is computed
 *   (R-R-5).
 * - 別添 実績報告 ([INF] layout, 「推定様式」: REPORT_ESTIMATED_SECTIONS): one row per patient with the
 *   §3.13 columns (CASE_COLUMN_LABEL) in the order of form-layouts.md §5.2 — 整理番号 for its No., and
 *   実施医療機関名 when a B report bundles its 協力医療機関; 年齢・性別 ([INF] in §3.13, not in the §5.2
 *   layout) are kept on screen but not printed, which keeps 8-digit amounts on one line at 9 pt — the
 *   header row repeated on every page, and a totals row (aggregates.ts); a 0件 report prints 「０件の理由」 and 「医療機関の今後の対応方針」 (R-R-10).
 *
 * Dates (R-F-4): 和暦 with full-width digits (FORM_DATES) in the text; the table abbreviates them as
 * MHLW's tables do (「令７.３.１」, two-digit numbers in ASCII: 「令６.12.１」). The 報告期間 is written
 * as MHLW labels its 実績報告: 「令和７年度（令和６年７月１日～令和７年６月30日）」.
 */
import { blankDate, FORM_DATES, printDate, restyleDates } from '../dates/date-style';
import { parseIsoDate, todayIn, type YMD } from '../dates/iso-date';
import { toFullWidthDigits } from '../dates/wareki';
import { cell, para, type Block, type DocumentModel, type Paragraph, type Table, type TableCell, type TableRow } from '../document/model';
import type { ResolvedFiling } from '../filings/as-filed';
import type { Filing } from '../filings/filing';
import { FORM_MARGINS } from '../forms/definition';
import { BODY } from '../forms/layout-helpers';
import { formatYen } from '../money/yen';
import { filingInstitution } from '../model/project';
import { readAmount, readCount, ratioLine, reportTotals, type Total } from './aggregates';
import { reportLabel, reportPeriodLabel, shortWareki } from './labels';
import { CASE_COLUMN_LABEL, type ReportCase, type ReportDoc } from './model';

export { mhlwNumber, reportLabel, reportPeriodLabel, reportYearText, shortWareki } from './labels';

export const REPORT_FORM_NUMBER = '様式第1号';
export const REPORT_TITLE = '先進医療に係る定期・総括報告書';
export const ATTACHMENT_FORM_NUMBER = '様式第1号（別添）';
export const ATTACHMENT_TITLE = '実績報告';
export const OVERVIEW_NOTE = '※ 本報告書には、当該先進医療の内容がわかる概略図（1枚程度）を添付すること。';
export const ZERO_REASON_LABEL = '０件の理由';
export const ZERO_POLICY_LABEL = '医療機関の今後の対応方針';
export const NO_CASES = '該当症例なし（０件）';

/** The sections of the document whose layout is inferred (「推定様式」): the 別添 (form-layouts.md §5.2 [INF]). */
export const REPORT_ESTIMATED_SECTIONS: ReadonlySet<number> = new Set([1]);

/** The fields only a 先進医療B 総括報告 fills (R-R-6), with their printed labels. */
export const SUMMARY_ONLY_FIELDS = {
  targetDisease: '［対象疾患］',
  inclusionCriteria: '［選択基準］',
  exclusionCriteria: '［除外基準］',
  primarySafety: '［主要評価項目］安全性評価',
  primaryEfficacy: '［主要評価項目］有効性評価',
  secondarySafety: '［副次評価項目］安全性評価',
  secondaryEfficacy: '［副次評価項目］有効性評価',
  results: '結果の一覧',
} as const satisfies Partial<Record<keyof ReportDoc, string>>;
export type SummaryOnlyField = keyof typeof SUMMARY_ONLY_FIELDS;

/** R-R-6: a 先進医療B 総括報告 fills every part; A and B-定期 only 1．標題 and 2．概要. */
export function fillsEverything(kind: ReportDoc['kind'], category: 'A' | 'B'): boolean {
  return kind === 'final-report' && category === 'B';
}

export interface ReportDocumentOptions {
  /** The day the 実施医療機関 is judged at when the filing has no 届出日 (default: today in Japan). */
  readonly today?: YMD;
}

const LEADING = 1.7;
const TABLE_SIZE = 9;

/** Typed prose as paragraphs, one per typed line, its dates in the form's style (R-F-4). */
function prose(text: string, indent: number, size = BODY): Paragraph[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  return lines.map((line) => para(restyleDates(line, FORM_DATES), size, { indent, leading: LEADING }));
}

/** 「目的：」 and the text under it (or on the same line when it is one short line). */
function labelled(label: string, text: string, indent: number): Paragraph[] {
  const t = text.trim();
  if (t === '' || (!t.includes('\n') && t.length <= 30)) return [para(`${label}：${restyleDates(t, FORM_DATES)}`, BODY, { indent, leading: LEADING })];
  return [para(`${label}：`, BODY, { indent, leading: LEADING, keepWithNext: true }), ...prose(t, indent + BODY)];
}

const count = (v: number | string, unit: string): string => {
  if (typeof v === 'number') return `${v.toLocaleString('ja-JP')}${unit}`;
  const n = readCount(v, Number.MAX_SAFE_INTEGER);
  return n !== undefined ? `${n.toLocaleString('ja-JP')}${unit}` : v.trim() === '' ? `　　${unit}` : v.trim();
};

function kvTable(rows: ReadonlyArray<readonly [string, string]>): Table {
  return {
    type: 'table',
    columns: [30, 70],
    rows: rows.map(([k, v]) => ({
      minHeight: 22,
      cells: [cell(para(k, BODY, { leading: 1.5 }), { vAlign: 'middle' }), cell(prose(v, 0).map((p) => ({ ...p, leading: 1.5 })), { vAlign: 'middle' })],
    })),
  };
}

/** 「架空大学医学部附属病院」 and, for a B report bundling its 協力医療機関 (R-R-7), their names. */
function institutionNames(doc: ReportDoc, working: ResolvedFiling, day: YMD): { readonly applicant: string; readonly bundled: readonly string[] } {
  const applicant = filingInstitution(working.project, working.institution, day).name.trim();
  const key = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
  const names = new Map<string, string>();
  if (working.project.category === 'B') for (const s of working.sites) if (s.role === '協力医療機関' && s.name.trim() !== '') names.set(key(s.name), s.name.trim());
  for (const c of doc.cases) if (c.siteName.trim() !== '') names.set(key(c.siteName), c.siteName.trim());
  names.delete(key(applicant));
  return { applicant, bundled: [...names.values()] };
}

function personText(working: ResolvedFiling, id: string, parts: (p: { department: string; title: string; name: string }) => readonly string[]): string {
  const person = id.trim() === '' ? undefined : working.masters.people.find((p) => p.id === id);
  return person ? parts(person).map((s) => s.trim()).filter((s) => s !== '').join('　') : '';
}

function mainSection(doc: ReportDoc, working: ResolvedFiling, filing: Pick<Filing, 'kind' | 'fiscalYear'>, day: YMD): Block[] {
  const totals = reportTotals(doc);
  const { applicant, bundled } = institutionNames(doc, working, day);
  const date = (v: string): string => (v === '' ? blankDate(FORM_DATES) : printDate(v, FORM_DATES));
  const contact = personText(working, doc.contactPersonId, (p) => [p.title, p.name]) || [working.institution.contactAffiliation, working.institution.contactName].map((s) => s.trim()).filter((s) => s !== '').join('　');
  const indent = BODY;
  const blocks: Block[] = [
    para(REPORT_TITLE, 14, { align: 'center', spaceAfter: 6, leading: 1.5 }),
    ...(filing.kind === 'periodic-report' && filing.fiscalYear !== undefined ? [para(`報告期間：${reportPeriodLabel(filing.fiscalYear)}`, BODY, { align: 'center', leading: LEADING, spaceAfter: 6 })] : []),
    kvTable([
      ['先進医療名', working.project.technologyName],
      ['実施医療機関名', bundled.length > 0 ? `${applicant}\n（協力医療機関：${bundled.join('、')}）` : applicant],
      ['使用機器', doc.devices],
      ['先進医療承認日', date(doc.approvedOn)],
      ['終了日', doc.endDate.trim() === '' ? blankDate(FORM_DATES) : doc.endDate],
      ['倫理基準等の遵守', doc.ethics],
      ['報告書作成日', date(doc.reportDate)],
    ]),
    para(`実施者：${personText(working, doc.reporterPersonId, (p) => [p.department, p.title, p.name])}`, BODY, { leading: LEADING, spaceBefore: 6 }),
    para(`問い合わせ先（担当者の役職及び氏名）：${contact}`, BODY, { leading: LEADING }),
    para(`Tel：${working.institution.tel.trim()}　　Fax：${working.institution.fax.trim()}`, BODY, { leading: LEADING, indent }),
    para(OVERVIEW_NOTE, BODY, { leading: LEADING, spaceBefore: 2 }),
    para('1．標題', BODY, { leading: LEADING, spaceBefore: 8, keepWithNext: true }),
    ...prose(doc.title, indent),
    para('2．概要', BODY, { leading: LEADING, spaceBefore: 8, keepWithNext: true }),
    ...labelled('目的', doc.purpose, indent),
    para(`患者数　計画時（①）：${count(doc.plannedPatients, '人')}　　中間報告／終了時（②）：${count(doc.reportedPatients, '人')}`, BODY, { indent, leading: LEADING }),
    para(ratioLine(totals), BODY, { indent: indent * 2, leading: LEADING }),
    para(`日本国内における当該疾病患者数（③）：${count(doc.nationalPatients, '人')}（患者数の根拠：${restyleDates(doc.nationalPatientsBasis.trim(), FORM_DATES)}）`, BODY, { indent, leading: LEADING }),
    para(`日本国内における当該技術の対象となる患者数（④）：${count(doc.targetPatients, '人')}（患者数の根拠：${restyleDates(doc.targetPatientsBasis.trim(), FORM_DATES)}）`, BODY, { indent, leading: LEADING }),
    ...labelled('考察', doc.discussion, indent),
  ];
  if (fillsEverything(doc.kind, working.project.category)) {
    const L = SUMMARY_ONLY_FIELDS;
    blocks.push(
      para('診断及び主要な組入れ基準：', BODY, { indent, leading: LEADING, spaceBefore: 4, keepWithNext: true }),
      ...labelled(L.targetDisease, doc.targetDisease, indent * 2),
      ...labelled(L.inclusionCriteria, doc.inclusionCriteria, indent * 2),
      ...labelled(L.exclusionCriteria, doc.exclusionCriteria, indent * 2),
      para('評価基準：', BODY, { indent, leading: LEADING, spaceBefore: 4, keepWithNext: true }),
      para('［主要評価項目］', BODY, { indent: indent * 2, leading: LEADING, keepWithNext: true }),
      ...labelled('安全性評価', doc.primarySafety, indent * 3),
      ...labelled('有効性評価', doc.primaryEfficacy, indent * 3),
      para('［副次評価項目］', BODY, { indent: indent * 2, leading: LEADING, keepWithNext: true }),
      ...labelled('安全性評価', doc.secondarySafety, indent * 3),
      ...labelled('有効性評価', doc.secondaryEfficacy, indent * 3),
      ...labelled(L.results, doc.results, indent),
    );
  }
  const attached = ['（別添）実績報告', ...(doc.overviewAttached ? ['概略図'] : []), ...(doc.paper.trim() !== '' ? [`原著論文（${doc.paper.trim()}）`] : [])];
  blocks.push(para(`添付書類：${attached.join('、')}`, BODY, { leading: LEADING, spaceBefore: 8 }));
  return blocks;
}

// ---- 別添 実績報告 -------------------------------------------------------------------------------

interface CaseColumnPrint {
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right' | 'center';
  readonly value: (c: ReportCase) => string;
}

const typed = (v: number | string, read: (v: number | string) => number | undefined, format: (n: number) => string): string => {
  const n = read(v);
  return n !== undefined ? format(n) : String(v).trim();
};
const countText = (v: number | string): string => typed(v, (x) => readCount(x), String);
const yenText = (v: number | string): string => typed(v, (x) => readAmount(x), formatYen);
const L = CASE_COLUMN_LABEL;

function caseColumns(bundled: boolean): CaseColumnPrint[] {
  // Widths for A4 portrait at 9 pt (482 pt of content): an amount of 8 digits (「16,627,710」, 45 pt) and a
  // date (「令６.11.21」, 45 pt) fit one line, bundled or not; names and codes wrap.
  return [
    { header: L.caseNumber, width: bundled ? 30 : 34, align: 'left', value: (c) => c.caseNumber },
    ...(bundled ? [{ header: L.siteName, width: 42, align: 'left' as const, value: (c: ReportCase) => c.siteName }] : []),
    { header: L.diagnosis, width: bundled ? 40 : 54, align: 'left', value: (c) => c.diagnosis },
    { header: L.firstDate, width: 52, align: 'center', value: (c) => shortWareki(c.firstDate) },
    { header: `${L.inpatientDays}（日）`, width: 34, align: 'right', value: (c) => countText(c.inpatientDays) },
    { header: L.procedures, width: 18, align: 'right', value: (c) => countText(c.procedures) },
    { header: L.outcome, width: bundled ? 22 : 24, align: 'center', value: (c) => c.outcome },
    { header: `${L.insuredAmount}（円）`, width: 52, align: 'right', value: (c) => yenText(c.insuredAmount) },
    { header: `${L.copayment}（円）`, width: 52, align: 'right', value: (c) => yenText(c.copayment) },
    { header: `${L.advancedPatient}（円）`, width: 52, align: 'right', value: (c) => yenText(c.advancedPatient) },
    { header: `${L.advancedOther}（円）`, width: 52, align: 'right', value: (c) => yenText(c.advancedOther) },
    { header: L.evaluation, width: bundled ? 22 : 24, align: 'center', value: (c) => c.evaluation },
    { header: L.code, width: bundled ? 40 : 56, align: 'left', value: (c) => c.code },
  ];
}

const tableCell = (text: string, align: 'left' | 'right' | 'center', options: Omit<TableCell, 'blocks'> = {}): TableCell =>
  cell(para(text, TABLE_SIZE, { align, leading: 1.35 }), { padding: 2, vAlign: 'middle', ...options });

/** The totals row: 合計 and the patients, then Σ入院期間, Σ実施回数 and each 円 column (「未確定」 while a value does not read). */
function totalsRow(columns: readonly CaseColumnPrint[], doc: ReportDoc): TableRow {
  const t = reportTotals(doc);
  const sums: Partial<Record<string, Total>> = {
    [`${L.inpatientDays}（日）`]: t.inpatientDays,
    [L.procedures]: t.procedures,
    [`${L.insuredAmount}（円）`]: t.insuredAmount,
    [`${L.copayment}（円）`]: t.copayment,
    [`${L.advancedPatient}（円）`]: t.advancedPatient,
    [`${L.advancedOther}（円）`]: t.advancedOther,
  };
  const first = columns.findIndex((c) => sums[c.header] !== undefined);
  const cells: TableCell[] = [tableCell(`合計（${toFullWidthDigits(String(t.patients))}例）`, 'center', { colSpan: first })];
  for (const c of columns.slice(first)) {
    const sum = sums[c.header];
    const money = c.header.endsWith('（円）');
    cells.push(tableCell(sum === undefined ? '' : sum.value === undefined ? '未確定' : money ? formatYen(sum.value) : String(sum.value), 'right'));
  }
  return { minHeight: 20, cells };
}

function caseTable(doc: ReportDoc, bundled: boolean): Table {
  const columns = caseColumns(bundled);
  const header: TableRow = { minHeight: 20, cells: columns.map((c) => tableCell(c.header, 'center')) };
  const body: TableRow[] =
    doc.cases.length === 0
      ? [{ minHeight: 22, cells: [tableCell(NO_CASES, 'center', { colSpan: columns.length })] }]
      : doc.cases.map((c) => ({ minHeight: 18, cells: columns.map((col) => tableCell(col.value(c), col.align)) }));
  return { type: 'table', columns: columns.map((c) => c.width), headerRows: 1, rows: [header, ...body, totalsRow(columns, doc)] };
}

/** The common コード番号 of the cases (the header block shows it when every case has the same one). */
function commonCode(cases: readonly ReportCase[]): string {
  const codes = new Set(cases.map((c) => c.code.trim()));
  const [only] = [...codes];
  return codes.size === 1 && only !== undefined ? only : '';
}

function attachmentSection(doc: ReportDoc, working: ResolvedFiling, filing: Pick<Filing, 'kind' | 'fiscalYear'>, day: YMD): Block[] {
  const { applicant, bundled } = institutionNames(doc, working, day);
  const line = (label: string, value: string): Paragraph => para(`${label}：${value}`, BODY, { leading: 1.6 });
  const blocks: Block[] = [
    para(ATTACHMENT_TITLE, 14, { align: 'center', spaceAfter: 6, leading: 1.5 }),
    line('先進医療名', working.project.technologyName),
    line('コード番号', commonCode(doc.cases)),
    line('医療機関名', applicant),
    ...(filing.kind === 'periodic-report' && filing.fiscalYear !== undefined ? [line('報告対象期間', reportPeriodLabel(filing.fiscalYear))] : []),
    { type: 'spacer', height: 6 },
    caseTable(doc, doc.cases.some((c) => c.siteName.trim() !== '') || bundled.length > 0),
  ];
  if (doc.cases.length > 0) {
    // R-R-9 as MHLW aggregates the reports: what the office checks the table against.
    const t = reportTotals(doc);
    const yen = (x: Total): string => (x.value === undefined ? '未確定' : `${formatYen(x.value)}円`);
    const stay = t.averageStay.kind === 'days' ? `${t.averageStay.text}日` : t.averageStay.text;
    blocks.push(para(`年間実施件数：${t.patients}件　平均入院期間：${stay}　先進医療総額：${yen(t.advanced)}　総合計：${yen(t.grandTotal)}`, 9.5, { leading: 1.6, spaceBefore: 6 }));
  }
  if (doc.cases.length === 0) {
    blocks.push(para(`${ZERO_REASON_LABEL}：`, BODY, { leading: LEADING, spaceBefore: 8, keepWithNext: true }), ...prose(doc.zeroReason, BODY));
    blocks.push(para(`${ZERO_POLICY_LABEL}：`, BODY, { leading: LEADING, spaceBefore: 4, keepWithNext: true }), ...prose(doc.zeroPolicy, BODY));
  }
  return blocks;
}

/**
 * The report as a document (A4, page numbers per section): 様式第1号, then its 別添 実績報告 on a new
 * page. `working`: the filing's resolved data (project, 設定, masters, sites); `filing`: its kind
 * and 年度.
 */
export function reportDocument(doc: ReportDoc, working: ResolvedFiling, filing: Pick<Filing, 'kind' | 'fiscalYear'>, options: ReportDocumentOptions = {}): DocumentModel {
  const day = parseIsoDate(doc.reportDate) ?? parseIsoDate(working.filingDate) ?? options.today ?? todayIn('Asia/Tokyo');
  const title = `${REPORT_TITLE}（${reportLabel(filing)}）`;
  return {
    title,
    margins: FORM_MARGINS,
    sections: [
      { formNumber: REPORT_FORM_NUMBER, title: `${REPORT_FORM_NUMBER} ${REPORT_TITLE}`, pageNumbers: true, blocks: mainSection(doc, working, filing, day) },
      { formNumber: ATTACHMENT_FORM_NUMBER, title: `${ATTACHMENT_FORM_NUMBER} ${ATTACHMENT_TITLE}`, pageNumbers: true, blocks: attachmentSection(doc, working, filing, day) },
    ],
  };
}
