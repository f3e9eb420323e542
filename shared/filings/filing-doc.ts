/**
 * The document a filing writes itself (issue 13), stored once per filing in the table `filingDocs`:
 * - 'change' — 先進医療Bの試験実施計画の変更について (spec §3.18): the numbered 【主な変更内容】, each
 *   with ＜変更前＞/＜変更後＞, its 【変更申請する理由】 (1:1) and its 【試験実施計画の変更承認状況】
 *   (committee + date), 【現在の登録状況】 and the 【試験の概要】 override; compared with the approved
 *   filing `baselineFilingId`.
 * - 'inquiry-response' — 先進医療審査の照会事項に対する回答 (spec §3.17): the round's date and
 *   responder, and the items, each numbered (「照会回答<round>－<number>」 cites it, so a number never
 *   changes: a new item gets the largest number + 1), with the 照会 as pasted and the 【回答】.
 * - 'periodic-report' / 'final-report' — 別紙7 様式第1号 and its 実績報告 (shared/reports/model.ts).
 * - 'serious-adverse-event' / 'health-risk' — 別紙7 様式第2号・第3号 (shared/reports/safety.ts).
 *
 * The project's 様式 stay the working copy; this holds only what the filing itself says. A filing
 * 提出済み or later keeps its document as it was (the as-filed copy holds it too).
 *
 * !! Stored (IndexedDB `filingDocs`) and exported (format 4 with the reports): a change of shape needs a new export
 * format version and an upgrade (shared/io/formats/).
 */
import { z } from 'zod';
import { isoDateOrEmptySchema } from './date-schema';
import { finalReportDocSchema, periodicReportDocSchema } from '../reports/model';
import { healthRiskDocSchema, seriousAdverseEventDocSchema } from '../reports/safety';
import { FILING_KIND_LABEL, type Filing, type FilingKind } from './filing';

const text = (max: number) => z.string().max(max, { message: `${max.toLocaleString('ja-JP')}文字以内で入力してください` });
const list = <S extends z.ZodType>(item: S, max: number, what: string) => z.array(item).max(max, { message: `${what}は${max}件までです` });

export { isoDateOrEmptySchema } from './date-schema';

/** Stable ids of items (uuid): a reference to an item survives reordering and regeneration. */
const itemIdSchema = z.string().min(1).max(64);

export const MAX_DOC_ITEMS = 200;

export const changeItemSchema = z.object({
  id: itemIdSchema,
  /** Ids of the generated diff items this item covers (shared/changes); empty for an item written by hand. */
  sourceIds: list(z.string().min(1).max(200), 500, '元になった変更箇所'),
  /** The wording under 【主な変更内容】 (editable; generated from the diff at first). */
  text: text(5_000),
  /** ＜変更前＞ / ＜変更後＞ as printed (editable). */
  before: text(20_000),
  after: text(20_000),
  /** 【変更申請する理由】 of this item (1:1, R-CH-2). */
  reason: text(5_000),
  /** 【試験実施計画の変更承認状況】 of this item: the committee ('' = not chosen) and the day it approved. */
  approval: z.object({ committeeId: z.string().max(64), date: isoDateOrEmptySchema }),
});
export type ChangeItem = z.infer<typeof changeItemSchema>;

export const inquiryItemSchema = z.object({
  id: itemIdSchema,
  /** 「照会回答<round>－<number>」: ≥ 1, never renumbered (a new item gets the largest + 1). */
  number: z.number().int().min(1, { message: '番号は1以上です' }).max(999, { message: '番号は999までです' }),
  /** The 照会 as pasted, line breaks kept. */
  inquiry: text(20_000),
  /** 【回答】 */
  answer: text(20_000),
  /** Items of a 変更申請 of the project that this answer changed (R-CH-4). */
  changeItemIds: list(itemIdSchema, MAX_DOC_ITEMS, '関連する変更内容'),
});
export type InquiryItem = z.infer<typeof inquiryItemSchema>;

/** Each id once, each number once (a duplicate would make 「照会回答1－3」 ambiguous). */
function uniqueItems(items: ReadonlyArray<{ readonly id: string; readonly number?: number }>, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  const numbers = new Set<number>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `項目のID「${item.id.slice(0, 40)}」が重複しています` });
    ids.add(item.id);
    if (item.number === undefined) return;
    if (numbers.has(item.number)) ctx.addIssue({ code: 'custom', path: ['items', i, 'number'], message: `照会の番号 ${item.number} が重複しています` });
    numbers.add(item.number);
  });
}

export const changeDocSchema = z
  .object({
    kind: z.literal('change'),
    /** The approved filing (新規届出 or 変更申請) whose as-filed copy is the ＜変更前＞. */
    baselineFilingId: z.string().min(1).max(64),
    items: list(changeItemSchema, MAX_DOC_ITEMS, '変更内容'),
    /** 【現在の登録状況】: the count as typed (「2症例」) and the day it was counted. */
    registration: z.object({ count: text(100), asOf: isoDateOrEmptySchema }),
    /** 【試験の概要】 as written for this filing; '' = from the 様式. */
    summary: text(20_000),
  })
  .superRefine((doc, ctx) => uniqueItems(doc.items, ctx));
export type ChangeDoc = z.infer<typeof changeDocSchema>;

export const inquiryDocSchema = z
  .object({
    kind: z.literal('inquiry-response'),
    /** 日付 of the answer ('' until it is set). */
    date: isoDateOrEmptySchema,
    /** 所属・氏名: a person of the 職員名簿 ('' = not chosen). */
    responderPersonId: z.string().max(64),
    /** 事前照会: 「○○構成員」 of the title 「先進医療審査の事前照会事項（○○構成員）に対する回答N」; '' otherwise. */
    variantMember: text(100),
    items: list(inquiryItemSchema, MAX_DOC_ITEMS, '照会事項'),
  })
  .superRefine((doc, ctx) => uniqueItems(doc.items, ctx));
export type InquiryDoc = z.infer<typeof inquiryDocSchema>;

export const filingDocContentSchema = z.discriminatedUnion('kind', [changeDocSchema, inquiryDocSchema, periodicReportDocSchema, finalReportDocSchema, seriousAdverseEventDocSchema, healthRiskDocSchema]);
export type FilingDocContent = z.infer<typeof filingDocContentSchema>;
export type FilingDocKind = FilingDocContent['kind'];

export const filingDocSchema = z.object({
  filingId: z.string().min(1).max(64),
  projectId: z.string().min(1).max(64),
  content: filingDocContentSchema,
  /** Revision of this record, raised by every save (a save is refused unless it names the current one). */
  rev: z.number().int().min(0).default(0),
  updatedAt: z.string().max(40),
});
export type FilingDoc = z.infer<typeof filingDocSchema>;

/** The kinds of filing that have a document of their own. */
export function hasDoc(kind: FilingKind): kind is FilingDocKind {
  return kind === 'change' || kind === 'inquiry-response' || kind === 'periodic-report' || kind === 'final-report' || kind === 'serious-adverse-event' || kind === 'health-risk';
}

/** The document a new 変更申請 starts with: nothing written yet, compared with `baselineFilingId`. */
export function emptyChangeDoc(baselineFilingId: string): ChangeDoc {
  return { kind: 'change', baselineFilingId, items: [], registration: { count: '', asOf: '' }, summary: '' };
}

/** The document a new 照会回答 round starts with: no items yet. */
export function emptyInquiryDoc(): InquiryDoc {
  return { kind: 'inquiry-response', date: '', responderPersonId: '', variantMember: '', items: [] };
}

/** The number of a new 照会 item: the largest so far + 1 (numbers are never reused or shifted). */
export function nextInquiryNumber(items: ReadonlyArray<Pick<InquiryItem, 'number'>>): number {
  return Math.max(0, ...items.map((i) => i.number)) + 1;
}

/** A new 照会 item at the end, numbered after the others. */
export function addInquiryItem(doc: InquiryDoc, id: string, inquiry = ''): InquiryDoc {
  return { ...doc, items: [...doc.items, { id, number: nextInquiryNumber(doc.items), inquiry, answer: '', changeItemIds: [] }] };
}

/** A problem of a stored document against its filing and the project's other filings. */
export interface DocProblem {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
}

/**
 * What the schema cannot see: the document belongs to a filing of the same project and kind, a
 * 変更申請 compares with a 新規届出 or 変更申請 of that project, and a 照会回答 links only to change
 * items that exist. `filings`: the project's filings; `changeItemIds`: the ids of every change item
 * of the project's 変更申請. Used on import (crossCheck) and on every save.
 */
export function docProblems(doc: Pick<FilingDoc, 'filingId' | 'projectId' | 'content'>, filings: readonly Filing[], changeItemIds: ReadonlySet<string>): DocProblem[] {
  const filing = filings.find((f) => f.id === doc.filingId);
  if (!filing) return [{ path: ['filingId'], message: 'ファイルにない届出を指しています。' }];
  if (filing.projectId !== doc.projectId) return [{ path: ['projectId'], message: '届出と別の案件を指しています。' }];
  if (filing.kind !== doc.content.kind) {
    return [{ path: ['content', 'kind'], message: `届出は「${FILING_KIND_LABEL[filing.kind]}」ですが、内容は「${FILING_KIND_LABEL[doc.content.kind]}」のものです。` }];
  }
  const out: DocProblem[] = [];
  const content = doc.content;
  if (content.kind === 'change') {
    const baseline = filings.find((f) => f.id === content.baselineFilingId && f.projectId === doc.projectId);
    if (!baseline || baseline.id === filing.id || (baseline.kind !== 'new' && baseline.kind !== 'change')) {
      out.push({ path: ['content', 'baselineFilingId'], message: '比べる承認済みの届出（新規届出または変更申請）が、この案件にありません。' });
    }
  } else if (content.kind === 'inquiry-response') {
    content.items.forEach((item, i) => {
      const missing = item.changeItemIds.findIndex((id) => !changeItemIds.has(id));
      if (missing >= 0) out.push({ path: ['content', 'items', i, 'changeItemIds', missing], message: `照会回答の${item.number}番が、この案件の変更申請にない変更内容を指しています。` });
    });
  }
  return out;
}

/** The ids of every change item in `docs` of project `projectId` (what a 照会回答 may link to). */
export function changeItemIdsOf(docs: ReadonlyArray<Pick<FilingDoc, 'projectId' | 'content'>>, projectId: string): Set<string> {
  const out = new Set<string>();
  for (const d of docs) if (d.projectId === projectId && d.content.kind === 'change') for (const item of d.content.items) out.add(item.id);
  return out;
}
