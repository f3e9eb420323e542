/**
 * The yearly report of a technology (issue 14; spec §3.12–3.13): 別紙7 様式第1号 先進医療に係る定期・
 * 総括報告書 and its 別添 実績報告, one row per patient. Stored as the document of a filing of kind
 * 'periodic-report' (定期報告, its 年度 on the filing) or 'final-report' (総括報告) in `filingDocs`.
 *
 * Values are kept as typed where typing can go wrong: counts and 円 amounts are integer numbers once
 * they read as one (full-width digits, commas, 「円」, 「日」 accepted), and the text as typed when they
 * do not — the rules say what is wrong (R-R-*) and nothing typed is lost. Dates are 'YYYY-MM-DD' or ''.
 *
 * !! Stored (IndexedDB `filingDocs`) and exported: a change of shape needs a new export format
 * version and an upgrade (shared/io/formats/).
 */
import { z } from 'zod';
import { MAX_YEN } from '../money/yen';
import { isoDateOrEmptySchema } from '../filings/date-schema';

const text = (max: number) => z.string().max(max, { message: `${max.toLocaleString('ja-JP')}文字以内で入力してください` });

/** 転帰 (R-R-1, spec §3.13): tests and diagnoses that led to the next treatment are 継続. */
export const REPORT_OUTCOMES = ['治癒', '死亡', '中止', '継続'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/** 評価結果 (R-R-2): may be left blank per case where the design justifies it (RCT). */
export const REPORT_EVALUATIONS = ['有効', '無効', '不明'] as const;
export type ReportEvaluation = (typeof REPORT_EVALUATIONS)[number];

export const SEXES = ['男', '女'] as const;

/** The largest count a case can hold (入院期間 in days, 実施回数, 年齢). */
export const MAX_COUNT = 100_000;

/** A count once it reads as one (integer ≥ 0), else the text as typed ('' = blank). */
export const countValueSchema = z.union([z.number().int().min(0).max(MAX_COUNT), text(40)]);
export type CountValue = z.infer<typeof countValueSchema>;

/** A 円 amount once it reads as one (integer yen), else the text as typed ('' = blank). */
export const amountValueSchema = z.union([z.number().int().min(0).max(MAX_YEN), text(40)]);
export type AmountValue = z.infer<typeof amountValueSchema>;

/** The columns of the 実績報告 that hold what the hospital typed (what import maps and roll-forward flags). */
export const CASE_COLUMNS = [
  'caseNumber',
  'siteName',
  'age',
  'sex',
  'diagnosis',
  'firstDate',
  'inpatientDays',
  'procedures',
  'outcome',
  'insuredAmount',
  'copayment',
  'advancedPatient',
  'advancedOther',
  'evaluation',
  'code',
  'note',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

/** Each column's official heading (spec §3.13), as printed and as labelled on screen. */
export const CASE_COLUMN_LABEL: Readonly<Record<CaseColumn, string>> = {
  caseNumber: '整理番号',
  siteName: '実施医療機関名',
  age: '年齢',
  sex: '性別',
  diagnosis: '診断名',
  firstDate: '初回実施日',
  inpatientDays: '入院期間',
  procedures: '実施回数',
  outcome: '転帰',
  insuredAmount: '保険外併用療養費分',
  copayment: '保険外併用療養費分に係る一部負担金',
  advancedPatient: '先進医療費用（患者負担）',
  advancedOther: '先進医療費用（その他）',
  evaluation: '評価結果',
  code: 'コード番号',
  note: '備考',
};

export const reportCaseSchema = z.object({
  /** Stable id (uuid): a row keeps it through edits, imports and the roll-forward to the next 年度. */
  id: z.string().min(1).max(64),
  /** 整理番号: the hospital's own case id — an import matches rows on it (update, add, never duplicate). */
  caseNumber: text(40),
  /** 実施医療機関名 when a B report bundles its 協力医療機関 ('' = the 申請医療機関 itself). */
  siteName: text(200),
  age: countValueSchema,
  sex: z.enum(['', ...SEXES]),
  /** 診断名 (主たる病名). */
  diagnosis: text(500),
  /** 初回実施日: the first day the 先進医療 was performed ('YYYY-MM-DD' or ''). */
  firstDate: isoDateOrEmptySchema,
  /** 入院期間（日）: all admissions for the 先進医療, up to 6/30 when still in hospital. */
  inpatientDays: countValueSchema,
  /** 実施回数: times performed within the reporting period. */
  procedures: countValueSchema,
  outcome: z.enum(['', ...REPORT_OUTCOMES]),
  /** 保険外併用療養費分 (the insurer's share, 入院時食事療養費 included), 円. */
  insuredAmount: amountValueSchema,
  /** 保険外併用療養費分に係る一部負担金 (the patient's share of it), 円. */
  copayment: amountValueSchema,
  /** 先進医療費用: borne by the patient / everything else (研究費等), 円. */
  advancedPatient: amountValueSchema,
  advancedOther: amountValueSchema,
  evaluation: z.enum(['', ...REPORT_EVALUATIONS]),
  /** コード番号: 機関別番号－告示番号－A|B (R-R-3). */
  code: text(60),
  note: text(1000),
  /** Columns carried from the previous 年度 and not yet confirmed (要確認, roll-forward). */
  unconfirmed: z.array(z.enum(CASE_COLUMNS)).max(CASE_COLUMNS.length).default([]),
});
export type ReportCase = z.infer<typeof reportCaseSchema>;

export const MAX_CASES = 5_000;

/** The fields of 別紙7 様式第1号 (spec §3.12); which a report fills depends on A / B-定期 / B-総括 (R-R-6). */
const reportFields = {
  /** 報告書作成日. */
  reportDate: isoDateOrEmptySchema,
  /** 実施者 and 問い合わせ先（担当者の役職及び氏名）: people of the 職員名簿 ('' = not chosen). */
  reporterPersonId: z.string().max(64),
  contactPersonId: z.string().max(64),
  /** 使用機器 (as printed; the 様式第3号 devices are offered). */
  devices: text(2_000),
  /** 先進医療承認日 (= 告示適用年月日). */
  approvedOn: isoDateOrEmptySchema,
  /** 終了日 (定期: 終了予定日), as typed: a date or 「保険収載まで」. */
  endDate: text(200),
  /** 倫理基準等の遵守 (生命・医学系指針 / 臨床研究法 / 再生医療等安全性確保法 …). */
  ethics: text(2_000),
  /** 1. 標題 */
  title: text(1_000),
  /** 2. 概要: 目的 */
  purpose: text(20_000),
  /** 患者数: ① 計画時, ② 中間報告・終了時; ③ 日本国内における当該疾病患者数, ④ 当該技術の対象となる患者数, each with its 根拠. */
  plannedPatients: countValueSchema,
  reportedPatients: countValueSchema,
  nationalPatients: z.union([z.number().int().min(0).max(1_000_000_000), text(40)]),
  nationalPatientsBasis: text(2_000),
  targetPatients: z.union([z.number().int().min(0).max(1_000_000_000), text(40)]),
  targetPatientsBasis: text(2_000),
  /** 考察 (progress and discussion for 定期; conclusion at the end). */
  discussion: text(20_000),
  /** B 総括 only: 診断及び主要な組入れ基準, 評価基準, 結果の一覧. */
  targetDisease: text(5_000),
  inclusionCriteria: text(10_000),
  exclusionCriteria: text(10_000),
  primarySafety: text(5_000),
  primaryEfficacy: text(5_000),
  secondarySafety: text(5_000),
  secondaryEfficacy: text(5_000),
  results: text(20_000),
  /** No case in the period (R-R-10): 「０件の理由」 and 「医療機関の今後の対応方針」. */
  zeroReason: text(5_000),
  zeroPolicy: text(5_000),
  /** 概略図 attached (「本報告書には、当該先進医療の内容がわかる概略図（1枚程度）を添付すること」). */
  overviewAttached: z.boolean(),
  /** 原著論文: the one representative paper attached, as cited ('' = none exists). */
  paper: text(2_000),
  cases: z.array(reportCaseSchema).max(MAX_CASES, { message: `症例は${MAX_CASES.toLocaleString('ja-JP')}件までです` }),
  /** Import: the file's column heading mapped to each column, remembered for the next import. */
  importMapping: z.partialRecord(z.enum(CASE_COLUMNS), text(200)).default({}),
  /** Report fields carried from the previous 年度 and not yet confirmed (要確認, roll-forward). */
  unconfirmed: z.array(text(40)).max(100).default([]),
};

export const periodicReportDocSchema = z.object({ kind: z.literal('periodic-report'), ...reportFields });
export const finalReportDocSchema = z.object({ kind: z.literal('final-report'), ...reportFields });
export type PeriodicReportDoc = z.infer<typeof periodicReportDocSchema>;
export type FinalReportDoc = z.infer<typeof finalReportDocSchema>;
export type ReportDoc = PeriodicReportDoc | FinalReportDoc;

/** A blank case row. */
export function emptyCase(id: string): ReportCase {
  return {
    id,
    caseNumber: '',
    siteName: '',
    age: '',
    sex: '',
    diagnosis: '',
    firstDate: '',
    inpatientDays: '',
    procedures: '',
    outcome: '',
    insuredAmount: '',
    copayment: '',
    advancedPatient: '',
    advancedOther: '',
    evaluation: '',
    code: '',
    note: '',
    unconfirmed: [],
  };
}

/** The document a new 定期報告 / 総括報告 starts with: nothing written yet. */
export function emptyReportDoc(kind: ReportDoc['kind']): ReportDoc {
  const blank = {
    reportDate: '',
    reporterPersonId: '',
    contactPersonId: '',
    devices: '',
    approvedOn: '',
    endDate: '',
    ethics: '',
    title: '',
    purpose: '',
    plannedPatients: '',
    reportedPatients: '',
    nationalPatients: '',
    nationalPatientsBasis: '',
    targetPatients: '',
    targetPatientsBasis: '',
    discussion: '',
    targetDisease: '',
    inclusionCriteria: '',
    exclusionCriteria: '',
    primarySafety: '',
    primaryEfficacy: '',
    secondarySafety: '',
    secondaryEfficacy: '',
    results: '',
    zeroReason: '',
    zeroPolicy: '',
    overviewAttached: false,
    paper: '',
    cases: [],
    importMapping: {},
    unconfirmed: [],
  };
  return kind === 'periodic-report' ? { kind, ...blank } : { kind, ...blank };
}
