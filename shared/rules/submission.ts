/**
 * What the engine checks: one project's package as stored — the project, its facts resolved once
 * (shared/forms/facts.ts), each 様式's answers parsed by its own schema, the cost model and the
 * 事前相談. Built the same way by the app, `npm run check` and the bench.
 */
import { z } from 'zod';
import type { CostModel } from '../cost/model';
import type { YMD } from '../dates/iso-date';
import type { SubmissionFacts } from '../forms/definition';
import { resolveFacts } from '../forms/facts';
import { fieldRegistry, type Category } from '../forms/field';
import type { InstitutionProfile, JizenSoudan } from '../forms/jizen-soudan/schema';
import { packageById, type PackageId } from '../forms/packages';
import { FORMS } from '../forms/registry';
import type { FormDefinition } from '../forms/definition';
import type { Masters } from '../model/master';
import type { Project } from '../model/project';
import type { Site } from '../model/site';
import type { FilingDocCheck } from './filing-docs';

export interface Submission {
  readonly project: Project;
  readonly category: Category;
  readonly packageId: PackageId;
  /** Forms of the package, in filing order. */
  readonly formIds: readonly string[];
  readonly facts: SubmissionFacts;
  readonly profile: InstitutionProfile;
  readonly cost: CostModel;
  /** Answers per form id, parsed by the form's schema; a form never opened reads as its empty answers. */
  readonly forms: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  readonly consultation?: JizenSoudan;
  readonly today: YMD;
  /** 申請・調整・協力医療機関 and 委託側・受託側 of the project (issue 11). */
  readonly sites: readonly Site[];
  /** A site's own answers per form id, parsed by the form's schema (e.g. a 協力医療機関's 様式第9号, R-ID-7). */
  readonly siteForms: ReadonlyMap<string, ReadonlyMap<string, Readonly<Record<string, unknown>>>>;
  /** The project's 変更申請 and 照会回答 rounds with their documents (issue 13; filing-docs.ts). */
  readonly filingDocs: readonly FilingDocCheck[];
}

export interface SubmissionInput {
  readonly project: Project;
  readonly profile: InstitutionProfile;
  readonly masters: Masters;
  readonly cost: CostModel;
  /** Stored answers per form id (unparsed rows are parsed here; unreadable ones read as empty). */
  readonly answers: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  readonly consultation?: JizenSoudan;
  readonly today: YMD;
  /** Default: 新規届出 of the project's 区分. */
  readonly packageId?: PackageId;
  readonly sites?: readonly Site[];
  /** Stored answers of each site, per form id (parsed here like the project's). */
  readonly siteAnswers?: ReadonlyMap<string, ReadonlyMap<string, Readonly<Record<string, unknown>>>>;
  readonly filingDocs?: readonly FilingDocCheck[];
}

export function defaultPackage(category: Category): PackageId {
  return category === 'A' ? 'new-a' : 'new-b';
}

function parsedAnswers(form: FormDefinition, stored: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> {
  if (!stored) return form.empty();
  const r = form.answers.safeParse({ ...form.empty(), ...stored });
  return r.success ? r.data : form.empty();
}

export function buildSubmission(input: SubmissionInput): Submission {
  const packageId = input.packageId ?? defaultPackage(input.project.category);
  const formIds = packageById(packageId).formIds;
  const forms = new Map<string, Readonly<Record<string, unknown>>>();
  for (const form of FORMS) forms.set(form.id, parsedAnswers(form, input.answers.get(form.id)));
  const sites = input.sites ?? [];
  const siteForms = new Map<string, ReadonlyMap<string, Readonly<Record<string, unknown>>>>();
  for (const [siteId, byForm] of input.siteAnswers ?? []) {
    const parsed = new Map<string, Readonly<Record<string, unknown>>>();
    for (const [formId, stored] of byForm) {
      const form = formById(formId);
      if (form) parsed.set(formId, parsedAnswers(form, stored));
    }
    siteForms.set(siteId, parsed);
  }
  return {
    project: input.project,
    category: input.project.category,
    packageId,
    formIds,
    facts: resolveFacts({ project: input.project, profile: input.profile, masters: input.masters, cost: input.cost, today: input.today, sites }),
    profile: input.profile,
    cost: input.cost,
    forms,
    ...(input.consultation ? { consultation: input.consultation } : {}),
    today: input.today,
    sites,
    siteForms,
    filingDocs: input.filingDocs ?? [],
  };
}

export function formById(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id);
}

/** 「様式第5号」 for a form id; non-form places by name. */
export function docLabel(doc: string): string {
  const form = formById(doc);
  if (form) return form.besshi === '別紙2' ? `別紙2 ${form.number}` : form.number;
  if (doc.startsWith('change/')) return '変更申請';
  if (doc.startsWith('inquiry/')) return '照会事項に対する回答';
  if (doc.startsWith('report/')) return '定期・総括報告';
  if (doc.startsWith('adverse-event/')) return '重篤な有害事象等報告';
  return DOC_LABELS[doc] ?? doc;
}

const DOC_LABELS: Readonly<Record<string, string>> = {
  project: '案件の基本情報',
  cost: '費用の積算',
  'jizen-soudan': '事前相談申込書',
  sites: '実施医療機関',
  'masters/committees': 'マスタ（倫理審査委員会）',
  'masters/products': 'マスタ（医薬品・医療機器）',
  'masters/departments': 'マスタ（診療科）',
  roster: '職員名簿',
  settings: '設定（医療機関情報）',
};

/** The official label of a form's field, for messages: 「様式第5号（先進医療にかかる費用）」. */
export function fieldLabel(doc: string, field: string): string {
  const form = formById(doc);
  const shape: Readonly<Record<string, z.ZodType>> | undefined = form?.answers.shape;
  const schema = shape?.[field];
  const meta = schema ? fieldRegistry.get(schema) : undefined;
  return meta ? `${docLabel(doc)}「${meta.label}」` : docLabel(doc);
}

export function at(doc: string, field?: string, extra: { readonly row?: number; readonly entryId?: string; readonly label?: string } = {}) {
  return {
    doc,
    ...(field !== undefined ? { field } : {}),
    ...(extra.row !== undefined ? { row: extra.row } : {}),
    ...(extra.entryId !== undefined ? { entryId: extra.entryId } : {}),
    label: extra.label ?? (field !== undefined ? fieldLabel(doc, field) : docLabel(doc)),
  };
}

/**
 * String-keyed reads, for keys that come from a schema itself (fieldsOf) or from a FieldRef. A rule
 * never names a field here: a typo or a renamed field would read as '' and switch the rule off.
 */
export function text(s: Submission, formId: string, key: string): string {
  const v = s.forms.get(formId)?.[key];
  return typeof v === 'string' ? v : '';
}

export function answer(s: Submission, formId: string, key: string): unknown {
  return s.forms.get(formId)?.[key];
}

// ---- Typed access (issue 11 item 8) -------------------------------------------------------------
// Rules name a field through the form's exported definition (`yoshiki5`, not 'besshi1/yoshiki5'),
// so the key is checked against that form's schema: renaming a field breaks the type check of
// every rule that reads it instead of silently switching the rule off. FORMS and formById erase
// the schema type; FieldKey refuses such an erased definition (every key would pass).

/** The field keys of a schema's shape; never for an erased shape (every string would pass). */
export type ShapeKey<Sh> = string extends keyof Sh ? never : keyof Sh & string;

/** The field keys of a form's schema; never for a definition whose schema type is erased. */
export type FieldKey<S extends z.ZodObject> = ShapeKey<S['shape']>;

/** The keys of fields whose answer is a string (text, longtext, date, enum, yesno, ref). */
export type TextKey<S extends z.ZodObject> = { [K in FieldKey<S>]: z.output<S['shape'][K]> extends string ? K : never }[FieldKey<S>];

/** A string answer of a form ('' when absent or not a string). */
export function textOf<S extends z.ZodObject>(s: Submission, form: FormDefinition<S>, key: TextKey<S>): string {
  return text(s, form.id, key);
}

/**
 * An answer of a form as its field's schema types it; undefined when absent. The answers were parsed
 * by the same schema in buildSubmission, so the field check here always passes for a built
 * submission (only a hand-made one could hold a refused value, read as absent): it is how `unknown`
 * becomes the field's type without a cast.
 */
export function answerOf<Sh extends z.ZodRawShape, C extends z.core.$ZodObjectConfig, K extends keyof Sh & string>(
  s: Submission,
  form: FormDefinition<z.ZodObject<Sh, C>>,
  key: K & ShapeKey<Sh>,
): z.output<Sh[K]> | undefined {
  const raw = s.forms.get(form.id)?.[key];
  if (raw === undefined) return undefined;
  // Annotated: read in the call below, the field's schema would widen to the shape's constraint.
  const schema: Sh[K] = form.answers.shape[key];
  const r = z.safeParse(schema, raw);
  return r.success ? r.data : undefined;
}

/** A field of one form, named through its definition: the { doc, field } pair locations and prose lists use. */
export interface FieldRef {
  readonly doc: string;
  readonly field: string;
}

export function fieldRef<S extends z.ZodObject>(form: FormDefinition<S>, key: FieldKey<S>): FieldRef {
  return { doc: form.id, field: key };
}

/** `at` for a field of a form: the place go-to-field opens. */
export function atField<S extends z.ZodObject>(form: FormDefinition<S>, key: FieldKey<S>, extra: Parameters<typeof at>[2] = {}): ReturnType<typeof at> {
  return at(form.id, key, extra);
}

export function inPackage(s: Submission, formId: string): boolean {
  return s.formIds.includes(formId);
}
