/**
 * What the check sees of a project's own documents (issue 13): each 変更申請 and 照会回答 round with
 * its filing, and for a 変更申請 still 作成中 the changes generated between its baseline's as-filed
 * copy and the working 様式 (what 「変更箇所を読み込む」 lists). Rules R-CH-1 … R-CH-6, R-P-3 and
 * R-P-5 read them (catalog/changes.ts).
 *
 * A filing sent to the ministry (提出済み or later) is as it was sent: its own document raises no
 * finding (nothing can be corrected there), but it is what a draft is compared with (R-CH-3: the
 * committee date a filed 変更申請 gave is the one a draft 照会回答 must repeat).
 */
import { diffFilings, type DiffItem } from '../changes/field-diff';
import { parseResolved, type ResolvedFiling } from '../filings/as-filed';
import { filingLabel, type Filing } from '../filings/filing';
import type { ChangeDoc, ChangeItem, FilingDocContent, InquiryDoc, InquiryItem } from '../filings/filing-doc';
import { reportLabel } from '../reports/labels';
import { CASE_COLUMN_LABEL, type CaseColumn, type ReportCase, type ReportDoc } from '../reports/model';
import { resolveFiling } from '../filings/resolve';
import type { WorkspaceData } from '../io/tables';
import { at, type Submission } from './submission';
import type { FieldLocation } from './types';

export interface FilingDocCheck {
  readonly filing: Filing;
  readonly content: FilingDocContent;
  /**
   * A 変更申請 in 作成中: what differs between its baseline's as-filed data and the working copy.
   * Absent when the baseline's copy is missing or unreadable (the screen says so), and for a filing
   * already sent.
   */
  readonly diff?: readonly DiffItem[];
}

/** The statuses whose documents still count: a 取下げ or 不承認 filing says nothing any more. */
const LIVE = new Set<Filing['status']>(['draft', 'filed', 'accepted', 'approved']);

/** Where a finding on a filing's own document leads: 'change/<filingId>', 'inquiry/<filingId>' or (定期報告・総括報告) 'report/<filingId>'. */
export function filingDocPlace(check: Pick<FilingDocCheck, 'filing'>): string {
  const kind = check.filing.kind;
  const place = kind === 'change' ? 'change' : kind === 'periodic-report' || kind === 'final-report' ? 'report' : 'inquiry';
  return `${place}/${check.filing.id}`;
}

/**
 * The documents of project `projectId` in `records` (filings in timeline order of creation).
 * `baselineOf(filingId)`: the resolved data of that filing's as-filed copy (undefined when there is
 * none or it does not read); `today`: the day a draft is resolved at ('YYYY-MM-DD').
 */
export function filingDocChecks(
  records: WorkspaceData,
  projectId: string,
  baselineOf: (filingId: string) => ResolvedFiling | undefined,
  today: string,
): FilingDocCheck[] {
  const out: FilingDocCheck[] = [];
  for (const filing of records.filings) {
    if (filing.projectId !== projectId || !LIVE.has(filing.status)) continue;
    const content = records.filingDocs.find((d) => d.filingId === filing.id && d.projectId === projectId)?.content;
    if (!content || content.kind !== filing.kind) continue;
    if (content.kind !== 'change' || filing.status !== 'draft') {
      out.push({ filing, content });
      continue;
    }
    const baseline = baselineOf(content.baselineFilingId);
    let diff: DiffItem[] | undefined;
    if (baseline) {
      try {
        diff = diffFilings(baseline, resolveFiling(records, { ...filing, packageId: baseline.packageId }, today));
      } catch {
        // A working copy that cannot be printed: the screens say why; the rules that need the
        // generated changes stay quiet rather than guess.
        diff = undefined;
      }
    }
    out.push({ filing, content, ...(diff ? { diff } : {}) });
  }
  return out;
}

/** `baselineOf` over the as-filed copies among the records (an export file, a backup). */
export function copiesBaseline(records: Pick<WorkspaceData, 'filedCopies'>): (filingId: string) => ResolvedFiling | undefined {
  return (filingId) => {
    const copy = records.filedCopies.find((c) => c.filingId === filingId);
    return copy ? parseResolved(copy) : undefined;
  };
}

// ---- What rules read and where their findings lead --------------------------------------------

export interface ChangeCheck extends FilingDocCheck {
  readonly content: ChangeDoc;
}
export interface InquiryCheck extends FilingDocCheck {
  readonly content: InquiryDoc;
}

/** A 定期報告 or 総括報告 with its document (issue 14). */
export interface ReportCheck extends FilingDocCheck {
  readonly content: ReportDoc;
}

const isChange = (d: FilingDocCheck): d is ChangeCheck => d.content.kind === 'change';
const isReport = (d: FilingDocCheck): d is ReportCheck => d.content.kind === 'periodic-report' || d.content.kind === 'final-report';
const isInquiry = (d: FilingDocCheck): d is InquiryCheck => d.content.kind === 'inquiry-response';
export const isDraft = (d: FilingDocCheck): boolean => d.filing.status === 'draft';

export function changeChecks(s: Submission): ChangeCheck[] {
  return s.filingDocs.filter(isChange);
}
export function inquiryChecks(s: Submission): InquiryCheck[] {
  return s.filingDocs.filter(isInquiry);
}
export function reportChecks(s: Submission): ReportCheck[] {
  return s.filingDocs.filter(isReport);
}

/** What each part of a change item is called on the page and in print. */
export const CHANGE_ITEM_PARTS = {
  text: '【主な変更内容】',
  before: '＜変更前＞',
  after: '＜変更後＞',
  reason: '【変更申請する理由】',
  approval: '【試験実施計画の変更承認状況】',
} as const;
export type ChangeItemPart = keyof typeof CHANGE_ITEM_PARTS;

/** The field key of a part of a change item (the page's data-field): 'items.<id>.reason'. */
export function changeItemField(item: Pick<ChangeItem, 'id'>, part: ChangeItemPart): string {
  return `items.${item.id}.${part}`;
}

/** The field key of a 照会回答 item's 【回答】 (the page's data-field). */
export function inquiryAnswerField(item: Pick<InquiryItem, 'id'>): string {
  return `items.${item.id}.answer`;
}

/** 「変更申請（第1回の変更内容2の【変更申請する理由】）」: the place of a part of change item `index`. */
export function changeItemAt(check: ChangeCheck, index: number, part: ChangeItemPart): FieldLocation {
  const item = check.content.items[index];
  const title = check.filing.title.trim();
  return at(filingDocPlace(check), item ? changeItemField(item, part) : 'items', { label: `変更申請${title ? `「${title}」` : ''}（変更内容${index + 1}の${CHANGE_ITEM_PARTS[part]}）` });
}

/** 「照会事項に対する回答（第1回）の照会回答1－2【回答】」 */
export function inquiryItemAt(check: InquiryCheck, item: InquiryItem): FieldLocation {
  return at(filingDocPlace(check), inquiryAnswerField(item), { label: `${filingLabel(check.filing)}の${citation(check, item)}【回答】` });
}

/** 「照会回答1－2」: how an answer is cited (R-CH-6). */
export function citation(check: InquiryCheck, item: Pick<InquiryItem, 'number'>): string {
  return `照会回答${check.filing.round ?? '?'}－${item.number}`;
}

/**
 * What a 変更申請 and a 照会回答 still being written say in prose of their own (R-P-3): each item's
 * ＜変更後＞ and 【回答】 and the 【試験の概要】. ＜変更前＞ is left out: it states what was approved.
 */
export function filingProse(s: Submission): Array<{ readonly doc: string; readonly field: string; readonly text: string; readonly location: FieldLocation }> {
  const out: Array<{ readonly doc: string; readonly field: string; readonly text: string; readonly location: FieldLocation }> = [];
  for (const check of changeChecks(s)) {
    if (!isDraft(check)) continue;
    check.content.items.forEach((item, i) => out.push({ doc: filingDocPlace(check), field: changeItemField(item, 'after'), text: item.after, location: changeItemAt(check, i, 'after') }));
    if (check.content.summary.trim() !== '') out.push({ doc: filingDocPlace(check), field: 'summary', text: check.content.summary, location: at(filingDocPlace(check), 'summary', { label: '変更申請（【試験の概要】）' }) });
  }
  for (const check of inquiryChecks(s)) {
    if (isDraft(check)) for (const item of check.content.items) out.push({ doc: filingDocPlace(check), field: inquiryAnswerField(item), text: item.answer, location: inquiryItemAt(check, item) });
  }
  return out;
}

// ---- 定期報告・総括報告 (issue 14) ------------------------------------------------------------------

/** The field key of a cell of the 実績報告 (the page's data-field): 'cases.<caseId>.<column>'. */
export function reportCaseField(c: Pick<ReportCase, 'id'>, column: CaseColumn): string {
  return `cases.${c.id}.${column}`;
}

/** 「定期報告（令和７年度）の実績報告 3行目（転帰）」: the place of a cell of the case table. */
export function reportCaseAt(check: ReportCheck, c: ReportCase, column: CaseColumn): FieldLocation {
  const index = check.content.cases.findIndex((x) => x.id === c.id);
  return at(filingDocPlace(check), reportCaseField(c, column), { row: Math.max(index, 0), label: `${reportLabel(check.filing)}の実績報告 ${index + 1}行目（${CASE_COLUMN_LABEL[column]}）` });
}

/** 「定期報告（令和７年度）の０件の理由」: the place of a field of the report itself (`field`: its key in ReportDoc). */
export function reportFieldAt(check: ReportCheck, field: keyof ReportDoc, label: string): FieldLocation {
  return at(filingDocPlace(check), field, { label: `${reportLabel(check.filing)}の${label}` });
}
