/**
 * 「この値に統一」 and its 元に戻す (issue 5): rewrites of typed prose in several 様式, prepared as
 * whole rows so the repository writes them in one transaction. An edit applies only while its field
 * still reads as `before`; otherwise nothing is written (never a silent overwrite of newer typing).
 */
import type { AnswerEdit } from '../../shared/rules/agreement';
import type { FormDefinition } from '../../shared/forms/definition';
import { normalizeAnswers } from '../../shared/forms/field';
import { FORMS } from '../../shared/forms/registry';
import type { SenshinDb } from './database';
import { DbError } from './errors';
import { formAnswersRowSchema, type FormAnswersRow } from './rows';
import { formVersion, readAnswers, unknownAnswers } from '../../shared/forms/versioning';
import { validate } from './write';

export type { AnswerEdit } from '../../shared/rules/agreement';

export const CHANGED_MESSAGE = '統一の前後で内容が変わったため、書き換えませんでした。チェック結果を確かめてから、もう一度お試しください。';

/** The 様式 the edits touch, each once; an edit of something that is not a 様式 is refused. */
export function formsOfEdits(edits: readonly AnswerEdit[]): FormDefinition[] {
  const out: FormDefinition[] = [];
  for (const e of edits) {
    const form = FORMS.find((f) => f.id === e.doc);
    if (!form) throw new DbError('invalid', `${e.doc}は様式ではないため、書き換えられません。`);
    if (!out.includes(form)) out.push(form);
  }
  return out;
}

/** The rows to write: each form's stored answers with its edited fields replaced. */
export function editedRows(projectId: string, stored: ReadonlyMap<string, Readonly<Record<string, unknown>>>, edits: readonly AnswerEdit[], at: string): FormAnswersRow[] {
  return formsOfEdits(edits).map((form) => {
    const answers: Record<string, unknown> = { ...(stored.get(form.id) ?? form.empty()) };
    for (const e of edits.filter((x) => x.doc === form.id)) {
      const now = answers[e.field];
      if ((typeof now === 'string' ? now : '') !== e.before) throw new DbError('conflict', CHANGED_MESSAGE, { docKey: `form:${projectId}:${form.id}` });
      answers[e.field] = e.after;
    }
    const parsed = validate(form.answers, normalizeAnswers(form.answers, answers), form.number);
    // Keys this version does not know stay in the row (issue 11: never dropped silently).
    return validate(formAnswersRowSchema, { projectId, formId: form.id, answers: { ...unknownAnswers(form, answers), ...parsed }, formVersion: formVersion(form), updatedAt: at }, form.number);
  });
}

/** Each form's stored answers over its blank ones, read raw: not noted as read (see applyAnswerEdits). */
export async function storedAnswers(db: SenshinDb, projectId: string, forms: readonly FormDefinition[]): Promise<Map<string, Readonly<Record<string, unknown>>>> {
  const stored = new Map<string, Readonly<Record<string, unknown>>>();
  for (const f of forms) {
    const raw: unknown = await db.formAnswers.get([projectId, f.id]);
    const r = formAnswersRowSchema.safeParse(raw);
    // Upgraded from the template version it was written with; a row this version cannot read is refused.
    const read = r.success ? readAnswers(f, r.data.answers, r.data.formVersion) : undefined;
    if (raw !== undefined && !read?.ok) throw new DbError('unreadable', `${f.number}の保存済みのデータを読み取れないため、書き換えずに止めました。`);
    stored.set(f.id, read?.ok ? { ...read.unknown, ...read.answers } : f.empty());
  }
  return stored;
}
