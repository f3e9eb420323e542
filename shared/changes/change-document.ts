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
 */
import { blankDate, HOSPITAL_DATES, printDate, type DateStyle } from '../dates/date-style';
import { parseIsoDate, todayIn, type YMD } from '../dates/iso-date';
import { toFullWidthDigits } from '../dates/wareki';
import { cell, para, type Block, type DocumentModel, type Paragraph, type Table, type TableRow } from '../document/model';
import type { ResolvedFiling } from '../filings/as-filed';
import type { ChangeDoc, ChangeItem } from '../filings/filing-doc';
import { committeeLabel } from '../forms/besshi1/yoshiki2';
import { FORM_MARGINS } from '../forms/definition';
import { BODY, restyleBlocks } from '../forms/layout-helpers';
import { noticeOn } from '../model/project';
import { periodNote } from './period';
import { printedFacts, type PrintedFact, type PrintedRow } from './printed';
import { NOTHING_WRITTEN } from './shintaisho';

export const CHANGE_DOCUMENT_TITLE = '先進医療Bの試験実施計画の変更について';

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
 * `first` is put before the first line (an item number); `empty` prints when nothing is written.
 */
export function textLines(text: string, options: { readonly indent?: number; readonly first?: string; readonly empty?: string; readonly size?: number } = {}): Paragraph[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  const written = lines.some((l) => l.trim() !== '');
  const shown = written ? lines : [options.empty ?? ''];
  return shown.map((line, i) => para(i === 0 ? `${options.first ?? ''}${line}` : line, options.size ?? BODY, { indent: options.indent ?? 0, leading: LEADING }));
}

/** A heading of §3.18 (one of CHANGE_HEADINGS, so a misspelt one does not compile). */
function heading(text: (typeof CHANGE_HEADINGS)[number]): Paragraph {
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

function changeItems(items: readonly ChangeItem[]): Paragraph[] {
  if (items.length === 0) return [para(NOT_ENTERED, BODY, { indent: INDENT, leading: LEADING })];
  return items.flatMap((item, i) => [
    ...textLines(item.text, { indent: INDENT, first: itemNumber(i + 1), empty: NOT_ENTERED }),
    para('＜変更前＞', BODY, { indent: INDENT * 2, leading: LEADING }),
    ...textLines(item.before, { indent: INDENT * 3, empty: NOTHING_WRITTEN }),
    para('＜変更後＞', BODY, { indent: INDENT * 2, leading: LEADING }),
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
 * The blocks of 「先進医療Bの試験実施計画の変更について」, under the headings of §3.18 in order, every
 * date in `options.dates` (西暦 by default).
 */
export function changeDocumentBlocks(doc: ChangeDoc, working: ResolvedFiling, baseline: ResolvedFiling, options: ChangeDocumentOptions = {}): Block[] {
  const style = options.dates ?? HOSPITAL_DATES;
  const now = printedFacts(working, { dates: style });
  const approved = printedFacts(baseline, { dates: style });
  const notice = noticeOn(working.project, filingDay(working, options.today));
  const summary = doc.summary.trim() !== '' ? doc.summary : text(now, 'besshi1/yoshiki5/outline');
  const value = (s: string): Paragraph[] => textLines(s, { indent: INDENT, empty: NOT_ENTERED });
  const blocks: Block[] = [
    para(CHANGE_DOCUMENT_TITLE, 14, { align: 'center', spaceAfter: 8, leading: 1.5 }),
    heading('【申請医療機関】'),
    ...value(text(now, 'institution/name')),
    heading('【先進医療告示番号と名称】'),
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
 * 「先進医療Bの試験実施計画の変更について」 as a document of its own (A4, the 届出 forms' margins,
 * page numbers), ready for layoutDocument / renderDocx. `baseline` is the approved filing as filed
 * (parseResolved of its frozen copy), `working` the change filing resolved now.
 */
export function changeDocument(doc: ChangeDoc, working: ResolvedFiling, baseline: ResolvedFiling, options: ChangeDocumentOptions = {}): DocumentModel {
  return {
    title: CHANGE_DOCUMENT_TITLE,
    margins: FORM_MARGINS,
    sections: [{ title: CHANGE_DOCUMENT_TITLE, blocks: changeDocumentBlocks(doc, working, baseline, options), pageNumbers: true }],
  };
}
