/**
 * The document model: what a printed 様式 consists of, before any bytes exist.
 * Backends: shared/document/layout.ts (positions, used by the PDF backend and the live preview)
 * and shared/render/docx (Word, which lays text out itself).
 *
 * Units are PDF points (1/72 inch). A4 portrait is 595.28 × 841.89 pt.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Smallest text size anywhere in a printed form (architecture.md: no text under 9 pt). */
export const MIN_FONT_SIZE = 9;

export type Align = 'left' | 'center' | 'right';

/**
 * A piece of inline text. `mark: 'circle'` draws an ellipse around it (○をつける);
 * `mark: 'check'` ticks a box (「□にレと記載する」): use it on a run whose text is 「□」.
 */
export interface TextRun {
  readonly text: string;
  readonly mark?: 'circle' | 'underline' | 'check';
}

/** A box, ticked or not, followed by its label: 「☑ 有」. */
export function checkbox(label: string, checked: boolean): TextRun[] {
  return [{ text: '□', ...(checked ? { mark: 'check' as const } : {}) }, { text: label }];
}

export interface Paragraph {
  readonly type: 'paragraph';
  readonly runs: readonly TextRun[];
  /** Font size in pt; ≥ MIN_FONT_SIZE. */
  readonly size: number;
  readonly align?: Align;
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
  /** Left indent in pt. */
  readonly indent?: number;
  /** Line height as a multiple of size. Default 1.6 (BIZ UD明朝 has no line gap). */
  readonly leading?: number;
  readonly bold?: boolean;
  /**
   * The paragraph's first line is a heading — an item's number and wording, a ＜変更前＞ label — that
   * never ends a page: it moves to the next page with at least two lines of what follows (its own
   * next lines first), whatever their indent, and with any marked heading among them (what that one
   * keeps too); the next marked paragraph indented no deeper ends what it keeps. Documents that want
   * it set it; others paginate as before (layout/paginate.ts headingNeed).
   */
  readonly keepWithNext?: boolean;
}

export interface TableCell {
  readonly blocks: readonly Paragraph[];
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly vAlign?: 'top' | 'middle';
  /** Inner padding in pt. Default 4. */
  readonly padding?: number;
}

export interface TableRow {
  readonly cells: readonly TableCell[];
  /** Minimum height in pt (official forms leave room to write). */
  readonly minHeight?: number;
}

export interface Table {
  readonly type: 'table';
  /** Relative column widths (normalised to the content width). */
  readonly columns: readonly number[];
  readonly rows: readonly TableRow[];
  /** Rows repeated at the top of each continuation page. */
  readonly headerRows?: number;
  readonly borderWidth?: number;
}

export interface Spacer {
  readonly type: 'spacer';
  readonly height: number;
}

export type Block = Paragraph | Table | Spacer;

/** One form (様式) or sheet: starts on a new page and numbers its own pages. */
export interface Section {
  /** Printed top-left on every page of the section, e.g. 「様式第3号」; omitted for the FAX sheet. */
  readonly formNumber?: string;
  /** Bookmark / navigation title. */
  readonly title: string;
  readonly blocks: readonly Block[];
  /** Print 「- n -」 page numbers at the foot of each page of this section. */
  readonly pageNumbers?: boolean;
}

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface DocumentModel {
  readonly title: string;
  readonly margins: Margins;
  readonly sections: readonly Section[];
}

/** Helpers to keep form layouts short and readable. */
export function para(text: string, size: number, options: Omit<Paragraph, 'type' | 'runs' | 'size'> = {}): Paragraph {
  return { type: 'paragraph', runs: [{ text }], size, ...options };
}

export function runsPara(runs: readonly TextRun[], size: number, options: Omit<Paragraph, 'type' | 'runs' | 'size'> = {}): Paragraph {
  return { type: 'paragraph', runs, size, ...options };
}

function isParagraphList(x: Paragraph | readonly Paragraph[]): x is readonly Paragraph[] {
  return Array.isArray(x);
}

export function cell(blocks: Paragraph | readonly Paragraph[], options: Omit<TableCell, 'blocks'> = {}): TableCell {
  return { blocks: isParagraphList(blocks) ? blocks : [blocks], ...options };
}

/** All the text of a document, in reading order (for tests and search). */
export function documentText(doc: DocumentModel): string {
  const parts: string[] = [];
  const visit = (b: Block): void => {
    if (b.type === 'paragraph') parts.push(b.runs.map((r) => r.text).join(''));
    else if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) for (const p of c.blocks) visit(p);
  };
  for (const s of doc.sections) {
    if (s.formNumber) parts.push(s.formNumber);
    for (const b of s.blocks) visit(b);
  }
  return parts.join('\n');
}
