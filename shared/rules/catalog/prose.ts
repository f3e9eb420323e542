/**
 * The prose of the package's forms, read once per submission: every longtext answer (where a fact can
 * be restated) and the dates in each. Shared by the rules that read facts out of prose.
 */
import { fieldsOf } from '../../forms/field';
import { findDates } from '../extract';
import { formById, text, type Submission } from '../submission';

export interface ProseField {
  readonly doc: string;
  readonly field: string;
  readonly text: string;
}

const proseCache = new WeakMap<Submission, ProseField[]>();
const datesCache = new WeakMap<ProseField, ReturnType<typeof findDates>>();

/** Dates in one prose field, found once per submission however many rules ask. */
export function datesOf(p: ProseField): ReturnType<typeof findDates> {
  let d = datesCache.get(p);
  if (!d) {
    d = findDates(p.text);
    datesCache.set(p, d);
  }
  return d;
}

/** Every longtext answer of the package's forms: where prose can restate a fact (computed once per submission). */
export function proseFields(s: Submission): readonly ProseField[] {
  const cached = proseCache.get(s);
  if (cached) return cached;
  const out: ProseField[] = [];
  for (const doc of s.formIds) {
    const form = formById(doc);
    if (!form) continue;
    // Keys enumerated from the schema itself: string-keyed access cannot name a missing field here.
    for (const f of fieldsOf(form.answers)) if (f.meta.kind === 'longtext') out.push({ doc, field: f.key, text: text(s, doc, f.key) });
  }
  proseCache.set(s, out);
  return out;
}

/** Words that make a period or a count another study's: 「先行研究（研究期間：…）」「海外の試験の予定症例数」. */
export const OTHER_STUDY = /先行|過去|前回|既存|既報|海外|他施設|予備試験|パイロット/;

