/**
 * Required-item rules, generated from each 様式's schema metadata (field.ts `required`), never
 * written by hand: a field marked 'req' for the project's 区分 and left blank is an エラー; 'opt'
 * fields (「先進医療Aの場合は、必ずしも記載する必要はない」, spec §3.19) are not required for A. A blank
 * side of a checked pair whose other side is typed offers 「この値に統一」 to copy it (issue 15).
 */
import { fieldsOf, isBlank, siteFallbackValue, type Category } from '../../forms/field';
import { FORMS } from '../../forms/registry';
import { at, inPackage } from '../submission';
import { copyablePair } from './facts-pairs';
import type { Rule } from '../types';

export function requiredRules(): Rule[] {
  const out: Rule[] = [];
  for (const form of FORMS) {
    for (const f of fieldsOf(form.answers)) {
      const categories = (['A', 'B'] as const).filter((c: Category) => f.meta.required[c] === 'req');
      if (categories.length === 0) continue;
      out.push({
        id: 'R-REQ',
        title: `${form.number}「${f.meta.label}」の記載`,
        severity: 'error',
        applies: { categories },
        basis: f.meta.source ? `記載要領 ${f.meta.source.replace(/^S2 /, '')}` : `${form.number}の記載事項`,
        check(s) {
          if (!inPackage(s, form.id)) return [];
          const answers = s.forms.get(form.id) ?? {};
          if (!isBlank(answers[f.key])) return [];
          if (f.meta.replacedBy && !isBlank(answers[f.meta.replacedBy])) return [];
          // Printed from a registered site (e.g. the 受託側 on 実施医療機関): not 未記入.
          if (siteFallbackValue(f.meta, s.sites) !== '') return [];
          const typedInstead = fieldsOf(form.answers).some((g) => g.meta.replacedBy === f.key && !isBlank(answers[g.key]));
          if (typedInstead) return [];
          const message = `${at(form.id, f.key).label}が未記入です${s.category === 'B' && f.meta.required.A === 'opt' ? '（先進医療Bでは必須）' : ''}。`;
          // One side of a checked pair (docs/facts.md): the other form's answer is copied, not typed again.
          const pair = copyablePair(s, form.id, f.key);
          const typed = pair?.places[0];
          if (pair && typed) return [{ message: `${message}${typed.location.label}に同じ事実が記入されています（「この値に統一」で写せます）。`, locations: [at(form.id, f.key)], agreement: pair }];
          return [{ message, locations: [at(form.id, f.key)] }];
        },
      });
    }
  }
  return out;
}
