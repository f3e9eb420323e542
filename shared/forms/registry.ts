/**
 * Every 様式 the app can draft, in the order MHLW expects them in a package.
 * Adding a form: create its folder under shared/forms/ and list it here.
 */
import { yoshiki5 } from './besshi1/yoshiki5';
import type { FormDefinition } from './definition';

export const FORMS: readonly FormDefinition[] = [yoshiki5];

/** URL-safe key of a form id ('besshi1/yoshiki5' → 'besshi1-yoshiki5'). */
export function formKey(form: FormDefinition): string {
  return form.id.replace(/\//g, '-');
}

export function formByKey(key: string): FormDefinition | undefined {
  return FORMS.find((f) => formKey(f) === key);
}
