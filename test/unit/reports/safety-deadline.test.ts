/**
 * Issue 14 item 5 (spec §5.2, R-F-5): the deadline of a 重篤な有害事象等報告 counted in calendar days
 * from the day the site learned of the event (初日不算入), by law, reason and 予測可能性 — across month
 * and year ends, leap years and the 令和 change — shown in 和暦; a report after it is late.
 */
import { describe, expect, it } from 'vitest';
import { emptySeriousAdverseEventDoc, type SeriousAdverseEventDoc } from '../../../shared/reports/safety';
import { deadlineIso, deadlineText, isLate, safetyDeadline } from '../../../shared/reports/safety-deadline';

const report = (over: Partial<SeriousAdverseEventDoc>): SeriousAdverseEventDoc => ({ ...emptySeriousAdverseEventDoc(), ...over });

describe('報告期限 (知った日から、初日不算入の暦日)', () => {
  it('臨床研究法・未知・入院: 15日 — 令和8年3月2日に知った報告は令和８年３月１７日まで', () => {
    const d = safetyDeadline(report({ law: '臨床研究法', seriousness: ['入院又は入院期間の延長'], expectedness: '未知', learnedOn: '2026-03-02' }));
    expect(deadlineIso(d)).toBe('2026-03-17');
    expect(deadlineText(d)).toBe('報告期限：令和８年３月１７日（知った日から15日）');
  });

  it('臨床研究法・未知・死亡: 7日、2月末をまたぐ（平年）', () => {
    const d = safetyDeadline(report({ law: '臨床研究法', seriousness: ['死亡'], expectedness: '未知', learnedOn: '2026-02-25' }));
    expect(d?.rule.days).toBe(7);
    expect(deadlineIso(d)).toBe('2026-03-04');
    expect(deadlineText(d)).toBe('報告期限：令和８年３月４日（知った日から7日）');
  });

  it('臨床研究法・既知・死亡のおそれ: 15日; 既知のその他の重篤: 30日（閏年の2月をまたぐ）で「要確認」', () => {
    expect(deadlineIso(safetyDeadline(report({ law: '臨床研究法', seriousness: ['障害', '死亡のおそれ'], expectedness: '既知', learnedOn: '2026-04-30' })))).toBe('2026-05-15');
    const d = safetyDeadline(report({ law: '臨床研究法', seriousness: ['障害'], expectedness: '既知', learnedOn: '2028-01-31' }));
    expect(d?.rule.days).toBe(30);
    expect(d?.rule.confirmed).toBe(false);
    expect(deadlineIso(d)).toBe('2028-03-01');
    expect(deadlineText(d)).toBe('報告期限：令和１０年３月１日（知った日から30日）　要確認');
  });

  it('再生医療等安全性確保法: 死亡のおそれ 7日（年末年始をまたぐ）、その他の重篤 15日（予測可能性によらない）', () => {
    const d = safetyDeadline(report({ law: '再生医療等安全性確保法', seriousness: ['死亡のおそれ'], learnedOn: '2026-12-28' }));
    expect(deadlineText(d)).toBe('報告期限：令和９年１月４日（知った日から7日）');
    expect(deadlineIso(safetyDeadline(report({ law: '再生医療等安全性確保法', seriousness: ['先天異常'], expectedness: '既知', learnedOn: '2027-12-20' })))).toBe('2028-01-04');
  });

  it('令和への改元をまたぐ期限は令和元年で表示', () => {
    const d = safetyDeadline(report({ law: '再生医療等安全性確保法', seriousness: ['死亡'], learnedOn: '2019-04-25' }));
    expect(deadlineText(d)).toBe('報告期限：令和元年５月２日（知った日から7日）');
  });

  it('先進医療の通知だけ（それ以外）: 日数は要確認と表示し、遅れとは判定しない', () => {
    const doc = report({ law: 'それ以外', seriousness: ['死亡'], expectedness: '未知', learnedOn: '2026-01-05', reportDate: '2026-06-30' });
    const d = safetyDeadline(doc);
    expect(d?.due).toBeUndefined();
    expect(deadlineText(d)).toContain('報告期限：要確認');
    expect(isLate(doc)).toBeUndefined();
  });

  it('法令・理由・（臨床研究法では）予測可能性がそろうまで期限は出さない', () => {
    expect(safetyDeadline(report({ seriousness: ['死亡'], learnedOn: '2026-03-02' }))).toBeUndefined();
    expect(safetyDeadline(report({ law: '臨床研究法', learnedOn: '2026-03-02' }))).toBeUndefined();
    expect(safetyDeadline(report({ law: '臨床研究法', seriousness: ['死亡'], learnedOn: '2026-03-02' }))).toBeUndefined();
    expect(deadlineText(safetyDeadline(report({ law: '臨床研究法', seriousness: ['死亡'], expectedness: '未知' })))).toBe('報告期限：知った日から7日（知った日を入力すると日付を表示します）');
  });
});

describe('isLate', () => {
  const base = report({ law: '臨床研究法', seriousness: ['入院又は入院期間の延長'], expectedness: '未知', learnedOn: '2026-03-02' });
  it('期限の日の報告は間に合い、翌日からは遅れ', () => {
    expect(isLate({ ...base, reportDate: '2026-03-17' })).toBe(false);
    expect(isLate({ ...base, reportDate: '2026-03-18' })).toBe(true);
  });
  it('知った日から20日後の報告日は遅れ（月末をまたいでも暦日で数える）', () => {
    expect(isLate({ ...base, learnedOn: '2026-03-20', reportDate: '2026-04-09' })).toBe(true);
    expect(isLate({ ...base, learnedOn: '2026-03-20', reportDate: '2026-04-04' })).toBe(false);
  });
  it('提出日があれば報告日より提出日で判定する', () => {
    expect(isLate({ ...base, reportDate: '2026-03-10' }, '2026-03-25')).toBe(true);
    expect(isLate({ ...base, reportDate: '2026-03-25' }, '2026-03-10')).toBe(false);
  });
  it('報告日も提出日もないうちは判定しない', () => {
    expect(isLate(base)).toBeUndefined();
  });
});
