/**
 * Safety reports (issue 14 item 5; spec §3.14–3.15, form-layouts §5.3–5.4), each stored as the
 * document of its filing in `filingDocs`:
 * - 'serious-adverse-event' — 別紙7 様式第2号 先進医療に係る重篤な有害事象等報告書: one report per
 *   affected case and per 報告区分 (第1報 / 続報 / 最終報). Its 知った日 (the day the site learned of
 *   the event) and the governing law decide the deadline (safety-deadline.ts); a report after it
 *   carries a 遅延理由書 (R-F-5), whose 遅延理由 is kept here.
 * - 'health-risk' — 別紙7 様式第3号 先進医療に係る健康危険情報: the information, its source, and the
 *   「情報に関する評価・コメント」 — a グレード the user chooses (the helper's answers are kept
 *   beside it, the helper never sets it: safety-grade.ts) and a comment.
 *
 * The fields are the spec's proposed list ([INF]/[REC]: the official sheets were not seen): the
 * printed layouts are 「推定様式」. Choices are stored as their printed wording ('' = not chosen);
 * dates are 'YYYY-MM-DD' or ''.
 *
 * !! Stored (IndexedDB `filingDocs`) and exported (format 4): a change of shape needs a new export
 * format version and an upgrade (shared/io/formats/).
 */
import { z } from 'zod';
import { isoDateOrEmptySchema } from '../filings/date-schema';
import { SEXES } from './model';

const text = (max: number) => z.string().max(max, { message: `${max.toLocaleString('ja-JP')}文字以内で入力してください` });
/** One of `values` as printed, or '' (not chosen yet). */
const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(['', ...values]);

/** 報告区分: the first report, follow-ups, the final one (「先進医療に係る重篤な有害事象等報告書（第　報）」). */
export const SAE_REPORT_TYPES = ['第1報', '続報', '最終報'] as const;
export type SaeReportType = (typeof SAE_REPORT_TYPES)[number];

/**
 * 重篤と判断した理由 (several may apply), in the order the inferred sheet prints them
 * (form-layouts §5.3); the wording of 臨床研究法施行規則 第54条 in short.
 */
export const SAE_SERIOUSNESS = ['死亡', '死亡のおそれ', '入院又は入院期間の延長', '障害', '障害のおそれ', '上記に準じて重篤', '先天異常'] as const;
export type SaeSeriousness = (typeof SAE_SERIOUSNESS)[number];

/** 予測可能性: 既知 (expected from the protocol / 説明文書) or 未知. */
export const SAE_EXPECTEDNESS = ['既知', '未知'] as const;
/** 当該技術との因果関係. */
export const SAE_CAUSALITY = ['否定できない', '否定できる'] as const;
/** 処置. */
export const SAE_TREATMENT = ['なし', 'あり'] as const;
/** 転帰. */
export const SAE_OUTCOMES = ['回復', '軽快', '未回復', '回復したが後遺症あり', '死亡', '不明'] as const;

/**
 * 適用される法令: a 先進医療B run as a 特定臨床研究 or under the 再生医療等安全性確保法 also owes a
 * parallel 疾病等報告 with statutory deadlines (spec §3.14, §5.2); 「それ以外」 = only the 先進医療 通知.
 */
export const SAE_LAWS = ['臨床研究法', '再生医療等安全性確保法', 'それ以外'] as const;
export type SaeLaw = (typeof SAE_LAWS)[number];

export const seriousAdverseEventDocSchema = z.object({
  kind: z.literal('serious-adverse-event'),
  /** 報告日. */
  reportDate: isoDateOrEmptySchema,
  reportType: choice(SAE_REPORT_TYPES),
  /** 報告者: a person of the 職員名簿 ('' = not chosen; the 実施責任医師 prints beside). */
  reporterPersonId: z.string().max(64),
  /** 宛先の地方厚生（支）局 (「関東信越厚生局」); '' = as on 様式第1-2号. */
  bureau: text(100),
  /** 患者 識別コード (never the name), 年齢 as typed (「68」「生後3か月」), 性別. */
  patientCode: text(40),
  patientAge: text(20),
  patientSex: z.enum(['', ...SEXES]),
  /** 原疾患. */
  primaryDisease: text(500),
  /** 先進医療実施日. */
  performedOn: isoDateOrEmptySchema,
  /** 有害事象等名（診断名）. */
  eventName: text(500),
  /** 発現日. */
  onsetDate: isoDateOrEmptySchema,
  /** 知った日: the day the site learned of the event; every deadline counts from it. */
  learnedOn: isoDateOrEmptySchema,
  /** 重篤と判断した理由: each at most once, in SAE_SERIOUSNESS order. */
  seriousness: z
    .array(z.enum(SAE_SERIOUSNESS))
    .max(SAE_SERIOUSNESS.length)
    .refine((a) => new Set(a).size === a.length, { message: '重篤と判断した理由が重複しています' }),
  expectedness: choice(SAE_EXPECTEDNESS),
  causality: choice(SAE_CAUSALITY),
  /** 因果関係の判断理由. */
  causalityReason: text(5_000),
  treatment: choice(SAE_TREATMENT),
  /** 処置の内容. */
  treatmentDetail: text(5_000),
  outcome: choice(SAE_OUTCOMES),
  outcomeDate: isoDateOrEmptySchema,
  /** 経過. */
  course: text(20_000),
  /** 今後の対応. */
  plan: text(10_000),
  law: choice(SAE_LAWS),
  /** 遅延理由 (printed on the 遅延理由書 when the report is late; R-F-5 asks for it). */
  delayReason: text(5_000),
});
export type SeriousAdverseEventDoc = z.infer<typeof seriousAdverseEventDocSchema>;

/** グレード of 健康危険情報 (記載要領 第5-4(2)). */
export const HEALTH_RISK_GRADES = ['A', 'B', 'C'] as const;
export type HealthRiskGrade = (typeof HEALTH_RISK_GRADES)[number];

/** The helper's questions, each answered with the 記載要領's own wording (safety-grade.ts). */
export const HR_IMPACT = ['可能性がある', '可能性は低い'] as const;
export const HR_URGENCY = ['高い', '高くない'] as const;
export const HR_BASIS = ['科学的根拠が明確', '科学的根拠は明確ではないが重大な健康問題になると予測される', '国外の関係機関が重大な健康問題として警告している', '科学的根拠は明確ではない'] as const;
export const HR_KNOWN = ['既知の情報である', '既知の情報ではない'] as const;
export const HR_MEASURES = ['国内対策が既に行われている', '国内対策は行われていない'] as const;

export const healthRiskAnswersSchema = z.object({
  impact: choice(HR_IMPACT),
  urgency: choice(HR_URGENCY),
  basis: choice(HR_BASIS),
  known: choice(HR_KNOWN),
  measures: choice(HR_MEASURES),
});
export type HealthRiskAnswers = z.infer<typeof healthRiskAnswersSchema>;

export const healthRiskDocSchema = z.object({
  kind: z.literal('health-risk'),
  /** 報告日. */
  reportDate: isoDateOrEmptySchema,
  /** 報告者: a person of the 職員名簿 ('' = not chosen). */
  reporterPersonId: z.string().max(64),
  /** 宛先の地方厚生（支）局; '' = as on 様式第1-2号. */
  bureau: text(100),
  /** 情報の概要. */
  summary: text(20_000),
  /** 情報源 (文献、国外の関係機関の発表…). */
  source: text(5_000),
  /** 情報に関する評価・コメント：グレード — chosen by the user, never by the helper. */
  grade: z.enum(['', ...HEALTH_RISK_GRADES]),
  /** 情報に関する評価・コメント：コメント. */
  comment: text(10_000),
  /** What the user answered in the grade helper (kept so the reasoning can be seen again). */
  answers: healthRiskAnswersSchema,
});
export type HealthRiskDoc = z.infer<typeof healthRiskDocSchema>;

export type SafetyDoc = SeriousAdverseEventDoc | HealthRiskDoc;

/** The document a new 重篤な有害事象等報告 starts with: nothing written yet. */
export function emptySeriousAdverseEventDoc(): SeriousAdverseEventDoc {
  return {
    kind: 'serious-adverse-event',
    reportDate: '',
    reportType: '',
    reporterPersonId: '',
    bureau: '',
    patientCode: '',
    patientAge: '',
    patientSex: '',
    primaryDisease: '',
    performedOn: '',
    eventName: '',
    onsetDate: '',
    learnedOn: '',
    seriousness: [],
    expectedness: '',
    causality: '',
    causalityReason: '',
    treatment: '',
    treatmentDetail: '',
    outcome: '',
    outcomeDate: '',
    course: '',
    plan: '',
    law: '',
    delayReason: '',
  };
}

/** The document a new 健康危険情報 starts with: nothing written, no grade. */
export function emptyHealthRiskDoc(): HealthRiskDoc {
  return {
    kind: 'health-risk',
    reportDate: '',
    reporterPersonId: '',
    bureau: '',
    summary: '',
    source: '',
    grade: '',
    comment: '',
    answers: { impact: '', urgency: '', basis: '', known: '', measures: '' },
  };
}
