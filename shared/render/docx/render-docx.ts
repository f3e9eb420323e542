/**
 * DOCX backend (the `docx` package): the same document model as real Word structure — A4, real
 * tables with merged cells, page numbers per form — so a coordinator can finish a form in Word.
 * Word applies its own Japanese kinsoku when it lays out; everything that decides where a line can
 * break is made to match the PDF (issue 12):
 *  - the face is BIZ UD明朝, the family the PDF embeds (word-font.ts names it and its fallback);
 *  - table grids are the PDF layout engine's column widths (columns.ts), fixed, not auto-fitted;
 *  - Word adds no space between kana/kanji and Latin or digits (autoSpaceDE/DN off), as the PDF.
 *
 * Circled choices (○をつける) are drawn as an ellipse over the chosen words (circles.ts), where the
 * PDF draws its own. A ticked box (「□にレ」) prints as 「☑」, which Word can toggle by hand.
 * A draft's 「案」 sits in one header, defined once in the first section; every later section links
 * to it (Word's 「前と同じヘッダー」), so deleting it once removes it from every page.
 * Characters XML cannot hold are left out, as the PDF leaves them out (shared/text/xml-chars.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  HorizontalPositionRelativeFrom,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph as DocxParagraph,
  Tab,
  Table as DocxTable,
  TableCell as DocxTableCell,
  TableLayoutType,
  TableRow as DocxTableRow,
  TabStopType,
  TextRun,
  TextWrappingType,
  VerticalAlign,
  VerticalPositionRelativeFrom,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { ShapeRun } from 'docx/shapes';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { alignAt, choiceColumns, layoutParagraph } from '../../document/layout/paragraph';
import type { FontSet } from '../../document/layout/types';
import { A4, type Align, type Block, type DocumentModel, type Paragraph, type Table } from '../../document/model';
import { xmlSafeText } from '../../text/xml-chars';
import { circleShapes, type CircleShape } from './circles';
import { layoutColumnWidths } from './columns';
import { FIXED_PITCH_FONTS } from './measure';
import { WORD_FACE, fontTableXml } from './word-font';

const FONT = { ascii: WORD_FACE, eastAsia: WORD_FACE, hAnsi: WORD_FACE, cs: WORD_FACE } as const;
const twip = (pt: number): number => Math.round(pt * 20);
const EMU_PER_PT = 12_700;
/** docx's shape sizes are in CSS pixels (96 per inch). */
const px = (pt: number): number => (pt * 96) / 72;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const DEFAULT_LEADING = 1.6;

function alignment(a: Align | undefined): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

/**
 * The ○ as a floating shape anchored at the first character of the circled run. Word puts the
 * extra height of an 「最小値」 line above the text, so the em box's top is (line − size) below the
 * line's top.
 */
function circleRun(shape: CircleShape, p: Paragraph): ShapeRun {
  const line = p.size * (p.leading ?? DEFAULT_LEADING);
  const top = Math.max(0, line - p.size) + shape.dy;
  // A pill's corners as the PDF draws them: radius ÷ the shorter side, in percent (50 = a stadium).
  const corner = Math.min(50, Math.round(((shape.radius ?? shape.height / 2) / Math.min(shape.width, shape.height)) * 100));
  const geometry = shape.kind === 'ellipse' ? ({ type: 'ellipse' } as const) : ({ type: 'roundedRectangle', adjustments: { cornerRadius: corner } } as const);
  return new ShapeRun({
    ...geometry,
    transformation: { width: px(shape.width), height: px(shape.height) },
    line: { color: '000000', width: shape.lineWidth },
    altText: { name: '○', description: '選択した語を囲む丸' },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.CHARACTER, offset: Math.round(shape.dx * EMU_PER_PT) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.LINE, offset: Math.round(top * EMU_PER_PT) },
      wrap: { type: TextWrappingType.NONE },
      allowOverlap: true,
      layoutInCell: true,
      lockAnchor: true,
      behindDocument: false,
    },
  });
}

/**
 * Where the PDF starts this paragraph's choices when it lines them up with its neighbours'
 * (「有・無」 lines one under the other: choiceColumns), as a tab stop in pt from the text's left
 * edge; undefined when the PDF does not move them.
 */
function choiceTab(p: Paragraph, width: number, fonts: FontSet, columns: ReadonlyMap<Paragraph, number>): number | undefined {
  const x = columns.get(p);
  if (x === undefined || (p.align ?? 'left') !== 'left') return undefined;
  const at = (p.indent ?? 0) + x;
  const first = layoutParagraph({ ...p, spaceBefore: 0 }, width, fonts, alignAt(columns, p))[0];
  return first?.ops.some((op) => op.kind === 'text' && Math.abs(op.x - at) < 1e-3) ? at : undefined;
}

function runs(p: Paragraph, fonts: FontSet, tab: number | undefined): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const circles = circleShapes(p, fonts);
  p.runs.forEach((run, i) => {
    // The choices start at the tab stop, as the PDF pads before them.
    if (i === 1 && tab !== undefined) out.push(new TextRun({ children: [new Tab()], size: Math.round(p.size * 2), font: FONT }));
    const circle = circles.get(i);
    if (circle) out.push(circleRun(circle, p));
    const text = xmlSafeText(run.mark === 'check' ? run.text.replace('□', '☑') : run.text);
    text.replace(/\r\n?/g, '\n').split('\n').forEach((piece, k) => {
      out.push(
        new TextRun({
          text: piece,
          break: k > 0 ? 1 : undefined,
          size: Math.round(p.size * 2),
          font: FONT,
          bold: p.bold ?? false,
          underline: run.mark === 'underline' ? {} : undefined,
        }),
      );
    });
  });
  return out;
}

/** A paragraph laid out in `width` pt (the text area or the cell's inside), `columns` from choiceColumns of its neighbours. */
function paragraph(p: Paragraph, fonts: FontSet, width: number, columns: ReadonlyMap<Paragraph, number> = new Map()): DocxParagraph {
  const tab = choiceTab(p, width, fonts, columns);
  return new DocxParagraph({
    children: runs(p, fonts, tab),
    tabStops: tab !== undefined ? [{ type: TabStopType.LEFT, position: twip(tab) }] : undefined,
    alignment: alignment(p.align),
    indent: p.indent ? { left: twip(p.indent) } : undefined,
    // Kept with what follows on the page, as in the PDF (a 変更申請's item heading, issue 13).
    ...(p.keepWithNext ? { keepNext: true } : {}),
    spacing: {
      before: twip(p.spaceBefore ?? 0),
      after: twip(p.spaceAfter ?? 0),
      line: twip(p.size * (p.leading ?? DEFAULT_LEADING)),
      lineRule: LineRuleType.AT_LEAST,
    },
  });
}

function table(t: Table, contentWidth: number, fonts: FontSet): DocxTable {
  // The PDF's widths in twips; the last column takes the rounding so the table is exactly as wide.
  const pt = layoutColumnWidths(t, contentWidth, fonts);
  const edges = pt.reduce<number[]>((acc, w) => [...acc, (acc[acc.length - 1] ?? 0) + w], [0]).map(twip);
  const widths = pt.map((_, i) => (edges[i + 1] ?? 0) - (edges[i] ?? 0));
  const occupied = new Set<string>();
  const rows = t.rows.map((row, r) => {
    let c = 0;
    const cells = row.cells.map((cell) => {
      while (occupied.has(`${r}:${c}`)) c++;
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, widths.length - c));
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) occupied.add(`${r + dr}:${c + dc}`);
      const width = widths.slice(c, c + colSpan).reduce((a, b) => a + b, 0);
      const padding = cell.padding ?? 4;
      const inner = Math.max(1, pt.slice(c, c + colSpan).reduce((a, b) => a + b, 0) - 2 * padding);
      c += colSpan;
      const pad = twip(padding);
      const columns = choiceColumns(cell.blocks, fonts);
      return new DocxTableCell({
        children: cell.blocks.length > 0 ? cell.blocks.map((b) => paragraph(b, fonts, inner, columns)) : [new DocxParagraph('')],
        columnSpan: colSpan > 1 ? colSpan : undefined,
        rowSpan: rowSpan > 1 ? rowSpan : undefined,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: cell.vAlign === 'top' ? VerticalAlign.TOP : VerticalAlign.CENTER,
        margins: { top: pad, bottom: pad, left: pad, right: pad },
        borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      });
    });
    return new DocxTableRow({
      children: cells,
      tableHeader: r < (t.headerRows ?? 0),
      cantSplit: false,
      height: row.minHeight ? { value: twip(row.minHeight), rule: HeightRule.ATLEAST } : undefined,
    });
  });
  return new DocxTable({
    rows,
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    width: { size: edges[edges.length - 1] ?? 0, type: WidthType.DXA },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

function blocks(list: readonly Block[], contentWidth: number, fonts: FontSet): Array<DocxParagraph | DocxTable> {
  const columns = choiceColumns(list, fonts);
  return list.map((b) => {
    if (b.type === 'paragraph') return paragraph(b, fonts, contentWidth, columns);
    if (b.type === 'table') return table(b, contentWidth, fonts);
    return new DocxParagraph({ children: [], spacing: { before: 0, after: 0, line: twip(b.height), lineRule: LineRuleType.EXACT } });
  });
}

export interface DocxOptions {
  /** Prints 「案」 in a box at the top right of every page (drafts), from one header. */
  readonly draft?: boolean;
  /**
   * The metrics the PDF was laid out with (fontSet of the bundled fonts). Table grids and circles
   * are measured with them; without them, with BIZ UD明朝's one-em / half-em widths.
   */
  readonly fonts?: FontSet;
}

/** The draft's only header: 「案」 in a box at the top right. */
function draftHeader(): Header {
  return new Header({
    children: [new DocxParagraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '案', size: 32, font: FONT, border: BORDER })] })],
  });
}

export function buildDocx(doc: DocumentModel, options: DocxOptions = {}): Document {
  const { margins } = doc;
  const fonts = options.fonts ?? FIXED_PITCH_FONTS;
  const contentWidth = A4.width - margins.left - margins.right;
  const sections: ISectionOptions[] = doc.sections.map((s, i) => ({
    properties: {
      page: {
        size: { width: twip(A4.width), height: twip(A4.height) },
        margin: { top: twip(margins.top), right: twip(margins.right), bottom: twip(margins.bottom), left: twip(margins.left), footer: twip(margins.bottom / 2) },
        pageNumbers: { start: 1 },
      },
    },
    // Only the first section has a header; the others have no header of their own and use it.
    headers: options.draft && i === 0 ? { default: draftHeader() } : undefined,
    footers: s.pageNumbers
      ? { default: new Footer({ children: [new DocxParagraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, font: FONT })] })] }) }
      : i > 0
        ? { default: new Footer({ children: [new DocxParagraph('')] }) }
        : undefined,
    children: [
      ...(s.formNumber ? [paragraph({ type: 'paragraph', runs: [{ text: s.formNumber }], size: 10.5 }, fonts, contentWidth)] : []),
      ...blocks(s.blocks, contentWidth, fonts),
    ],
  }));
  return new Document({
    title: xmlSafeText(doc.title),
    creator: 'senshin-desk',
    styles: { default: { document: { run: { font: FONT, size: 21, language: { value: 'ja-JP', eastAsia: 'ja-JP' } } } } },
    sections,
  });
}

/** No space added between kana/kanji and Latin letters or digits: the PDF adds none. */
const PARAGRAPH_DEFAULTS = '<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/></w:pPr></w:pPrDefault>';

/** The parts `docx` cannot write: the font table with the fallback, and the paragraph defaults. */
function finishPackage(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  parts['word/fontTable.xml'] = strToU8(fontTableXml());
  const styles = parts['word/styles.xml'];
  if (styles) parts['word/styles.xml'] = strToU8(strFromU8(styles).replace(/<w:pPrDefault\/>|<w:pPrDefault>.*?<\/w:pPrDefault>/s, PARAGRAPH_DEFAULTS));
  return zipSync(parts, { level: 6 });
}

export async function renderDocx(doc: DocumentModel, options: DocxOptions = {}): Promise<Uint8Array> {
  return finishPackage(new Uint8Array(await Packer.toArrayBuffer(buildDocx(doc, options))));
}
