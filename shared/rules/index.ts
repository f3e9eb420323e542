/**
 * The rule catalogue (spec §4.1–4.6, §4.8) and the one call every screen, `npm run check` and the
 * bench use. Each rule id appears in exactly one catalogue file.
 */
import { costRules } from './catalog/cost';
import { requiredRules } from './catalog/required';
import { evaluate } from './engine';
import type { Submission } from './submission';
import type { Finding, Rule } from './types';

export const RULES: readonly Rule[] = [...costRules, ...requiredRules()];

export function checkSubmission(s: Submission, rules: readonly Rule[] = RULES): Finding[] {
  return evaluate(rules, s);
}

export { evaluate, countBySeverity } from './engine';
export type { Finding, Rule, Severity, FieldLocation, Agreement, AgreementPlace } from './types';
