/**
 * 「この値に統一」: the edits that make every typed place of an agreement state the chosen value.
 * Only the characters of each extracted span change; the prose around them stays as typed. Values
 * computed by the model (the 積算 total) are not edited here — they change where they are computed,
 * and are returned as `blocked` so the UI can say so.
 */
import { toFullWidthDigits } from '../dates/wareki';
import { formatYenLike, replaceSpans } from './extract';
import type { Agreement, AgreementPlace } from './types';

export interface AnswerEdit {
  readonly doc: string;
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

export interface UnifyPlan {
  readonly edits: readonly AnswerEdit[];
  /** Places with another value that only the model can change. */
  readonly blocked: readonly AgreementPlace[];
  /** Places whose text changed since the check ran (nothing is written for them). */
  readonly stale: readonly AgreementPlace[];
}

function formatted(agreement: Agreement, typed: string, value: string): string {
  if (agreement.format === 'yen') return formatYenLike(typed, Number(value));
  // 「２０例」 stays full-width when its digits are rewritten.
  if (agreement.format === 'count') return /[０-９]/.test(typed) ? toFullWidthDigits(value) : value;
  return value;
}

/**
 * `current(doc, field)` reads the text as stored now, so a stale finding never overwrites newer typing.
 * A blank chosen place writes nothing.
 */
export function planUnify(agreement: Agreement, chosen: AgreementPlace, current: (doc: string, field: string) => string): UnifyPlan {
  // A place left blank (a checked pair's side not typed yet) is never the value: it would erase the other.
  if (chosen.value.trim() === '') return { edits: [], blocked: [], stale: [] };
  const blocked: AgreementPlace[] = [];
  const stale: AgreementPlace[] = [];
  const byField = new Map<string, { doc: string; field: string; spans: Array<{ start: number; end: number; text: string }> }>();
  for (const p of agreement.places) {
    if (p.value === chosen.value) continue;
    if (!p.span) {
      blocked.push(p);
      continue;
    }
    const { doc, field, start, end } = p.span;
    if (current(doc, field).slice(start, end) !== p.span.text) {
      stale.push(p);
      continue;
    }
    const k = `${doc}\u0000${field}`;
    const entry = byField.get(k) ?? { doc, field, spans: [] };
    entry.spans.push({ start, end, text: formatted(agreement, p.span.text, chosen.value) });
    byField.set(k, entry);
  }
  const edits = [...byField.values()].map((e) => {
    const before = current(e.doc, e.field);
    return { doc: e.doc, field: e.field, before, after: replaceSpans(before, e.spans) };
  });
  return { edits, blocked, stale };
}
