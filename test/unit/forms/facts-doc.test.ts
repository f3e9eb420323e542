/**
 * docs/facts.md holds (issue 15 item 1): each fact is either stored once — and then no form of a
 * package asks for it as a required input — or a checked pair whose rules exist; and every label two
 * forms of one package ask for is listed there. A fact asked twice fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fieldsOf, type FieldEntry } from '../../../shared/forms/field';
import { PACKAGES } from '../../../shared/forms/packages';
import { FORMS } from '../../../shared/forms/registry';
import { RULES } from '../../../shared/rules';

const doc = readFileSync(new URL('../../../docs/facts.md', import.meta.url), 'utf8');

interface Row {
  readonly fact: string;
  readonly askedAs: readonly string[];
  readonly keptSingle: string;
}

/** The rows of the 「## Facts」 table. */
function rows(): Row[] {
  const section = doc.split(/^## /m).find((s) => s.startsWith('Facts')) ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Fact'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
    .map((c) => ({ fact: c[0] ?? '', askedAs: labelsIn(c[3] ?? ''), keptSingle: c[4] ?? '' }));
}

const labelsIn = (s: string): string[] => Array.from(s.matchAll(/「([^」]+)」/g), (m) => m[1] ?? '');

/**
 * The fields a package's forms ask the user to type as a fact: not a pick from the マスタ, not a blank
 * that prints a stored fact, and not a 要・不要 row of 様式第9号 (a requirement, not this institution's fact).
 */
function typedInputs(pkg: (typeof PACKAGES)[number]): Array<FieldEntry & { readonly form: string }> {
  const category = pkg.id === 'new-a' ? 'A' : 'B';
  return FORMS.filter((f) => pkg.formIds.includes(f.id)).flatMap((f) =>
    fieldsOf(f.answers)
      .filter((e) => e.meta.required[category] === 'req' && e.meta.kind !== 'ref' && e.meta.kind !== 'refs' && e.meta.kind !== 'requirement' && !e.meta.siteFallback)
      .map((e) => ({ ...e, form: f.number })),
  );
}

const allLabels = new Set(FORMS.flatMap((f) => fieldsOf(f.answers).map((e) => e.meta.label)));

describe('docs/facts.md', () => {
  const table = rows();

  test('lists the facts, each kept single in one of the two ways', () => {
    expect(table.length).toBeGreaterThan(15);
    for (const r of table) expect(r.keptSingle, r.fact).toMatch(/^(one stored fact|checked pair)/);
  });

  test('a fact stored once is not a required input of any form of a package (it is not typed twice)', () => {
    const asked: string[] = [];
    for (const r of table.filter((x) => x.keptSingle.startsWith('one stored fact'))) {
      for (const pkg of PACKAGES) {
        for (const f of typedInputs(pkg)) if (r.askedAs.includes(f.meta.label)) asked.push(`${r.fact}: ${pkg.label} ${f.form}「${f.meta.label}」`);
      }
    }
    expect(asked).toEqual([]);
  });

  test('each checked pair names the rules that check it, and its labels are fields of the forms', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const r of table.filter((x) => x.keptSingle.startsWith('checked pair'))) {
      const named = Array.from(r.keptSingle.matchAll(/R-[A-Z]+-\d+/g), (m) => m[0]);
      expect(named.length, r.fact).toBeGreaterThan(0);
      expect(named.filter((id) => !ids.has(id)), r.fact).toEqual([]);
    }
    for (const fact of ['その他の措置（補償以外）', '当直体制（申請医療機関）', '既に実績のある症例数']) {
      const r = table.find((x) => x.fact === fact);
      expect(r?.askedAs.filter((l) => !allLabels.has(l)), fact).toEqual([]);
      expect(r?.askedAs.length, fact).toBeGreaterThanOrEqual(1);
    }
  });

  test('every label two forms of one package ask for is in docs/facts.md', () => {
    const missing = new Set<string>();
    for (const pkg of PACKAGES) {
      const count = new Map<string, number>();
      for (const f of FORMS.filter((x) => pkg.formIds.includes(x.id))) for (const e of fieldsOf(f.answers)) count.set(e.meta.label, (count.get(e.meta.label) ?? 0) + 1);
      for (const [label, n] of count) if (n > 1 && !doc.includes(`「${label}」`)) missing.add(label);
    }
    expect([...missing]).toEqual([]);
  });
});
