/**
 * The rule catalogue (spec §4.1–4.6, §4.8) and the one call every screen, `npm run check` and the
 * bench use. Each rule id appears in exactly one catalogue file.
 */
import { changeRules } from './catalog/changes';
import { costRules } from './catalog/cost';
import { insuredRules } from './catalog/cost-insured';
import { bearerRules } from './catalog/cost-bearer';
import { costRowRules } from './catalog/cost-rows';
import { glyphRules, preflightRules, type GlyphCoverage } from './catalog/preflight';
import { ethicsRules } from './catalog/ethics';
import { emptyTableRules } from './catalog/empty-tables';
import { factPairRules } from './catalog/facts-pairs';
import { caseRecordRules } from './catalog/case-records';
import { referenceRules } from './catalog/references';
import { reportRules } from './catalog/reports';
import { formalRules } from './catalog/formal';
import { identityRules } from './catalog/identity';
import { productRules } from './catalog/products';
import { requiredRules } from './catalog/required';
import { scheduleRules } from './catalog/schedule';
import { siteRules } from './catalog/sites';
import { safetyRules } from './catalog/safety';
import { evaluate } from './engine';
import type { Submission } from './submission';
import type { Finding, Rule } from './types';

export const RULES: readonly Rule[] = [...costRules, ...costRowRules, ...bearerRules, ...insuredRules, ...identityRules, ...factPairRules, ...caseRecordRules, ...siteRules, ...scheduleRules, ...changeRules, ...reportRules, ...productRules, ...ethicsRules, ...referenceRules, ...formalRules, ...safetyRules, ...emptyTableRules, ...requiredRules(), ...preflightRules()];

export function checkSubmission(s: Submission, rules: readonly Rule[] = RULES): Finding[] {
  return evaluate(rules, s);
}

/** checkSubmission plus PRE-GLYPH, for callers that have the fonts: glyphCoverage(fonts.metrics). */
export function checkWithFonts(s: Submission, glyphs: GlyphCoverage, rules: readonly Rule[] = RULES): Finding[] {
  return evaluate([...rules, ...glyphRules(glyphs)], s);
}

export { acknowledgementOf } from './acknowledge';
export { evaluate, countBySeverity } from './engine';
export type { Finding, Rule, Severity, FieldLocation, Agreement, AgreementPlace } from './types';
