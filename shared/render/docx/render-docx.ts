/**
 * DOCX backend (the `docx` package): the same document model as real Word structure — A4, real
 * tables with merged cells, ＭＳ 明朝 as the East Asian face, page numbers per form — so a
 * coordinator can finish a form in Word. Word applies its own Japanese kinsoku when it lays out.
 *
 * Circled choices (○をつける) print as a boxed run: Word has no inline ellipse around text
 * without drawing shapes, and a box reads unambiguously on a fax. A ticked box (「□にレ」) prints as
 * 「☑」, which Word can toggle by hand.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph as DocxParagraph,
  Table as DocxTable,
  TableCell as DocxTableCell,
  TableRow as DocxTableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { A4, type Align, type Block, type DocumentModel, type Paragraph, type Table } from '../../document/model';

const FACE = 'ＭＳ 明朝';
const FONT = { ascii: FACE, eastAsia: FACE, hAnsi: FACE, cs: FACE } as const;
const twip = (pt: number): number => Math.round(pt * 20);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function alignment(a: Align | undefined): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

function runs(p: Paragraph): TextRun[] {
  const out: TextRun[] = [];
  for (const run of p.runs) {
    const text = run.mark === 'check' ? run.text.replace('□', '☑') : run.text;
    text.replace(/\r\n?/g, '\n').split('\n').forEach((piece, i) => {
      out.push(
        new TextRun({
          text: piece,
          break: i > 0 ? 1 : undefined,
          size: Math.round(p.size * 2),
          font: FONT,
          bold: p.bold ?? false,
          underline: run.mark === 'underline' ? {} : undefined,
          border: run.mark === 'circle' ? BORDER : undefined,
        }),
      );
    });
  }
  return out;
}

function paragraph(p: Paragraph): DocxParagraph {
  return new DocxParagraph({
    children: runs(p),
    alignment: alignment(p.align),
    indent: p.indent ? { left: twip(p.indent) } : undefined,
    spacing: {
      before: twip(p.spaceBefore ?? 0),
      after: twip(p.spaceAfter ?? 0),
      line: twip(p.size * (p.leading ?? 1.6)),
      lineRule: LineRuleType.AT_LEAST,
    },
  });
}

function table(t: Table, contentWidth: number): DocxTable {
  const total = t.columns.reduce((a, b) => a + b, 0);
  const widths = t.columns.map((c) => twip((c / total) * contentWidth));
  const occupied = new Set<string>();
  const rows = t.rows.map((row, r) => {
    let c = 0;
    const cells = row.cells.map((cell) => {
      while (occupied.has(`${r}:${c}`)) c++;
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) occupied.add(`${r + dr}:${c + dc}`);
      const width = widths.slice(c, c + colSpan).reduce((a, b) => a + b, 0);
      c += colSpan;
      const pad = twip(cell.padding ?? 4);
      return new DocxTableCell({
        children: cell.blocks.length > 0 ? cell.blocks.map(paragraph) : [new DocxParagraph('')],
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
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

function blocks(list: readonly Block[], contentWidth: number): Array<DocxParagraph | DocxTable> {
  return list.map((b) => {
    if (b.type === 'paragraph') return paragraph(b);
    if (b.type === 'table') return table(b, contentWidth);
    return new DocxParagraph({ children: [], spacing: { before: 0, after: 0, line: twip(b.height), lineRule: LineRuleType.EXACT } });
  });
}

export interface DocxOptions {
  /** Prints 「案」 in a box at the top right of every page (drafts). */
  readonly draft?: boolean;
}

export function buildDocx(doc: DocumentModel, options: DocxOptions = {}): Document {
  const { margins } = doc;
  const contentWidth = A4.width - margins.left - margins.right;
  const sections: ISectionOptions[] = doc.sections.map((s) => ({
    properties: {
      page: {
        size: { width: twip(A4.width), height: twip(A4.height) },
        margin: { top: twip(margins.top), right: twip(margins.right), bottom: twip(margins.bottom), left: twip(margins.left), footer: twip(margins.bottom / 2) },
        pageNumbers: { start: 1 },
      },
    },
    headers: options.draft
      ? { default: new Header({ children: [new DocxParagraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '案', size: 32, font: FONT, border: BORDER })] })] }) }
      : undefined,
    footers: s.pageNumbers
      ? { default: new Footer({ children: [new DocxParagraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, font: FONT })] })] }) }
      : undefined,
    children: [
      ...(s.formNumber ? [paragraph({ type: 'paragraph', runs: [{ text: s.formNumber }], size: 10.5 })] : []),
      ...blocks(s.blocks, contentWidth),
    ],
  }));
  return new Document({
    title: doc.title,
    creator: 'senshin-desk',
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections,
  });
}

export async function renderDocx(doc: DocumentModel, options: DocxOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocx(doc, options)));
}
