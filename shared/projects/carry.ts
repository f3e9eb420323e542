/**
 * 「この案件をもとに新しい案件を作る」 (issue 19 item 1): a new project started from an earlier one, or
 * from the as-filed copy of one of its filings. The user chooses what to carry — sections of each
 * 様式, the 医薬品・医療機器 picked in the forms, the cost model, the sites — and everything carried is
 * flagged 要確認 in the new project until it is confirmed or edited (the flag of the report
 * roll-forward, shared/reports/roll-forward.ts).
 *
 * What belongs to one technology is never carried, whatever is chosen: the 先進医療の名称, 適応症,
 * 区分・制度, 告示番号 and 届出日 (facts of the project), the 実施責任医師 (a site's too) and a filer named for that
 * project alone, every date field, and every field or
 * table column that counts or lists the cases done, or sets the trial's period (症例数, 実績症例, 試験期間).
 * The new project starts
 * with them empty; `left` says so.
 *
 * Pure: the source is never changed.
 */
import type { CostModel } from '../cost/model';
import type { FormDefinition } from '../forms/definition';
import { fieldsOf, isBlank, type FieldEntry, type TableColumn } from '../forms/field';
import { FORMS } from '../forms/registry';
import { fieldsBySection, sectionHeading, sectionsOf } from '../forms/sections';
import type { Project } from '../model/project';
import type { Site } from '../model/site';

/** What a new project can be started from: a project as it is now, or the data an as-filed copy was printed from. */
export interface CarrySource {
  readonly project: Project;
  /** The as-filed copy it is read from, if any (its filing id and how the filing is called). */
  readonly filing?: { readonly id: string; readonly label: string };
  /** Stored answers of each 様式, by form id. */
  readonly forms: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  readonly cost: CostModel;
  readonly sites: readonly Site[];
}

/** One part of a 様式 the user can carry: a printed section, or the whole form where it has none. */
export interface CarryPart {
  /** `<formId>#<section index>`; `<formId>#all` for a form without sections. */
  readonly id: string;
  readonly formId: string;
  /** As the editor shows it: 「６．治療計画」, or the form's title for a form without sections. */
  readonly heading: string;
  /** Field keys carried with this part (never a technology-specific one, never a 品目 pick). */
  readonly keys: readonly string[];
  /** Whether the source has anything written in it. */
  readonly filled: boolean;
}

/** The user's choice. */
export interface CarryChoice {
  /** 案件名 of the new project. */
  readonly name: string;
  /** CarryPart ids. */
  readonly parts: readonly string[];
  /** The 医薬品・医療機器 picked in the forms (様式第3号 2-1 …). */
  readonly products: boolean;
  readonly cost: boolean;
  readonly sites: boolean;
}

/** Everything the new project is written with (one transaction). */
export interface DerivedProject {
  readonly project: Project;
  /** Answers of each 様式 that carries something; only the carried keys are present. */
  readonly forms: ReadonlyArray<{ readonly formId: string; readonly answers: Readonly<Record<string, unknown>> }>;
  readonly cost: CostModel | undefined;
  readonly sites: readonly Site[];
}

/** The flag of a carried 様式 field, as `Project.unconfirmed` holds it. */
export const formFlag = (formId: string, key: string): string => `form:${formId}:${key}`;
export const COST_FLAG = 'cost';
export const SITES_FLAG = 'sites';

/** Case counts, the cases done, experience in this technology and the trial's period: technology-specific however they are worded. */
const PER_TECHNOLOGY_LABEL = /症例数|試験期間|実績症例|事例|他　例|当該技術の経験/;

/** Never carried: dates, and fields that count cases or set the trial's period (a table's such columns are emptied). */
export function isPerTechnology(entry: Pick<FieldEntry, 'meta'>): boolean {
  return entry.meta.kind === 'date' || PER_TECHNOLOGY_LABEL.test(entry.meta.label);
}

/** A table column of this kind, or naming a 実施責任医師 (a site's, in 様式第2号): emptied when its table is carried. */
const perTechnologyColumn = (c: TableColumn): boolean => PER_TECHNOLOGY_LABEL.test(c.label) || c.label === '実施責任医師';

/** Whether anything is written in a value (a string, or any string inside a table or a 要・不要 pair). */
function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasText);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasText);
  return typeof value === 'number' || typeof value === 'boolean' ? !isBlank(value) : false;
}

/** A 品目 pick: carried with 「医薬品・医療機器」, not with its section. */
const isProductPick = (entry: FieldEntry): boolean => (entry.meta.kind === 'ref' || entry.meta.kind === 'refs') && entry.meta.master?.list === 'products';

/** What is never carried, said to the user beside the choice. */
export const NEVER_CARRIED = ['先進医療の名称', '適応症', '区分・制度', '告示番号', '届出日', '実施責任医師（実施医療機関の欄も）', '案件ごとの届出者', '日付の欄', '症例数・実績症例・試験期間・当該技術の経験の欄'] as const;

/** The parts of each 様式 the source can carry, in the order of the forms and their sections. */
export function carryParts(source: Pick<CarrySource, 'forms'>, forms: readonly FormDefinition[] = FORMS): CarryPart[] {
  const parts: CarryPart[] = [];
  for (const form of forms) {
    const answers = source.forms.get(form.id) ?? {};
    const entries = fieldsOf(form.answers).filter((e) => !isPerTechnology(e) && !isProductPick(e));
    const sections = sectionsOf(form.id);
    const filled = (keys: readonly string[]) => keys.some((k) => hasText(carriedValue(form, k, answers[k])));
    if (sections.length === 0) {
      const keys = entries.map((e) => e.key);
      parts.push({ id: `${form.id}#all`, formId: form.id, heading: `${form.number} ${form.title}`, keys, filled: filled(keys) });
      continue;
    }
    const known = new Set(entries.map((e) => e.key));
    fieldsBySection(sections, fieldsOf(form.answers).map((e) => e.key)).forEach(({ section, keys }, i) => {
      const own = keys.filter((k) => known.has(k));
      if (own.length === 0) return;
      const heading = section ? sectionHeading(section) : `${form.number}（見出しの前の欄）`;
      parts.push({ id: `${form.id}#${section ? sections.indexOf(section) : `pre${i}`}`, formId: form.id, heading, keys: own, filled: filled(own) });
    });
  }
  return parts;
}

/** The 品目 picks the source has (field keys by form), carried with 「医薬品・医療機器」. */
export function productPicks(source: Pick<CarrySource, 'forms'>, forms: readonly FormDefinition[] = FORMS): Array<{ readonly formId: string; readonly key: string }> {
  const out: Array<{ formId: string; key: string }> = [];
  for (const form of forms) {
    const answers = source.forms.get(form.id) ?? {};
    for (const e of fieldsOf(form.answers)) if (isProductPick(e) && hasText(answers[e.key])) out.push({ formId: form.id, key: e.key });
  }
  return out;
}

/** A value as carried: a table keeps its rows with the case-count columns emptied. */
function carriedValue(form: FormDefinition, key: string, value: unknown): unknown {
  const entry = fieldsOf(form.answers).find((e) => e.key === key);
  const blankColumns = (entry?.meta.columns ?? []).filter(perTechnologyColumn).map((c) => c.key);
  if (blankColumns.length === 0 || !Array.isArray(value)) return value;
  const rows: readonly unknown[] = value;
  return rows.map((r) => (typeof r === 'object' && r !== null ? { ...r, ...Object.fromEntries(blankColumns.map((c) => [c, ''])) } : r));
}

export interface DeriveContext {
  readonly newId: () => string;
  /** ISO time. */
  readonly now: string;
  readonly forms?: readonly FormDefinition[];
}

/** The new project, its carried answers, cost model and sites, with every carried value flagged 要確認. */
export function deriveProject(source: CarrySource, choice: CarryChoice, ctx: DeriveContext): DerivedProject {
  const forms = ctx.forms ?? FORMS;
  const id = ctx.newId();
  const chosen = new Set(choice.parts);
  const keysByForm = new Map<string, Set<string>>();
  const add = (formId: string, key: string) => (keysByForm.get(formId) ?? keysByForm.set(formId, new Set()).get(formId))?.add(key);
  for (const part of carryParts(source, forms)) if (chosen.has(part.id)) for (const k of part.keys) add(part.formId, k);
  if (choice.products) for (const p of productPicks(source, forms)) add(p.formId, p.key);

  const flags: string[] = [];
  const carriedForms: Array<{ formId: string; answers: Record<string, unknown> }> = [];
  for (const form of forms) {
    const keys = keysByForm.get(form.id);
    const stored = source.forms.get(form.id);
    if (!keys || !stored) continue;
    const answers: Record<string, unknown> = {};
    for (const key of fieldsOf(form.answers).map((e) => e.key)) {
      if (!keys.has(key)) continue;
      const value = carriedValue(form, key, stored[key]);
      // Anything typed is carried — a 要・不要 row's text without its choice too.
      if (!hasText(value)) continue;
      answers[key] = structuredClone(value);
      flags.push(formFlag(form.id, key));
    }
    if (Object.keys(answers).length > 0) carriedForms.push({ formId: form.id, answers });
  }

  const cost = choice.cost ? structuredClone(source.cost) : undefined;
  if (cost) flags.push(COST_FLAG);
  // A site's 実施責任医師 is this technology's: the new project's sites start without one.
  const sites = choice.sites ? source.sites.map((s) => ({ ...structuredClone(s), id: ctx.newId(), projectId: id, responsiblePhysician: '', rev: 0, createdAt: ctx.now, updatedAt: ctx.now })) : [];
  if (sites.length > 0) flags.push(SITES_FLAG);

  const from = source.project;
  const project: Project = {
    id,
    name: choice.name.trim(),
    technologyName: '',
    indication: '',
    // 区分 and 制度 are the technology's: set again in 技術の基本情報, as for any new project.
    category: 'B',
    scheme: '先進医療',
    filingDate: '',
    responsiblePhysicianId: '',
    notices: [],
    // The filer named for one project (a 協力医療機関's filing) is that project's: 設定 prints instead.
    filer: { name: '', address: '', founderName: '' },
    acknowledgements: [],
    origin: {
      projectId: from.id,
      projectName: from.name || from.technologyName,
      ...(source.filing ? { filingId: source.filing.id, filingLabel: source.filing.label } : {}),
      at: ctx.now,
    },
    unconfirmed: flags,
    // The 定型文 its carried text came from travel with it too.
    phrasesUsed: [...from.phrasesUsed],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { project, forms: carriedForms, cost, sites };
}

/** The 要確認 flags of one 様式's fields (field key → flagged). */
export function formFlags(project: Pick<Project, 'unconfirmed'>, formId: string): ReadonlySet<string> {
  const prefix = `form:${formId}:`;
  return new Set(project.unconfirmed.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)));
}
