/**
 * Template versions of stored answers (issue 11 item 3). Every stored answer set carries the form
 * id and the version it was written with. Reading runs the form's migrations up to the current
 * version, then parses with the form's schema.
 *
 * Unknown fields are never dropped silently: keys the schema does not know (written by a newer
 * app, or left by an older version) are returned beside the parsed answers, so the repository
 * keeps them in the stored row and the editor reports them.
 */
import type { z } from 'zod';
import type { FormDefinition } from './definition';

export function formVersion(form: Pick<FormDefinition, 'version'>): number {
  return form.version ?? 1;
}

export type AnswersRead<S extends z.ZodObject> =
  | { readonly ok: true; readonly answers: z.output<S>; readonly unknown: Readonly<Record<string, unknown>>; readonly migratedFrom?: number }
  | { readonly ok: false; readonly reason: 'newer' | 'invalid' | 'no-migration' };

/** Stored answers of `version` → the answers of the form's current version, by its migrations. */
export function upgradeAnswers(form: FormDefinition, stored: Readonly<Record<string, unknown>>, version: number): Record<string, unknown> | undefined {
  let answers: Record<string, unknown> = { ...stored };
  for (let v = version; v < formVersion(form); v++) {
    const step = form.migrations?.find((m) => m.from === v);
    if (!step) return undefined;
    answers = step.up(answers);
  }
  return answers;
}

/** The keys of `answers` the form's schema does not have, with their values. */
export function unknownAnswers(form: FormDefinition, answers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const known = new Set(Object.keys(form.answers.shape));
  return Object.fromEntries(Object.entries(answers).filter(([k]) => !known.has(k)));
}

/** Stored answers (any earlier version) → current answers, plus the unknown keys kept aside. */
export function readAnswers<S extends z.ZodObject>(form: FormDefinition<S>, stored: Readonly<Record<string, unknown>>, version = 1): AnswersRead<S> {
  if (version > formVersion(form)) return { ok: false, reason: 'newer' };
  const upgraded = upgradeAnswers(form, stored, version);
  if (!upgraded) return { ok: false, reason: 'no-migration' };
  const r = form.answers.safeParse({ ...form.empty(), ...upgraded });
  if (!r.success) return { ok: false, reason: 'invalid' };
  const unknown = unknownAnswers(form, upgraded);
  return { ok: true, answers: r.data, unknown, ...(version < formVersion(form) ? { migratedFrom: version } : {}) };
}

/**
 * A stored answer row's answers at the form's current version (unknown keys left out), for the
 * check and the print; undefined when the row cannot be read (the editor shows why).
 */
export function currentAnswers(formId: string, row: { readonly answers: Readonly<Record<string, unknown>>; readonly formVersion: number }, forms: readonly FormDefinition[]): Record<string, unknown> | undefined {
  const form = forms.find((f) => f.id === formId);
  if (!form) return undefined;
  const read = readAnswers(form, row.answers, row.formVersion);
  return read.ok ? read.answers : undefined;
}
