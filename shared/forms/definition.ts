/**
 * A 様式 is a view over the submission model: its own answers (schema with field metadata) plus
 * facts it reads from the model (技術名, 適応症, the cost). Adding a form = adding one folder under
 * shared/forms/<別紙>/<様式>/ that exports a FormDefinition, and listing it in registry.ts.
 */
import type { z } from 'zod';
import type { CostBreakdown } from '../cost/calculate';
import type { DateStyle } from '../dates/date-style';
import type { Section } from '../document/model';
import type { Masters } from '../model/master';
import type { Person } from '../model/person';
import type { Site } from '../model/site';
import type { FilingInstitution } from '../model/project';
import type { Category } from './field';

/** Turns answers stored at version `from` into those of version `from + 1`. Pure; never drops a value silently. */
export interface AnswerMigration {
  readonly from: number;
  up(answers: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

export type Besshi = '別紙1' | '別紙2';

/** The facts a form may print, resolved once for the whole package. */
export interface SubmissionFacts {
  readonly institution?: FilingInstitution;
  readonly technologyName: string;
  /** 届出日 ('YYYY-MM-DD' or ''), printed as 提出年月日. */
  readonly filingDate?: string;
  /** The day the package speaks of ('YYYY-MM-DD'): the 届出日, else today (開設者, 耐用年数, 委員の任期). */
  readonly asOf?: string;
  /** 実施責任医師, from the 職員名簿 (undefined until chosen). */
  readonly responsiblePhysician?: Person;
  readonly indication: string;
  readonly category: Category;
  readonly cost: CostBreakdown;
  /** The master data the forms pick from (委員会, 品目, 診療科 …). */
  readonly masters: Masters;
  /** 調整・協力医療機関 and 委託側・受託側 of the project (issue 11); absent in facts made before. */
  readonly sites?: readonly Site[];
  /**
   * 事務担当者 of 設定 › 医療機関情報 (the 事前相談申込書's 担当者, issue 15): printed by 様式第1-1号・第1-2号
   * where their 事務担当者 fields are left blank. Absent in facts made before.
   */
  readonly contact?: { readonly affiliation: string; readonly name: string; readonly tel: string; readonly fax: string; readonly email: string };
  /** How every date of the document prints (R-F-4), chosen once per package; absent = MHLW forms' 和暦. */
  readonly dates?: DateStyle;
}

export interface FormDefinition<S extends z.ZodObject = z.ZodObject> {
  /** Stable key, e.g. 'besshi1/yoshiki5'. Stored in the database: never rename. */
  readonly id: string;
  readonly besshi: Besshi;
  /** 「様式第5号」 as printed top-left. */
  readonly number: string;
  readonly title: string;
  /** True where the official layout is not known and ours is reconstructed (「推定様式」). */
  readonly estimatedLayout: boolean;
  readonly answers: S;
  /**
   * Template version of this form (issue 11): stamped on every stored answer set. Raise it when the
   * schema changes shape, and add the migration from the previous version below. Absent = 1.
   */
  readonly version?: number;
  /** Upgrades of stored answers, one per version step, in order (shared/forms/versioning.ts). */
  readonly migrations?: readonly AnswerMigration[];
  empty(): z.output<S>;
  /** The printed form; returns through `formSection` so its dates print in one style (R-F-4). */
  build(facts: SubmissionFacts, answers: z.output<S>): Section;
}

/** A4 margins of the 届出 forms: a little wider on the left for binding. */
export const FORM_MARGINS = { top: 56, right: 51, bottom: 56, left: 62 } as const;
