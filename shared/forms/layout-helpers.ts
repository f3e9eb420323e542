/** Small building blocks shared by the 別紙1 form layouts (full-width section numbers, label lines, 有・無). */
import { cell, para, runsPara, type Paragraph, type Table, type TextRun } from '../document/model';
import type { FieldMeta, RequirementValue, TableColumn, TableRowValue } from './field';
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
export function yenText(typed: string): string {
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
