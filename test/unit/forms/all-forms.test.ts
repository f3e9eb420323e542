import { describe, expect, it } from 'vitest';
import { EMPTY_MASTERS, PRODUCT_KINDS, emptyCommittee, emptyMember, emptyProduct, type Masters } from '../../../shared/model/master';
import { emptyPerson } from '../../../shared/model/person';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { FORM_MARGINS, type FormDefinition, type SubmissionFacts } from '../../../shared/forms/definition';
import { fieldsOf, type FieldEntry } from '../../../shared/forms/field';
import { FORMS } from '../../../shared/forms/registry';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { formatYenWithUnit } from '../../../shared/money/yen';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { docxText } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { circledTexts, drawnText, tickedBoxes } from '../../helpers/marks';
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

/**
 * How a choice prints where the form words it rather than printing the option itself (様式第6号:
 * 「※健康保険被保険者本人として計算」). Any other enum prints its option as chosen.
 */
const ENUM_WORDING: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'besshi1/yoshiki6.insuredBasis': { 健康保険被保険者本人: '※健康保険被保険者本人として計算', その他: '※健康保険被保険者本人以外として計算' },
};
const enumPrint = (form: FormDefinition, key: string, option: string): string => ENUM_WORDING[`${form.id}.${key}`]?.[option] ?? option;

/** Full-width digits, as people type amounts on a Japanese keyboard. */
const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

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
      case 'enum': {
        // The last option: a form that printed its default whatever was chosen would not show it.
        const option = meta.options?.at(-1) ?? '';
        answers[key] = option;
        expected.push(enumPrint(form, key, option));
        break;
      }
      case 'yesno':
        answers[key] = '有';
        expected.push('有・無'); // which one is circled: see 'every choice prints as chosen'
        break;
      case 'date':
        answers[key] = '2027-01-12';
        expected.push('令和９年１月１２日'); // R-F-4: 和暦 on MHLW forms
        break;
      case 'requirement': {
        // Short, so that the circled 「要（…）」 stays on one line of the value column.
        const value = `Ｒ${i}値`;
        answers[key] = { need: '要', value };
        expected.push(value);
        break;
      }
      case 'yen': {
        // Typed as people type it (「１２３４５６７円」), printed as 「1,234,567円」.
        const amount = (i + 1) * 1_000_000 + 234_567;
        answers[key] = `${fullWidth(String(amount))}円`;
        expected.push(formatYenWithUnit(amount));
        break;
      }
      case 'check':
        answers[key] = true;
        expected.push('□'); // ticked: see 'every choice prints as chosen'
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

describe('every form: every entered value appears in the PDF and the Word file, on A4 pages (R-F-1), nothing under 9 pt', () => {
  const { bytes, metrics } = bundledFonts();
  for (const form of FORMS) {
    it(`${form.number} ${form.title}`, async () => {
      const { answers, expected } = filledAnswers(form);
      expect(expected.length).toBeGreaterThan(0);
      const model = { title: form.title, margins: FORM_MARGINS, sections: [form.build(facts, answers)] };
      const laid = layoutDocument(model, metrics);
      const pdf = await readPdf(await renderPdf(laid, bytes, { title: form.title }));
      expect(pdf.pages.every((p) => Math.abs(p.width - 595.28) < 0.1 && Math.abs(p.height - 841.89) < 0.1)).toBe(true);
      // No text under 9 pt anywhere on the form (tables included: 様式第3号's product tables were 8.5 pt).
      expect(Math.min(...pdf.pages.flatMap((p) => p.fontSizes))).toBeGreaterThanOrEqual(8.99);
      const pdfText = squash(pdf.pages.map((p) => p.bodyText).join(''));
      const wordText = squash(await docxText(await renderDocx(model)));
      for (const s of [...expected, form.number]) {
        expect(pdfText, `PDF: ${s}`).toContain(squash(s));
        expect(wordText, `Word: ${s}`).toContain(squash(s));
      }
    });
  }
});

describe('every choice prints as chosen: 有・無 and 要・不要 circled, □ ticked, the option worded', () => {
  const { metrics } = bundledFonts();
  const CHOICES = new Set(['enum', 'yesno', 'check', 'requirement']);
  const count = (xs: readonly string[], x: string): number => xs.filter((y) => y === x).length;

  for (const form of FORMS) {
    const choices: FieldEntry[] = fieldsOf(form.answers).filter((f) => CHOICES.has(f.meta.kind));
    if (choices.length === 0) continue;
    it(`${form.number} ${form.title}: ${choices.map((c) => c.meta.kind).join(', ')}`, () => {
      const { answers } = filledAnswers(form);
      /** The form printed with every field filled, `over` changing some. */
      const printed = (over: Record<string, unknown> = {}) => {
        const laid = layoutDocument({ title: form.title, margins: FORM_MARGINS, sections: [form.build(facts, form.answers.parse({ ...answers, ...over }))] }, metrics);
        return { text: drawnText(laid), circled: circledTexts(laid, metrics), ticked: tickedBoxes(laid, metrics) };
      };
      const base = printed();
      for (const { key, meta } of choices) {
        const at = `${form.number} ${key}`;
        switch (meta.kind) {
          case 'yesno': {
            // All filled 「有」: each is circled. This one 「無」: one 有 fewer, one 無 circled; blank: neither.
            expect(count(base.circled, '有'), at).toBeGreaterThanOrEqual(choices.filter((c) => c.meta.kind === 'yesno').length);
            const no = printed({ [key]: '無' });
            expect([count(no.circled, '有'), count(no.circled, '無')], `${at} = 無`).toEqual([count(base.circled, '有') - 1, count(base.circled, '無') + 1]);
            const blank = printed({ [key]: '' });
            expect([count(blank.circled, '有'), count(blank.circled, '無')], `${at} blank`).toEqual([count(base.circled, '有') - 1, count(base.circled, '無')]);
            break;
          }
          case 'requirement': {
            const v = answers[key] as { need: string; value: string };
            const no = meta.requirement?.no ?? '不要';
            const inside = meta.requirement?.yes.includes('{v}') ?? false;
            // 「要」: the 要 alternative is circled (with the value inside it when the form writes it there).
            if (inside) expect(base.circled.join(''), at).toContain(v.value);
            const unneeded = printed({ [key]: { ...v, need: '不要' } });
            expect(count(unneeded.circled, no), `${at} = 不要`).toBe(count(base.circled, no) + 1);
            expect(unneeded.circled.length, `${at} = 不要`).toBe(base.circled.length);
            if (inside) expect(unneeded.circled.join(''), `${at} = 不要`).not.toContain(v.value);
            const blank = printed({ [key]: { ...v, need: '' } });
            expect(blank.circled.length, `${at} blank`).toBe(base.circled.length - 1);
            expect(count(blank.circled, no), `${at} blank`).toBe(count(base.circled, no));
            break;
          }
          case 'check': {
            expect(base.ticked, at).toBeGreaterThanOrEqual(1);
            const unticked = printed({ [key]: false });
            expect(unticked.ticked, `${at} unticked`).toBe(base.ticked - 1);
            expect(unticked.text, `${at} unticked: the box still prints`).toContain('□');
            break;
          }
          case 'enum': {
            const options = meta.options ?? [];
            expect(options.length, at).toBeGreaterThan(1);
            const texts = options.map((o) => squash(printed({ [key]: o }).text));
            // Each option prints its wording, and the sheets differ: the choice is not ignored.
            options.forEach((o, k) => expect(texts[k], `${at} = ${o}`).toContain(squash(enumPrint(form, key, o))));
            expect(new Set(texts).size, `${at}: one print per option`).toBe(options.length);
            // A worded choice prints only its own sentence, not the other option's.
            options.forEach((o, k) => {
              for (const other of options) if (other !== o && ENUM_WORDING[`${form.id}.${key}`]) expect(texts[k], `${at} = ${o}`).not.toContain(squash(enumPrint(form, key, other)));
            });
            break;
          }
        }
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
