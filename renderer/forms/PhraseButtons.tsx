import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { fillPlaceholders, phraseField, phrasesFor, type Filled, type Phrase, type Placeholder } from '../../shared/model/phrase';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FieldMessages } from '../components/Field';
import { LineText } from '../components/LineText';

/** What the 定型文 buttons of an editor's long-text fields work with (issue 19 item 2). */
export interface PhraseTools {
  readonly formId: string;
  /** The office's 定型文 as stored now. */
  readonly list: () => Promise<readonly Phrase[]>;
  /** What fills each placeholder in this project. */
  readonly values: Readonly<Partial<Record<Placeholder, string>>>;
  /** Notes that the project used the 定型文 (its project file then carries it). */
  readonly used: (phrase: Phrase) => Promise<void>;
  /** Adds a 定型文 to the library. */
  readonly save: (phrase: Phrase) => Promise<void>;
}

type Open = { readonly kind: 'insert'; readonly phrases: readonly Phrase[]; readonly start: number; readonly end: number } | { readonly kind: 'save'; readonly text: string } | undefined;

/**
 * 「定型文を挿入」 and 「定型文として保存」 under a long-text field. The chosen 定型文 goes in at the caret
 * (replacing a selection) as if typed — the editor's undo, journal and autosave see it like any
 * input — with its placeholders filled from the project; a placeholder the project cannot fill yet
 * stays in the text, said so beside the field.
 */
export function PhraseButtons({ tools, fieldKey, label, textareaId }: { readonly tools: PhraseTools; readonly fieldKey: string; readonly label: string; readonly textareaId: string }) {
  const [open, setOpen] = useState<Open>();
  const [chosen, setChosen] = useState<string>();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [left, setLeft] = useState<readonly string[]>([]);
  const ref = phraseField(tools.formId, fieldKey);
  const nameId = useId();
  const opener = useRef<HTMLButtonElement | null>(null);
  /** Closes the dialog; without a field to go to, focus goes back to the button that opened it. */
  const close = () => {
    flushSync(() => setOpen(undefined));
    opener.current?.focus();
  };
  const area = (): HTMLTextAreaElement | undefined => {
    const el = document.getElementById(textareaId);
    return el instanceof HTMLTextAreaElement ? el : undefined;
  };

  const openInsert = async (button: HTMLButtonElement) => {
    opener.current = button;
    const el = area();
    setError(undefined);
    try {
      const phrases = await tools.list();
      setChosen(phrasesFor(phrases, ref).suited[0]?.id ?? phrases[0]?.id);
      setOpen({ kind: 'insert', phrases, start: el?.selectionStart ?? el?.value.length ?? 0, end: el?.selectionEnd ?? el?.value.length ?? 0 });
    } catch (e) {
      setError(e instanceof Error ? e.message : '定型文を読み込めませんでした。');
    }
  };
  const openSave = (button: HTMLButtonElement) => {
    opener.current = button;
    const el = area();
    if (!el) return;
    const selected = el.value.slice(el.selectionStart, el.selectionEnd);
    setName(label);
    setError(undefined);
    setOpen({ kind: 'save', text: selected.trim() !== '' ? selected : el.value });
  };

  const insert = () => {
    const el = area();
    if (open?.kind !== 'insert' || !el) return;
    const phrase = open.phrases.find((p) => p.id === chosen);
    if (!phrase) return;
    const filled: Filled = fillPlaceholders(phrase.text, tools.values);
    // The modal dialog closes first: while it is open the field cannot take focus or input.
    flushSync(() => setOpen(undefined));
    el.focus();
    el.setSelectionRange(open.start, open.end);
    // As if typed (the textarea's own undo keeps it too); set directly where insertText is not supported.
    if (!document.execCommand('insertText', false, filled.text)) {
      const next = el.value.slice(0, open.start) + filled.text + el.value.slice(open.end);
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, next);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    setLeft(filled.unfilled);
    tools.used(phrase).catch(() => setError(`「${phrase.name}」を使ったことを記録できませんでした。挿入した文章はそのままですが、案件ファイルにこの定型文は入りません。`));
  };
  const save = () => {
    if (open?.kind !== 'save') return;
    if (name.trim() === '') {
      setError('定型文の名前を入力してください。');
      return;
    }
    tools.save({ id: crypto.randomUUID(), name: name.trim(), text: open.text, fields: [ref], updatedAt: new Date().toISOString() }).then(
      close,
      (e: unknown) => setError(e instanceof Error ? e.message : '定型文を保存できませんでした。'),
    );
  };

  const list = open?.kind === 'insert' ? phrasesFor(open.phrases, ref) : undefined;
  const preview = open?.kind === 'insert' ? open.phrases.find((p) => p.id === chosen) : undefined;
  return (
    <div className="phrase-buttons">
      {/* Named by what they do; the field they work on is their description (Field's label), so the
          field alone carries its official wording as a name. */}
      <button type="button" className="btn btn-small" aria-describedby={`${textareaId}-label`} onClick={(e) => void openInsert(e.currentTarget)}>
        定型文を挿入
      </button>
      <button type="button" className="btn btn-small" aria-describedby={`${textareaId}-label`} onClick={(e) => openSave(e.currentTarget)}>
        定型文として保存
      </button>
      {left.length > 0 && <FieldMessages id={`${textareaId}-phrase`} messages={[{ ruleId: 'PHRASE', severity: 'warning', message: `この案件ではまだ入力されていないため、${left.join('・')} をそのまま残しました。入力したら書き直してください。` }]} />}
      {error && !open && (
        <p className="msg msg-error" role="alert">
          {error}
        </p>
      )}
      {open?.kind === 'insert' && list && (
        <ConfirmDialog open title={`${label}に定型文を挿入`} confirmLabel="挿入する" onConfirm={insert} onCancel={close}>
          {open.phrases.length === 0 ? (
            <p>定型文はまだありません。マスタの「定型文」で登録するか、記入欄の「定型文として保存」で登録します。</p>
          ) : (
            <fieldset className="phrase-pick">
              <legend>挿入する定型文</legend>
              {[...list.suited, ...list.others].map((p, i) => (
                <label key={p.id} className="check">
                  <input type="radio" name={`${textareaId}-phrase`} checked={chosen === p.id} onChange={() => setChosen(p.id)} /> {p.name || '（名前なし）'}
                  {i < list.suited.length && <span className="badge">この欄向け</span>}
                </label>
              ))}
            </fieldset>
          )}
          {preview && (
            <div className="phrase-preview" aria-label="挿入される文章">
              {fillPlaceholders(preview.text, tools.values).text}
            </div>
          )}
        </ConfirmDialog>
      )}
      {open?.kind === 'save' && (
        <ConfirmDialog open title={`${label}を定型文として保存`} confirmLabel="定型文に保存" onConfirm={save} onCancel={close}>
          <div className="field">
            <label className="field-label" htmlFor={nameId}>
              定型文の名前
            </label>
            <LineText id={nameId} value={name} aria-invalid={error ? true : undefined} onChange={(e) => setName(e.target.value)} />
            {error && <FieldMessages id={`${nameId}-msg`} messages={[{ ruleId: 'PHRASE', severity: 'error', message: error }]} />}
          </div>
          <div className="phrase-preview" aria-label="保存する文章">
            {open.text}
          </div>
        </ConfirmDialog>
      )}
    </div>
  );
}
