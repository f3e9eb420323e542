/**
 * Days the ministry is closed: weekends, national holidays (@holiday-jp/holiday_jp, data to 2050)
 * and the year-end closure 12/29–1/3 (行政機関の休日に関する法律 第1条).
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { dayOfWeek, toIsoDate, type YMD } from './iso-date';

interface HolidayEntry {
  readonly name: string;
}

const HOLIDAYS: Readonly<Record<string, HolidayEntry | undefined>> = holidayJp.holidays;

export type ClosedReason =
  | { readonly kind: 'saturday' }
  | { readonly kind: 'sunday' }
  | { readonly kind: 'holiday'; readonly name: string }
  | { readonly kind: 'year-end' };

export function nationalHolidayName(ymd: YMD): string | undefined {
  return HOLIDAYS[toIsoDate(ymd)]?.name;
}

/** Why government offices are closed on this day, or undefined on a working day. */
export function closedReason(ymd: YMD): ClosedReason | undefined {
  const holiday = nationalHolidayName(ymd);
  if (holiday !== undefined) return { kind: 'holiday', name: holiday };
  const dow = dayOfWeek(ymd);
  if (dow === 6) return { kind: 'saturday' };
  if (dow === 0) return { kind: 'sunday' };
  if ((ymd.month === 12 && ymd.day >= 29) || (ymd.month === 1 && ymd.day <= 3)) return { kind: 'year-end' };
  return undefined;
}
