import { describe, expect, it } from 'vitest';
import { EMPTY_MASTERS, PRODUCT_KINDS, emptyCommittee, emptyMember, emptyProduct, type Masters } from '../../../shared/model/master';
import { emptyPerson } from '../../../shared/model/person';
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

/** One record per master list (and per product kind), each value unique, to be picked by ref fields. */
const masters: Masters = {
  ...EMPTY_MASTERS,
  people: [{ ...emptyPerson('p1'), name: '名簿の人マーカー', qualification: '資格マーカー' }],
  committees: [{ ...emptyCommittee('c1'), name: '委員会マーカー', members: [{ ...emptyMember('m1'), name: '委員氏名マーカー', position: '委員所属マーカー' }] }],
  products: PRODUCT_KINDS.map((kind, i) => ({ ...emptyProduct(`pr${i}`, kind), name: `品目${i}マーカー`, approvalNumber: `30200BZX0028900${i}`, approvedIndication: `適応${i}マーカー`, labelUse: '適応内' as const })),
};
const printedOf: Readonly<Record<string, (id: string) => string[]>> = {
  people: (id) => masters.people.filter((p) => p.id === id).flatMap((p) => [p.name, p.qualification]),
  committees: (id) => masters.committees.filter((c) => c.id === id).flatMap((c) => [c.name, ...c.members.flatMap((m) => [m.name, m.position])]),
  products: (id) => masters.products.filter((p) => p.id === id).flatMap((p) => [p.name, p.approvalNumber, p.approvedIndication]),
};

const facts: SubmissionFacts = {
  masters,
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
      case 'check':
        answers[key] = true;
        break;
      case 'ref':
      case 'refs': {
        const list = meta.master?.list ?? 'people';
        const ids = (list === 'committees' ? masters.committees : list === 'products' ? masters.products.filter((p) => meta.master?.kinds?.includes(p.kind) ?? true) : masters.people).map((x) => x.id);
        answers[key] = meta.kind === 'ref' ? ids[0] : ids;
        for (const id of meta.kind === 'ref' ? ids.slice(0, 1) : ids) expected.push(...(printedOf[list]?.(id) ?? []));
        break;
      }
      default:
        answers[key] = marker;
        expected.push(marker);
    }
  });
  // A field replaced in print by another filled field (様式第2号's typed members once a committee is picked).
  const hidden = fieldsOf(form.answers).flatMap((f, i) => (f.meta.replacedBy !== undefined && answers[f.meta.replacedBy] !== '' ? [`記入${form.number}の${i}番行`] : []));
  return { answers: form.answers.parse(answers), expected: expected.filter((e) => !hidden.some((h) => e.startsWith(h))) };
}

describe('every form: every entered value appears in the PDF and the Word file, on A4 pages (R-F-1)', () => {
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

describe('様式第2号 and the 倫理審査委員会 master (R-ETH)', () => {
  const yoshiki2 = FORMS.find((f) => f.id === 'besshi1/yoshiki2')!;
  const typed = [{ name: '手書きの委員', position: '所属', category: '', external: '', sex: '' }];
  const text = (answers: Record<string, unknown>) => {
    const laid = layoutDocument({ title: 't', margins: FORM_MARGINS, sections: [yoshiki2.build(facts, yoshiki2.answers.parse({ ...yoshiki2.empty(), ...answers }))] }, bundledFonts().metrics);
    return laid.pages.flatMap((p) => p.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []))).join('');
  };
  it('prints the picked committee with its members from the master, not the typed table', () => {
    const t = text({ committeeId: 'c1', committee: typed });
    expect(t).toContain('委員会マーカー');
    expect(t).toContain('委員氏名マーカー');
    expect(t).not.toContain('手書きの委員');
  });
  it('prints the typed members when no committee is picked (drafts made before the master)', () => {
    const t = text({ committee: typed });
    expect(t).toContain('手書きの委員');
    expect(t).not.toContain('委員氏名マーカー');
  });
});
