import { describe, expect, it } from 'vitest';
import { filingDates, nextReportYear } from '../../../shared/filings/deadlines';
import { baselineFiling, filingLabel, transitionProblem, type Filing } from '../../../shared/filings/filing';

const base: Filing = { id: 'f', projectId: 'p', kind: 'new', packageId: 'new-b', title: '', status: 'draft', events: [], templateSetId: 'notice-2024-04', rev: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const ev = (status: Filing['status'], date: string) => ({ status, date, note: '', at: 'x', ...(status === 'filed' ? { method: '郵送' as const } : {}) });

describe('filings (issue 11)', () => {
  it('moves only forward, with dates in order and a method for 提出済み', () => {
    expect(transitionProblem(base, { status: 'accepted', date: '2027-04-20' })).toBe('not-allowed');
    expect(transitionProblem(base, { status: 'filed', date: '2027-04-05' })).toBe('no-method');
    const filed = { ...base, status: 'filed' as const, events: [ev('filed', '2027-04-05')] };
    expect(transitionProblem(filed, { status: 'accepted', date: '2027-04-04' })).toBe('date-before-previous');
    expect(transitionProblem(filed, { status: 'accepted', date: '2027-04-05' })).toBeUndefined();
    expect(transitionProblem({ ...filed, status: 'approved' }, { status: 'withdrawn', date: '2027-09-01' })).toBe('not-allowed');
  });

  it('the baseline is the newest approved 新規届出 or 変更申請, never a report', () => {
    const approved = (id: string, kind: Filing['kind'], date: string): Filing => ({ ...base, id, kind, status: 'approved', events: [ev('filed', date), ev('approved', date)] });
    const first = approved('a', 'new', '2027-07-01');
    const change = approved('b', 'change', '2028-03-01');
    const report = approved('c', 'periodic-report', '2028-09-01');
    expect(baselineFiling([first])?.id).toBe('a');
    expect(baselineFiling([report, change, first])?.id).toBe('b');
    expect(baselineFiling([{ ...change, status: 'filed' }, first])?.id).toBe('a');
  });

  it('保険併用 starts on the 1st of the month after 受理, or that month when 受理 is on the 1st', () => {
    const accepted = (d: string): Filing => ({ ...base, status: 'accepted', events: [ev('filed', '2027-04-05'), ev('accepted', d)] });
    expect(filingDates(accepted('2027-04-20'))[0]).toMatchObject({ date: '2027-05-01', text: expect.stringContaining('令和９年５月１日') as unknown });
    expect(filingDates(accepted('2027-12-15'))[0]?.date).toBe('2028-01-01');
    expect(filingDates(accepted('2027-06-01'))[0]?.date).toBe('2027-06-01');
  });

  it('a 定期報告 covers 7/1–6/30 and is due at the end of August, labelled by its 年度 in 和暦', () => {
    const report: Filing = { ...base, kind: 'periodic-report', fiscalYear: 2027 };
    expect(filingLabel(report)).toBe('定期報告（令和9年度）');
    expect(filingDates(report).map((d) => d.text)).toEqual([expect.stringContaining('令和８年７月１日～令和９年６月３０日'), expect.stringContaining('提出期限：令和９年８月３１日')]);
    expect(nextReportYear({ year: 2026, month: 12, day: 1 })).toBe(2027);
    expect(nextReportYear({ year: 2027, month: 8, day: 31 })).toBe(2027);
    expect(filingLabel({ ...report, fiscalYear: 2019 })).toBe('定期報告（令和元年度）');
  });
});
