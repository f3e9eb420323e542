/**
 * 定期報告 documents for the report tests and rule fixtures (issue 14): the 令和７年度 report of the
 * sample (a fictional 先進医療B at 架空大学医学部附属病院) with a 12-case 実績報告 as a coordinator
 * types it — one 死亡, one 中止, one 継続 still in hospital on 6/30, some values typed with
 * full-width digits — and a 0件 report.
 */
import type { ResolvedFiling } from '../../shared/filings/as-filed';
import { filingSchema, type Filing } from '../../shared/filings/filing';
import { emptyCase, emptyReportDoc, type PeriodicReportDoc, type ReportCase, type ReportDoc } from '../../shared/reports/model';
import type { FilingDocCheck } from '../../shared/rules/filing-docs';
import { baseline } from '../unit/changes/fixture';

const T = '2025-07-10T00:00:00.000Z';

/** 令和７年度: 2024-07-01 … 2025-06-30. */
export const FISCAL_YEAR = 2025;
/** The sample's 機関別番号 and 告示番号 (B): 「1234－１２－Ｂ」 as typed. */
export const CODE = '1234－12－B';
/** The project's 告示番号 history for the report fixtures (R-R-3). */
export const NOTICES = [{ id: 'notice-1', number: '１２', validFrom: '2023-04-01', note: '' }];

type Row = [caseNumber: string, firstDate: string, days: number | string, outcome: ReportCase['outcome'], insured: number | string, copay: number | string, other: number, evaluation: ReportCase['evaluation']];

/**
 * The 12 cases (hand sums in test/unit/reports/aggregates.test.ts): 先進医療費用 患者負担 21,938円
 * each (the sample's 先進医療にかかる費用), その他 15,000円 for case 005 (an extra test paid by 研究費).
 * Case 003's 入院期間 and case 006's 保険外併用療養費分 are typed text with full-width digits.
 */
const ROWS: readonly Row[] = [
  ['001', '2024-07-18', 10, '治癒', 1_254_300, 376_290, 0, '有効'],
  ['002', '2024-08-05', 9, '治癒', 1_198_750, 359_625, 0, '有効'],
  ['003', '2024-09-12', '１２日', '治癒', 1_342_100, 402_630, 0, '有効'],
  ['004', '2024-10-03', 8, '治癒', 1_105_400, 331_620, 0, '有効'],
  ['005', '2024-11-21', 31, '死亡', 2_873_560, 287_356, 15_000, '不明'],
  ['006', '2024-12-10', 11, '治癒', '１，２８７，９００円', 386_370, 0, '有効'],
  ['007', '2025-01-16', 9, '治癒', 1_176_200, 352_860, 0, '有効'],
  ['008', '2025-02-06', 14, '中止', 1_402_350, 140_235, 0, '無効'],
  ['009', '2025-03-13', 10, '治癒', 1_221_600, 366_480, 0, '有効'],
  ['010', '2025-04-17', 9, '治癒', 1_189_300, 356_790, 0, '有効'],
  ['011', '2025-05-22', 13, '治癒', 1_310_450, 393_135, 0, '有効'],
  // Admitted 6/19, still in hospital on 6/30: 入院期間 up to 6/30 (12 days), 転帰 継続.
  ['012', '2025-06-19', 12, '継続', 1_265_800, 379_740, 0, '不明'],
];

const DIAGNOSES = ['早期胃がん（cT1N0M0）', '早期胃がん（cT1aN0M0）', '早期胃がん（cT1bN0M0）'];

export function twelveCases(): ReportCase[] {
  return ROWS.map(([caseNumber, firstDate, days, outcome, insured, copay, other, evaluation], i) => ({
    ...emptyCase(`case-${caseNumber}`),
    caseNumber,
    age: 58 + ((i * 7) % 23),
    sex: i % 3 === 0 ? '女' : '男',
    diagnosis: DIAGNOSES[i % DIAGNOSES.length] ?? '',
    firstDate,
    inpatientDays: days,
    procedures: 1,
    outcome,
    insuredAmount: insured,
    copayment: copay,
    advancedPatient: 21_938,
    advancedOther: other,
    evaluation,
    code: CODE,
  }));
}

/** The 令和７年度 定期報告 as written for the sample: ①–④ with their 根拠, 目的 and 考察, 12 cases. */
export function periodicReport(over: Partial<PeriodicReportDoc> = {}): PeriodicReportDoc {
  const base = emptyReportDoc('periodic-report');
  if (base.kind !== 'periodic-report') throw new Error('not a periodic report');
  return {
    ...base,
    reportDate: '2025-08-20',
    reporterPersonId: 'sample-takahashi',
    devices: '近赤外蛍光イメージングシステム　ＦＬ－３０００',
    approvedOn: '2023-06-01',
    endDate: '令和10年3月31日',
    ethics: '人を対象とする生命科学・医学系研究に関する倫理指針',
    title: 'ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術の定期報告',
    purpose: '早期胃がんに対し、センチネルリンパ節生検により転移陰性と判断された症例に縮小胃切除を行い、術後の生活の質を保ちつつ根治性を確認する。',
    plannedPatients: 120,
    reportedPatients: 38,
    nationalPatients: 125_000,
    nationalPatientsBasis: '令和2年患者調査（胃の悪性新生物）',
    targetPatients: 12_000,
    targetPatientsBasis: '早期胃がんの手術例のうち術前診断cT1N0M0の割合（約1割）から推計',
    discussion: '令和７年６月30日までに38例を登録した。重篤な有害事象は1例（術後31日目の死亡、因果関係は否定的）であった。',
    overviewAttached: true,
    cases: twelveCases(),
    ...over,
  };
}

/** 0件: no case in the period, with the two texts MHLW publishes (R-R-10). */
export function zeroReport(over: Partial<PeriodicReportDoc> = {}): PeriodicReportDoc {
  return periodicReport({
    cases: [],
    reportedPatients: 38,
    zeroReason: '対象となる患者の紹介がなかったため。',
    zeroPolicy: '地域の医療機関への周知を継続し、次年度の実施を目指す。',
    ...over,
  });
}

function filing(id: string, kind: Filing['kind'], over: Partial<Filing> = {}): Filing {
  return filingSchema.parse({ id, projectId: 'sample', kind, status: 'draft', events: [], templateSetId: '', createdAt: T, updatedAt: T, ...over });
}

/** A 定期報告 (令和７年度) still 作成中, as the check sees it. */
export function reportDraft(content: ReportDoc = periodicReport(), over: Partial<Filing> = {}): FilingDocCheck {
  const kind = content.kind;
  return { filing: filing('rep-1', kind, { ...(kind === 'periodic-report' ? { fiscalYear: FISCAL_YEAR } : {}), ...over }), content };
}

/** The 12 cases with case `index` changed. */
export function withCase(index: number, change: (c: ReportCase) => ReportCase, cases: readonly ReportCase[] = twelveCases()): ReportCase[] {
  return cases.map((c, i) => (i === index ? change(c) : c));
}

/**
 * What a 定期報告 of the sample prints from (as resolveFiling makes it): the sample as approved, dated
 * by the day the report is written, with its 告示番号 and the 設定's Tel/Fax and 担当者.
 */
export function reportWorking(over: Partial<ResolvedFiling> = {}): ResolvedFiling {
  const base = baseline();
  return {
    ...base,
    kind: 'periodic-report',
    filingDate: '2025-08-20',
    filedOn: '',
    project: { ...base.project, filingDate: '2025-08-20', notices: NOTICES },
    institution: { ...base.institution, contactAffiliation: '臨床研究推進センター', contactName: '佐藤 花子', tel: '03-0000-1234', fax: '03-0000-5678' },
    ...over,
  };
}
