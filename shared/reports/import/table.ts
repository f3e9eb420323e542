/**
 * Case import (issue 14 item 3): the rows of a file → its table of cases. The heading row is the
 * first row (of the first 30) whose cells name at least two columns of the 実績報告 — a title, a
 * merged banner or notes above it are skipped. A second heading row under it (「先進医療費用」 over
 * 「患者負担」「その他」) is read with it. Then the mapping: which 実績報告 column each column of the
 * file goes to, guessed from its heading, the project's remembered mapping first.
 */
import { CASE_COLUMNS, CASE_COLUMN_LABEL, type CaseColumn, type ReportDoc } from '../model';
import { cellText, isBlankCell, type RawCell } from './cells';
import { columnOfHeading, headingKey } from './headings';

export interface CaseTableRow {
  /** The row's number in the file (1-based, as Excel shows it). */
  readonly row: number;
  readonly cells: readonly RawCell[];
}

export interface CaseTable {
  /** The heading row's number in the file (1-based). */
  readonly headerRow: number;
  /** One heading per column of the file (「（C列）」 where the heading cell is blank). */
  readonly headings: readonly string[];
  /** The rows under the headings that hold anything. */
  readonly rows: readonly CaseTableRow[];
}

/** Per column of the file: the 実績報告 column it goes to, or '' (not imported). */
export type ColumnTargets = readonly (CaseColumn | '')[];

export type ImportMapping = ReportDoc['importMapping'];

/** 0 → 「A」, 27 → 「AB」: how Excel names a column (also shown for a CSV, as Excel opens it). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const HEADING_SEARCH_ROWS = 30;

function headingText(cell: RawCell | undefined): string {
  return cellText(cell).replace(/\s+/gu, ' ').trim();
}

function knownColumns(cells: readonly RawCell[]): Set<CaseColumn> {
  const found = new Set<CaseColumn>();
  for (const c of cells) {
    const col = typeof c === 'string' ? columnOfHeading(c) : undefined;
    if (col) found.add(col);
  }
  return found;
}

/** Finds the heading row and the rows of cases under it; undefined when no row has the headings. */
export function findTable(rows: readonly (readonly RawCell[])[]): CaseTable | undefined {
  const limit = Math.min(rows.length, HEADING_SEARCH_ROWS);
  let at = -1;
  for (let i = 0; i < limit; i++) {
    if (knownColumns(rows[i] ?? []).size >= 2) {
      at = i;
      break;
    }
  }
  if (at < 0) return undefined;
  const top = rows[at] ?? [];
  const sub = rows[at + 1] ?? [];
  // A group heading (merged over its sub-headings) is written in its first cell only.
  const groups: string[] = [];
  let group = '';
  for (let i = 0; i < Math.max(top.length, sub.length); i++) {
    const t = headingText(top[i]);
    if (t !== '') group = t;
    groups.push(group);
  }
  const underGroup = (i: number, s: string): string | undefined => {
    const g = groups[i] ?? '';
    return g !== '' && columnOfHeading(`${g}${s}`) !== undefined ? `${g} ${s}` : undefined;
  };
  // A second heading row: every cell it has is a heading (「患者負担」「その他」), none is a case.
  const subHeadings =
    sub.some((c) => !isBlankCell(c)) &&
    sub.every((c, i) => isBlankCell(c) || (typeof c === 'string' && (columnOfHeading(c) !== undefined || underGroup(i, headingText(c)) !== undefined)));
  const first = subHeadings ? at + 2 : at + 1;
  const width = Math.max(top.length, subHeadings ? sub.length : 0, ...rows.slice(first).map((r) => r.length));
  const headings: string[] = [];
  for (let i = 0; i < width; i++) {
    const t = headingText(top[i]);
    const s = subHeadings ? headingText(sub[i]) : '';
    const combined = s === '' ? t : t !== '' ? `${t} ${s}` : (underGroup(i, s) ?? s);
    headings.push(combined === '' ? `（${columnLetter(i)}列）` : combined);
  }
  const body: CaseTableRow[] = [];
  for (let r = first; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (cells.every((c) => isBlankCell(c))) continue;
    body.push({ row: r + 1, cells });
  }
  return { headerRow: at + 1, headings, rows: body };
}

/** The file's columns → the 実績報告's: the remembered mapping first, then the headings as they read. */
export function guessTargets(table: CaseTable, remembered: ImportMapping = {}): ColumnTargets {
  const targets: (CaseColumn | '')[] = table.headings.map(() => '');
  const keys = table.headings.map(headingKey);
  for (const column of CASE_COLUMNS) {
    const heading = remembered[column];
    if (heading === undefined || heading === '') continue;
    const i = keys.findIndex((k, j) => k === headingKey(heading) && targets[j] === '');
    if (i >= 0) targets[i] = column;
  }
  table.headings.forEach((h, i) => {
    if (targets[i] !== '') return;
    const column = columnOfHeading(h);
    if (column && !targets.includes(column)) targets[i] = column;
  });
  return targets;
}

/** What to remember for the next import: each 実績報告 column → the heading it was read from. */
export function mappingOf(table: CaseTable, targets: ColumnTargets): ImportMapping {
  const out: Partial<Record<CaseColumn, string>> = {};
  targets.forEach((column, i) => {
    if (column === '' || out[column] !== undefined) return;
    out[column] = (table.headings[i] ?? '').slice(0, 200);
  });
  return out;
}

/** The label a target is offered with in the mapping's selects. */
export function targetLabel(column: CaseColumn | ''): string {
  return column === '' ? '取り込まない' : CASE_COLUMN_LABEL[column];
}
