/**
 * Issue 12: the sheets say 「いずれかに○をつける」, and Word printed a box. The Word file now draws
 * an ellipse (a pill around a long phrase) over the chosen words. Checked as a reader sees it:
 * LibreOffice opens the Word file and prints it, pdftoppm renders the page, and the pixels above,
 * below and beside each choice tell whether a ring runs around it.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { textWidth } from '../../../shared/document/layout/paragraph';
import { yoshiki9 } from '../../../shared/forms/besshi1/yoshiki9';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { fieldsOf, type RequirementValue } from '../../../shared/forms/field';
import { requirementParagraphs, yesNoLine, heading } from '../../../shared/forms/layout-helpers';
import { cell, para, type DocumentModel, type TableRow } from '../../../shared/document/model';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { libreOfficeToPdf } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { ink, renderGray, type Gray } from '../../helpers/pdf';
import { charLines, findWord, type CharBox } from '../../helpers/pdf-chars';

const DPI = 144;
const { metrics } = bundledFonts();

/** A 様式第9号 row as the form prints it: the official label, then 要・不要 with the choice circled. */
function requirementRow(key: string, value: RequirementValue): TableRow {
  const meta = fieldsOf(yoshiki9.answers).find((f) => f.key === key)?.meta;
  if (!meta?.requirement) throw new Error(key);
  return { minHeight: 24, cells: [cell(para(meta.label, 10.5, { leading: 1.5 }), { padding: 4 }), cell(requirementParagraphs(value, meta.requirement), { padding: 4, vAlign: 'top' })] };
}

const model: DocumentModel = {
  title: '○の確認',
  margins: FORM_MARGINS,
  sections: [
    {
      formNumber: '様式第3号',
      title: '様式第3号',
      blocks: [
        heading('１３．被験者等に対して重大な健康被害が生じた場合の補償及び治療の内容'),
        yesNoLine('補償の有無', '無'),
        yesNoLine('保険への加入の有無', '有'),
        para('様式第9号の要件（抜粋）', 10.5, { spaceBefore: 12 }),
        {
          type: 'table',
          columns: [38, 62],
          rows: [
            requirementRow('instEmergencySurgery', { need: '要', value: '' }),
            requirementRow('instCooperation', { need: '不要', value: '' }),
            requirementRow('instNightDuty', { need: '要', value: '外科系医師の当直' }),
          ],
        },
      ],
    },
  ],
};

/** Dark pixels in a rectangle given in pt. */
function inkPt(img: Gray, x0: number, y0: number, x1: number, y1: number): number {
  const k = DPI / 72;
  return ink(img, Math.round(x0 * k), Math.round(y0 * k), Math.round((x1 - x0) * k), Math.round((y1 - y0) * k));
}

/**
 * Ink above and below the middle of a word, clear of its em box: where a ring around the word
 * passes (a third of an em out) and a box hugging the letters does not.
 */
function around(img: Gray, word: readonly CharBox[]): { top: number; bottom: number } {
  const first = word[0];
  const last = word[word.length - 1];
  if (!first || !last) throw new Error('empty word');
  const s = first.size;
  const top = first.baseline - 0.88 * s;
  const bottom = first.baseline + 0.12 * s;
  const cx = (first.x0 + last.x1) / 2;
  return {
    top: inkPt(img, cx - 0.15 * s, top - 0.5 * s, cx + 0.15 * s, top - 0.15 * s),
    bottom: inkPt(img, cx - 0.15 * s, bottom + 0.15 * s, cx + 0.15 * s, bottom + 0.5 * s),
  };
}

/** The Word file printed by LibreOffice, converted once for the tests below. */
let printed: Promise<Uint8Array> | undefined;
const printedWord = (): Promise<Uint8Array> => (printed ??= renderDocx(model, { fonts: metrics }).then(libreOfficeToPdf));

describe('Word: the chosen word is circled, as 「いずれかに○をつける」 asks (issue 12)', () => {
  it('LibreOffice prints a ring around the chosen 有/無/要/不要 and none around the other', async () => {
    const pdf = await printedWord();
    const img = renderGray(pdf, DPI);
    const lines = await charLines(pdf);
    const ringed = (r: ReturnType<typeof around>) => r.top > 0 && r.bottom > 0;
    // No ring: not ink both above and below (a ring on the next line may reach under the word).
    const clear = (r: ReturnType<typeof around>) => !ringed(r);

    // 補償の有無：有・(無)
    const compensationYes = around(img, findWord(lines, '補償の有無', '有'));
    const compensationNo = around(img, findWord(lines, '補償の有無', '無'));
    expect(ringed(compensationNo), JSON.stringify(compensationNo)).toBe(true);
    expect(clear(compensationYes), JSON.stringify(compensationYes)).toBe(true);
    // 保険への加入の有無：(有)・無
    const insuranceYes = around(img, findWord(lines, '保険への加入の有無', '有'));
    const insuranceNo = around(img, findWord(lines, '保険への加入の有無', '無'));
    expect(ringed(insuranceYes), JSON.stringify(insuranceYes)).toBe(true);
    expect(clear(insuranceNo), JSON.stringify(insuranceNo)).toBe(true);

    // In 様式第9号's table cells.
    const rows = lines.filter((l) => l.map((c) => c.ch).join('').includes('要・不要'));
    expect(rows).toHaveLength(2);
    const [surgery, cooperation] = rows.map((l) => l.filter((c) => c.x0 > FORM_MARGINS.left + 180));
    expect(ringed(around(img, findWord([surgery ?? []], '', '要')))).toBe(true);
    expect(clear(around(img, findWord([surgery ?? []], '要・', '不要')))).toBe(true);
    expect(ringed(around(img, findWord([cooperation ?? []], '要・', '不要')))).toBe(true);
    expect(clear(around(img, findWord([cooperation ?? []], '', '要')))).toBe(true);
    // A long choice: a pill around 「要（　外科系医師の当直　）」, none around 「不要」.
    expect(ringed(around(img, findWord(lines, '外科系医師', '当直')))).toBe(true);
    expect(clear(around(img, findWord(lines, '当直', '不要')))).toBe(true);
  }, 120_000);

  it('lines up the 有・無 of consecutive lines where the PDF does (a tab stop at the PDF’s x)', async () => {
    const lines = await charLines(await printedWord());
    const word = [findWord(lines, '補償の有無', '有')[0], findWord(lines, '保険への加入の有無', '有')[0]];
    // Where the PDF layout prints the same two 「有」.
    const pdfX = layoutDocument(model, metrics).pages[0]!.ops.flatMap((op) => {
      const at = op.kind === 'text' ? op.text.indexOf('有・無') : -1;
      return op.kind === 'text' && at >= 0 ? [op.x + textWidth(metrics, op.text.slice(0, at), op.size)] : [];
    });
    expect(pdfX).toHaveLength(2);
    expect(Math.abs((pdfX[0] ?? 0) - (pdfX[1] ?? 1))).toBeLessThan(0.01);
    for (const w of word) expect(Math.abs((w?.x0 ?? 0) - (pdfX[0] ?? 0)), JSON.stringify(w)).toBeLessThan(0.5);
  }, 120_000);
});
