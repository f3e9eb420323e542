/**
 * Bordered tables with merged cells. Rows linked by rowSpan form a "band" that is kept on one
 * page; a single-row band taller than the space left is split between line boxes, so long
 * answers flow onto the next page instead of being clipped. Header rows repeat on each new page.
 */
import type { Table, TableCell } from '../model';
import { alignAt, choiceColumns, layoutParagraph, type LineBox } from './paragraph';
import { pushTranslated, type DrawOp, type FontSet } from './types';

const DEFAULT_PADDING = 4;
const DEFAULT_BORDER = 0.6;

export interface PlacedCell {
  readonly cell: TableCell;
  readonly row: number;
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly x: number;
  readonly width: number;
  readonly lines: readonly LineBox[];
  readonly padding: number;
}

export interface PreparedTable {
  readonly cells: readonly PlacedCell[];
  /** The cells starting in each row (a 200-row table is drawn band by band: no scan of every cell per row). */
  readonly byRow: readonly (readonly PlacedCell[])[];
  readonly rowHeights: readonly number[];
  readonly borderWidth: number;
  readonly headerRows: number;
}

function contentHeight(lines: readonly LineBox[]): number {
  return lines.reduce((h, l) => h + l.height, 0);
}

/** Places cells on the grid, lays out their text and computes row heights. */
export function prepareTable(table: Table, width: number, fonts: FontSet): PreparedTable {
  const total = table.columns.reduce((a, b) => a + b, 0);
  const colWidths = table.columns.map((c) => (c / total) * width);
  const colX: number[] = [];
  colWidths.reduce((x, w, i) => ((colX[i] = x), x + w), 0);

  // The last row each column is taken down to by a cell above spanning rows (a cell's own row is
  // passed by moving on along it): numbers per column, not a set of slots, for 200-row tables.
  const busyUntil = new Int32Array(colWidths.length).fill(-1);
  const cells: PlacedCell[] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while ((busyUntil[c] ?? -1) >= r) c++;
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, colWidths.length - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, table.rows.length - r));
      if (rowSpan > 1) for (let dc = 0; dc < colSpan; dc++) busyUntil[c + dc] = Math.max(busyUntil[c + dc] ?? -1, r + rowSpan - 1);
      const x = colX[c] ?? 0;
      let w = 0;
      for (let k = c; k < c + colSpan; k++) w += colWidths[k] ?? 0;
      const padding = cell.padding ?? DEFAULT_PADDING;
      const inner = Math.max(1, w - 2 * padding);
      const columns = choiceColumns(cell.blocks, fonts);
      const lines = cell.blocks.flatMap((p) => layoutParagraph(p, inner, fonts, alignAt(columns, p)));
      cells.push({ cell, row: r, col: c, colSpan, rowSpan, x, width: w, lines, padding });
      c += colSpan;
    }
  });

  const rowHeights = table.rows.map((row) => row.minHeight ?? 0);
  for (const pc of cells) {
    if (pc.rowSpan !== 1) continue;
    const need = contentHeight(pc.lines) + 2 * pc.padding;
    rowHeights[pc.row] = Math.max(rowHeights[pc.row] ?? 0, need);
  }
  for (const pc of cells) {
    if (pc.rowSpan === 1) continue;
    const need = contentHeight(pc.lines) + 2 * pc.padding;
    const have = rowHeights.slice(pc.row, pc.row + pc.rowSpan).reduce((a, b) => a + b, 0);
    const last = pc.row + pc.rowSpan - 1;
    if (need > have) rowHeights[last] = (rowHeights[last] ?? 0) + (need - have);
  }
  return {
    cells,
    byRow: cellsByRow(cells, table.rows.length),
    rowHeights,
    borderWidth: table.borderWidth ?? DEFAULT_BORDER,
    headerRows: Math.min(table.headerRows ?? 0, table.rows.length),
  };
}

/** `cells` grouped by the row each starts in. */
export function cellsByRow(cells: readonly PlacedCell[], rows: number): PlacedCell[][] {
  const out: PlacedCell[][] = Array.from({ length: rows }, () => []);
  for (const pc of cells) out[pc.row]?.push(pc);
  return out;
}

/** Rows [start, end) that must stay together because of rowSpan. */
export function bands(t: PreparedTable, fromRow: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let r = fromRow;
  const n = t.rowHeights.length;
  while (r < n) {
    let end = r + 1;
    for (let k = r; k < end; k++) {
      for (const pc of t.byRow[k] ?? []) end = Math.max(end, pc.row + pc.rowSpan);
    }
    out.push([r, end]);
    r = end;
  }
  return out;
}

/** Sum of the heights of rows [from, to). */
export function rowsHeight(t: PreparedTable, from: number, to: number): number {
  let h = 0;
  for (let r = from; r < to; r++) h += t.rowHeights[r] ?? 0;
  return h;
}

/** A cell's borders and its lines, at (x + its column, top): the page's own coordinates. */
function cellBox(pc: PlacedCell, x: number, top: number, height: number, bw: number, lines: readonly LineBox[], out: DrawOp[]): void {
  const ops = out;
  const l = x + pc.x;
  const r = l + pc.width;
  const b = top + height;
  ops.push({ kind: 'line', x1: l, y1: top, x2: r, y2: top, width: bw });
  ops.push({ kind: 'line', x1: l, y1: b, x2: r, y2: b, width: bw });
  ops.push({ kind: 'line', x1: l, y1: top, x2: l, y2: b, width: bw });
  ops.push({ kind: 'line', x1: r, y1: top, x2: r, y2: b, width: bw });
  const h = contentHeight(lines);
  const valign = pc.cell.vAlign ?? 'middle';
  let y = top + pc.padding + (valign === 'middle' ? Math.max(0, (height - 2 * pc.padding - h) / 2) : 0);
  for (const line of lines) {
    pushTranslated(ops, line.ops, l + pc.padding, y);
    y += line.height;
  }
}

/** Draws rows [start, end) with their full content, top at y, the table's left edge at x. Returns the ops and the height used. */
export function drawRows(t: PreparedTable, start: number, end: number, y: number, x = 0): { ops: DrawOp[]; height: number } {
  const tops: number[] = [];
  let cy = y;
  for (let r = start; r < end; r++) {
    tops[r] = cy;
    cy += t.rowHeights[r] ?? 0;
  }
  const ops: DrawOp[] = [];
  for (let r = start; r < end; r++) {
    for (const pc of t.byRow[r] ?? []) cellBox(pc, x, tops[pc.row] ?? y, rowsHeight(t, pc.row, Math.min(end, pc.row + pc.rowSpan)), t.borderWidth, pc.lines, ops);
  }
  return { ops, height: cy - y };
}

/**
 * Splits a single row so that its first part fits in `available`. Returns the ops of the first
 * part, its height, and the remaining lines per cell (undefined when nothing could be placed).
 */
export function drawRowPart(
  t: PreparedTable,
  row: number,
  remaining: ReadonlyMap<PlacedCell, readonly LineBox[]>,
  y: number,
  available: number,
  x = 0,
): { ops: DrawOp[]; height: number; rest: Map<PlacedCell, readonly LineBox[]> } | undefined {
  const rowCells = t.byRow[row] ?? [];
  const taken = new Map<PlacedCell, readonly LineBox[]>();
  const rest = new Map<PlacedCell, readonly LineBox[]>();
  let used = 0;
  let placedAny = false;
  for (const pc of rowCells) {
    const lines = remaining.get(pc) ?? [];
    let h = 2 * pc.padding;
    let k = 0;
    while (k < lines.length && h + (lines[k]?.height ?? 0) <= available + 1e-6) {
      h += lines[k]?.height ?? 0;
      k++;
    }
    if (k > 0) placedAny = true;
    taken.set(pc, lines.slice(0, k));
    rest.set(pc, lines.slice(k));
    used = Math.max(used, h);
  }
  if (!placedAny) return undefined;
  const height = Math.min(available, Math.max(used, 0));
  const ops: DrawOp[] = [];
  for (const pc of rowCells) cellBox({ ...pc, cell: { ...pc.cell, vAlign: 'top' } }, x, y, height, t.borderWidth, taken.get(pc) ?? [], ops);
  return { ops, height, rest };
}
