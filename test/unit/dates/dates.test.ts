import { describe, expect, it } from 'vitest';
import { closedReason } from '../../../shared/dates/holidays';
import { addCalendarMonths, parseIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { formatWareki, toAsciiDigits } from '../../../shared/dates/wareki';

const d = (s: string) => {
  const v = parseIsoDate(s);
  if (!v) throw new Error(s);
  return v;
};

describe('和暦 (R-F-4)', () => {
  it('prints 令和 dates with full-width digits as on MHLW forms', () => {
    expect(formatWareki(d('2025-12-01'))).toBe('令和７年１２月１日');
  });
  it('prints the first year of an era as 元年', () => {
    expect(formatWareki(d('2019-05-01'), { fullWidth: false })).toBe('令和元年5月1日');
    expect(formatWareki(d('2019-04-30'), { fullWidth: false })).toBe('平成31年4月30日');
  });
  it('converts full-width digits back for comparison', () => {
    expect(toAsciiDigits('令和７年１２月１日')).toBe('令和7年12月1日');
  });
});

describe('calendar dates', () => {
  it('rejects impossible dates instead of rolling them over', () => {
    expect(parseIsoDate('2027-02-30')).toBeUndefined();
    expect(parseIsoDate('2027/01/12')).toBeUndefined();
  });
  it('adds months clamping to the month end', () => {
    expect(addCalendarMonths(d('2026-08-31'), 6)).toEqual(d('2027-02-28'));
  });
  it('takes today in Japan even when the PC clock is in another zone', () => {
    // 2026-11-21 20:00 UTC is already 11-22 in Tokyo.
    expect(todayIn('Asia/Tokyo', new Date('2026-11-21T20:00:00Z'))).toEqual(d('2026-11-22'));
  });
});

describe('days the ministry is closed', () => {
  it('knows national holidays by name, including substitute holidays', () => {
    expect(closedReason(d('2027-01-11'))).toEqual({ kind: 'holiday', name: '成人の日' });
    expect(closedReason(d('2027-03-22'))).toMatchObject({ kind: 'holiday' });
  });
  it('knows weekends and the year-end closure 12/29–1/3', () => {
    expect(closedReason(d('2027-01-16'))).toEqual({ kind: 'saturday' });
    expect(closedReason(d('2027-01-17'))).toEqual({ kind: 'sunday' });
    expect(closedReason(d('2026-12-29'))).toEqual({ kind: 'year-end' });
    expect(closedReason(d('2027-01-04'))).toBeUndefined();
  });
});
