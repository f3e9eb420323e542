/**
 * Calendar dates as ISO strings ('2027-01-12'), never Date objects in local time: a date typed
 * in Tokyo must not move by a day when the PC's time zone differs. Arithmetic uses UTC.
 */
import { addDays as addDaysLocal, addMonths, differenceInCalendarDays } from 'date-fns';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YMD {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
}

/** Parses 'YYYY-MM-DD'; undefined for anything that is not a real calendar date. */
export function parseIsoDate(value: string): YMD | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function toIsoDate(ymd: YMD): string {
  return `${String(ymd.year).padStart(4, '0')}-${String(ymd.month).padStart(2, '0')}-${String(ymd.day).padStart(2, '0')}`;
}

/** A Date at local midnight of the calendar day (date-fns works in local time). */
function toLocalDate(ymd: YMD): Date {
  return new Date(ymd.year, ymd.month - 1, ymd.day);
}

function fromLocalDate(d: Date): YMD {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(ymd: YMD): number {
  return new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day)).getUTCDay();
}

/** Adds calendar months; the day is clamped to the end of a shorter month (8/31 + 6 months = 2/28 or 2/29). */
export function addCalendarMonths(ymd: YMD, months: number): YMD {
  return fromLocalDate(addMonths(toLocalDate(ymd), months));
}

export function addDays(ymd: YMD, days: number): YMD {
  return fromLocalDate(addDaysLocal(toLocalDate(ymd), days));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: YMD, to: YMD): number {
  return differenceInCalendarDays(toLocalDate(to), toLocalDate(from));
}

export function compareYmd(a: YMD, b: YMD): number {
  return toIsoDate(a) < toIsoDate(b) ? -1 : toIsoDate(a) > toIsoDate(b) ? 1 : 0;
}

/** Today's calendar date in the given IANA zone (the offices are in Japan). */
export function todayIn(timeZone: string, now: Date = new Date()): YMD {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}
