/**
 * The printed facts of a filing (issue 13 item 1): every value the package's 様式 print, each under
 * its official name, read from a resolved filing — the as-filed baseline (parseResolved of the
 * approved filing's copy) or today's working copy (resolveFiling). Two such lists compared give the
 * 変更前／変更後 of a 変更申請 (field-diff.ts).
 *
 * A fact is printed text, never an id: picked people, committees and products print by name, from
 * the masters *of that filing* (so a baseline reads as it was filed). Values are as typed; the
 * comparison normalises them (compare.ts).
 *
 * Ids are stable across regenerations — 'besshi1/yoshiki3/period', 'besshi1/yoshiki3/devices',
 * 'project/technologyName', 'cost/total' — so what the user wrote for an item can be kept.
 */
import { parseIsoDate, todayIn, type YMD } from '../dates/iso-date';
import { HOSPITAL_DATES, printDate, type DateStyle } from '../dates/date-style';
import type { ResolvedFiling } from '../filings/as-filed';
import { committeeLabel } from '../forms/besshi1/yoshiki2';
import { doctorsByDept, yoshiki81Schema } from '../forms/besshi1/yoshiki8';
import type { FormDefinition, SubmissionFacts } from '../forms/definition';
import { resolveFacts } from '../forms/facts';
import { fieldsOf, withSiteFallbacks, type FieldMeta, type TableColumn } from '../forms/field';
import { yenText } from '../forms/layout-helpers';
import { FORMS } from '../forms/registry';
import { readAnswers } from '../forms/versioning';
import { membersOn, pick, type Product } from '../model/master';
import { personLine, type Person } from '../model/person';
import { officialName, packageFormIds, placeOf } from './place';
import { costFacts } from './printed-cost';

/** One cell of a printed row, under its official column heading. */
export interface PrintedCell {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/** One printed row: a picked product, a person, a site, a committee member, a typed table row. */
export interface PrintedRow {
  /** The record it prints (a master or site id: matched across versions); '' for a typed row (matched by position). */
  readonly key: string;
  /** What the row is called in a label: its name, or '' for a typed row (the diff numbers it). */
  readonly name: string;
  readonly cells: readonly PrintedCell[];
}

interface FactBase {
  /** Stable id: '<formId>/<fieldKey>', 'project/…', 'institution/…', 'cost/…'. */
  readonly id: string;
  /** 「別紙1 様式第3号」, 「別紙1 様式第3号・第5号・第9号」, 「全様式」. */
  readonly place: string;
  /** The official name of the field (「予定試験期間」, 「先進医療にかかる費用（1症例当たり）」). */
  readonly field: string;
  /** The 様式 the fact prints on (the documents to revise when it changes, R-CH-4). */
  readonly formIds: readonly string[];
}

export type PrintedFact = (FactBase & { readonly kind: 'text'; readonly value: string }) | (FactBase & { readonly kind: 'rows'; readonly rows: readonly PrintedRow[] });

export interface PrintedOptions {
  /** How dates stored as days print (承認年月日): default 西暦, as the hospital's 変更申請 writes them (R-F-4). */
  readonly dates?: DateStyle;
}

/** The day a filing speaks of: its 届出日 (the day members, 開設者 and 耐用年数 are judged at). */
function dayOf(r: ResolvedFiling): YMD {
  return parseIsoDate(r.filingDate) ?? parseIsoDate(r.project.filingDate) ?? todayIn('Asia/Tokyo');
}

const PRODUCT_CELLS = (device: boolean): ReadonlyArray<readonly [keyof Product, string]> => [
  ['name', device ? '医療機器名' : '品目名'],
  ['maker', '製造販売業者名及び連絡先'],
  ['spec', device ? '型式' : '規格'],
  ['approvalNumber', '医薬品医療機器法承認又は認証番号（16桁）'],
  ['approvedIndication', '医薬品医療機器法承認又は認証上の適応'],
  ['labelUse', '医薬品医療機器法上の適応外使用の該当'],
  ['usage', '未承認又は適応外使用に該当する場合の使用方法等'],
];

/** A product as 様式第3号 2-1 prints it (未承認: 「なし」 for number and 適応; 使用方法等 only when 未承認・適応外). */
function productRow(p: Product, device: boolean): PrintedRow {
  const unapproved = p.labelUse === '未承認';
  const value = (k: keyof Product): string => {
    if (unapproved && (k === 'approvalNumber' || k === 'approvedIndication')) return 'なし';
    if (k === 'usage') return p.labelUse === '未承認' || p.labelUse === '適応外' ? p.usage : '';
    return String(p[k]);
  };
  return { key: p.id, name: p.name, cells: PRODUCT_CELLS(device).map(([k, label]) => ({ key: k, label, value: value(k) })) };
}

/** A person as 様式第8-1号 prints them, under that table's column headings. */
function personRow(p: Person, role: string): PrintedRow {
  const values: Readonly<Record<string, string>> = {
    name: p.name,
    role,
    department: p.department,
    qualification: p.qualification,
    yearsDept: p.yearsInDept,
    yearsTech: p.yearsInTech,
    casesOperator: p.casesOperator,
    casesAssistant: p.casesAssistant,
  };
  return { key: p.id, name: p.name, cells: PHYSICIAN_COLUMNS.map((c) => ({ key: c.key, label: c.label, value: values[c.key] ?? '' })) };
}

const PHYSICIAN_COLUMNS: readonly TableColumn[] = fieldsOf(yoshiki81Schema).find((f) => f.key === 'physicians')?.meta.columns ?? [];

function typedRows(columns: readonly TableColumn[], value: unknown): PrintedRow[] {
  if (!Array.isArray(value)) return [];
  const rows: unknown[] = value;
  return rows
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    .map((r) => ({ key: '', name: '', cells: columns.map((c) => {
      const v = r[c.key];
      return { key: c.key, label: c.label, value: typeof v === 'string' ? v : '' };
    }) }))
    .filter((r) => r.cells.some((c) => c.value.trim() !== ''));
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function requirementText(meta: FieldMeta, v: unknown): string {
  if (typeof v !== 'object' || v === null || !('need' in v) || !('value' in v)) return '';
  const need = String(v.need);
  const value = String(v.value).trim();
  const print = meta.requirement;
  if (need === '不要') return print?.no ?? '不要';
  if (need !== '要') return value;
  const yes = (print?.yes ?? '要（{v}）').replace('{v}', value);
  return print?.detail ? `${yes}\n${print.detail.replace('{v}', value)}` : yes;
}

/** The printed text of one master item picked by id ('' when none is picked; never the id). */
function refText(meta: FieldMeta, id: string, facts: SubmissionFacts): string {
  if (id.trim() === '') return '';
  const m = facts.masters;
  const list = meta.master?.list;
  const text =
    list === 'people'
      ? personLine(m.people.find((x) => x.id === id))
      : list === 'committees'
        ? (() => {
            const c = m.committees.find((x) => x.id === id);
            return c ? committeeLabel(c) : '';
          })()
        : list === 'products'
          ? (m.products.find((x) => x.id === id)?.name ?? '')
          : (m.departments.find((x) => x.id === id)?.name ?? '');
  return text === '' ? '（台帳にない項目）' : text;
}

function scalarText(meta: FieldMeta, v: unknown, dates: DateStyle): string {
  switch (meta.kind) {
    case 'date':
      return typeof v === 'string' ? printDate(v, dates) : '';
    case 'yen':
      return typeof v === 'string' || typeof v === 'number' ? yenText(v) : '';
    case 'check':
      return v === true ? '該当する（レ）' : '該当しない';
    case 'requirement':
      return requirementText(meta, v);
    default:
      return typeof v === 'string' ? v : '';
  }
}

/** Rows a form prints in place of what is stored (rows made of facts, masters and sites). */
type PrintedTable = (facts: SubmissionFacts, answers: Readonly<Record<string, unknown>>, columns: readonly TableColumn[]) => PrintedRow[];

/** Per form and field, tables printed from more than the typed rows, and the picks they print (not printed apart). */
const PRINTED_TABLES: Readonly<Record<string, { readonly tables: Readonly<Record<string, PrintedTable>>; readonly printedWithin?: readonly string[] }>> = {
  // 様式第2号: the applicant's row of facts, the registered 調整・協力医療機関, then rows typed on the form.
  'besshi1/yoshiki2': {
    tables: {
      sites: (facts, a, columns) => {
        const applicant = { key: 'applicant', values: { role: '申請医療機関', name: facts.institution?.name ?? '', department: facts.responsiblePhysician?.department ?? '', physician: personLine(facts.responsiblePhysician), duty: str(a.applicantDuty), safety: str(a.applicantSafety) } };
        const sites = (facts.sites ?? [])
          .filter((x) => x.role === '調整医療機関' || x.role === '協力医療機関')
          .map((x) => ({ key: x.id, values: { role: x.role, name: x.name, department: x.department, physician: x.responsiblePhysician, duty: x.duty, safety: x.safety } }));
        const keyed = [applicant, ...sites].map((r) => ({ key: r.key, name: r.values.name, cells: columns.map((c) => ({ key: c.key, label: c.label, value: (r.values as Readonly<Record<string, string>>)[c.key] ?? '' })) }));
        return [...keyed, ...typedRows(columns, a.sites)];
      },
    },
    // The applicant's 当直体制 and 医療安全対策 print in its row of the table.
    printedWithin: ['applicantDuty', 'applicantSafety'],
  },
  // 様式第8-1号: the 実施責任医師 and the 実施者 picked from the 職員名簿, then rows typed on the form.
  'besshi1/yoshiki8-1': {
    tables: {
      physicians: (facts, a) => {
        const lead = facts.responsiblePhysician;
        const ids = Array.isArray(a.performerIds) ? a.performerIds.filter((x): x is string => typeof x === 'string') : [];
        const performers = pick(facts.masters.people, ids).found.filter((p) => p.id !== lead?.id);
        return [...(lead ? [personRow(lead, '実施責任医師')] : []), ...performers.map((p) => personRow(p, '実施者')), ...typedRows(PHYSICIAN_COLUMNS, a.physicians)];
      },
    },
    printedWithin: ['performerIds'],
  },
  // 様式第8-2号: left blank, every 診療科 of the master with its 常勤医師数.
  'besshi1/yoshiki8-2': {
    tables: {
      doctorsByDept: (facts, a, columns) => typedRows(columns, doctorsByDept(facts.masters.departments, typedRows(columns, a.doctorsByDept).map((r) => Object.fromEntries(r.cells.map((c) => [c.key, c.value]))))),
    },
  },
};

/** The facts one 様式 prints from its answers, in schema order. */
function formFacts(form: FormDefinition, stored: Readonly<Record<string, unknown>>, facts: SubmissionFacts, dates: DateStyle): PrintedFact[] {
  const answers = withSiteFallbacks(form.answers, stored, facts.sites ?? []);
  const special = PRINTED_TABLES[form.id];
  const place = `${form.besshi} ${form.number}`;
  const fields = fieldsOf(form.answers);
  const out: PrintedFact[] = [];
  for (const { key, meta } of fields) {
    if (special?.printedWithin?.includes(key)) continue;
    const base = { id: `${form.id}/${key}`, place, field: officialName(meta.label), formIds: [form.id] };
    const v = answers[key];
    // A table typed before its master existed prints only while the field that replaces it is blank.
    const replaced = meta.replacedBy !== undefined && str(answers[meta.replacedBy]).trim() !== '';
    const custom = special?.tables[key];
    if (custom) out.push({ ...base, kind: 'rows', rows: custom(facts, answers, meta.columns ?? []) });
    else if (meta.kind === 'table') out.push({ ...base, kind: 'rows', rows: replaced ? [] : typedRows(meta.columns ?? [], v) });
    else if (meta.kind === 'refs') {
      const ids = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      const list = meta.master?.list;
      const rows: PrintedRow[] =
        list === 'products'
          ? pick(facts.masters.products, ids).found.map((p) => productRow(p, meta.master?.kinds?.includes('医療機器') === true))
          : list === 'people'
            ? pick(facts.masters.people, ids).found.map((p) => personRow(p, '実施者'))
            : ids.map((id) => ({ key: id, name: '', cells: [{ key: 'name', label: '名称', value: refText(meta, id, facts) }] }));
      out.push({ ...base, kind: 'rows', rows });
    } else if (meta.kind === 'ref') {
      const id = typeof v === 'string' ? v : '';
      out.push({ ...base, kind: 'text', value: refText(meta, id, facts) });
      // A picked committee prints its members as of the 届出日 (様式第2号).
      const committee = meta.master?.list === 'committees' ? facts.masters.committees.find((c) => c.id === id) : undefined;
      const table = fields.find((f) => f.meta.replacedBy === key);
      if (committee && table) {
        const columns = table.meta.columns ?? [];
        const rows = membersOn(committee.members, facts.asOf ?? '9999-12-31').map((m) => {
          const values: Readonly<Record<string, string>> = { name: m.name, position: m.position, category: m.category, external: m.external, sex: m.sex };
          return { key: m.id, name: m.name, cells: columns.map((c) => ({ key: c.key, label: c.label, value: values[c.key] ?? '' })) };
        });
        out.push({ ...base, id: `${form.id}/${key}/members`, field: `${officialName(meta.label)}の構成員`, kind: 'rows', rows });
      }
    } else out.push({ ...base, kind: 'text', value: scalarText(meta, v, dates) });
  }
  return out;
}

/** The 様式 among `formIds` that print a fact of the whole package. */
const PRINTED_ON = {
  indication: ['besshi1/yoshiki1-1', 'besshi1/yoshiki1-2', 'besshi1/yoshiki3', 'besshi1/yoshiki5', 'besshi1/yoshiki9'],
  institution: ['besshi1/yoshiki1-1', 'besshi1/yoshiki1-2', 'besshi1/yoshiki2', 'besshi1/yoshiki8-2', 'besshi2/yoshiki8'],
  founder: ['besshi1/yoshiki1-1', 'besshi1/yoshiki1-2'],
  physician: ['besshi1/yoshiki1-1', 'besshi1/yoshiki1-2', 'besshi1/yoshiki2', 'besshi1/yoshiki8-1', 'besshi1/yoshiki8-2', 'besshi2/yoshiki8'],
} as const;

/** The facts the package prints, in order: the technology, the filer, each 様式's fields, the cost. */
export function printedFacts(r: ResolvedFiling, options: PrintedOptions = {}): PrintedFact[] {
  const dates = options.dates ?? HOSPITAL_DATES;
  // The filing's own 届出日 decides who sat on the committee, the 開設者 and the 耐用年数, as when it prints.
  const project = { ...r.project, filingDate: r.filingDate || r.project.filingDate };
  const facts = resolveFacts({ project, profile: r.institution, masters: r.masters, cost: r.cost, today: dayOf(r), sites: r.sites });
  const formIds = packageFormIds(r);
  const on = (ids: readonly string[]): string[] => formIds.filter((id) => ids.includes(id));
  const common = (id: string, field: string, value: string, printedOn: readonly string[]): PrintedFact => ({ id, place: placeOf(printedOn, formIds), field, formIds: printedOn, kind: 'text', value });
  const inst = facts.institution;
  const out: PrintedFact[] = [
    common('project/technologyName', '先進医療の名称', r.project.technologyName, formIds),
    common('project/indication', '適応症', r.project.indication, on(PRINTED_ON.indication)),
    common('institution/name', '保険医療機関の名称', inst?.name ?? '', on(PRINTED_ON.institution)),
    common('institution/address', '保険医療機関の所在地', inst?.address ?? '', on(PRINTED_ON.founder)),
    common('institution/founder', `${inst?.filerRole ?? '開設者'}氏名`, inst?.founderName ?? '', on(PRINTED_ON.founder)),
    common('project/responsiblePhysician', '実施責任医師', personLine(facts.responsiblePhysician), on(PRINTED_ON.physician)),
  ];
  const stored = new Map(r.forms.map((f) => [f.formId, f]));
  for (const id of formIds) {
    const form = FORMS.find((f) => f.id === id);
    if (!form) continue;
    const row = stored.get(id);
    const read = row ? readAnswers(form, row.answers, row.version) : undefined;
    out.push(...formFacts(form, read?.ok ? read.answers : form.empty(), facts, dates));
  }
  out.push(...costFacts(facts.cost, formIds));
  return out;
}
