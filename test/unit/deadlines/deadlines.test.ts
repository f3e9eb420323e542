import { describe, expect, it } from 'vitest';
import { daysLeftText, deadlinesOf, upcomingDeadlines, type Deadline } from '../../../shared/deadlines/deadlines';
import { parseIsoDate, type YMD } from '../../../shared/dates/iso-date';
import { emptyWorkspaceData } from '../../../shared/io/envelope';
import { TEMPLATE_SETS, type TemplateSet } from '../../../shared/filings/template-sets';
import { A_ID, B_ID, approvedB, filing, preparingA, project, withChange, withSae } from './fixture';

const day = (s: string): YMD => {
  const d = parseIsoDate(s);
  if (!d) throw new Error(s);
  return d;
};
const rows = (ds: readonly Deadline[]) => ds.map((d) => [d.title, d.due, d.confirmed]);

describe('deadlinesOf — an approved 先進医療B (issue 14 item 6, spec §5.2)', () => {
  it('lists the next 定期報告 (要確認), the 登録期間 and 研究期間 ends typed in 和暦 with full-width digits, and the 総括報告 trigger', () => {
    const ds = deadlinesOf(approvedB(), day('2028-02-15'));
    expect(rows(ds)).toEqual([
      ['定期報告（令和１０年度）の提出期限', '2028-08-31', false],
      // 「登録期間３年」 has no start of its own: from the 告示日 2027-07-01, the day before 3 years on — an inference.
      ['被験者登録期間の終了', '2030-06-30', false],
      ['研究期間の終了', '2031-03-31', true],
      ['総括報告（研究期間終了後）', '2031-03-31', false],
    ]);
    expect(ds.every((d) => d.projectId === B_ID && !d.overdue)).toBe(true);
    expect(ds[0]?.basis).toContain('8月末');
    expect(ds[0]?.daysLeft).toBe(198);
    expect(ds[1]?.basis).toContain('告示日（令和９年７月１日）から3年');
    expect(ds[2]?.href).toBe(`/projects/${B_ID}/forms/besshi1-yoshiki3`);
  });

  it('reads explicit 和暦 dates of the 研究期間 and the 被験者登録期間 as confirmed', () => {
    const ds = deadlinesOf(approvedB('令和９年７月１日から令和１３年３月３１日まで。被験者登録期間：令和９年７月１日～令和１２年３月３１日'), day('2028-02-15'));
    expect(rows(ds.filter((d) => d.kind === 'enrolment-end' || d.kind === 'study-end'))).toEqual([
      ['被験者登録期間の終了', '2030-03-31', true],
      ['研究期間の終了', '2031-03-31', true],
    ]);
  });

  it('counts 「Xから5年間」 to the day before the same date (month end included)', () => {
    const ds = deadlinesOf(approvedB('令和９年７月１日から５年間'), day('2028-02-15'));
    expect(ds.find((d) => d.kind === 'study-end')?.due).toBe('2032-06-30');
  });

  it('marks an unfiled 定期報告 overdue after 8月末 and lists the next 年度; a filed one is not due any more', () => {
    const late = deadlinesOf(approvedB(), day('2028-09-05')).filter((d) => d.kind === 'periodic-report');
    expect(late.map((d) => [d.title, d.due, d.overdue, daysLeftText(d)])).toEqual([
      ['定期報告（令和１０年度）の提出期限', '2028-08-31', true, '5日超過'],
      ['定期報告（令和１１年度）の提出期限', '2029-08-31', false, 'あと360日'],
    ]);
    const d = approvedB();
    d.filings.push(filing('b-r10', B_ID, 'periodic-report', [['filed', '2028-08-20']], { fiscalYear: 2028 }));
    expect(deadlinesOf(d, day('2028-09-05')).filter((x) => x.kind === 'periodic-report').map((x) => x.due)).toEqual(['2029-08-31']);
  });

  it('opens the draft 定期報告 of the 年度 when there is one', () => {
    const d = approvedB();
    d.filings.push(filing('b-r10', B_ID, 'periodic-report', [], { fiscalYear: 2028 }));
    expect(deadlinesOf(d, day('2028-07-10')).find((x) => x.kind === 'periodic-report')?.href).toBe(`/projects/${B_ID}/filings/b-r10/report`);
  });

  it('takes the 定期報告 due day from the template set in force (data, not code)', () => {
    const verified: TemplateSet[] = TEMPLATE_SETS.map((s) => ({ ...s, periodicReportDue: { month: 9, basis: '試験用：当該年9月末まで', verified: true } }));
    const r = deadlinesOf(approvedB(), day('2028-02-15'), verified).find((x) => x.kind === 'periodic-report');
    expect([r?.due, r?.confirmed, r?.basis]).toEqual(['2028-09-30', true, '試験用：当該年9月末まで']);
  });

  it('stops the 定期報告 and the period ends once a 総括報告 is filed', () => {
    const d = approvedB();
    d.filings.push(filing('b-final', B_ID, 'final-report', [['filed', '2031-05-10']]));
    expect(deadlinesOf(d, day('2031-06-01'))).toEqual([]);
  });

  it('shows 【現在の登録状況】 against 予定症例数 and warns when the 登録期間 ends within 6 months below plan', () => {
    const enrolmentOn = (today: string, count = '9症例') => deadlinesOf(withChange(approvedB(), count, '2028-01-31'), day(today)).find((d) => d.kind === 'enrolment-end');
    const soon = enrolmentOn('2030-02-01');
    expect(soon?.note).toBe('登録状況：9症例／１２０例（2028年1月31日現在）');
    expect(soon?.warning).toContain('変更申請');
    // Seven months before the end: noted, not yet warned.
    expect(enrolmentOn('2029-11-29')?.warning).toBeUndefined();
    // Enrolment complete: nothing to warn of.
    expect(enrolmentOn('2030-02-01', '１２０症例')?.warning).toBeUndefined();
  });
});

describe('deadlinesOf — 事前相談 (R-F-2: 6 months, 初日不算入)', () => {
  it('expires on the day before the same date 6 months on, with month ends (8/31 → 2/29 of a leap year)', () => {
    expect(deadlinesOf(preparingA('2027-06-10'), day('2027-11-01')).map((d) => [d.title, d.due, d.confirmed, d.href])).toEqual([['事前相談の有効期限', '2027-12-10', true, `/projects/${A_ID}/jizen-soudan`]]);
    expect(deadlinesOf(preparingA('2027-08-31'), day('2027-11-01'))[0]?.due).toBe('2028-02-29');
  });

  it('marks it overdue the day after, and drops it once the 新規届出 is 提出済み', () => {
    const expired = deadlinesOf(preparingA('2027-06-10'), day('2027-12-11'))[0];
    expect([expired?.overdue, expired && daysLeftText(expired)]).toEqual([true, '1日超過']);
    const d = preparingA('2027-06-10');
    d.filings = d.filings.map((f) => (f.id === 'a-new' ? filing('a-new', A_ID, 'new', [['filed', '2027-11-30']], { packageId: 'new-a' }) : f));
    expect(deadlinesOf(d, day('2027-12-11'))).toEqual([]);
  });

  it('says nothing of a 相談 that is only planned', () => {
    expect(deadlinesOf(preparingA('2027-12-01'), day('2027-11-01'))).toEqual([]);
  });
});

describe('deadlinesOf — 重篤な有害事象等報告 (作成中)', () => {
  it('counts from the 知った日 under the governing law, 初日不算入 (臨床研究法, 予測できない その他の重篤: 15日)', () => {
    const d = withSae(approvedB(), 'sae-1', { law: '臨床研究法', seriousness: ['入院又は入院期間の延長'], expectedness: '未知', learnedOn: '2028-03-02', reportType: '第1報' });
    const r = deadlinesOf(d, day('2028-03-10')).find((x) => x.kind === 'safety-report');
    expect([r?.title, r?.due, r?.confirmed, r?.daysLeft, r?.href]).toEqual(['重篤な有害事象等報告（第1報）の報告期限', '2028-03-17', true, 7, `/projects/${B_ID}/filings/sae-1/adverse-event`]);
  });

  it('shows 要確認 on the 知った日 when the deadline is not known (先進医療の通知, or the law not chosen)', () => {
    const d = withSae(approvedB(), 'sae-2', { law: 'それ以外', seriousness: ['死亡'], learnedOn: '2028-03-02' });
    withSae(d, 'sae-3', { learnedOn: '2028-03-05' });
    const rs = deadlinesOf(d, day('2028-03-10')).filter((x) => x.kind === 'safety-report');
    expect(rs.map((x) => [x.due, x.confirmed, x.overdue])).toEqual([
      ['2028-03-02', false, true],
      ['2028-03-05', false, true],
    ]);
    expect(rs[1]?.basis).toContain('適用される法令');
    // Two reports of one project: two deadlines with their own ids.
    expect(new Set(rs.map((x) => x.id)).size).toBe(2);
  });

  it('leaves out a report already 提出済み', () => {
    const d = withSae(approvedB(), 'sae-4', { law: '臨床研究法', seriousness: ['死亡'], expectedness: '未知', learnedOn: '2028-03-02' }, [['filed', '2028-03-06']]);
    expect(deadlinesOf(d, day('2028-03-10')).some((x) => x.kind === 'safety-report')).toBe(false);
  });
});

describe('deadlinesOf — across projects', () => {
  it('gives nothing for a project with nothing due (no 事前相談, 新規届出 作成中) and for an empty workspace', () => {
    const d = emptyWorkspaceData();
    d.projects.push(project('p-new', '新しい案件'));
    d.filings.push(filing('p-new-filing', 'p-new', 'new', []));
    expect(deadlinesOf(d, day('2028-02-15'))).toEqual([]);
    expect(deadlinesOf(emptyWorkspaceData(), day('2028-02-15'))).toEqual([]);
  });

  it('sorts every project’s deadlines by due day; the start screen shows the overdue ones and the next 90 days', () => {
    const d = preparingA('2027-08-31', approvedB());
    const all = deadlinesOf(d, day('2028-03-05'));
    expect(all.map((x) => [x.projectId, x.due])).toEqual([
      [A_ID, '2028-02-29'],
      [B_ID, '2028-08-31'],
      [B_ID, '2030-06-30'],
      [B_ID, '2031-03-31'],
      [B_ID, '2031-03-31'],
    ]);
    expect(upcomingDeadlines(all).map((x) => x.due)).toEqual(['2028-02-29']);
    expect(upcomingDeadlines(all, 180).map((x) => x.due)).toEqual(['2028-02-29', '2028-08-31']);
    expect(daysLeftText({ daysLeft: 12 })).toBe('あと12日');
    expect(daysLeftText({ daysLeft: 0 })).toBe('今日');
  });
});
