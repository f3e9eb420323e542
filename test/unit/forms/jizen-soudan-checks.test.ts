import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { checkEmail, checkSlot, checkSlots, checkVisitors, consultationStatusText, consultationValidity } from '../../../shared/forms/jizen-soudan/checks';

const today = parseIsoDate('2026-11-21')!;
const slot = (date: string, start: string, end: string) => ({ date, start, end });
const texts = (m: ReturnType<typeof checkSlot>) => m.map((x) => x.message).join(' / ');

describe('R-F-3 相談希望日時', () => {
  it('accepts a weekday 14:00–16:00 slot without messages', () => {
    expect(checkSlot(slot('2027-01-12', '14:00', '16:00'), today)).toEqual([]);
  });
  it('warns on a Saturday, naming the day', () => {
    const m = checkSlot(slot('2027-01-16', '14:00', '15:00'), today);
    expect(texts(m)).toContain('土曜日');
    expect(m.every((x) => x.ruleId === 'R-F-3')).toBe(true);
  });
  it('warns on a national holiday, naming it', () => {
    expect(texts(checkSlot(slot('2027-01-11', '14:00', '15:00'), today))).toContain('成人の日');
  });
  it('warns on the year-end closure', () => {
    expect(texts(checkSlot(slot('2026-12-28', '14:00', '15:00'), today))).toBe('');
    expect(texts(checkSlot(slot('2026-12-29', '14:00', '15:00'), today))).toContain('年末年始');
  });
  it('warns on an 18:00 slot, quoting the typed times', () => {
    expect(texts(checkSlot(slot('2027-01-12', '18:00', '19:00'), today))).toContain('18:00〜19:00 は午後2時〜5時');
  });
  it('warns when a slot starts before 14:00 or ends after 17:00', () => {
    expect(checkSlot(slot('2027-01-12', '13:30', '15:00'), today)).toHaveLength(1);
    expect(checkSlot(slot('2027-01-12', '16:00', '17:30'), today)).toHaveLength(1);
    expect(checkSlot(slot('2027-01-12', '14:00', '17:00'), today)).toEqual([]);
  });
  it('warns when the end is not after the start', () => {
    expect(texts(checkSlot(slot('2027-01-12', '16:00', '15:00'), today))).toContain('終了時刻');
  });
  it('warns on a past date', () => {
    expect(texts(checkSlot(slot('2026-11-20', '14:00', '15:00'), today))).toContain('過去の日付');
  });
  it('says nothing about an empty slot', () => {
    expect(checkSlot(slot('', '', ''), today)).toEqual([]);
  });
});

describe('R-F-2 事前相談の有効期限', () => {
  it('expires 6 months after the consultation', () => {
    const v = consultationValidity('2026-06-10', today)!;
    expect(v.expiresOn).toEqual(parseIsoDate('2026-12-10'));
    expect(v.daysLeft).toBe(19);
    expect(v.expired).toBe(false);
  });
  it('is expired once the 6 months have passed', () => {
    const v = consultationValidity('2026-05-20', today)!;
    expect(v.expired).toBe(true);
  });
  it('counts as 民法 §143 does at month ends (初日不算入)', () => {
    expect(consultationValidity('2026-04-30', today)!.expiresOn).toEqual(parseIsoDate('2026-10-31'));
    expect(consultationValidity('2027-02-28', today)!.expiresOn).toEqual(parseIsoDate('2027-08-31'));
    expect(consultationValidity('2026-08-31', today)!.expiresOn).toEqual(parseIsoDate('2027-02-28'));
  });
  it('has no validity until a date is recorded', () => {
    expect(consultationValidity('', today)).toBeUndefined();
  });
});

describe('contact checks', () => {
  it('flags an e-mail address without a domain', () => {
    expect(checkEmail('senshin@')).toHaveLength(1);
    expect(checkEmail('senshin@example.ac.jp')).toEqual([]);
  });
});

describe('R-F-3 over the three preferences', () => {
  it('asks for three preferences when fewer are entered', () => {
    const r = checkSlots([slot('2027-01-12', '14:00', '15:00'), slot('', '', ''), slot('', '', '')], today);
    expect(r.group.map((m) => m.message).join()).toContain('第3希望まで');
  });
  it('flags a slot that repeats an earlier one', () => {
    const r = checkSlots([slot('2027-01-12', '14:00', '16:00'), slot('2027-01-12', '15:00', '17:00'), slot('2027-01-13', '14:00', '15:00')], today);
    expect(r.perSlot[1]!.map((m) => m.message).join()).toContain('第1希望と同じ日時');
    expect(r.perSlot[2]).toEqual([]);
    expect(r.group).toEqual([]);
  });
  it('reminds that the company staff should come too', () => {
    expect(checkVisitors([{ name: '髙橋', affiliation: '架空大学病院' }], '一般名：…')).toHaveLength(1);
    expect(checkVisitors([{ name: '髙橋', affiliation: '架空大学病院' }, { name: '山﨑', affiliation: '架空製薬株式会社' }], '一般名：…')).toEqual([]);
  });

  it('the project page says it in separate sentences, and a date after today is a plan, not a held consultation', () => {
    const t = consultationStatusText;
    expect(t(consultationValidity('2026-06-10', today)!)).toBe('事前相談の実施日：令和８年６月１０日。有効期限：令和８年１２月１０日まで（あと' + String(consultationValidity('2026-06-10', today)!.daysLeft) + '日）。');
    expect(t(consultationValidity('2026-05-20', today)!)).toMatch(/^事前相談の実施日：令和８年５月２０日。有効期限切れ（令和８年１１月２０日まで）。/);
    const later = consultationValidity('2027-01-12', today)!;
    expect(later.upcoming).toBe(true);
    expect(t(later)).toMatch(/^事前相談の予定日：令和９年１月１２日（まだ行われていません）。/);
    expect(t(later)).not.toContain('有効期限');
  });
});
