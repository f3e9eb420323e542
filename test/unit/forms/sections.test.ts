import { describe, expect, it } from 'vitest';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { FORM_MARGINS, type FormDefinition, type SubmissionFacts } from '../../../shared/forms/definition';
import { fieldsOf } from '../../../shared/forms/field';
import { FORMS } from '../../../shared/forms/registry';
import { fieldsBySection, pageWhereTextPrints, printedTextOf, sectionsOf } from '../../../shared/forms/sections';
import { EMPTY_MASTERS } from '../../../shared/model/master';
import { bundledFonts } from '../../helpers/fonts';

/**
 * Issue 15 item 2: every form shows its sections (numbers and headings as printed) with a jump
 * list. Every field belongs to a section, sections follow the order of the fields, and each
 * section prints where the preview can find it.
 */
describe('form sections (issue 15: room and structure)', () => {
  for (const form of FORMS) {
    const keys = fieldsOf(form.answers).map((f) => f.key);
    const sections = sectionsOf(form.id);

    it(`${form.number}: every field falls in a section, and the sections follow the order of the fields`, () => {
      expect(sections.length).toBeGreaterThan(0);
      // Each section starts at a field of the form …
      for (const s of sections) expect(keys, `${form.number} ${s.number}${s.title}`).toContain(s.firstFieldKey);
      // … the first at the first field (nothing before the first heading) …
      expect(sections[0]?.firstFieldKey).toBe(keys[0]);
      // … in field order; a sub-item (７－２ ①) may start at the same field as its section.
      const at = sections.map((s) => keys.indexOf(s.firstFieldKey));
      at.forEach((i, n) => {
        if (n === 0) return;
        const prev = at[n - 1] ?? -1;
        if (sections[n]?.sub && !sections[n - 1]?.sub) expect(i).toBeGreaterThanOrEqual(prev);
        else expect(i, `${form.number} ${sections[n]?.title}`).toBeGreaterThan(prev);
      });
      // Grouped for the editor: every field exactly once, in order, each under a section.
      const groups = fieldsBySection(sections, keys);
      expect(groups.flatMap((g) => g.keys)).toEqual(keys);
      expect(groups.every((g) => g.section !== undefined)).toBe(true);
    });
  }

  it('様式第3号 shows the numbers its fields do not carry: 「３．」 and ７－２ ④⑤', () => {
    const sections = sectionsOf('besshi1/yoshiki3');
    const efficacy = sections.find((s) => s.firstFieldKey === 'efficacy');
    expect(efficacy && `${efficacy.number}${efficacy.title}`).toBe('３．期待される適応症、効能及び効果');
    expect(sections.find((s) => s.firstFieldKey === 'rationale')?.number).toBe('④');
    expect(sections.find((s) => s.firstFieldKey === 'statistics')?.number).toBe('⑤');
    expect(sectionsOf('besshi1/yoshiki9').map((s) => s.number)).toEqual(['Ⅰ．', 'Ⅱ．', 'Ⅲ．']);
  });

  describe('each section prints where the preview looks for it (a filled form)', () => {
    const { metrics } = bundledFonts();
    const facts: SubmissionFacts = {
      masters: EMPTY_MASTERS,
      technologyName: '技術',
      indication: '適応症',
      category: 'B',
      cost: calculateCost(emptyCostModel(), parseIsoDate('2026-12-01')!),
    };
    const filled = (form: FormDefinition): Record<string, unknown> => {
      const a: Record<string, unknown> = { ...form.empty() };
      for (const { key, meta } of fieldsOf(form.answers)) {
        if (meta.kind === 'table') a[key] = [Object.fromEntries((meta.columns ?? []).map((c) => [c.key, '記入']))];
        else if (meta.kind === 'requirement') a[key] = { need: '要', value: '1' };
        else if (meta.kind === 'yesno') a[key] = '有';
        else if (meta.kind === 'check') a[key] = true;
        else if (meta.kind === 'enum') a[key] = meta.options?.[0] ?? '';
        else if (meta.kind === 'date') a[key] = '2027-01-12';
        else if (meta.kind === 'yen') a[key] = '1000';
        else if (meta.kind !== 'ref' && meta.kind !== 'refs') a[key] = '記入'.repeat(200);
      }
      return form.answers.parse(a);
    };
    for (const form of FORMS) {
      it(`${form.number}`, () => {
        const model = { title: form.number, margins: FORM_MARGINS, sections: [form.build(facts, filled(form))] };
        const doc = layoutDocument(model, metrics);
        const pages = sectionsOf(form.id).map((s) => pageWhereTextPrints(doc, printedTextOf(s)));
        expect(pages.every((p) => p !== undefined), JSON.stringify(pages)).toBe(true);
        // The pages never go back: the preview moves forward as the sections do.
        expect([...pages].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(pages);
      });
    }
  });
});
