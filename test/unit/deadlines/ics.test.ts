import { describe, expect, it } from 'vitest';
import { deadlinesOf } from '../../../shared/deadlines/deadlines';
import { deadlinesIcs } from '../../../shared/deadlines/ics';
import { approvedB, preparingA, withSae } from './fixture';

/** RFC 5545 §3.1: a line starting with a space or a tab continues the one before. */
function unfold(ics: string): string[] {
  const out: string[] = [];
  for (const line of ics.split('\r\n')) {
    if (/^[ \t]/.test(line) && out.length > 0) out[out.length - 1] += line.slice(1);
    else if (line !== '') out.push(line);
  }
  return out;
}

/** The properties of each VEVENT, by name (parameters kept in the name: 「DTSTART;VALUE=DATE」). */
function events(ics: string): Array<Map<string, string>> {
  const out: Array<Map<string, string>> = [];
  let current: Map<string, string> | undefined;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return out;
}

const data = () => withSae(preparingA('2027-08-31', approvedB()), 'sae-1', { law: '臨床研究法', seriousness: ['死亡'], expectedness: '未知', learnedOn: '2028-03-02', reportType: '第1報' });
const TODAY = { year: 2028, month: 2, day: 15 };

describe('deadlinesIcs — the 期限 as a calendar file (issue 14 item 6)', () => {
  it('writes one all-day VEVENT per deadline with a Japanese SUMMARY', () => {
    const ds = deadlinesOf(data(), TODAY);
    const ics = deadlinesIcs(ds, new Date('2028-02-15T00:00:00Z'));
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(ds.length);
    const evs = events(ics);
    const periodic = evs.find((e) => e.get('SUMMARY')?.includes('定期報告'));
    expect(periodic?.get('DTSTART;VALUE=DATE')).toBe('20280831');
    // An all-day event ends (exclusive) on the next day.
    expect(periodic?.get('DTEND;VALUE=DATE')).toBe('20280901');
    expect(periodic?.get('SUMMARY')).toBe('［要確認］定期報告（令和１０年度）の提出期限（腹腔鏡下センチネルリンパ節生検（先進医療B））');
    const consultation = evs.find((e) => e.get('SUMMARY')?.startsWith('事前相談の有効期限'));
    expect(consultation?.get('DTSTART;VALUE=DATE')).toBe('20280229');
    expect(evs.find((e) => e.get('SUMMARY')?.includes('重篤な有害事象等報告（第1報）'))?.get('DTSTART;VALUE=DATE')).toBe('20280309');
  });

  it('keeps every UID the same across exports and different between deadlines', () => {
    const uids = (stamp: string) => events(deadlinesIcs(deadlinesOf(data(), TODAY), new Date(stamp))).map((e) => e.get('UID'));
    const first = uids('2028-02-15T00:00:00Z');
    expect(uids('2028-02-20T09:30:00Z')).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first).toContain('proj-b:periodic-report:2028-08-31@senshin-desk');
  });
});
