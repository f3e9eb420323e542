import { describe, expect, it } from 'vitest';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { FORM_MARGINS, type FormDefinition, type SubmissionFacts } from '../../../shared/forms/definition';
import { fieldsOf } from '../../../shared/forms/field';
import { FORMS } from '../../../shared/forms/registry';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { docxText } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';

const facts: SubmissionFacts = {
  technologyName: '技術名マーカー',
  indication: '適応症マーカー',
  category: 'B',
  cost: calculateCost({ ...emptyCostModel(), others: [{ id: 'o', name: '費用', amount: 12_345 }] }, parseIsoDate('2026-12-01')!),
};

/** Every field filled with a value unique to it; returns the answers and the strings that must print. */
function filledAnswers(form: FormDefinition): { answers: Record<string, unknown>; expected: string[] } {
  const answers: Record<string, unknown> = { ...form.empty() };
  const expected: string[] = [];
  fieldsOf(form.answers).forEach(({ key, meta }, i) => {
    const marker = `記入${form.number}の${i}番`;
    switch (meta.kind) {
      case 'table': {
        const cols = meta.columns ?? [];
        answers[key] = [0, 1].map((r) => Object.fromEntries(cols.map((c, j) => [c.key, `${marker}行${r}列${j}`])));
        for (const r of [0, 1]) for (let j = 0; j < cols.length; j++) expected.push(`${marker}行${r}列${j}`);
        break;
      }
      case 'enum':
        answers[key] = meta.options?.[0] ?? '';
        break;
      case 'yesno':
        answers[key] = '有';
        break;
      case 'date':
        answers[key] = '2027-01-12';
        expected.push('令和９年１月１２日'); // R-F-4: 和暦 on MHLW forms
        break;
      case 'requirement':
        answers[key] = { need: '要', value: marker };
        expected.push(marker);
        break;
      case 'yen':
        answers[key] = `${i + 1}1,111`;
        break;
      default:
        answers[key] = marker;
        expected.push(marker);
    }
  });
  return { answers: form.answers.parse(answers), expected };
}

describe('every form: every entered value appears in the PDF and the Word file', () => {
  const { bytes, metrics } = bundledFonts();
  for (const form of FORMS) {
    it(`${form.number} ${form.title}`, async () => {
      const { answers, expected } = filledAnswers(form);
      expect(expected.length).toBeGreaterThan(0);
      const model = { title: form.title, margins: FORM_MARGINS, sections: [form.build(facts, answers)] };
      const laid = layoutDocument(model, metrics);
      const pdf = await readPdf(await renderPdf(laid, bytes, { title: form.title }));
      expect(pdf.pages.every((p) => Math.abs(p.width - 595.28) < 0.1 && Math.abs(p.height - 841.89) < 0.1)).toBe(true);
      const pdfText = squash(pdf.pages.map((p) => p.bodyText).join(''));
      const wordText = squash(await docxText(await renderDocx(model)));
      for (const s of [...expected, form.number]) {
        expect(pdfText, `PDF: ${s}`).toContain(squash(s));
        expect(wordText, `Word: ${s}`).toContain(squash(s));
      }
    });
  }
});
