/**
 * Dates a filing brings with it (spec §5.2), shown on the timeline. Each says how sure it is:
 * the 定期報告's end-of-August deadline is from the pre-2016 text and must be verified.
 */
import { addCalendarMonths, parseIsoDate, toIsoDate, type YMD } from '../dates/iso-date';
import { formatWareki, warekiParts } from '../dates/wareki';
import type { Filing } from './filing';

export interface FilingDate {
  readonly label: string;
  /** 'YYYY-MM-DD' (or the first day of a period). */
  readonly date: string;
  readonly text: string;
  readonly basis: string;
}

/** 「令和8年度」: the 年度 of a 定期報告 whose period ends on 6/30 of `year`. */
export function reportYearLabel(year: number): string {
  const p = warekiParts({ year, month: 6, day: 30 });
  return `${p.era}${p.year === 1 ? '元' : p.year}年度`;
}

/** The 定期報告 year whose deadline (8/31) is next on `today`: this year's until 8/31, then next year's. */
export function nextReportYear(today: YMD): number {
  return today.month <= 8 ? today.year : today.year + 1;
}

const w = (d: YMD): string => formatWareki(d);

export function filingDates(filing: Filing): FilingDate[] {
  const out: FilingDate[] = [];
  const accepted = filing.events.find((e) => e.status === 'accepted');
  const acceptedOn = accepted ? parseIsoDate(accepted.date) : undefined;
  if (filing.kind === 'new' && acceptedOn) {
    // 保険診療との併用 starts on the 1st of the month after 受理 (受理 on the 1st: that month).
    const start = acceptedOn.day === 1 ? acceptedOn : addCalendarMonths({ ...acceptedOn, day: 1 }, 1);
    out.push({ label: '保険併用の開始', date: toIsoDate(start), text: `保険併用の開始：${w(start)}（受理の翌月1日）`, basis: '通知（受理の翌月1日から。1日受理はその月）' });
  }
  if (filing.kind === 'periodic-report' && filing.fiscalYear !== undefined) {
    const y = filing.fiscalYear;
    const from = { year: y - 1, month: 7, day: 1 };
    const to = { year: y, month: 6, day: 30 };
    const due = { year: y, month: 8, day: 31 };
    out.push({ label: '報告期間', date: toIsoDate(from), text: `報告期間：${w(from)}～${w(to)}`, basis: '通知（前年7月1日から当該年6月30日まで）' });
    out.push({ label: '提出期限', date: toIsoDate(due), text: `提出期限：${w(due)}（旧通知の「8月末まで」。最新の通知で確認してください）`, basis: '平成28年以前の通知' });
  }
  return out;
}
