/**
 * Filings (issue 11): a 先進医療 technology lives for years, and each thing the hospital sends the
 * ministry is a filing — 事前相談, 新規届出, 照会回答 (round N), 変更申請, 定期報告 (年度) … — with a
 * status and the dates it moved (作成中 → 提出済み → 受理 → 承認・告示 / 不承認 / 取下げ).
 *
 * The project's editable documents (様式, 積算, 事前相談) are the working copy; a filing in 作成中
 * prints from them. Marking it 提出済み stores an immutable as-filed copy (shared/filings/as-filed.ts)
 * and from then on the filing prints from that copy only. The last approved filing's copy is the
 * baseline a 変更申請 is compared with.
 *
 * !! Stored in IndexedDB (table `filings`) and in export files: changing this shape needs a new
 * export format version and a migration (shared/io/formats/).
 */
import { z } from 'zod';
import { parseIsoDate } from '../dates/iso-date';
import { reportYearLabel } from './deadlines';
import { MAX_ATTACHMENTS, filingAttachmentSchema } from './attachments';

export const FILING_KINDS = [
  'jizen-soudan',
  'new',
  'cooperating',
  'outsourcing',
  'inquiry-response',
  'change',
  'periodic-report',
  'final-report',
  'serious-adverse-event',
  'health-risk',
] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

export const FILING_KIND_LABEL: Readonly<Record<FilingKind, string>> = {
  'jizen-soudan': '事前相談',
  new: '新規届出',
  cooperating: '協力医療機関の追加',
  outsourcing: '委託（共同実施）',
  'inquiry-response': '照会事項に対する回答',
  change: '変更申請',
  'periodic-report': '定期報告',
  'final-report': '総括報告',
  'serious-adverse-event': '重篤な有害事象等報告',
  'health-risk': '健康危険情報',
};

/**
 * The kinds this version of the app can print (and mark 提出済み): the 届出 packages, a 変更申請 (its
 * document and 新旧対照表), a 照会回答 round, and a 定期報告 / 総括報告 (別紙7 様式第1号 with its 別添
 * 実績報告, issue 14), and the safety reports (別紙7 様式第2号・第3号).
 */
export const PRINTABLE_KINDS: ReadonlySet<FilingKind> = new Set(['new', 'cooperating', 'outsourcing', 'change', 'inquiry-response', 'periodic-report', 'final-report', 'serious-adverse-event', 'health-risk']);

export const FILING_STATUSES = ['draft', 'filed', 'accepted', 'approved', 'rejected', 'withdrawn'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const FILING_STATUS_LABEL: Readonly<Record<FilingStatus, string>> = {
  draft: '作成中',
  filed: '提出済み',
  accepted: '受理',
  approved: '承認・告示',
  rejected: '不承認',
  withdrawn: '取下げ',
};

export const FILING_METHODS = ['郵送', 'FAX', '持参', '電子メール'] as const;

/**
 * Which copy a filing prints (issue 15 item 6): 下書き keeps the 「案」 box and the 「推定様式」 stamps
 * and notes; 提出用 has none of them and may number the pages through the whole package.
 */
export const FILING_COPIES = ['draft', 'submission'] as const;
export type FilingCopy = (typeof FILING_COPIES)[number];
export const FILING_COPY_LABEL: Readonly<Record<FilingCopy, string>> = { draft: '下書き', submission: '提出用' };
export type FilingMethod = (typeof FILING_METHODS)[number];

const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, { message: '日付を入力してください' });

/** One move of the status, with the day it happened (and, for 提出済み, how it was sent). */
export const filingEventSchema = z.object({
  status: z.enum(FILING_STATUSES),
  date: isoDate,
  method: z.enum(FILING_METHODS).optional(),
  note: z.string().max(1000, { message: '1000文字以内で入力してください' }).default(''),
  /** When the event was recorded (ISO time). */
  at: z.string().max(40),
});
export type FilingEvent = z.infer<typeof filingEventSchema>;

export const filingSchema = z.object({
  /** Stable id (uuid): never an auto-increment key, so a later sync can carry it unchanged. */
  id: z.string().min(1).max(64),
  projectId: z.string().min(1).max(64),
  kind: z.enum(FILING_KINDS),
  /** The package printed, for the 届出 kinds ('new-a' | 'new-b' | 'cooperating' | 'outsourcing'). */
  packageId: z.enum(['new-a', 'new-b', 'cooperating', 'outsourcing']).optional(),
  /** 協力医療機関の追加: the site (a 協力医療機関 of 実施医療機関) whose package this is; it prints as the filer. */
  siteId: z.string().max(64).optional(),
  /** 照会回答: the round (第N回). */
  round: z.number().int().min(1).max(99).optional(),
  /** 定期報告: the 年度 (報告期間 7/1 of the year before – 6/30). */
  fiscalYear: z.number().int().min(1990).max(2200).optional(),
  /** A note of the user's own, shown on the timeline (「第2回 協力医療機関追加（B病院）」). */
  title: z.string().max(200, { message: '200文字以内で入力してください' }).default(''),
  status: z.enum(FILING_STATUSES),
  /** Every status move in order; the last one is `status` (draft has none). */
  events: z.array(filingEventSchema).max(50).default([]),
  /** The template set (通知 revision) it is printed with; fixed when it is filed. */
  templateSetId: z.string().max(64),
  /**
   * Attached PDFs in filing order (issue 15 item 5): their titles here, their bytes in table
   * attachmentFiles. Absent in rows written before (none attached).
   */
  attachments: z.array(filingAttachmentSchema).max(MAX_ATTACHMENTS).optional(),
  /** 下書き or 提出用 (issue 15 item 6); absent = 下書き. */
  copy: z.enum(FILING_COPIES).optional(),
  /** 提出用: page numbers running through the whole package (「- 3 -」 at the foot); absent = none. */
  pageNumbers: z.boolean().optional(),
  /** Revision of this record, raised by every write (a later sync compares it). */
  rev: z.number().int().min(0).default(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Filing = z.infer<typeof filingSchema>;

/** Which moves are allowed from each status. 提出済み is reached once: it freezes the filing. */
export const NEXT_STATUSES: Readonly<Record<FilingStatus, readonly FilingStatus[]>> = {
  draft: ['filed', 'withdrawn'],
  filed: ['accepted', 'approved', 'rejected', 'withdrawn'],
  accepted: ['approved', 'rejected', 'withdrawn'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

/** The kinds whose approval sets the baseline (what the plan now is). */
const PLAN_KINDS: ReadonlySet<FilingKind> = new Set(['new', 'change']);

export type TransitionProblem = 'not-allowed' | 'date-before-previous' | 'no-method';

/** Whether `filing` may move to `event.status` with that date; the reason when it may not. */
export function transitionProblem(filing: Filing, event: Pick<FilingEvent, 'status' | 'date' | 'method'>): TransitionProblem | undefined {
  if (!NEXT_STATUSES[filing.status].includes(event.status)) return 'not-allowed';
  if (event.status === 'filed' && event.method === undefined) return 'no-method';
  const last = filing.events.at(-1);
  if (last && event.date < last.date) return 'date-before-previous';
  return undefined;
}

export const TRANSITION_MESSAGE: Readonly<Record<TransitionProblem, string>> = {
  'not-allowed': 'この状態からは変更できません。',
  'date-before-previous': '前の状態の日付より前の日付は選べません。',
  'no-method': '提出方法（郵送・FAX・持参・電子メール）を選んでください。',
};

/** The day the filing was sent (提出済み's date), if it was. */
export function filedOn(filing: Filing): string | undefined {
  return filing.events.find((e) => e.status === 'filed')?.date;
}

/** Whether the filing has an as-filed copy (it was sent: every status after 提出済み keeps it). */
export function isFrozen(filing: Filing): boolean {
  return filing.status !== 'draft' && filedOn(filing) !== undefined;
}

/** The baseline: the newest approved 新規届出 or 変更申請 (by approval date), if any. */
export function baselineFiling(filings: readonly Filing[]): Filing | undefined {
  let best: { filing: Filing; date: string } | undefined;
  for (const f of filings) {
    if (!PLAN_KINDS.has(f.kind) || f.status !== 'approved') continue;
    const date = f.events.at(-1)?.date ?? '';
    if (!best || date >= best.date) best = { filing: f, date };
  }
  return best?.filing;
}

/** 「新規届出（先進医療B）」「照会事項に対する回答（第2回）」「定期報告（令和8年度）」 */
export function filingLabel(filing: Pick<Filing, 'kind' | 'round' | 'fiscalYear' | 'packageId'>): string {
  const base = FILING_KIND_LABEL[filing.kind];
  if (filing.kind === 'new' && filing.packageId === 'new-a') return `${base}（先進医療A）`;
  if (filing.kind === 'new' && filing.packageId === 'new-b') return `${base}（先進医療B）`;
  if (filing.round !== undefined) return `${base}（第${filing.round}回）`;
  if (filing.fiscalYear !== undefined) return `${base}（${reportYearLabel(filing.fiscalYear)}）`;
  return base;
}

/** Timeline order: by the first event's date (drafts last, by creation). */
export function timelineOrder(filings: readonly Filing[]): Filing[] {
  const key = (f: Filing): string => f.events[0]?.date ?? `9999-${f.createdAt}`;
  return [...filings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.createdAt < b.createdAt ? -1 : 1));
}
