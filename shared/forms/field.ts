/**
 * Field metadata beside each zod field (architecture.md pattern 1): the official label, the
 * guidance in our own words, the editor kind and whether 先進医療A / B require it. Editors,
 * required-field rules and layouts read it from the schema — no second list of fields.
 */
import { z } from 'zod';
import { MAX_YEN, formatYen, parseYen } from '../money/yen';

/** 'opt' = 「先進医療Aの場合は、必ずしも記載する必要はない」 (spec §3.19). */
export type Requirement = 'req' | 'opt' | 'n/a';

export type FieldKind = 'text' | 'longtext' | 'yen' | 'date' | 'enum' | 'yesno' | 'table' | 'requirement' | 'ref' | 'refs' | 'check';

/** The master lists a form can pick from (shared/model/master.ts). */
export type MasterList = 'people' | 'committees' | 'products' | 'departments';

export interface TableColumn {
  readonly key: string;
  /** Official column heading. */
  readonly label: string;
  /** Relative width in the printed table. */
  readonly width: number;
}

/**
 * A column of a 'table' field that is computed, never typed (様式第6号's 小計 = 点数 × 回数): printed
 * after the typed columns and shown read-only by the editor. Rows do not store it.
 */
export interface ComputedColumn {
  readonly key: string;
  /** Official column heading. */
  readonly label: string;
  /** Relative width in the printed table. */
  readonly width: number;
  /** The cell's text for one typed row ('' when its inputs do not read: the rule says why). */
  value(row: Readonly<TableRowValue>): string;
}

export interface FieldMeta {
  /** Official wording; the accessible label of the input. */
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: { readonly A: Requirement; readonly B: Requirement };
  /** What the 記載要領 asks for, in our own words. */
  readonly help?: string;
  /** Text printed on the official form under the label. */
  readonly printedGuidance?: string;
  /** Choices of an 'enum' field, in printed order. */
  readonly options?: readonly string[];
  /** Rule id of the 記載要領 item the field rests on, e.g. 'S2 §5(2)①'. */
  readonly source?: string;
  /** Columns of a 'table' field, in printed order. */
  readonly columns?: readonly TableColumn[];
  /**
   * How a 'requirement' field prints (様式第9号): `yes` is the 「要」 alternative, with {v} where the
   * value goes (「要（{v}）年以上」); `detail` is an extra line for the value (「具体的内容：{v}」).
   */
  readonly requirement?: { readonly yes: string; readonly no?: string; readonly detail?: string };
  /**
   * A 'ref' / 'refs' field stores ids of master data: which list, and for products which kinds
   * (医療機器 / 医薬品 …) the picker offers.
   */
  readonly master?: { readonly list: MasterList; readonly kinds?: readonly string[] };
  /**
   * Key of a field that, once filled, prints instead of this one (a table typed before the master
   * existed, replaced by a picked committee). The editor says so beside this field.
   */
  readonly replacedBy?: string;
  /**
   * Left blank, the field prints this value of the project's registered site of `role` (issue 11:
   * 受託側 entered once on 実施医療機関); a blank field with such a site is not 未記入.
   */
  readonly siteFallback?: { readonly role: '受託側' | '委託側'; readonly field: 'name' | 'responsiblePhysician' };
  /** Computed columns of a 'table' field, after the typed ones (小計). */
  readonly computedColumns?: readonly ComputedColumn[];
  /**
   * A computed line under a 'table' field (「合計 103,867点（1,038,670円）」), printed and shown by the
   * editor below the rows.
   */
  readonly summary?: (rows: readonly Readonly<TableRowValue>[]) => string;
}

export const fieldRegistry = z.registry<FieldMeta>();

/** Attaches metadata to a schema and returns the same schema. */
export function field<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
  fieldRegistry.add(schema, meta);
  return schema;
}

export const REQ_BOTH = { A: 'req', B: 'req' } as const;
export const OPT_FOR_A = { A: 'opt', B: 'req' } as const;

/** Long free text of an official form: generous, but bounded so a paste accident cannot fill the disk. */
export const longText = (meta: Omit<FieldMeta, 'kind'>) => field(z.string().max(100_000, { message: '100,000文字以内で入力してください' }), { ...meta, kind: 'longtext' });
export const shortText = (meta: Omit<FieldMeta, 'kind'>) => field(z.string().max(500, { message: '500文字以内で入力してください' }), { ...meta, kind: 'text' });

export interface FieldEntry {
  readonly key: string;
  readonly schema: z.ZodType;
  readonly meta: FieldMeta;
}

/** The fields of an object schema that carry metadata, in declaration order. */
export function fieldsOf(schema: z.ZodObject): FieldEntry[] {
  const out: FieldEntry[] = [];
  const shape: Readonly<Record<string, z.ZodType>> = schema.shape;
  for (const [key, s] of Object.entries(shape)) {
    const meta = fieldRegistry.get(s);
    if (meta) out.push({ key, schema: s, meta });
  }
  return out;
}

export type Category = 'A' | 'B';

/** Nothing written: undefined, null, or only white space. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'object' && 'need' in value) return value.need === '' || value.need === undefined;
  if (Array.isArray(value)) {
    const rows: readonly unknown[] = value;
    return rows.every((row) => typeof row === 'object' && row !== null && Object.values(row).every(isBlank));
  }
  return false;
}

/** Required fields left empty for this 区分: the basis of the required-field rules (issue 5). */
export function missingRequired(schema: z.ZodObject, values: Readonly<Record<string, unknown>>, category: Category): FieldEntry[] {
  return fieldsOf(schema).filter((f) => f.meta.required[category] === 'req' && isBlank(values[f.key]));
}

/** The maximum length a string field accepts (through optional/default wrappers), if any. */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodString ? (s.maxLength ?? undefined) : undefined;
}

/** A message beside a field whose text is longer than the form allows (the text stays as typed). */
export function lengthMessages(value: unknown, max: number | undefined): Array<{ ruleId: string; severity: 'error'; message: string }> {
  if (max === undefined || typeof value !== 'string') return [];
  const n = Array.from(value).length;
  return n > max ? [{ ruleId: 'INPUT-LENGTH', severity: 'error', message: `長すぎます（${n.toLocaleString('ja-JP')}文字／上限${max.toLocaleString('ja-JP')}文字）。短くするまで保存されません。入力した文字はそのまま残っています。` }] : [];
}

/** One item of master data, by id ('' = none chosen). */
export function refField(meta: Omit<FieldMeta, 'kind'> & { readonly master: NonNullable<FieldMeta['master']> }) {
  return field(z.string().max(64), { ...meta, kind: 'ref' });
}

/** Several items of master data, in printed order (ids). */
export function refsField(meta: Omit<FieldMeta, 'kind'> & { readonly master: NonNullable<FieldMeta['master']> }) {
  return field(z.array(z.string().min(1).max(64)).max(200, { message: '200件までです' }), { ...meta, kind: 'refs' });
}

/** A box ticked 「レ」 (「□にレと記載する」): true when ticked. */
export function checkField(meta: Omit<FieldMeta, 'kind'>) {
  return field(z.boolean(), { ...meta, kind: 'check' });
}

/**
 * A 円 amount: stored as integer yen once it reads as one (full-width digits, commas and 「円」
 * accepted); text that does not read as an amount is kept exactly as typed, with a message beside
 * the field, never dropped.
 */
export const yenValueSchema = z.union([z.number().int().min(0).max(MAX_YEN), z.string().max(40, { message: '40文字以内で入力してください' })]);
export type YenValue = z.infer<typeof yenValueSchema>;

export function yenField(meta: Omit<FieldMeta, 'kind'>) {
  return field(yenValueSchema.clone(), { ...meta, kind: 'yen' });
}

/** Answers as stored: 円 fields that read as amounts become integer yen ('' stays blank). */
export function normalizeAnswers<T extends Readonly<Record<string, unknown>>>(schema: z.ZodObject, answers: T): T {
  const out: Record<string, unknown> = { ...answers };
  for (const f of fieldsOf(schema)) {
    const v = out[f.key];
    if (f.meta.kind !== 'yen' || typeof v !== 'string' || v.trim() === '') continue;
    const r = parseYen(v);
    if (r.ok) out[f.key] = r.value;
  }
  return out as T;
}

/** Answers as the editor shows them: integer yen as 「1,234,567」, everything else as stored. */
export function editorAnswers<T extends Readonly<Record<string, unknown>>>(schema: z.ZodObject, answers: T): T {
  const out: Record<string, unknown> = { ...answers };
  for (const f of fieldsOf(schema)) {
    const v = out[f.key];
    if (f.meta.kind === 'yen' && typeof v === 'number') out[f.key] = formatYen(v);
  }
  return out as T;
}

export type TableRowValue = Record<string, string>;

/**
 * A repeating table (委員名簿, 実施者一覧 …): an array of rows of strings, one per column, kept as
 * typed. Up to 200 rows; each cell up to 2,000 characters.
 */
export function tableField(meta: Omit<FieldMeta, 'kind' | 'columns'>, columns: readonly TableColumn[]) {
  const row = z.object(Object.fromEntries(columns.map((c) => [c.key, z.string().max(2000, { message: '2,000文字以内で入力してください' })])));
  return field(z.array(row).max(200, { message: '200行までです' }), { ...meta, kind: 'table', columns });
}

export function emptyRow(columns: readonly TableColumn[]): TableRowValue {
  return Object.fromEntries(columns.map((c) => [c.key, '']));
}

export const requirementValueSchema = z.object({ need: z.enum(['', '要', '不要']), value: z.string().max(5000, { message: '5,000文字以内で入力してください' }) });
export type RequirementValue = z.infer<typeof requirementValueSchema>;

/** A 「要（…）・不要」 row of 様式第9号. */
export function requirementField(meta: Omit<FieldMeta, 'kind' | 'requirement'>, print: NonNullable<FieldMeta['requirement']>) {
  return field(requirementValueSchema.clone(), { ...meta, kind: 'requirement', requirement: print });
}

/**
 * A form's blank answers, derived from its fields: '' for text, [] for tables, an unchosen
 * 要/不要 for requirement rows. Forms with other defaults (a prefilled table) write their own.
 */
export function emptyAnswers<S extends z.ZodObject>(schema: S): z.output<S> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(schema)) {
    const k = f.meta.kind;
    out[f.key] = k === 'table' || k === 'refs' ? [] : k === 'requirement' ? { need: '', value: '' } : k === 'check' ? false : '';
  }
  return schema.parse(out);
}

/** The value a blank field prints from the project's sites (FieldMeta.siteFallback), or ''. */
export function siteFallbackValue(meta: FieldMeta, sites: ReadonlyArray<{ readonly role: string; readonly name: string; readonly responsiblePhysician: string }>): string {
  const fb = meta.siteFallback;
  const site = fb ? sites.find((x) => x.role === fb.role) : undefined;
  return site && fb ? site[fb.field].trim() : '';
}

/** Answers with each blank field that has a site fallback filled from the project's sites. */
export function withSiteFallbacks<T extends Readonly<Record<string, unknown>>>(schema: z.ZodObject, answers: T, sites: ReadonlyArray<{ readonly role: string; readonly name: string; readonly responsiblePhysician: string }>): T {
  const out: Record<string, unknown> = { ...answers };
  for (const f of fieldsOf(schema)) {
    if (!f.meta.siteFallback || !isBlank(out[f.key])) continue;
    const v = siteFallbackValue(f.meta, sites);
    if (v !== '') out[f.key] = v;
  }
  return { ...answers, ...out };
}
