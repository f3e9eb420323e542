/**
 * Every 様式 the app can draft, in the order MHLW expects them in a package.
 * Adding a form: create its folder under shared/forms/ and list it here.
 */
import { yoshiki3 } from './besshi1/yoshiki3';
import { yoshiki5 } from './besshi1/yoshiki5';
import { yoshiki6 } from './besshi1/yoshiki6';
import { yoshiki71, yoshiki72 } from './besshi1/yoshiki7';
import { yoshiki9 } from './besshi1/yoshiki9';
import type { FormDefinition } from './definition';

export const FORMS: readonly FormDefinition[] = [yoshiki3, yoshiki5, yoshiki6, yoshiki71, yoshiki72, yoshiki9];

/** URL-safe key of a form id ('besshi1/yoshiki5' → 'besshi1-yoshiki5'). */
export function formKey(form: FormDefinition): string {
  return form.id.replace(/\//g, '-');
}

export function formByKey(key: string): FormDefinition | undefined {
  return FORMS.find((f) => formKey(f) === key);
}
