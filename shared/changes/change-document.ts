/**
 * 先進医療Bの試験実施計画の変更について (issue 13 item 1, spec §3.18): the 変更申請 as the
 * 先進医療技術審査部会 reads it, as a document model (A4, the 届出 forms' margins, nothing under 9 pt),
 * laid out and drawn by shared/document + shared/render/pdf, written as Word by shared/render/docx.
 *
 * The headings are exactly those of §3.18, in its order. What the filing says itself (the items,
 * their 理由 and 承認状況, the 登録状況, the 概要 override) comes from its ChangeDoc; the facts of the
 * technology from the working copy as the package prints them (printed.ts) — except 【実施期間】 and
 * 【予定症例数】, which are the currently approved values: the baseline's (R-CH-1, R-P-2).
 * Committees and people print by name from the resolved masters; an id is never printed.
 *
 * One date format throughout (R-F-4): the hospital writes this document in 西暦; dates typed inside
 * the prose are rewritten to the same style (restyleBlocks).
 *
 * A 患者申出療養 (the project's 制度, spec §6) files the same document with 【患者申出療養告示番号と名称】
 * for the 告示 heading, its own title, and a cover sheet before it (§3.18, last row).
 */
import { blankDate, HOSPITAL_DATES, printDate, type DateStyle } from '../dates/date-style';
import { parseIsoDate, todayIn, type YMD } from '../dates/iso-date';
import { toFullWidthDigits } from '../dates/wareki';
import { cell, para, type Block, type DocumentModel, type Paragraph, type Section, type Table, type TableRow } from '../document/model';
import type { ResolvedFiling } from '../filings/as-filed';
import type { ChangeDoc, ChangeItem } from '../filings/filing-doc';
import { committeeLabel } from '../forms/besshi1/yoshiki2';
import { FORM_MARGINS } from '../forms/definition';
import { BODY, restyleBlocks } from '../forms/layout-helpers';
import { noticeOn, type ProjectScheme } from '../model/project';
import { periodNote } from './period';
import { printedFacts, type PrintedFact, type PrintedRow } from './printed';
import { NOTHING_WRITTEN } from './shintaisho';

export const CHANGE_DOCUMENT_TITLE = '先進医療Bの試験実施計画の変更について';
/**
 * [INF] The 患者申出療養 version's title: §3.18 does not print it; its cover sheet speaks of
 * 「研究実施計画の変更」, and the technology is a 患者申出療養, not a 先進医療B.
 */
export const PATIENT_PROPOSED_CHANGE_TITLE = '患者申出療養の研究実施計画の変更について';

/** The 告示 heading of the 患者申出療養 version (§3.18: the one heading that differs). */
export const PATIENT_PROPOSED_NOTICE_HEADING = '【患者申出療養告示番号と名称】';

/** The headings of §3.18 (先進医療B), in order. */
export const CHANGE_HEADINGS = [
  '【申請医療機関】',
  '【先進医療告示番号と名称】',
  '【適応症】',
  '【試験の概要】',
  '【医薬品・医療機器情報】',
  '【実施期間】',
  '【予定症例数】',
  '【現在の登録状況】',
  '【主な変更内容】',
  '【変更申請する理由】（関連する照会回答書を添付する）',
  '【試験実施計画の変更承認状況】',
] as const;

type ChangeHeading = (typeof CHANGE_HEADINGS)[number] | typeof PATIENT_PROPOSED_NOTICE_HEADING;

/** The title of the 変更申請 of a technology of `scheme`. */
export function changeDocumentTitle(scheme: ProjectScheme): string {
  return scheme === '患者申出療養' ? PATIENT_PROPOSED_CHANGE_TITLE : CHANGE_DOCUMENT_TITLE;
}

/** The headings of §3.18 for a technology of `scheme`, in order. */
export function changeHeadings(scheme: ProjectScheme): readonly ChangeHeading[] {
  return CHANGE_HEADINGS.map((h) => (h === '【先進医療告示番号と名称】' && scheme === '患者申出療養' ? PATIENT_PROPOSED_NOTICE_HEADING : h));
}

/**
 * The cover sheet of a 患者申出療養's 変更申請 (§3.18, [EX]): 「<申請医療機関>による患者申出療養「<名称>」
 * について、別紙の通り提出されている研究実施計画の変更を承認して良いか、ご確認いただきたい。」
 */
export function patientProposedCoverText(institution: string, technology: string): string {
  const name = (s: string): string => (s.trim() === '' ? NOT_ENTERED : s.trim());
  return `${name(institution)}による患者申出療養「${name(technology)}」について、別紙の通り提出されている研究実施計画の変更を承認して良いか、ご確認いただきたい。`;
}

/** The headings of the product table (§3.18 【医薬品・医療機器情報】). */
export const PRODUCT_HEADERS = ['品目名', '製造販売業者名', '承認番号', '医薬品医療機器法上の該当'] as const;

/** What a value the user has not written yet prints as. */
export const NOT_ENTERED = '（未記入）';
/** A committee or person picked once but no longer in the masters (never its id). */
export const NOT_IN_MASTER = '（台帳にない項目）';

export interface ChangeDocumentOptions {
  /** How dates print (R-F-4): 西暦 by default, as hospitals write 変更申請. */
  readonly dates?: DateStyle;
  /** The day the 告示番号 in force is judged at when the filing has no 届出日 (default: today in Japan). */
  readonly today?: YMD;
}

const INDENT = BODY;
const LEADING = 1.7;

/** 「１．」, 「１２．」: how items are numbered in hospital documents. */
export function itemNumber(n: number): string {
  return `${toFullWidthDigits(String(n))}．`;
}

/**
 * Typed text as paragraphs, one per typed line (line breaks kept; a blank line stays blank).
 * `first` is put before the first line (an item number); `empty` prints when nothing is written;
 * `keepWithNext` keeps the first line on the page of the two lines after it (an item's heading).
 */
export function textLines(text: string, options: { readonly indent?: number; readonly first?: string; readonly empty?: string; readonly size?: number; readonly keepWithNext?: boolean } = {}): Paragraph[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  const written = lines.some((l) => l.trim() !== '');
  const shown = written ? lines : [options.empty ?? ''];
  return shown.map((line, i) =>
    para(i === 0 ? `${options.first ?? ''}${line}` : line, options.size ?? BODY, { indent: options.indent ?? 0, leading: LEADING, ...(i === 0 && options.keepWithNext === true ? { keepWithNext: true } : {}) }),
  );
}

/** A heading of §3.18 (one of CHANGE_HEADINGS or the 患者申出療養 one, so a misspelt one does not compile). */
function heading(text: ChangeHeading): Paragraph {
  return para(text, BODY, { spaceBefore: 8, leading: 1.6 });
}

/** The day the filing speaks of: its 届出日, else the project's, else `today`. */
function filingDay(r: ResolvedFiling, today: YMD | undefined): YMD {
  return parseIsoDate(r.filingDate) ?? parseIsoDate(r.project.filingDate) ?? today ?? todayIn('Asia/Tokyo');
}

const text = (facts: readonly PrintedFact[], id: string): string => {
  const f = facts.find((x) => x.id === id);
  return f?.kind === 'text' ? f.value : '';
};

const rows = (facts: readonly PrintedFact[], id: string): readonly PrintedRow[] => {
  const f = facts.find((x) => x.id === id);
  return f?.kind === 'rows' ? f.rows : [];
};

const cellValue = (row: PrintedRow, key: string): string => row.cells.find((c) => c.key === key)?.value ?? '';

/** The product fields of 様式第3号 2-1, in the order they print. */
const PRODUCT_FIELDS = ['besshi1/yoshiki3/devices', 'besshi1/yoshiki3/materials', 'besshi1/yoshiki3/regenerative'] as const;

/** 【医薬品・医療機器情報】: the products the package prints (様式第3号 2-1), one row each. */
function productTable(facts: readonly PrintedFact[]): Block[] {
  const products = PRODUCT_FIELDS.flatMap((id) => rows(facts, id));
  if (products.length === 0) return [para('該当なし', BODY, { indent: INDENT, leading: LEADING })];
  const size = 9.5;
  const p = (s: string): Paragraph => para(s, size, { leading: 1.45 });
  const header: TableRow = { minHeight: 20, cells: PRODUCT_HEADERS.map((h) => cell(p(h), { padding: 3 })) };
  const body: TableRow[] = products.map((r) => ({
    minHeight: 22,
    cells: ['name', 'maker', 'approvalNumber', 'labelUse'].map((k) => cell(p(cellValue(r, k)), { padding: 3, vAlign: 'top' })),
  }));
  const table: Table = { type: 'table', columns: [32, 28, 20, 20], headerRows: 1, rows: [header, ...body] };
  return [table];
}

/** A period item (its wording or its source names a period) gets the extension after ＜変更後＞: 「（36か月延長）」. */
function afterText(item: ChangeItem): string {
  const aboutPeriod = /期間/.test(item.text) || item.sourceIds.some((id) => /\/period(?:\/|$)/.test(id));
  const note = aboutPeriod ? periodNote(item.before, item.after) : '';
  return note === '' || item.after.includes(note) ? item.after : `${item.after.replace(/\s+$/, '')}${note}`;
}

/**
 * 【主な変更内容】: each item numbered, its ＜変更前＞ and ＜変更後＞. An item's first line and each label
 * never end a page alone: they keep with the two lines after them (keepWithNext).
 */
function changeItems(items: readonly ChangeItem[]): Paragraph[] {
  if (items.length === 0) return [para(NOT_ENTERED, BODY, { indent: INDENT, leading: LEADING })];
  const label = (s: string): Paragraph => para(s, BODY, { indent: INDENT * 2, leading: LEADING, keepWithNext: true });
  return items.flatMap((item, i) => [
    ...textLines(item.text, { indent: INDENT, first: itemNumber(i + 1), empty: NOT_ENTERED, keepWithNext: true }),
    label('＜変更前＞'),
    ...textLines(item.before, { indent: INDENT * 3, empty: NOTHING_WRITTEN }),
    label('＜変更後＞'),
    ...textLines(afterText(item), { indent: INDENT * 3, empty: NOTHING_WRITTEN }),
  ]);
}

/** 「架空大学医学部附属病院 倫理審査委員会　2028年9月10日承認」 (the committee by name from the masters). */
function approvalLine(item: ChangeItem, working: ResolvedFiling, baseline: ResolvedFiling, style: DateStyle): string {
  const id = item.approval.committeeId.trim();
  const committee = working.masters.committees.find((c) => c.id === id) ?? baseline.masters.committees.find((c) => c.id === id);
  const name = id === '' ? NOT_ENTERED : committee ? committeeLabel(committee) : NOT_IN_MASTER;
  const date = item.approval.date === '' ? NOT_ENTERED : `${printDate(item.approval.date, style)}承認`;
  return `${name}　${date}`;
}

/** 「2症例（2026年6月24日現在）」; a day not entered yet is left blank to write by hand. */
function registrationText(doc: ChangeDoc, style: DateStyle): string {
  const count = doc.registration.count.trim() === '' ? NOT_ENTERED : doc.registration.count.trim();
  const asOf = doc.registration.asOf === '' ? blankDate(style) : printDate(doc.registration.asOf, style);
  return `${count}（${asOf}現在）`;
}

/**
 * The blocks of 「先進医療Bの試験実施計画の変更について」 (a 患者申出療養: 「患者申出療養の研究実施計画の
 * 変更について」), under the headings of §3.18 in order, every date in `options.dates` (西暦 by default).
 */
export function changeDocumentBlocks(doc: ChangeDoc, working: ResolvedFiling, baseline: ResolvedFiling, options: ChangeDocumentOptions = {}): Block[] {
  const style = options.dates ?? HOSPITAL_DATES;
  const now = printedFacts(working, { dates: style });
  const approved = printedFacts(baseline, { dates: style });
  const notice = noticeOn(working.project, filingDay(working, options.today));
  const summary = doc.summary.trim() !== '' ? doc.summary : text(now, 'besshi1/yoshiki5/outline');
  const value = (s: string): Paragraph[] => textLines(s, { indent: INDENT, empty: NOT_ENTERED });
  const scheme = working.project.scheme;
  const blocks: Block[] = [
    para(changeDocumentTitle(scheme), 14, { align: 'center', spaceAfter: 8, leading: 1.5 }),
    heading('【申請医療機関】'),
    ...value(text(now, 'institution/name')),
    heading(scheme === '患者申出療養' ? PATIENT_PROPOSED_NOTICE_HEADING : '【先進医療告示番号と名称】'),
    para(`大臣告示番号　${notice ? notice.number.trim() : NOT_ENTERED}`, BODY, { indent: INDENT, leading: LEADING }),
    ...value(text(now, 'project/technologyName')),
    heading('【適応症】'),
    ...value(text(now, 'project/indication')),
    heading('【試験の概要】'),
    ...value(summary),
    heading('【医薬品・医療機器情報】'),
    ...productTable(now),
    heading('【実施期間】'),
    ...value(text(approved, 'besshi1/yoshiki3/period')),
    heading('【予定症例数】'),
    ...value(text(approved, 'besshi1/yoshiki3/plannedCases')),
    heading('【現在の登録状況】'),
    para(registrationText(doc, style), BODY, { indent: INDENT, leading: LEADING }),
    heading('【主な変更内容】'),
    ...changeItems(doc.items),
    heading('【変更申請する理由】（関連する照会回答書を添付する）'),
    ...(doc.items.length === 0 ? value('') : doc.items.flatMap((item, i) => textLines(item.reason, { indent: INDENT, first: itemNumber(i + 1), empty: NOT_ENTERED }))),
    heading('【試験実施計画の変更承認状況】'),
    ...(doc.items.length === 0 ? value('') : doc.items.map((item, i) => para(`${itemNumber(i + 1)}${approvalLine(item, working, baseline, style)}`, BODY, { indent: INDENT, leading: LEADING }))),
  ];
  return restyleBlocks(blocks, style);
}

/**
 * The cover sheet of a 患者申出療養's 変更申請: a page of its own before the document.
 * [INF] Unnumbered, the sentence at the top in the body size: §3.18 gives only its text.
 */
function coverSection(working: ResolvedFiling, options: ChangeDocumentOptions): Section {
  const now = printedFacts(working, { dates: options.dates ?? HOSPITAL_DATES });
  const sentence = para(patientProposedCoverText(text(now, 'institution/name'), text(now, 'project/technologyName')), BODY, { leading: LEADING });
  return { title: '表紙', blocks: restyleBlocks([sentence], options.dates ?? HOSPITAL_DATES) };
}

/**
 * 「先進医療Bの試験実施計画の変更について」 as a document of its own (A4, the 届出 forms' margins,
 * page numbers), ready for layoutDocument / renderDocx — for a 患者申出療養, 「患者申出療養の研究実施計画
 * の変更について」 after its cover sheet. `baseline` is the approved filing as filed (parseResolved of
 * its frozen copy), `working` the change filing resolved now; the 制度 is the working copy's.
 */
export function changeDocument(doc: ChangeDoc, working: ResolvedFiling, baseline: ResolvedFiling, options: ChangeDocumentOptions = {}): DocumentModel {
  const title = changeDocumentTitle(working.project.scheme);
  const body: Section = { title, blocks: changeDocumentBlocks(doc, working, baseline, options), pageNumbers: true };
  return {
    title,
    margins: FORM_MARGINS,
    sections: working.project.scheme === '患者申出療養' ? [coverSection(working, options), body] : [body],
  };
}
