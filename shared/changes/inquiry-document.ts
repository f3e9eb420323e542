/**
 * 先進医療審査の照会事項に対する回答 (issue 13 item 3, spec §3.17): one round of answers as a document
 * model (A4, the 届出 forms' margins, nothing under 9 pt) — the title with the round number
 * (「…回答２」; a 事前照会 round 「先進医療審査の事前照会事項（○○構成員）に対する回答N」), the
 * 先進医療技術名, the date, the responder's 所属・氏名 (from the 職員名簿 of the filing, never an id),
 * the fixed note, the items in number order — the 照会 exactly as pasted, line by line, and the
 * 【回答】 — and 「以上」.
 *
 * Dates (R-F-4): the hospital writes in 西暦, the date line as the real template spaces it
 * (「2026年 2月 12日」); dates typed in the answers are rewritten to the same style. The 照会 is the
 * reviewers' text and stays exactly as pasted.
 */
import { blankDate, formatDate, HOSPITAL_DATES, type DateStyle } from '../dates/date-style';
import { parseIsoDate, todayIn, type YMD } from '../dates/iso-date';
import { toFullWidthDigits } from '../dates/wareki';
import { para, type Block, type DocumentModel, type Paragraph } from '../document/model';
import type { ResolvedFiling } from '../filings/as-filed';
import type { InquiryDoc, InquiryItem } from '../filings/filing-doc';
import { FORM_MARGINS } from '../forms/definition';
import { BODY, restyleBlocks } from '../forms/layout-helpers';
import { personLine } from '../model/person';
import { filingInstitution } from '../model/project';
import { itemNumber, NOT_ENTERED, NOT_IN_MASTER, textLines } from './change-document';

export const INQUIRY_TITLE = '先進医療審査の照会事項に対する回答';
export const INQUIRY_NOTE = '※照会に伴い変更が生じた場合は、関係書類も併せて修正して下さい。';
export const ANSWER_HEADING = '【回答】';
export const CLOSING = '以上';

export interface InquiryDocumentOptions {
  /** How dates print (R-F-4): 西暦 by default, as hospitals write 照会回答. */
  readonly dates?: DateStyle;
  /** The day the responder's institution is judged at when the filing has no 届出日 (default: today in Japan). */
  readonly today?: YMD;
}

/**
 * 「先進医療審査の照会事項に対する回答２」; for a 事前照会 round 「先進医療審査の事前照会事項（山田構成員）に対する回答１」
 * (`variantMember` as typed, 「構成員」 added when it is not there).
 */
export function inquiryTitle(round: number, variantMember = ''): string {
  const n = toFullWidthDigits(String(round));
  const member = variantMember.trim();
  if (member === '') return `${INQUIRY_TITLE}${n}`;
  return `先進医療審査の事前照会事項（${member.endsWith('構成員') ? member : `${member}構成員`}）に対する回答${n}`;
}

/** The date line as the template spaces it: 「2026年 2月 12日」; a date not set yet is left blank to write by hand. */
export function inquiryDate(value: string, style: DateStyle = HOSPITAL_DATES): string {
  const ymd = parseIsoDate(value);
  return ymd ? formatDate(ymd, style).replace(/年/, '年 ').replace(/月/, '月 ') : blankDate(style);
}

/** 「架空大学医学部附属病院 消化器外科 教授 髙橋 誠一」: the responder from the filing's 職員名簿. */
function responderText(doc: InquiryDoc, working: ResolvedFiling, today: YMD | undefined): string {
  const id = doc.responderPersonId.trim();
  if (id === '') return NOT_ENTERED;
  const person = working.masters.people.find((p) => p.id === id);
  if (!person) return NOT_IN_MASTER;
  const day = parseIsoDate(working.filingDate) ?? parseIsoDate(doc.date) ?? today ?? todayIn('Asia/Tokyo');
  const institution = filingInstitution(working.project, working.institution, day).name.trim();
  return [institution, personLine(person)].filter((s) => s !== '').join(' ');
}

function item(i: InquiryItem, style: DateStyle): Block[] {
  // The 照会 as pasted: one printed line per pasted line, its dates untouched.
  const inquiry = textLines(i.inquiry, { first: itemNumber(i.number), empty: NOT_ENTERED }).map((p, k) => (k === 0 ? { ...p, spaceBefore: 10 } : { ...p, indent: BODY * 2 }));
  const answer: Paragraph[] = textLines(i.answer, { indent: BODY, empty: NOT_ENTERED });
  return [...inquiry, para(ANSWER_HEADING, BODY, { spaceBefore: 4, leading: 1.7 }), ...restyleBlocks(answer, style)];
}

/** The blocks of one round's answers, items in number order. */
export function inquiryResponseBlocks(doc: InquiryDoc, round: number, working: ResolvedFiling, options: InquiryDocumentOptions = {}): Block[] {
  const style = options.dates ?? HOSPITAL_DATES;
  const items = [...doc.items].sort((a, b) => a.number - b.number);
  return [
    para(inquiryTitle(round, doc.variantMember), 14, { align: 'center', spaceAfter: 10, leading: 1.5 }),
    ...restyleBlocks([para(`先進医療技術名：${working.project.technologyName.trim() || NOT_ENTERED}`, BODY, { leading: 1.7, spaceAfter: 4 })], style),
    para(inquiryDate(doc.date, style), BODY, { align: 'right', leading: 1.7 }),
    para(`所属・氏名：${responderText(doc, working, options.today)}`, BODY, { align: 'right', leading: 1.7, spaceAfter: 8 }),
    para(INQUIRY_NOTE, BODY, { leading: 1.7, spaceAfter: 4 }),
    ...(items.length === 0 ? [para(NOT_ENTERED, BODY, { leading: 1.7 })] : items.flatMap((i) => item(i, style))),
    para(CLOSING, BODY, { align: 'right', spaceBefore: 12, leading: 1.7 }),
  ];
}

/**
 * One round of 照会回答 as a document of its own (A4, the 届出 forms' margins, page numbers), ready
 * for layoutDocument / renderDocx. `round` is its number among the project's rounds (回答１, 回答２…).
 */
export function inquiryResponseDocument(doc: InquiryDoc, round: number, working: ResolvedFiling, options: InquiryDocumentOptions = {}): DocumentModel {
  const title = inquiryTitle(round, doc.variantMember);
  return { title, margins: FORM_MARGINS, sections: [{ title, blocks: inquiryResponseBlocks(doc, round, working, options), pageNumbers: true }] };
}
