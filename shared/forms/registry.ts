/**
 * Every 様式 the app can draft, in the order MHLW expects them in a package.
 * Adding a form: create its folder under shared/forms/ and list it here.
 */
import { yoshiki11, yoshiki12 } from './besshi1/yoshiki1';
import { yoshiki2 } from './besshi1/yoshiki2';
import { yoshiki3 } from './besshi1/yoshiki3';
import { yoshiki4 } from './besshi1/yoshiki4';
import { yoshiki5 } from './besshi1/yoshiki5';
import { yoshiki6 } from './besshi1/yoshiki6';
import { yoshiki71, yoshiki72 } from './besshi1/yoshiki7';
import { yoshiki81, yoshiki82 } from './besshi1/yoshiki8';
import { yoshiki9 } from './besshi1/yoshiki9';
import { besshi2Yoshiki8 } from './besshi2/yoshiki8';
import { besshi2Yoshiki9 } from './besshi2/yoshiki9';
import type { FormDefinition } from './definition';

export const FORMS: readonly FormDefinition[] = [
  yoshiki11,
  yoshiki12,
  yoshiki2,
  yoshiki3,
  yoshiki4,
  yoshiki5,
  yoshiki6,
  yoshiki71,
  yoshiki72,
  yoshiki81,
  yoshiki82,
  yoshiki9,
  besshi2Yoshiki8,
  besshi2Yoshiki9,
];

/** URL-safe key of a form id ('besshi1/yoshiki5' → 'besshi1-yoshiki5'). */
export function formKey(form: FormDefinition): string {
  return form.id.replace(/\//g, '-');
}

export function formByKey(key: string): FormDefinition | undefined {
  return FORMS.find((f) => formKey(f) === key);
}
