/**
 * One 期限 view across all projects (issue 14 item 6; spec §5.1, §5.2). Pure: from the stored records
 * of every project (no as-filed copies needed) and today, the dates that are due:
 *
 * - 事前相談の有効期限 — 相談日 + 6 months, 初日不算入 (R-F-2's arithmetic: consultationValidity), until
 *   the 新規届出 is 提出済み.
 * - 定期報告 — for each approved technology, every 年度 (報告期間 7/1–6/30) from the first one after
 *   approval up to the next due, unless filed, until a 総括報告 exists. The due day is data of the
 *   template set (PeriodicReportDue): 8月末 is pre-2016 text, so 「要確認」.
 * - 被験者登録期間 / 研究期間 ends — read from 様式第3号's 予定試験期間 (periodEnds, shared/changes/period.ts),
 *   with the enrolment of the latest 変更申請's 【現在の登録状況】 against 予定症例数, and a warning when
 *   the 登録期間 ends within 6 months below plan (an extension needs a 変更申請 first).
 * - 総括報告 — triggered at the end of the 研究期間 (先進医療B); no numeric deadline known: 「要確認」.
 * - 重篤な有害事象等報告 (作成中) — safetyDeadline (知った日 + N days, 初日不算入); unknown: 「要確認」.
 *
 * Filings already 提出済み are not due any more.
 */
import { addCalendarMonths, addDays, compareYmd, daysBetween, parseIsoDate, toIsoDate, type YMD } from '../dates/iso-date';
import { formatSeireki, formatWareki, toFullWidthDigits } from '../dates/wareki';
import { periodEnds } from '../changes/period';
import { reportYearLabel, nextReportYear } from '../filings/deadlines';
import { FILING_KIND_LABEL, isFrozen, type Filing } from '../filings/filing';
import { PERIODIC_REPORT_DUE, TEMPLATE_SETS, templateSetOn, type TemplateSet } from '../filings/template-sets';
import { consultationValidity } from '../forms/jizen-soudan/checks';
import type { WorkspaceData } from '../io/tables';
import type { Project } from '../model/project';
import { safetyDeadline } from '../reports/safety-deadline';
import type { SeriousAdverseEventDoc } from '../reports/safety';
import { findDates, numbersIn } from '../rules/extract';

export const DEADLINE_KINDS = ['consultation-expiry', 'periodic-report', 'enrolment-end', 'study-end', 'final-report', 'safety-report'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  /** Stable across runs (the .ics UID is made from it): project, kind, due day and, where a project can have several of a kind on one day, the filing. */
  readonly id: string;
  readonly projectId: string;
  readonly projectName: string;
  readonly kind: DeadlineKind;
  /** 「事前相談の有効期限」「定期報告（令和１０年度）の提出期限」 … */
  readonly title: string;
  /** 'YYYY-MM-DD' */
  readonly due: string;
  /** The rule in words (shown with 「要確認」 and in the .ics description). */
  readonly basis: string;
  /** False: the rule or the day is not verified — shown 「要確認」. */
  readonly confirmed: boolean;
  /** The screen to open (hash route). */
  readonly href: string;
  /** Days from today to the due day (negative: overdue). */
  readonly daysLeft: number;
  readonly overdue: boolean;
  /** A fact shown with it: 「登録状況：9症例／120例（2028年1月31日現在）」. */
  readonly note?: string;
  /** Something to act on now (登録期間 ending below plan). */
  readonly warning?: string;
}

const YOSHIKI3 = 'besshi1/yoshiki3';
/** The 様式第3号 editor (its route key: the form id with '-' for '/', shared/forms/registry.ts formKey). */
const YOSHIKI3_HREF = (projectId: string): string => `/projects/${projectId}/forms/${YOSHIKI3.replace(/\//g, '-')}`;
/** How far ahead the 登録期間 warning looks (an extension needs a 変更申請 and committee approval first). */
const ENROLMENT_WARNING_MONTHS = 6;

const KIND_ORDER: Readonly<Record<DeadlineKind, number>> = Object.fromEntries(DEADLINE_KINDS.map((k, i) => [k, i])) as Record<DeadlineKind, number>;

/** The day the technology was approved (承認・告示) — the 告示日 —, if its 新規届出 was. */
function approvedOn(filings: readonly Filing[]): YMD | undefined {
  const approved = filings.find((f) => f.kind === 'new' && f.status === 'approved');
  return parseIsoDate(approved?.events.find((e) => e.status === 'approved')?.date ?? '');
}

/** 「令和１０年度」 */
const yearLabel = (year: number): string => toFullWidthDigits(reportYearLabel(year));

/** The 年度 whose 報告期間 (7/1 – 6/30) holds `day`. */
const reportYearOf = (day: YMD): number => (day.month >= 7 ? day.year + 1 : day.year);

const lastDayOfMonth = (year: number, month: number): YMD => addDays(addCalendarMonths({ year, month, day: 1 }, 1), -1);

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The first day a period text starts from: 「告示日から…」 → the 告示日; 「2027年4月1日から…」 → that day. */
function periodStart(period: string, notice: YMD | undefined): { readonly day: YMD; readonly words: string } | undefined {
  if (/告示(?:適用)?日/.test(period) && notice) return { day: notice, words: `告示日（${formatWareki(notice)}）` };
  const first = findDates(period).find((d) => /^\s*(?:から|より|[～~〜])/.test(period.slice(d.end)));
  return first ? { day: first.value.ymd, words: formatWareki(first.value.ymd) } : undefined;
}

/** An end of the 予定試験期間 as a day, with how it was found and whether it is written (or only inferred). */
function endDay(label: string, period: string, notice: YMD | undefined): { readonly day: YMD; readonly basis: string; readonly confirmed: boolean } | undefined {
  const end = periodEnds(period).find((e) => e.label === label)?.end;
  if (!end) return undefined;
  const quoted = `様式第3号「予定試験期間」：${period.trim()}`;
  if (end.kind === 'date') return { day: end.ymd, basis: quoted, confirmed: true };
  const anchor = end.anchor === '' ? periodStart(period, notice) : end.anchor === '告示日' && notice ? { day: notice, words: `告示日（${formatWareki(notice)}）` } : undefined;
  if (!anchor) return undefined;
  // 「X から N年間」 ends the day before the same date N years on (R-P-4, 記載要領 第4(7-2)①).
  const day = addDays(addCalendarMonths(anchor.day, end.months), -1);
  const years = end.months % 12 === 0 ? `${end.months / 12}年` : `${end.months}か月`;
  // A length without its own start is taken to start with the 研究期間: an inference, so 要確認.
  return { day, basis: `${quoted}（${anchor.words}から${years}：${formatWareki(day)}まで）`, confirmed: end.anchor !== '' };
}

/** 【現在の登録状況】 of the newest 変更申請 that has one: the count as typed, the number and the day. */
function enrolment(projectFilings: readonly Filing[], docs: WorkspaceData['filingDocs']): { readonly count: string; readonly n: number; readonly asOf: string } | undefined {
  const ids = new Set(projectFilings.filter((f) => f.kind === 'change').map((f) => f.id));
  let best: { count: string; n: number; asOf: string } | undefined;
  for (const d of docs) {
    if (!ids.has(d.filingId) || d.content.kind !== 'change') continue;
    const { count, asOf } = d.content.registration;
    const n = numbersIn(count)[0];
    if (n === undefined || parseIsoDate(asOf) === undefined) continue;
    if (!best || asOf > best.asOf) best = { count: count.trim(), n, asOf };
  }
  return best;
}

function reportHref(projectId: string, filing: Filing | undefined): string {
  return filing ? `/projects/${projectId}/filings/${filing.id}/report` : `/projects/${projectId}`;
}

interface Draft extends Omit<Deadline, 'daysLeft' | 'overdue' | 'projectId' | 'projectName' | 'id'> {
  readonly key?: string;
}

function projectDeadlines(project: Project, records: WorkspaceData, today: YMD, sets: readonly TemplateSet[]): Draft[] {
  const pid = project.id;
  const filings = records.filings.filter((f) => f.projectId === pid);
  const out: Draft[] = [];
  const filed = (f: Filing): boolean => isFrozen(f);
  const newFiled = filings.some((f) => f.kind === 'new' && filed(f));

  // 事前相談: valid 6 months (記載要領 第6-2); once the 新規届出 is sent, nothing is due.
  const consultation = records.consultations.find((c) => c.projectId === pid);
  const validity = consultation ? consultationValidity(consultation.data.heldOn.trim(), today) : undefined;
  if (validity && !validity.upcoming && !newFiled) {
    out.push({
      kind: 'consultation-expiry',
      title: '事前相談の有効期限',
      due: toIsoDate(validity.expiresOn),
      basis: `記載要領 第6-2：事前相談（${formatWareki(validity.heldOn)}）から6か月を過ぎたら、届出の前に改めて事前相談を行う（相談日は数えず、6か月後の同じ日の前日まで）。`,
      confirmed: true,
      href: `/projects/${pid}/jizen-soudan`,
    });
  }

  const notice = approvedOn(filings);
  const finalReports = filings.filter((f) => f.kind === 'final-report' && f.status !== 'withdrawn');
  const finalFiled = finalReports.some(filed);

  // 定期報告: every 年度 after approval until a 総括報告 exists (spec §5.2).
  if (notice && finalReports.length === 0) {
    const reports = filings.filter((f) => f.kind === 'periodic-report' && f.fiscalYear !== undefined);
    const filedYears = new Set(reports.filter(filed).map((f) => f.fiscalYear));
    // A filed 年度 is not due any more; years before the last one filed here were reported before the app kept them.
    const from = Math.max(reportYearOf(notice), ...[...filedYears].map((y) => (y ?? 0) + 1));
    for (let y = from; y <= nextReportYear(today); y++) {
      const rule = templateSetOn(`${y}-06-30`, sets).periodicReportDue ?? PERIODIC_REPORT_DUE;
      const draft = reports.find((f) => f.fiscalYear === y && f.status === 'draft');
      out.push({
        kind: 'periodic-report',
        title: `定期報告（${yearLabel(y)}）の提出期限`,
        due: toIsoDate(lastDayOfMonth(y, rule.month)),
        basis: rule.basis,
        confirmed: rule.verified,
        href: reportHref(pid, draft),
      });
    }
  }

  // 登録期間・研究期間 and the 総括報告 they trigger: from the 予定試験期間 of 様式第3号 (approved technologies).
  const yoshiki3 = records.formAnswers.find((r) => r.projectId === pid && r.formId === YOSHIKI3)?.answers;
  const period = text(yoshiki3?.period);
  if (notice && !finalFiled && period.trim() !== '') {
    const enrolmentEnd = endDay('登録期間', period, notice);
    if (enrolmentEnd) {
      const planned = numbersIn(text(yoshiki3?.plannedCases));
      const plan = planned.length > 0 ? Math.max(...planned) : undefined;
      const now = enrolment(filings, records.filingDocs);
      const note = now ? `登録状況：${now.count}／${text(yoshiki3?.plannedCases).trim() || '予定症例数 未入力'}（${formatSeireki(parseIsoDate(now.asOf) ?? today)}現在）` : undefined;
      const soon = compareYmd(enrolmentEnd.day, today) >= 0 && compareYmd(enrolmentEnd.day, addCalendarMonths(today, ENROLMENT_WARNING_MONTHS)) <= 0;
      const below = now !== undefined && plan !== undefined && now.n < plan;
      out.push({
        kind: 'enrolment-end',
        title: '被験者登録期間の終了',
        due: toIsoDate(enrolmentEnd.day),
        basis: enrolmentEnd.basis,
        confirmed: enrolmentEnd.confirmed,
        href: YOSHIKI3_HREF(pid),
        ...(note ? { note } : {}),
        ...(soon && below ? { warning: `登録期間の終了まで6か月を切りましたが、登録は予定症例数に達していません（${now.count}／${plan}例）。登録期間を延長するには、先に変更申請（委員会の承認を含む）が必要です。` } : {}),
      });
    }
    const studyEnd = endDay('研究期間', period, notice);
    if (studyEnd) {
      out.push({ kind: 'study-end', title: '研究期間の終了', due: toIsoDate(studyEnd.day), basis: studyEnd.basis, confirmed: studyEnd.confirmed, href: YOSHIKI3_HREF(pid) });
      if (project.category === 'B') {
        out.push({
          kind: 'final-report',
          title: '総括報告（研究期間終了後）',
          due: toIsoDate(studyEnd.day),
          basis: '通知：承認された研究期間の終了、登録の終了または中止のときに総括報告を行う。提出までの日数は未確認です。',
          confirmed: false,
          href: reportHref(pid, finalReports.find((f) => f.status === 'draft')),
        });
      }
    }
  }

  // 重篤な有害事象等報告 (作成中): counted from the day the site learned of the event (spec §5.2).
  for (const f of filings) {
    if (f.kind !== 'serious-adverse-event' || f.status !== 'draft') continue;
    const content = records.filingDocs.find((d) => d.filingId === f.id)?.content;
    if (content?.kind !== 'serious-adverse-event') continue;
    const doc: SeriousAdverseEventDoc = content;
    const d = safetyDeadline(doc);
    const learned = parseIsoDate(doc.learnedOn);
    const title = `${FILING_KIND_LABEL['serious-adverse-event']}${doc.reportType === '' ? '' : `（${doc.reportType}）`}の報告期限`;
    const href = `/projects/${pid}/filings/${f.id}/adverse-event`;
    if (d?.due) {
      out.push({ key: f.id, kind: 'safety-report', title, due: toIsoDate(d.due), basis: `${d.rule.basis}：${d.rule.covers}は知った日（${formatWareki(learned ?? d.due)}）から${d.rule.days ?? ''}日（初日不算入）。`, confirmed: d.rule.confirmed, href });
      continue;
    }
    // Not known yet: 医政局 is told at once (spec §5.2), so the day to act is the 知った日 (or the day the draft was made).
    const why = !d ? '適用される法令・重篤と判断した理由・予測可能性が未選択のため、期限を決められません' : !learned ? '知った日が未入力のため、期限を決められません' : `${d.rule.basis}`;
    out.push({ key: f.id, kind: 'safety-report', title, due: toIsoDate(learned ?? parseIsoDate(f.createdAt.slice(0, 10)) ?? today), basis: `${why}。医政局へは直ちに連絡し、報告書の期限は通知で確認してください。`, confirmed: false, href });
  }
  return out;
}

/** Every deadline of every project, by due day (then project, then kind). */
export function deadlinesOf(records: WorkspaceData, today: YMD, sets: readonly TemplateSet[] = TEMPLATE_SETS): Deadline[] {
  const out: Deadline[] = [];
  for (const project of records.projects) {
    for (const { key, ...d } of projectDeadlines(project, records, today, sets)) {
      const due = parseIsoDate(d.due);
      if (!due) continue;
      const daysLeft = daysBetween(today, due);
      out.push({ ...d, id: [project.id, d.kind, d.due, ...(key ? [key] : [])].join(':'), projectId: project.id, projectName: project.name.trim() || '無題の案件', daysLeft, overdue: daysLeft < 0 });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.projectName.localeCompare(b.projectName, 'ja') || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
}

/** The start screen's list: every overdue one, then those due within `days` (90). */
export function upcomingDeadlines(all: readonly Deadline[], days = 90): Deadline[] {
  return all.filter((d) => d.overdue || d.daysLeft <= days);
}

/** 「あと12日」「今日」「3日超過」 */
export function daysLeftText(d: Pick<Deadline, 'daysLeft'>): string {
  if (d.daysLeft === 0) return '今日';
  return d.daysLeft > 0 ? `あと${d.daysLeft}日` : `${-d.daysLeft}日超過`;
}
