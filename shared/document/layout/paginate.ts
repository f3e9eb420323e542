/**
 * Flows the blocks of each section onto A4 pages. Nothing is ever clipped: paragraphs break
 * between lines, tables between bands (and inside a tall single row between line boxes), and
 * each section (様式) starts a new page with its own page numbers. A heading never ends a page:
 * it moves to the next page with the first two lines of what it introduces (headingNeed).
 */
import { A4, type DocumentModel, type Paragraph, type Section, type Spacer, type Table } from '../model';
import { alignAt, choiceColumns, layoutParagraph, textWidth, type LineBox } from './paragraph';
import { bands, cellsByRow, drawRowPart, drawRows, prepareTable, rowsHeight, type PlacedCell, type PreparedTable } from './table';
import { pushTranslated, type DrawOp, type FontSet, type LaidOutDocument, type LaidOutPage } from './types';

const PAGE_NUMBER_SIZE = 9;
const FORM_NUMBER_SIZE = 10.5;

class PageCursor {
  readonly pages: Array<{ ops: DrawOp[] }> = [];
  y = 0;
  private readonly top: number;
  private readonly bottom: number;

  constructor(top: number, bottom: number) {
    this.top = top;
    this.bottom = bottom;
    this.newPage();
  }

  get ops(): DrawOp[] {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('no page');
    return page.ops;
  }

  get available(): number {
    return this.bottom - this.y;
  }

  get atTop(): boolean {
    return this.y <= this.top + 1e-6;
  }

  /** Height already used on the current page. */
  get used(): number {
    return this.y - this.top;
  }

  get bodyHeight(): number {
    return this.bottom - this.top;
  }

  /** Adds ops to the current page (a loop: a long table's band can hold more ops than a call may take arguments). */
  push(ops: readonly DrawOp[]): void {
    const page = this.ops;
    for (const op of ops) page.push(op);
  }

  newPage(): void {
    this.pages.push({ ops: [] });
    this.y = this.top;
  }
}

function placeLines(cursor: PageCursor, lines: readonly LineBox[], x: number): void {
  for (const line of lines) {
    if (line.height > cursor.available && !cursor.atTop) cursor.newPage();
    pushTranslated(cursor.ops, line.ops, x, cursor.y);
    cursor.y += line.height;
  }
}

function placeTable(cursor: PageCursor, t: PreparedTable, table: Table, x: number): void {
  const H = t.headerRows;
  const height = (a: number, b: number): number => rowsHeight(t, a, b);
  const headerHeight = height(0, H);
  const drawHeader = (): void => {
    if (H > 0) drawBand(cursor, t, 0, H, x);
  };
  const breakPage = (): void => {
    cursor.newPage();
    drawHeader();
  };
  const bodyBands = bands(t, H);

  // Header rows are never split and never left alone at the foot of a page: they move down
  // with at least the first line of the first body row.
  const first = bodyBands[0];
  const firstNeed = first ? (first[1] - first[0] > 1 ? height(first[0], first[1]) : Math.min(height(first[0], first[1]), firstLinesHeight(t, first[0], 1))) : 0;
  if (H > 0 && headerHeight + firstNeed > cursor.available + 1e-6 && !cursor.atTop) cursor.newPage();
  drawHeader();

  for (const [start, end] of bodyBands) {
    const bandHeight = height(start, end);
    if (bandHeight <= cursor.available + 1e-6) {
      drawBand(cursor, t, start, end, x);
      continue;
    }
    if (end - start > 1) {
      // Rows joined by a merged cell move to a new page together.
      const freshPage = cursor.used <= headerHeight + 1e-6;
      if (!freshPage && bandHeight <= cursor.bodyHeight - headerHeight) {
        breakPage();
        drawBand(cursor, t, start, end, x);
        continue;
      }
      // Taller than a page: un-merge the band so every cell's text can flow across pages.
      const flat = unmergeBand(t, table, start, end);
      for (let r = start; r < end; r++) splitRow(cursor, flat, r, x, breakPage);
      continue;
    }
    splitRow(cursor, t, start, x, breakPage);
  }
}

/** Height of a row's first `n` printable lines (plus padding): the least a row needs to start on a page. */
function firstLinesHeight(t: PreparedTable, row: number, n: number): number {
  let h = 0;
  for (const pc of t.byRow[row] ?? []) h = Math.max(h, 2 * pc.padding + pc.lines.slice(0, n).reduce((a, l) => a + l.height, 0));
  return h;
}

/** What of a table must share a page with the heading above it: its header rows and two lines of its first row. */
function tableLead(t: PreparedTable): number {
  const H = t.headerRows;
  const height = (a: number, b: number): number => rowsHeight(t, a, b);
  if (H >= t.rowHeights.length) return height(0, H);
  // The first body band: rows joined to row H by a merged cell move together.
  let end = H + 1;
  for (const pc of t.byRow[H] ?? []) end = Math.max(end, pc.row + pc.rowSpan);
  if (end - H > 1) return height(0, end);
  return height(0, H) + Math.min(height(H, end), firstLinesHeight(t, H, 2));
}

/**
 * The rows [start, end) with every merged cell cut back to its first row and empty cells in the
 * rows it covered, so that each row can be split between pages on its own.
 */
function unmergeBand(t: PreparedTable, table: Table, start: number, end: number): PreparedTable {
  const cells: PlacedCell[] = [];
  for (const pc of t.cells) {
    if (pc.row < start || pc.row >= end) continue;
    cells.push({ ...pc, rowSpan: 1 });
    for (let r = pc.row + 1; r < Math.min(end, pc.row + pc.rowSpan); r++) cells.push({ ...pc, row: r, rowSpan: 1, lines: [] });
  }
  const rowHeights = [...t.rowHeights];
  const byRow = cellsByRow(cells, t.rowHeights.length);
  for (let r = start; r < end; r++) {
    let h = table.rows[r]?.minHeight ?? 0;
    for (const pc of byRow[r] ?? []) h = Math.max(h, 2 * pc.padding + pc.lines.reduce((a, l) => a + l.height, 0));
    rowHeights[r] = h;
  }
  return { ...t, cells, byRow, rowHeights };
}

function drawBand(cursor: PageCursor, t: PreparedTable, start: number, end: number, x: number): void {
  const { ops, height } = drawRows(t, start, end, cursor.y, x);
  cursor.push(ops);
  cursor.y += height;
}

/** Places one row, splitting it between line boxes across as many pages as it needs. */
function splitRow(cursor: PageCursor, t: PreparedTable, row: number, x: number, breakPage: () => void): void {
  const rowHeight = t.rowHeights[row] ?? 0;
  if (rowHeight <= cursor.available + 1e-6) {
    const { ops, height } = drawRows(t, row, row + 1, cursor.y, x);
    cursor.push(ops);
    cursor.y += height;
    return;
  }
  let remaining = new Map<PlacedCell, readonly LineBox[]>((t.byRow[row] ?? []).map((pc) => [pc, pc.lines]));
  let guard = 0;
  while ([...remaining.values()].some((l) => l.length > 0)) {
    if (++guard > 10_000) throw new Error('layout did not converge');
    const part = drawRowPart(t, row, remaining, cursor.y, cursor.available, x);
    if (!part) {
      if (cursor.atTop) {
        // A single line taller than the page body: place it anyway (it overflows the margin).
        const forced = drawRowPart(t, row, remaining, cursor.y, Number.MAX_SAFE_INTEGER, x);
        if (!forced) return;
        cursor.push(forced.ops);
        cursor.y += forced.height;
        remaining = forced.rest;
        continue;
      }
      breakPage();
      continue;
    }
    cursor.push(part.ops);
    cursor.y += part.height;
    remaining = part.rest;
    if ([...remaining.values()].some((l) => l.length > 0)) breakPage();
  }
}

type LaidBlock =
  | { readonly kind: 'paragraph'; readonly block: Paragraph; readonly lines: readonly LineBox[] }
  | { readonly kind: 'table'; readonly block: Table; readonly prepared: PreparedTable }
  | { readonly kind: 'spacer'; readonly block: Spacer };

/** The line boxes of a paragraph that hold text (not its space before or after). */
function textLines(item: Extract<LaidBlock, { kind: 'paragraph' }>): readonly LineBox[] {
  return item.lines.slice(item.block.spaceBefore ? 1 : 0, item.lines.length - (item.block.spaceAfter ? 1 : 0));
}

/**
 * A heading is a paragraph of one line followed by a table or by text indented deeper (「９．…」
 * over its answers), or the first line of a paragraph marked `keepWithNext` (an item of a 変更申請,
 * whatever follows it). Returns the height, from the top of the paragraph, that must fit on its page:
 * the heading line and two lines of the text that follows it (its own next lines first), or the header
 * and first lines of the table it introduces — or 0 for any other block. Only documents that mark
 * paragraphs `keepWithNext` see the marked ones' rules.
 */
function headingNeed(laid: readonly LaidBlock[], i: number): number {
  const item = laid[i];
  if (item?.kind !== 'paragraph' || item.block.runs.every((r) => r.text.trim() === '')) return 0;
  const own = textLines(item);
  const heading = own[0];
  if (!heading) return 0;
  if (item.block.keepWithNext !== true) {
    if (own.length !== 1) return 0;
    const next = laid[i + 1];
    if (next?.kind !== 'table' && (next?.kind !== 'paragraph' || (next.block.indent ?? 0) <= (item.block.indent ?? 0))) return 0;
  }
  const at = item.lines.indexOf(heading);
  let need = 0;
  let lines = 0;
  /** Adds the boxes of `boxes` until two text lines are counted; true once they are. */
  const take = (boxes: readonly LineBox[], text: ReadonlySet<LineBox>): boolean => {
    for (const box of boxes) {
      need += box.height;
      if (text.has(box) && ++lines >= 2) return true;
    }
    return false;
  };
  for (const box of item.lines.slice(0, at + 1)) need += box.height;
  if (take(item.lines.slice(at + 1), new Set(own))) return need;
  for (let k = i + 1; k < laid.length; k++) {
    const f = laid[k];
    if (f?.kind === 'table') return need + tableLead(f.prepared);
    if (f?.kind !== 'paragraph') break;
    if (item.block.keepWithNext === true || f.block.keepWithNext === true) {
      // Where headings are marked: the next marked one at this heading's level or above (the next
      // item) ends what this one keeps; a heading inside what it keeps (＜変更前＞ under its item)
      // goes with it, together with what that heading keeps.
      if (f.block.keepWithNext === true && (f.block.indent ?? 0) <= (item.block.indent ?? 0)) return need;
      const nested = headingNeed(laid, k);
      if (nested > 0) return need + nested;
    }
    if (take(f.lines, new Set(textLines(f)))) break;
  }
  return need;
}

function layoutSection(section: Section, doc: DocumentModel, fonts: FontSet): Array<{ ops: DrawOp[] }> {
  const { margins } = doc;
  const width = A4.width - margins.left - margins.right;
  const cursor = new PageCursor(margins.top, A4.height - margins.bottom);
  if (section.formNumber) {
    placeLines(cursor, layoutParagraph({ type: 'paragraph', runs: [{ text: section.formNumber }], size: FORM_NUMBER_SIZE, leading: 1.5 }, width, fonts), margins.left);
  }
  const columns = choiceColumns(section.blocks, fonts);
  const laid: LaidBlock[] = section.blocks.map((block) =>
    block.type === 'paragraph'
      ? { kind: 'paragraph', block, lines: layoutParagraph(block, width, fonts, alignAt(columns, block)) }
      : block.type === 'table'
        ? { kind: 'table', block, prepared: prepareTable(block, width, fonts) }
        : { kind: 'spacer', block },
  );
  laid.forEach((item, i) => {
    if (item.kind === 'spacer') {
      if (item.block.height > cursor.available) cursor.newPage();
      else cursor.y += item.block.height;
    } else if (item.kind === 'paragraph') {
      const need = headingNeed(laid, i);
      if (need > cursor.available + 1e-6 && !cursor.atTop && need <= cursor.bodyHeight) cursor.newPage();
      placeLines(cursor, item.lines, margins.left);
    } else {
      placeTable(cursor, item.prepared, item.block, margins.left);
    }
  });
  return cursor.pages;
}

export function layoutDocument(doc: DocumentModel, fonts: FontSet): LaidOutDocument {
  const pages: LaidOutPage[] = [];
  const counts: number[] = [];
  doc.sections.forEach((section, sectionIndex) => {
    const sectionPages = layoutSection(section, doc, fonts);
    counts.push(sectionPages.length);
    sectionPages.forEach((p, i) => {
      const ops = [...p.ops];
      if (section.pageNumbers) {
        const label = String(i + 1);
        const w = textWidth(fonts, label, PAGE_NUMBER_SIZE);
        ops.push({ kind: 'text', x: (A4.width - w) / 2, y: A4.height - doc.margins.bottom / 2, size: PAGE_NUMBER_SIZE, text: label, font: 'primary', width: w });
      }
      pages.push({ sectionIndex, pageInSection: i + 1, ops });
    });
  });
  return { width: A4.width, height: A4.height, pages, sectionPageCounts: counts };
}
