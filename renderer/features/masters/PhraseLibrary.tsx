import { useId, useRef, useState, type RefObject } from 'react';
import { useController, useFieldArray, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { z } from 'zod';
import { fieldsOf } from '../../../shared/forms/field';
import { FORMS } from '../../../shared/forms/registry';
import { PLACEHOLDERS, phraseField, phrasesSchema, type Phrase } from '../../../shared/model/phrase';
import { useApp } from '../../app/context';
import { useMasterListForm } from './use-master-list-form';
import { useLoad } from '../../app/use-load';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { LineText } from '../../components/LineText';
import { SaveStatus } from '../../components/SaveStatus';

/** Every long-text field of every 様式, as a 定型文 lists it and as the user reads it. */
export const LONG_TEXT_FIELDS: ReadonlyArray<{ readonly ref: string; readonly form: string; readonly label: string }> = FORMS.flatMap((form) =>
  fieldsOf(form.answers)
    .filter((e) => e.meta.kind === 'longtext')
    .map((e) => ({ ref: phraseField(form.id, e.key), form: `${form.besshi} ${form.number}`, label: e.meta.label })),
);

const fieldName = (ref: string): string => {
  const f = LONG_TEXT_FIELDS.find((x) => x.ref === ref);
  return f ? `${f.form}「${f.label}」` : ref;
};

const phrasesForm = z.object({ items: phrasesSchema });
type PhrasesForm = z.infer<typeof phrasesForm>;

/**
 * マスタ › 定型文 (issue 19 item 2): the office's standard paragraphs, each with the fields it suits.
 * Autosaved like every list (journaled, never mid-IME). Editing one here never changes text already
 * inserted into a form.
 */
export function PhraseLibrary() {
  const { repos } = useApp();
  const load = useLoad(() => repos.getMasterList('phrases'), []);
  if (load.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (load.status === 'error') return <p className="error-box" role="alert">{load.message}</p>;
  return <PhrasesEditor initial={load.value} />;
}

function PhrasesEditor({ initial }: { readonly initial: Phrase[] }) {
  const { form, autosave, formProps } = useMasterListForm('phrases', phrasesForm, initial);
  const rows = useFieldArray({ control: form.control, name: 'items', keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="phrases-h">
      <div className="editor-head">
        <h2 id="phrases-h">定型文</h2>
        <SaveStatus autosave={autosave} />
      </div>
      <p className="lead">
        医療安全対策・当直体制・個人情報の保護の方法・モニタリング体制・補償など、毎回同じように書く文章を登録します。様式の長い記入欄の「定型文を挿入」から入れられます。
        {PLACEHOLDERS.map((p) => `{${p}}`).join('・')} は、挿入するときにその案件の値に置き換わります。ここで直しても、すでに様式に入れた文章は変わりません。
      </p>
      <form className="form" {...formProps}>
        {rows.fields.length === 0 && <p className="muted">まだ定型文はありません。「定型文を追加」で登録するか、様式の記入欄の「定型文として保存」で登録します。</p>}
        <ol className="phrase-list" aria-label="定型文">
          {rows.fields.map((f, i) => (
            <li key={f.key} className="card">
              <PhraseRow index={i} control={form.control} register={form.register} onRemove={() => rows.remove(i)} focusAfter={addRef} />
            </li>
          ))}
        </ol>
        <button type="button" ref={addRef} className="btn" onClick={() => rows.append({ id: crypto.randomUUID(), name: '', text: '', fields: [], updatedAt: new Date().toISOString() })}>
          定型文を追加
        </button>
      </form>
    </section>
  );
}

function PhraseRow({ index, control, register, onRemove, focusAfter }: { readonly index: number; readonly control: Control<PhrasesForm>; readonly register: UseFormRegister<PhrasesForm>; readonly onRemove: () => void; readonly focusAfter: RefObject<HTMLButtonElement | null> }) {
  const id = useId();
  const name = useWatch({ control, name: `items.${index}.name` });
  const fields = useWatch({ control, name: `items.${index}.fields` });
  const { field: fieldsField } = useController({ control, name: `items.${index}.fields` });
  const title = name.trim() || `${index + 1}件目`;
  // Chosen first, then added with the button: arrow keys on a closed list change its value.
  const [pick, setPick] = useState('');
  return (
    <div className="phrase-row">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-name`}>
          定型文の名前
        </label>
        <LineText id={`${id}-name`} {...register(`items.${index}.name`)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-text`}>
          本文
        </label>
        <textarea id={`${id}-text`} className="input textarea" rows={5} {...register(`items.${index}.text`)} />
      </div>
      <div className="field" role="group" aria-labelledby={`${id}-fields`}>
        <span className="field-label" id={`${id}-fields`}>
          向いている記入欄（「{title}」）
        </span>
        <ul className="phrase-fields">
          {fields.map((ref) => (
            <li key={ref}>
              {fieldName(ref)}{' '}
              <button type="button" className="btn btn-small" aria-label={`${fieldName(ref)}を「${title}」の向いている記入欄から外す`} onClick={() => fieldsField.onChange(fields.filter((r) => r !== ref))}>
                外す
              </button>
            </li>
          ))}
        </ul>
        <span className="phrase-add">
          <select className="input input-auto" aria-label={`「${title}」に加える記入欄`} value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">（記入欄を選ぶ）</option>
            {FORMS.map((form) => (
              <optgroup key={form.id} label={`${form.besshi} ${form.number}`}>
                {LONG_TEXT_FIELDS.filter((f) => f.ref.startsWith(`${form.id}:`)).map((f) => (
                  <option key={f.ref} value={f.ref} disabled={fields.includes(f.ref)}>
                    {f.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>{' '}
          <button
            type="button"
            className="btn btn-small"
            disabled={pick === ''}
            onClick={() => {
              if (pick !== '' && !fields.includes(pick)) fieldsField.onChange([...fields, pick]);
              setPick('');
            }}
          >
            向いている記入欄に追加
          </button>
        </span>
      </div>
      <RemoveRowButton label={`定型文「${title}」を削除`} onRemove={onRemove} focusAfter={focusAfter} />
    </div>
  );
}
