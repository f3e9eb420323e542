/** Small building blocks shared by the 別紙1 form layouts (full-width section numbers, label lines, 有・無). */
import { cell, para, runsPara, type Paragraph, type Table, type TextRun } from '../document/model';
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
