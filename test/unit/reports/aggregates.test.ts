/**
 * Issue 14 item 2 (R-R-5, R-R-8, R-R-9): the money of each case, the report's totals and the
 * MHLW-style aggregates, against hand calculations written out here. Values typed with full-width
 * digits count; a value that does not read is reported and never counted as 0.
 */
import { describe, expect, it } from 'vitest';
import { caseMoney, ratio, ratioLine, readAmount, readCount, reportTotals, roundTenths, unreadText } from '../../../shared/reports/aggregates';
import { emptyCase, type ReportCase } from '../../../shared/reports/model';
import { periodicReport, twelveCases, withCase, zeroReport } from '../../helpers/report-docs';

/** A case with only what 平均入院期間 reads. */
const stay = (days: number, i: number): ReportCase => ({ ...emptyCase(`c${i}`), inpatientDays: days, procedures: 1, insuredAmount: 0, copayment: 0, advancedPatient: 0, advancedOther: 0 });
const stays = (days: readonly number[]): { cases: ReportCase[]; reportedPatients: string; nationalPatients: string; targetPatients: string } => ({
  cases: days.map(stay),
  reportedPatients: '',
  nationalPatients: '',
  targetPatients: '',
});

describe('reading typed values', () => {
  it('counts and 円 typed with full-width digits, commas and units read; other text does not', () => {
    expect(readCount('１２日')).toBe(12);
    expect(readCount('3回')).toBe(3);
    expect(readCount(' ０ ')).toBe(0);
    expect(readCount('約10日')).toBeUndefined();
    expect(readCount('1.5')).toBeUndefined();
    expect(readCount('')).toBeUndefined();
    expect(readAmount('１，２８７，９００円')).toBe(1_287_900);
    expect(readAmount('¥21,938')).toBe(21_938);
    expect(readAmount('12,340円也')).toBeUndefined();
    expect(readAmount('')).toBeUndefined();
  });
});

describe('R-R-8: money per case', () => {
  it('insured part = 保険外併用療養費分 + 一部負担金; 先進医療費用 = 患者負担 + その他; total = both', () => {
    const c5 = twelveCases()[4];
    if (!c5) throw new Error('no case 005');
    // Case 005 (死亡): 2,873,560 + 287,356 = 3,160,916; 21,938 + 15,000 = 36,938; 3,197,854 in all.
    expect(caseMoney(c5)).toEqual({ insured: 3_160_916, advanced: 36_938, total: 3_197_854 });
  });

  it('a part with a value that does not read has no value (never 0)', () => {
    const c = { ...emptyCase('x'), insuredAmount: 100_000, copayment: '３万円くらい', advancedPatient: 21_938, advancedOther: '' };
    expect(caseMoney(c)).toEqual({ insured: undefined, advanced: undefined, total: undefined });
  });
});

describe('reportTotals: the 12-case 令和７年度 report', () => {
  const t = reportTotals(periodicReport());

  it('年間実施件数 = patients; 転帰 counted (one 死亡, one 中止, one 継続)', () => {
    expect(t.patients).toBe(12);
    expect(t.admitted).toBe(12);
    expect(t.outcomes).toEqual({ '': 0, 治癒: 9, 死亡: 1, 中止: 1, 継続: 1 });
    expect(t.zeroCases).toBe(false);
    expect(t.unread).toEqual([]);
  });

  it('column sums, the typed 「１２日」 and 「１，２８７，９００円」 included', () => {
    // 10 + 9 + 12 + 8 + 31 + 11 + 9 + 14 + 10 + 9 + 13 + 12 = 148
    expect(t.inpatientDays).toEqual({ value: 148, readable: 148, unread: 0 });
    expect(t.procedures.value).toBe(12);
    // 1,254,300 + 1,198,750 + 1,342,100 + 1,105,400 + 2,873,560 + 1,287,900 + 1,176,200 + 1,402,350 + 1,221,600 + 1,189,300 + 1,310,450 + 1,265,800
    expect(t.insuredAmount.value).toBe(16_627_710);
    // 376,290 + 359,625 + 402,630 + 331,620 + 287,356 + 386,370 + 352,860 + 140,235 + 366,480 + 356,790 + 393,135 + 379,740
    expect(t.copayment.value).toBe(4_133_131);
    // 21,938 × 12
    expect(t.advancedPatient.value).toBe(263_256);
    expect(t.advancedOther.value).toBe(15_000);
  });

  it('R-R-9: 保険診療分, 先進医療総額（円）, 総合計（円）, 平均入院期間 148 ÷ 12 = 12.33… → 12.3 日', () => {
    // 16,627,710 + 4,133,131
    expect(t.insured.value).toBe(20_760_841);
    // 263,256 + 15,000
    expect(t.advanced.value).toBe(278_256);
    // 20,760,841 + 278,256
    expect(t.grandTotal.value).toBe(21_039_097);
    expect(t.averageStay).toEqual({ kind: 'days', tenths: 123, text: '12.3' });
  });

  it('R-R-5: ②/③ = 38 ÷ 125,000 = 0.0304 % → 「0.1未満」; ②/④ = 38 ÷ 12,000 = 0.3166… % → 0.3 %', () => {
    expect(t.toNational).toEqual({ ok: true, tenths: 0, text: '0.1未満' });
    expect(t.toTarget).toEqual({ ok: true, tenths: 3, text: '0.3' });
    expect(ratioLine(t)).toBe('【②/③：0.1未満％、②/④：0.3％】');
  });

  it('a value that does not read is listed and leaves its totals without a value (its readable part kept apart)', () => {
    const doc = periodicReport({ cases: withCase(7, (c) => ({ ...c, copayment: '約14万円' }), withCase(2, (c) => ({ ...c, inpatientDays: '' }))) });
    const u = reportTotals(doc);
    expect(u.unread.map(unreadText)).toEqual(['3行目の入院期間（未入力）', '8行目の保険外併用療養費分に係る一部負担金（「約14万円」）']);
    expect(u.copayment).toEqual({ value: undefined, readable: 4_133_131 - 140_235, unread: 1 });
    expect(u.insured.value).toBeUndefined();
    expect(u.grandTotal.value).toBeUndefined();
    // 先進医療総額 does not depend on the unread values.
    expect(u.advanced.value).toBe(278_256);
    // The blank 入院期間 is not taken as 0 days: the average is not known yet.
    expect(u.inpatientDays).toEqual({ value: undefined, readable: 136, unread: 1 });
    expect(u.averageStay.text).toBe('（未確定）');
  });
});

describe('平均入院期間 (R-R-9): Σ入院期間 ÷ all patients, to 0.1 day, half up', () => {
  it('rounds a half up exactly: 1 ÷ 4 = 0.25 → 0.3; 29 ÷ 20 = 1.45 → 1.5 (1.45 × 10 is 14.4999… in floating point)', () => {
    expect(reportTotals(stays([1, 0, 0, 0])).averageStay.text).toBe('0.3');
    expect(reportTotals(stays([...Array<number>(19).fill(1), 10])).averageStay.text).toBe('1.5');
    expect(roundTenths(29, 20)).toBe(15);
    expect(roundTenths(1, 4)).toBe(3);
    // Below the half: 0.24 → 0.2.
    expect(roundTenths(6, 25)).toBe(2);
  });

  it('a few short stays among many outpatients show 0.0 (as MHLW prints fertility techniques); nobody admitted 「※入院例なし」; no patient 「-」', () => {
    expect(reportTotals(stays([1, ...Array<number>(29).fill(0)])).averageStay).toEqual({ kind: 'days', tenths: 0, text: '0.0' });
    expect(reportTotals(stays([0, 0, 0])).averageStay).toEqual({ kind: 'no-inpatients', text: '※入院例なし' });
    expect(reportTotals(stays([])).averageStay).toEqual({ kind: 'none', text: '-' });
  });
});

describe('0件 report and ratios that cannot be computed', () => {
  it('0件: no patients, every sum 0, 平均入院期間 「-」', () => {
    const t = reportTotals(zeroReport());
    expect(t.zeroCases).toBe(true);
    expect(t.patients).toBe(0);
    expect(t.grandTotal).toEqual({ value: 0, readable: 0, unread: 0 });
    expect(t.averageStay.text).toBe('-');
  });

  it('ratios: blank, unreadable and 0 are told apart; full-width digits read', () => {
    expect(ratio('', 100)).toEqual({ ok: false, reason: 'missing' });
    expect(ratio(38, '約1万人')).toEqual({ ok: false, reason: 'unread' });
    expect(ratio(38, 0)).toEqual({ ok: false, reason: 'zero' });
    // 38 ÷ 800 = 4.75 % → 4.8 %
    expect(ratio('３８', '８００人')).toEqual({ ok: true, tenths: 48, text: '4.8' });
    expect(ratioLine({ toNational: ratio('', 1), toTarget: ratio(1, 8) })).toBe('【②/③：　　％、②/④：12.5％】');
  });
});
