/**
 * The grade helper of 健康危険情報 (issue 14 item 5; spec §3.15, 記載要領 第5-4(2)): five questions,
 * each answered in the 記載要領's own words, lead to the definitions they meet. Pure.
 *
 * The definitions overlap (a 既知の情報 is グレードC whatever else holds), so the helper lists every
 * definition met and suggests the most serious grade among them — a safety report errs on the side
 * of the reader. It only suggests: the grade printed is the one the user chooses.
 */
import type { HealthRiskAnswers, HealthRiskGrade } from './safety';

/** The grades as printed in 「情報に関する評価・コメント」. */
export const GRADE_LABEL: Readonly<Record<HealthRiskGrade, string>> = {
  A: 'グレードA（重要情報）',
  B: 'グレードB（情報提供・経過注視）',
  C: 'グレードC（参考情報）',
};

/** 国外の関係機関 (記載要領 第5-4(2)). */
export const FOREIGN_BODIES_NOTE = '国外の関係機関とは、世界保健機関、米国食品医薬品庁、米国防疫センター等を指します。';

/** The questions, labelled with the 記載要領's wording. */
export const GRADE_QUESTIONS = {
  impact: '本邦において何らかの健康への影響がある可能性',
  urgency: '緊急性',
  basis: '根拠',
  known: '既知の情報か',
  measures: '国内対策',
} as const satisfies Readonly<Record<keyof HealthRiskAnswers, string>>;

export interface GradeDefinition {
  readonly grade: HealthRiskGrade;
  /** The definition as the 記載要領 words it. */
  readonly text: string;
  /** Whether `a` meets it (every condition answered and true). */
  readonly met: (a: HealthRiskAnswers) => boolean;
}

const possible = (a: HealthRiskAnswers): boolean => a.impact === '可能性がある';
const low = (a: HealthRiskAnswers): boolean => a.impact === '可能性は低い';

/** 記載要領 第5-4(2) ①–③, in its order. */
export const GRADE_DEFINITIONS: readonly GradeDefinition[] = [
  { grade: 'A', text: '本邦において何らかの健康への影響がある可能性があり、緊急性が高く、科学的根拠が明確である場合', met: (a) => possible(a) && a.urgency === '高い' && a.basis === '科学的根拠が明確' },
  {
    grade: 'A',
    text: '本邦において何らかの健康への影響がある可能性があり、緊急性が高く、科学的根拠は明確ではないが重大な健康問題になると予測される場合',
    met: (a) => possible(a) && a.urgency === '高い' && a.basis === '科学的根拠は明確ではないが重大な健康問題になると予測される',
  },
  {
    grade: 'A',
    text: '本邦において何らかの健康への影響がある可能性があり、緊急性が高く、国外の関係機関が重大な健康問題として警告している場合',
    met: (a) => possible(a) && a.urgency === '高い' && a.basis === '国外の関係機関が重大な健康問題として警告している',
  },
  { grade: 'B', text: '本邦において何らかの健康への影響がある可能性があるが、緊急性が高くない場合', met: (a) => possible(a) && a.urgency === '高くない' },
  { grade: 'B', text: '本邦において健康への影響がある可能性は低いが、国外の関係機関が重大な健康問題として警告している場合', met: (a) => low(a) && a.basis === '国外の関係機関が重大な健康問題として警告している' },
  { grade: 'B', text: '本邦において健康への影響がある可能性は低いが、科学的根拠が明確である場合', met: (a) => low(a) && a.basis === '科学的根拠が明確' },
  { grade: 'C', text: '本邦において健康への影響がある可能性は低く、科学的根拠も明確ではない場合', met: (a) => low(a) && a.basis === '科学的根拠は明確ではない' },
  { grade: 'C', text: '既知の情報である場合', met: (a) => a.known === '既知の情報である' },
  { grade: 'C', text: '国内対策が既に行われている場合', met: (a) => a.measures === '国内対策が既に行われている' },
];

export interface GradeSuggestion {
  /** The most serious grade among the definitions met. */
  readonly grade: HealthRiskGrade;
  /** Every definition met, in the 記載要領's order. */
  readonly met: readonly GradeDefinition[];
}

/** The grade the answers point to, or undefined while no definition is met. */
export function suggestGrade(a: HealthRiskAnswers): GradeSuggestion | undefined {
  const met = GRADE_DEFINITIONS.filter((d) => d.met(a));
  const first = met[0];
  // Definitions are listed A, B, C: the first met is the most serious.
  return first ? { grade: first.grade, met } : undefined;
}
