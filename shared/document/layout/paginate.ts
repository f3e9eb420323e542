/**
 * Flows the blocks of each section onto A4 pages. Nothing is ever clipped: paragraphs break
 * between lines, tables between bands (and inside a tall single row between line boxes), and
 * each section (様式) starts a new page with its own page numbers.
 */
import { A4, type DocumentModel, type Section, type Table } from '../model';
import { layoutParagraph, textWidth, type LineBox } from './paragraph';
import { bands, drawRowPart, drawRows, prepareTable, type PlacedCell, type PreparedTable } from './table';
import { translateOps, type DrawOp, type FontSet, type LaidOutDocument, type LaidOutPage } from './types';

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

  newPage(): void {
    this.pages.push({ ops: [] });
    this.y = this.top;
  }
}

function placeLines(cursor: PageCursor, lines: readonly LineBox[], x: number): void {
  for (const line of lines) {
    if (line.height > cursor.available && !cursor.atTop) cursor.newPage();
    cursor.ops.push(...translateOps(line.ops, x, cursor.y));
    cursor.y += line.height;
  }
}

function placeTable(cursor: PageCursor, table: Table, x: number, width: number, fonts: FontSet): void {
  const t = prepareTable(table, width, fonts);
  const headerHeight = t.rowHeights.slice(0, t.headerRows).reduce((a, b) => a + b, 0);
  const repeatHeader = (): void => {
    if (t.headerRows > 0) {
      const { ops, height } = drawRows(t, 0, t.headerRows, cursor.y);
      cursor.ops.push(...translateOps(ops, x, 0));
      cursor.y += height;
    }
  };
  const breakPage = (): void => {
    cursor.newPage();
    repeatHeader();
  };

  for (const [start, end] of bands(t, 0)) {
    const bandHeight = t.rowHeights.slice(start, end).reduce((a, b) => a + b, 0);
    const isHeader = end <= t.headerRows;
    if (bandHeight <= cursor.available + 1e-6) {
      drawBand(cursor, t, start, end, x);
      continue;
    }
    // Nothing but the repeated header on this page yet: moving on would not gain space.
    const freshPage = cursor.used <= (isHeader ? 0 : headerHeight) + 1e-6;
    if (end - start > 1) {
      // A band of merged rows: move it whole to a new page; if even a whole page is too small,
      // place its rows one by one (the merged cell prints in its first row) rather than clip.
      if (!freshPage && bandHeight <= cursor.bodyHeight - headerHeight) {
        breakPage();
        drawBand(cursor, t, start, end, x);
        continue;
      }
      for (let r = start; r < end; r++) splitRow(cursor, t, r, x, breakPage);
      continue;
    }
    splitRow(cursor, t, start, x, breakPage);
  }
}

function drawBand(cursor: PageCursor, t: PreparedTable, start: number, end: number, x: number): void {
  const { ops, height } = drawRows(t, start, end, cursor.y);
  cursor.ops.push(...translateOps(ops, x, 0));
  cursor.y += height;
}

/** Places one row, splitting it between line boxes across as many pages as it needs. */
function splitRow(cursor: PageCursor, t: PreparedTable, row: number, x: number, breakPage: () => void): void {
  const rowHeight = t.rowHeights[row] ?? 0;
  if (rowHeight <= cursor.available + 1e-6) {
    const { ops, height } = drawRows(t, row, row + 1, cursor.y);
    cursor.ops.push(...translateOps(ops, x, 0));
    cursor.y += height;
    return;
  }
  let remaining = new Map<PlacedCell, readonly LineBox[]>(t.cells.filter((pc) => pc.row === row).map((pc) => [pc, pc.lines]));
  let guard = 0;
  while ([...remaining.values()].some((l) => l.length > 0)) {
    if (++guard > 10_000) throw new Error('layout did not converge');
    const part = drawRowPart(t, row, remaining, cursor.y, cursor.available);
    if (!part) {
      if (cursor.atTop) {
        // A single line taller than the page body: place it anyway (it overflows the margin).
        const forced = drawRowPart(t, row, remaining, cursor.y, Number.MAX_SAFE_INTEGER);
        if (!forced) return;
        cursor.ops.push(...translateOps(forced.ops, x, 0));
        cursor.y += forced.height;
        remaining = forced.rest;
        continue;
      }
      breakPage();
      continue;
    }
    cursor.ops.push(...translateOps(part.ops, x, 0));
    cursor.y += part.height;
    remaining = part.rest;
    if ([...remaining.values()].some((l) => l.length > 0)) breakPage();
  }
}

function layoutSection(section: Section, doc: DocumentModel, fonts: FontSet): Array<{ ops: DrawOp[] }> {
  const { margins } = doc;
  const width = A4.width - margins.left - margins.right;
  const cursor = new PageCursor(margins.top, A4.height - margins.bottom);
  if (section.formNumber) {
    placeLines(cursor, layoutParagraph({ type: 'paragraph', runs: [{ text: section.formNumber }], size: FORM_NUMBER_SIZE, leading: 1.5 }, width, fonts), margins.left);
  }
  for (const block of section.blocks) {
    if (block.type === 'spacer') {
      if (block.height > cursor.available) cursor.newPage();
      else cursor.y += block.height;
    } else if (block.type === 'paragraph') {
      placeLines(cursor, layoutParagraph(block, width, fonts), margins.left);
    } else {
      placeTable(cursor, block, margins.left, width, fonts);
    }
  }
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
