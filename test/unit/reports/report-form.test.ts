/**
 * Issue 14 item 2: the 実績報告 editor keeps values as typed and stores counts and 円 as integers
 * once they read (full-width digits, commas, 「円」「日」 accepted); a value that does not read is
 * saved as typed, with a Japanese message beside its cell.
 */
import { describe, expect, it } from 'vitest';
import { caseToForm, cellProblem, normalizeReport, toForm } from '../../../renderer/features/reports/report-form';
import { emptyCase, emptyReportDoc, periodicReportDocSchema, type ReportDoc } from '../../../shared/reports/model';

const typed = (): ReportDoc => ({
  ...emptyReportDoc('periodic-report'),
  plannedPatients: '４０',
  nationalPatients: '120,000人',
  cases: [{ ...emptyCase('a'), age: '６４歳', inpatientDays: '１４日', procedures: ' ', insuredAmount: '812,340円', copayment: '約１２万円', advancedPatient: '¥450,000', advancedOther: '0' }],
});

describe('report form values', () => {
  it('stores what reads as integers and keeps the rest as typed (blank stays blank)', () => {
    const doc = normalizeReport(typed());
    expect(doc.plannedPatients).toBe(40);
    expect(doc.nationalPatients).toBe(120_000);
    const c = doc.cases[0];
    expect([c?.age, c?.inpatientDays, c?.procedures, c?.insuredAmount, c?.copayment, c?.advancedPatient, c?.advancedOther]).toEqual([64, 14, '', 812_340, '約１２万円', 450_000, 0]);
    expect(periodicReportDocSchema.safeParse(doc).success).toBe(true);
  });

  it('says beside the cell why a value does not read, and nothing for one that reads or is blank', () => {
    expect(cellProblem('copayment', '約１２万円')).toBe('概数は入力できません。円まで正確な金額を入力してください（例：10,000,000）。');
    expect(cellProblem('inpatientDays', '2週間')).toBe('0以上の整数で入力してください（例：14、１４日）。');
    expect(cellProblem('inpatientDays', '１４日')).toBe('');
    expect(cellProblem('insuredAmount', '')).toBe('');
    expect(cellProblem('diagnosis', '胃癌？')).toBe('');
  });

  it('shows stored integers as typed digits, 円 with commas, and reads them back the same', () => {
    const stored = normalizeReport(typed());
    const shown = toForm(stored);
    expect(caseToForm(stored.cases[0] ?? emptyCase('x')).insuredAmount).toBe('812,340');
    expect(shown.plannedPatients).toBe('40');
    expect(normalizeReport(shown)).toEqual(stored);
  });
});
