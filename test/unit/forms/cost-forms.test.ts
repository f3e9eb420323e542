import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_MASTERS } from '../../../shared/model/master';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel, type CostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { documentText } from '../../../shared/document/model';
import { FORM_MARGINS, type FormDefinition, type SubmissionFacts } from '../../../shared/forms/definition';
import { PACKAGES } from '../../../shared/forms/packages';
import { FORMS } from '../../../shared/forms/registry';
import { yoshiki3 } from '../../../shared/forms/besshi1/yoshiki3';
import { yoshiki5 } from '../../../shared/forms/besshi1/yoshiki5';
import { yoshiki6 } from '../../../shared/forms/besshi1/yoshiki6';
import { yoshiki71, yoshiki72 } from '../../../shared/forms/besshi1/yoshiki7';

const filing = parseIsoDate('2026-12-01')!;
const model: CostModel = {
  ...emptyCostModel(),
  equipment: [{ id: 'e', name: '腹腔鏡システム', purchasePrice: 10_000_000, residualValue: 1_000_000, usefulLifeYears: 6, usesPerYear: 300, purchasedOn: '2024-04-01', equipmentId: '', usesPerCase: 1 }],
  staff: [{ id: 's', jobTitle: '医師', unitPrice: 12_000, per: 'hour', minutes: 60 }],
  materials: [{ id: 'm', name: 'インドシアニングリーン注', unitPrice: 1_884, quantity: 1, kind: 'drug' }],
};
const facts = (m: CostModel): SubmissionFacts => ({ masters: EMPTY_MASTERS, technologyName: '腹腔鏡下センチネルリンパ節生検', indication: '早期胃がん', category: 'B', cost: calculateCost(m, filing) });
const text = (form: FormDefinition, f: SubmissionFacts) => documentText({ title: 't', margins: FORM_MARGINS, sections: [form.build(f, form.empty())] });

describe('R-C-1 先進医療にかかる費用 is computed once and printed identically', () => {
  it('prints 18,884円 (5,000 + 12,000 + 1,884) on 様式第3号(11), 第5号, 第6号 and 第7-1号', () => {
    const f = facts(model);
    expect(f.cost.total).toBe(18_884);
    for (const form of [yoshiki3, yoshiki5, yoshiki6, yoshiki71]) expect(text(form, f), form.number).toContain('18,884円');
  });

  it('changes on all four forms when a cost input changes', () => {
    const f = facts({ ...model, staff: [{ ...model.staff[0]!, minutes: 90 }] });
    for (const form of [yoshiki3, yoshiki5, yoshiki6, yoshiki71]) {
      expect(text(form, f), form.number).toContain('24,884円');
      expect(text(form, f), form.number).not.toContain('18,884円');
    }
  });

  it('shows the depreciation arithmetic on 様式第7-2号', () => {
    const t = text(yoshiki72, facts(model));
    for (const s of ['腹腔鏡システム', '10,000,000', '1,000,000', '9,000,000', '6年', '1,500,000', '300回', '5,000']) expect(t, s).toContain(s);
  });
});

describe('form registry', () => {
  const formById = (id: string): FormDefinition | undefined => FORMS.find((f) => f.id === id);
  const formsDir = path.resolve(import.meta.dirname, '../../../shared/forms');
  /** '別紙1' + '様式第7-1号' → [1, 7, 1]; '様式第5号' → [.., 5, 0]. */
  const rank = (f: FormDefinition): number[] => {
    const m = /^様式第(\d+)(?:-(\d+))?号$/.exec(f.number);
    if (!m) throw new Error(`${f.id}: 「${f.number}」 is not 様式第n号 or 様式第n-m号`);
    return [Number(f.besshi.slice(2)), Number(m[1]), Number(m[2] ?? 0)];
  };
  const before = (a: number[], b: number[]): boolean => {
    const i = a.findIndex((x, k) => x !== b[k]);
    return i >= 0 && (a[i] ?? 0) < (b[i] ?? 0);
  };

  it('has unique ids, each spelled from its 別紙 and 様式 number, in 別紙 then 様式 number order', () => {
    expect(FORMS.length).toBeGreaterThan(0);
    expect(new Set(FORMS.map((f) => f.id)).size).toBe(FORMS.length);
    for (const f of FORMS) {
      const [besshi, main, sub] = rank(f);
      expect(f.id, f.number).toBe(`besshi${besshi}/yoshiki${main}${sub ? `-${sub}` : ''}`);
    }
    for (const [i, f] of FORMS.slice(1).entries()) expect(before(rank(FORMS[i]!), rank(f)), `${FORMS[i]!.id} before ${f.id}`).toBe(true);
  });

  it('lists every form folder under shared/forms/besshi*/', () => {
    const folders = readdirSync(formsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^besshi\d+$/.test(d.name))
      .flatMap((d) => readdirSync(path.join(formsDir, d.name), { withFileTypes: true }).filter((y) => y.isDirectory()).map((y) => `${d.name}/${y.name}`));
    expect(folders.length).toBeGreaterThan(0);
    expect([...new Set(FORMS.map((f) => f.id.replace(/-\d+$/, '')))].sort()).toEqual(folders.sort());
  });

  it('holds every form of every package, in the package order', () => {
    for (const p of PACKAGES) {
      for (const id of p.formIds) expect(formById(id), `${p.id}: ${id}`).toBeDefined();
      expect(FORMS.map((f) => f.id).filter((id) => p.formIds.includes(id)), p.id).toEqual([...p.formIds]);
    }
  });

  it('marks as 「推定様式」 every form but those seen in filled copies (spec form-layouts.md §1)', () => {
    const filled = ['besshi1/yoshiki3', 'besshi1/yoshiki5', 'besshi1/yoshiki9'];
    for (const id of filled) expect(formById(id), id).toBeDefined();
    for (const f of FORMS) expect(f.estimatedLayout, f.id).toBe(!filled.includes(f.id));
  });
});
