import { fieldsOf, missingRequired, type Category } from '../../shared/forms/field';
import type { FormDefinition } from '../../shared/forms/definition';

/**
 * 様式 whose content is made on another screen, not typed into the 様式 itself: the editor says
 * so and links there, and the lists show where it comes from instead of a 「必須 0/0」.
 */
const FILLED_FROM: Readonly<Record<string, { readonly screen: string; readonly route: string; readonly what: string }>> = {
  'besshi1/yoshiki7-1': { screen: '費用の計算', route: 'cost', what: '金額と内訳' },
  'besshi1/yoshiki7-2': { screen: '費用の計算', route: 'cost', what: '機器・人件費・材料の内訳' },
};

export interface FilledFrom {
  /** The screen's name, as in its heading and links (「費用の計算」). */
  readonly screen: string;
  readonly href: string;
  /** What of the 様式 comes from there (「金額と内訳」). */
  readonly what: string;
}

export function filledFrom(form: FormDefinition, projectId: string): FilledFrom | undefined {
  const f = FILLED_FROM[form.id];
  return f && { screen: f.screen, href: `/projects/${projectId}/${f.route}`, what: f.what };
}

/** Required items of the form for this 区分 and how many are filled (required 0: nothing to count). */
export function completeness(form: FormDefinition, answers: Readonly<Record<string, unknown>>, category: Category): { readonly required: number; readonly filled: number } {
  const required = fieldsOf(form.answers).filter((x) => x.meta.required[category] === 'req').length;
  return { required, filled: required - missingRequired(form.answers, answers, category).length };
}
