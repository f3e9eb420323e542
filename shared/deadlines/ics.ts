/**
 * The 期限 as a calendar file (.ics, RFC 5545), made with the `ics` library: one all-day VEVENT per
 * deadline, Japanese titles, a UID that stays the same across exports (projectId + kind + due), so a
 * calendar that imports the file again updates the events instead of doubling them.
 */
import { createEvents, type EventAttributes } from 'ics';
import { addDays, parseIsoDate, type YMD } from '../dates/iso-date';
import type { Deadline } from './deadlines';

const UID_DOMAIN = 'senshin-desk';

/** The UID of a deadline's event: only characters every calendar accepts. */
export function deadlineUid(d: Pick<Deadline, 'id'>): string {
  return `${d.id.replace(/[^A-Za-z0-9_.:-]/g, '_')}@${UID_DOMAIN}`;
}

/** 「［要確認］定期報告（令和１０年度）の提出期限（サンプル：…）」 */
export function eventSummary(d: Pick<Deadline, 'title' | 'projectName' | 'confirmed'>): string {
  return `${d.confirmed ? '' : '［要確認］'}${d.title}（${d.projectName}）`;
}

const dateArray = (d: YMD): [number, number, number] => [d.year, d.month, d.day];

/**
 * The .ics text for `deadlines`. `stamp` is the DTSTAMP of every event (when the file was made).
 * Throws when the library refuses an event (it validates every one).
 */
export function deadlinesIcs(deadlines: readonly Deadline[], stamp: Date): string {
  const events: EventAttributes[] = [];
  for (const d of deadlines) {
    const due = parseIsoDate(d.due);
    if (!due) continue;
    const description = [d.note, d.warning, `根拠：${d.basis}`, d.confirmed ? '' : '期限の根拠が確認できていません（要確認）。'].filter((s): s is string => s !== undefined && s !== '').join('\n');
    // `timestamp` (DTSTAMP) is accepted by the library's schema though missing from its typings.
    const event = { start: dateArray(due), end: dateArray(addDays(due, 1)), title: eventSummary(d), description, uid: deadlineUid(d), timestamp: stamp.getTime(), calName: '先進医療の期限', productId: 'senshin-desk' };
    events.push(event);
  }
  if (events.length === 0) return '';
  const { error, value } = createEvents(events);
  if (error || value === null) throw error ?? new Error('ics');
  return value;
}
