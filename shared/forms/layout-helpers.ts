/** Small building blocks shared by the 別紙1 form layouts (full-width section numbers, label lines, 有・無). */
import { cell, checkbox, para, runsPara, type Block, type Paragraph, type Section, type Table, type TableRow, type TextRun } from '../document/model';
import type { SubmissionFacts } from './definition';
import type { FieldMeta, RequirementValue, TableColumn, TableRowValue } from './field';
import { FORM_DATES, printDate, restyleDates, type DateStyle } from '../dates/date-style';
import { formatYenWithUnit, parseYen } from '../money/yen';

export const BODY = 10.5;

export function title(text: string): Paragraph {
  return para(text, 14, { align: 'center', spaceAfter: 8, leading: 1.5 });
}

export function heading(text: string): Paragraph {
  return para(text, BODY, { spaceBefore: 6, leading: 1.6 });
}

export function body(text: string, indent = BODY * 1.5): Paragraph {
  return para(text, BODY, { indent, leading: 1.7 });
}

/** 「予定試験期間：2027年4月～2030年3月」 */
export function labelLine(label: string, value: string, indent = BODY * 1.5): Paragraph {
  return para(`${label}：${value}`, BODY, { indent, leading: 1.7 });
}

/** 「有・無」 with the chosen one circled (blank value: neither circled). */
export function yesNoRuns(value: string): TextRun[] {
  return [
    { text: '有', ...(value === '有' ? { mark: 'circle' as const } : {}) },
    { text: '・' },
    { text: '無', ...(value === '無' ? { mark: 'circle' as const } : {}) },
  ];
}

export function yesNoLine(label: string, value: string, indent = BODY * 1.5): Paragraph {
  return runsPara([{ text: `${label}　　` }, ...yesNoRuns(value)], BODY, { indent, leading: 1.8 });
}

/** A typed amount printed as 「12,345円」 when it reads as yen, otherwise exactly as typed. */
export function yenText(typed: string | number): string {
  if (typeof typed === 'number') return formatYenWithUnit(typed);
  const r = parseYen(typed);
  return r.ok ? formatYenWithUnit(r.value) : typed;
}

/** A two-column bordered table: label left, value right. */
export function keyValueTable(rows: ReadonlyArray<readonly [string, string]>, columns: readonly [number, number] = [62, 38]): Table {
  return {
    type: 'table',
    columns,
    rows: rows.map(([k, v]) => ({ minHeight: 22, cells: [cell(para(k, BODY)), cell(para(v, BODY, { align: 'right' }))] })),
  };
}

/** A repeating table as printed: a header row (repeated on each page) and one row per entry. */
export function rowsTable(columns: readonly TableColumn[], rows: readonly TableRowValue[], size = 9.5): Table {
  const header = { minHeight: 20, cells: columns.map((c) => cell(para(c.label, size, { leading: 1.4 }), { padding: 3 })) };
  const body = (rows.length > 0 ? rows : [Object.fromEntries(columns.map((c) => [c.key, '']))]).map((r) => ({
    minHeight: 22,
    cells: columns.map((c) => cell(para(r[c.key] ?? '', size, { leading: 1.45 }), { padding: 3, vAlign: 'top' as const })),
  }));
  return { type: 'table', columns: columns.map((c) => c.width), headerRows: 1, rows: [header, ...body] };
}

/** 「要（ 消化器内科 ）・不要」 with the chosen alternative circled, and a detail line if any. */
export function requirementParagraphs(v: RequirementValue, print: NonNullable<FieldMeta['requirement']>, size = BODY): Paragraph[] {
  const value = v.value.trim();
  const inside = print.yes.includes('{v}');
  const yesText = print.yes.replace('{v}', inside ? `　${value || '　　'}　` : '');
  const runs: TextRun[] = [
    { text: yesText, ...(v.need === '要' ? { mark: 'circle' as const } : {}) },
    { text: '・' },
    { text: print.no ?? '不要', ...(v.need === '不要' ? { mark: 'circle' as const } : {}) },
  ];
  const out = [runsPara(runs, size, { leading: 1.9 })];
  if (print.detail) out.push(para(print.detail.replace('{v}', value), size, { leading: 1.5 }));
  else if (!inside && value !== '') out.push(para(value, size, { leading: 1.5 }));
  return out;
}

/**
 * The layout of a form whose official sheet is not known (「推定様式」): its fields in schema order
 * as a bordered 「label │ value」 table, with repeating tables printed below their heading.
 * Keeps every entered value; the order and labels are the official wording from the schema.
 */
export function schemaLayout(
  fields: ReadonlyArray<{ readonly key: string; readonly meta: FieldMeta }>,
  answers: Readonly<Record<string, unknown>>,
  leadingRows: ReadonlyArray<readonly [string, string]> = [],
): Block[] {
  const blocks: Block[] = [];
  let rows: TableRow[] = leadingRows.map(([k, v]) => kvRow(k, [para(v, BODY, { leading: 1.6 })]));
  const flush = (): void => {
    if (rows.length > 0) blocks.push({ type: 'table', columns: [32, 68], rows });
    rows = [];
  };
  for (const { key, meta } of fields) {
    const v = answers[key];
    // Master-data references are resolved and printed by the form's own build (they need the masters).
    if (meta.kind === 'ref' || meta.kind === 'refs') continue;
    if (meta.kind === 'check') {
      rows.push(kvRow(meta.label, [runsPara(checkbox('', v === true), BODY, { leading: 1.8 })]));
    } else if (meta.kind === 'table' && Array.isArray(v)) {
      flush();
      blocks.push(heading(meta.label), rowsTable(meta.columns ?? [], v.filter(isRow)), para('', BODY, { leading: 0.8 }));
    } else if (meta.kind === 'yesno') {
      rows.push(kvRow(meta.label, [runsPara(yesNoRuns(typeof v === 'string' ? v : ''), BODY, { leading: 1.9 })]));
    } else if (meta.kind === 'date') {
      // An unreadable date prints as typed; `formSection` gives the document's one style (R-F-4).
      rows.push(kvRow(meta.label, [para(typeof v === 'string' ? printDate(v, FORM_DATES) : '', BODY, { leading: 1.6 })]));
    } else if (meta.kind === 'yen') {
      rows.push(kvRow(meta.label, [para(typeof v === 'string' || typeof v === 'number' ? yenText(v) : '', BODY, { leading: 1.6 })]));
    } else {
      rows.push(kvRow(meta.label, [para(typeof v === 'string' ? v : '', BODY, { leading: 1.6 })]));
    }
  }
  flush();
  return blocks;
}

function isRow(v: unknown): v is TableRowValue {
  return typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
}

function kvRow(label: string, value: Paragraph[]): TableRow {
  return { minHeight: 24, cells: [cell(para(label, BODY, { leading: 1.5 }), { padding: 4 }), cell(value, { padding: 4, vAlign: 'top' })] };
}

/** The heading block of a 届出書: date right, title, addressee, then the institution block. */
export function notificationHeader(opts: {
  readonly title: string;
  readonly addressee: string;
  readonly date: string;
  readonly institution: { readonly name: string; readonly address: string; readonly founderName: string; readonly filerRole?: string } | undefined;
}): Block[] {
  const inst = opts.institution;
  const indent = BODY * 18;
  return [
    para(opts.date, BODY, { align: 'right', leading: 1.6 }),
    para(opts.title, 14, { align: 'center', spaceBefore: 6, spaceAfter: 8, leading: 1.5 }),
    para(opts.addressee, BODY, { leading: 1.8 }),
    para(`保険医療機関の所在地　${inst?.address ?? ''}`, BODY, { indent, leading: 1.7 }),
    para(`保険医療機関の名称　${inst?.name ?? ''}`, BODY, { indent, leading: 1.7 }),
    para(`${inst?.filerRole ?? '開設者'}氏名　${inst?.founderName ?? ''}`, BODY, { indent, leading: 1.7, spaceAfter: 6 }),
  ];
}

/** The date style of the document a form is printed in (R-F-4): the package's, else that of MHLW forms. */
export function dateStyleOf(facts: Pick<SubmissionFacts, 'dates'>): DateStyle {
  return facts.dates ?? FORM_DATES;
}

function restyleParagraph(p: Paragraph, style: DateStyle): Paragraph {
  return { ...p, runs: p.runs.map((r) => ({ ...r, text: restyleDates(r.text, style) })) };
}

/** Every date printed in `blocks` — the app's and those typed in prose and table cells — in one style. */
export function restyleBlocks(blocks: readonly Block[], style: DateStyle): Block[] {
  return blocks.map((b) =>
    b.type === 'paragraph'
      ? restyleParagraph(b, style)
      : b.type === 'table'
        ? { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, blocks: c.blocks.map((p) => restyleParagraph(p, style)) })) })) }
        : b,
  );
}

/**
 * A built 様式 as it prints: one date format throughout, the one of the document it belongs to
 * (R-F-4: 和暦 with full-width digits on MHLW forms). Every form's `build` returns through here.
 */
export function formSection(facts: Pick<SubmissionFacts, 'dates'>, section: Section): Section {
  return { ...section, blocks: restyleBlocks(section.blocks, dateStyleOf(facts)) };
}
