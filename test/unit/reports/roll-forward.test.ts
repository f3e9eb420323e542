/**
 * Issue 14 item 4: 「次年度の報告を作成」 makes the next 年度's 定期報告 from the last one — 継続 cases
 * carried with their stable id and 初回実施日, the others (治癒・死亡・中止) left in their 年度, counts
 * and amounts blank, and every carried value 要確認 until confirmed; the previous report untouched.
 */
import { describe, expect, it } from 'vitest';
import { emptyCase, emptyReportDoc, periodicReportDocSchema, type ReportCase, type ReportDoc } from '../../../shared/reports/model';
import { rollForward, unconfirmedCount } from '../../../shared/reports/roll-forward';

const kase = (id: string, over: Partial<ReportCase>): ReportCase => ({
  ...emptyCase(id),
  caseNumber: id.toUpperCase(),
  age: 64,
  sex: '男',
  diagnosis: '胃癌',
  firstDate: '2025-09-02',
  inpatientDays: 14,
  procedures: 2,
  insuredAmount: 812_340,
  copayment: 348_146,
  advancedPatient: 450_000,
  advancedOther: 0,
  evaluation: '有効',
  code: '1234－0１－B',
  ...over,
});

function previousReport(): ReportDoc {
  return {
    ...emptyReportDoc('periodic-report'),
    reportDate: '2026-08-20',
    reporterPersonId: 'p-1',
    devices: '架空内視鏡システム',
    approvedOn: '2024-04-01',
    endDate: '2028-03-31',
    ethics: '人を対象とする生命科学・医学系研究に関する倫理指針',
    title: '架空胃切除術',
    purpose: '安全性と有効性を評価する。',
    plannedPatients: 40,
    reportedPatients: 12,
    nationalPatients: 120_000,
    nationalPatientsBasis: '患者調査',
    discussion: '順調に登録が進んでいる。',
    overviewAttached: true,
    importMapping: { caseNumber: '症例番号' },
    cases: [
      kase('c-cont', { outcome: '継続', firstDate: '2026-05-10', note: '6/30時点で入院中' }),
      kase('c-cured', { outcome: '治癒' }),
      kase('c-dead', { outcome: '死亡' }),
      kase('c-stop', { outcome: '中止' }),
    ],
  };
}

describe('rollForward (issue 14 item 4)', () => {
  it('carries only the 継続 case, with its stable id and 初回実施日; 治癒・死亡・中止 stay in their 年度', () => {
    const next = rollForward(previousReport());
    expect(next.kind).toBe('periodic-report');
    expect(next.cases.map((c) => c.id)).toEqual(['c-cont']);
    const carried = next.cases[0];
    expect(carried?.firstDate).toBe('2026-05-10');
    expect(carried?.caseNumber).toBe('C-CONT');
    expect(carried?.diagnosis).toBe('胃癌');
    expect(carried?.outcome).toBe('継続');
  });

  it('resets the period values of a carried case: 入院期間, 実施回数 and the four 円 columns are blank', () => {
    const carried = rollForward(previousReport()).cases[0];
    expect([carried?.inpatientDays, carried?.procedures, carried?.insuredAmount, carried?.copayment, carried?.advancedPatient, carried?.advancedOther]).toEqual(['', '', '', '', '', '']);
  });

  it('flags every carried value 要確認: the case columns it kept and the report fields it carried', () => {
    const next = rollForward(previousReport());
    expect(new Set(next.cases[0]?.unconfirmed)).toEqual(new Set(['caseNumber', 'age', 'sex', 'diagnosis', 'firstDate', 'outcome', 'evaluation', 'code', 'note']));
    expect(next.title).toBe('架空胃切除術');
    expect(next.plannedPatients).toBe(40);
    expect(new Set(next.unconfirmed)).toEqual(
      new Set(['reporterPersonId', 'devices', 'approvedOn', 'endDate', 'ethics', 'title', 'purpose', 'plannedPatients', 'nationalPatients', 'nationalPatientsBasis', 'overviewAttached']),
    );
    // What belongs to one period starts blank (and so is not 要確認).
    expect([next.reportDate, next.reportedPatients, next.discussion]).toEqual(['', '', '']);
    expect(next.importMapping).toEqual({ caseNumber: '症例番号' });
    expect(unconfirmedCount(next)).toBe(11 + 9);
    expect(periodicReportDocSchema.safeParse(next).success).toBe(true);
  });

  it('leaves the previous report exactly as it was (it stays as filed)', () => {
    const previous = previousReport();
    const before = structuredClone(previous);
    const next = rollForward(previous);
    next.cases[0]!.diagnosis = '書き換え';
    next.unconfirmed.push('x');
    expect(previous).toEqual(before);
  });

  it('a 年度 where every case ended carries no case', () => {
    const previous = previousReport();
    const next = rollForward({ ...previous, cases: previous.cases.filter((c) => c.outcome !== '継続') });
    expect(next.cases).toEqual([]);
  });
});
