/**
 * Copy and search in the PDF give the typed text (issue 12): 「𠮷田　花子」 with its full-width space.
 * Read back with poppler's pdftotext (Evince, Okular, most command-line tools) and with pdf.js.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { cell, para, type Block } from '../../../shared/document/model';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf } from '../../helpers/pdf';

const { bytes, metrics } = bundledFonts();
const margins = { top: 50, right: 50, bottom: 50, left: 50 };

async function pdfOf(blocks: readonly Block[]): Promise<Uint8Array> {
  const laid = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks }] }, metrics);
  return renderPdf(laid, bytes, { title: 't', createdAt: new Date('2027-04-05T00:00:00Z') });
}

const pdftotext = (pdf: Uint8Array, ...mode: string[]): string => execFileSync('pdftotext', [...mode, '-', '-'], { input: pdf }).toString();

describe('full-width spaces survive copy and search (issue 12)', () => {
  const blocks: Block[] = [
    para('実施責任医師：𠮷田　花子（消化器外科）', 10.5),
    para('補償の有無　　有・無', 10.5),
    { type: 'table', columns: [1, 2], rows: [{ cells: [cell(para('氏名', 10.5)), cell(para('髙橋　誠一', 10.5))] }] },
    para('以上', 10.5),
  ];

  it('pdftotext gives 「𠮷田　花子」 and 「髙橋　誠一」 exactly, in reading order', async () => {
    const pdf = await pdfOf(blocks);
    for (const mode of [[], ['-layout'], ['-raw']]) {
      const text = pdftotext(pdf, ...mode);
      expect(text, mode.join()).toContain('実施責任医師：𠮷田　花子（消化器外科）');
      expect(text, mode.join()).toContain('髙橋　誠一');
      expect(text, mode.join()).toContain('補償の有無　　有・無');
    }
    // Lines keep their order on the page (the typed space does not move its line elsewhere; poppler
    // reads a table's right-hand column as a column of its own, so the table's left cell stands for it).
    const plain = pdftotext(pdf);
    const order = ['𠮷田　花子', '補償の有無', '氏名', '以上'].map((s) => plain.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('pdf.js reads the line whole: the name with a space where 「　」 was typed', async () => {
    // pdf.js turns every whitespace glyph into a gap and reports it as U+0020 (its text layer and
    // find bar match 「　」 in a query to it); what matters is that no character is lost or moved.
    const { pages } = await readPdf(await pdfOf(blocks));
    expect(pages[0]?.text).toContain('実施責任医師：𠮷田 花子（消化器外科）');
  });
});
