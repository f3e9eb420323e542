/**
 * Word's table grid, taken from the PDF layout engine (issue 12: 「25,000,00／0」 and
 * 「30200BZX00289／000」 broke in Word while the PDF kept them whole). The widths are read from the
 * engine's own placement of the cells (prepareTable), so whatever decides a column's width for the
 * PDF — proportions today, measured content if the engine learns it — decides it for Word too.
 */
import { prepareTable } from '../../document/layout/table';
import type { FontSet } from '../../document/layout/types';
import type { Table } from '../../document/model';

/** Each grid column's width in pt, as the PDF lays the table out in `width` pt. */
export function layoutColumnWidths(table: Table, width: number, fonts: FontSet): number[] {
  const n = table.columns.length;
  // Column edges where a placed cell starts or ends; an edge no cell touches is interpolated below.
  const edges: Array<number | undefined> = Array.from({ length: n + 1 }, () => undefined);
  for (const c of prepareTable(table, width, fonts).cells) {
    edges[c.col] = c.x;
    edges[c.col + c.colSpan] = c.x + c.width;
  }
  edges[0] ??= 0;
  edges[n] ??= width;
  for (let i = 1; i < n; i++) {
    if (edges[i] !== undefined) continue;
    let j = i + 1;
    while (edges[j] === undefined) j++;
    const from = edges[i - 1] ?? 0;
    const share = (table.columns[i - 1] ?? 0) / table.columns.slice(i - 1, j).reduce((a, b) => a + b, 0);
    edges[i] = from + ((edges[j] ?? width) - from) * (Number.isFinite(share) ? share : 0);
  }
  return Array.from({ length: n }, (_, i) => (edges[i + 1] ?? 0) - (edges[i] ?? 0));
}
