/**
 * The consistency engine's vocabulary (issue 5, architecture pattern 2): a rule is a record — the
 * spec's id, severity, where it applies, the 記載要領 item it rests on — with one pure check.
 * Findings carry field locations so the UI can lead the user to the field.
 */
import type { Category } from '../forms/field';
import type { PackageId } from '../forms/packages';
import type { Submission } from './submission';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'エラー', warning: '警告', info: '情報' };

/**
 * Where a finding points. `doc` is a form id ('besshi1/yoshiki5'), or one of the non-form places:
 * 'project' (案件の基本情報), 'cost' (費用の積算), 'jizen-soudan', 'masters/committees',
 * 'masters/products', 'roster', 'settings'. `field` is the answer key (or the entity's field).
 */
export interface FieldLocation {
  readonly doc: string;
  readonly field?: string;
  /** Row of a table / list (0-based), or the id of a master entry. */
  readonly row?: number;
  readonly entryId?: string;
  /** 「様式第5号（先進医療にかかる費用）」: what the user reads. */
  readonly label: string;
}

/** A span of typed prose that states a fact (an amount, a date): where it is and what it reads as. */
export interface TextSpan {
  readonly doc: string;
  readonly field: string;
  readonly start: number;
  readonly end: number;
  /** The characters as typed (「２１，９３８円」). */
  readonly text: string;
}

/** One place that states a fact that must agree with the others (R-C-1 …). */
export interface AgreementPlace {
  readonly location: FieldLocation;
  /** The value as compared (integer yen, normalised text). */
  readonly value: string;
  /** The value as shown to the user. */
  readonly display: string;
  /**
   * Typed prose the engine can rewrite (「この値に統一」). Absent for values computed by the model
   * (the 積算 total): they change only where they are computed.
   */
  readonly span?: TextSpan;
  /** The sentence the typed value stands in, so the user sees what will be rewritten. */
  readonly context?: string;
}

export interface Agreement {
  /** 「先進医療にかかる費用」 */
  readonly fact: string;
  /** How a chosen value is written into prose ('yen' → 「21,938円」). */
  readonly format: 'yen' | 'count' | 'text';
  readonly places: readonly AgreementPlace[];
}

export interface Finding {
  /** Stable within a project while the finding stands: rule id + locations. Acknowledgements use it. */
  readonly key: string;
  readonly ruleId: string;
  readonly severity: Severity;
  /** What is wrong and where, in Japanese. */
  readonly message: string;
  /** The 記載要領 item the rule rests on. */
  readonly basis: string;
  readonly locations: readonly FieldLocation[];
  readonly agreement?: Agreement;
}

/** What a rule's check returns: the engine adds id, severity, basis and key. */
export interface Hit {
  readonly message: string;
  readonly locations: readonly FieldLocation[];
  /** Overrides the rule's severity (R-C-5 is E or W depending on what is missing). */
  readonly severity?: Severity;
  readonly agreement?: Agreement;
  /** Distinguishes two hits of one rule at the same locations. */
  readonly discriminator?: string;
}

export interface Rule {
  /** The spec's id (R-C-1, R-ETH …) or a generated one (R-REQ). */
  readonly id: string;
  /** Short Japanese name shown in the check report. */
  readonly title: string;
  /** Default severity; per 区分 where the spec says 「E for B; W for A」. */
  readonly severity: Severity | Readonly<Record<Category, Severity>>;
  /** Where the rule applies; absent = everywhere. */
  readonly applies?: { readonly categories?: readonly Category[]; readonly packages?: readonly PackageId[] };
  /** 記載要領 item, e.g. 「記載要領 第4(11)、第5(2)④、第6(1)、第7(1)」. */
  readonly basis: string;
  check(s: Submission): readonly Hit[];
}
