import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { Journal } from '../db/journal';
import { useAutosave, useImeGuard, type Autosave } from './use-autosave';

export interface AutosavedForm<V extends FieldValues> {
  readonly form: UseFormReturn<V>;
  /** Values as of the last committed edit (never mid-IME-composition): checks and previews use these. */
  readonly committed: V;
  readonly autosave: Autosave<V>;
  /** Spread on the <form>: no native validation, flush on blur, IME composition tracking. */
  readonly formProps: {
    readonly noValidate: true;
    readonly onSubmit: (e: FormEvent) => void;
    readonly onBlur: () => void;
    readonly onCompositionStart: () => void;
    readonly onCompositionEnd: () => void;
  };
}

/**
 * One editor's data safety in one place (DATA-11): values are journaled synchronously on every
 * committed edit, saved after the debounce and at once on blur/hide/unload; edits a previous
 * window never saved (journal newer than the stored row) are replayed and saved again; nothing is
 * validated or saved while a Japanese IME composition is in progress.
 */
export function useAutosavedForm<V extends FieldValues>(options: {
  readonly stored: V;
  /** When the stored row was saved: a journal entry older than this is stale and ignored. */
  readonly savedAt: string | undefined;
  readonly journal: Journal<V>;
  /** `editedAt`: when the values were typed; stamp the stored row with it (see AutosaveController). */
  readonly save: (values: V, editedAt: string) => Promise<void>;
}): AutosavedForm<V> {
  const { journal, save } = options;
  const [replayed] = useState(() => journal.readNewerThan(options.savedAt));
  const [initial] = useState<V>(() => replayed ?? options.stored);
  // react-hook-form types defaults as a deep partial; full values are a valid default.
  const form = useForm<V>({ defaultValues: initial as DefaultValues<V> });
  const { getValues, watch } = form;
  const [committed, setCommitted] = useState<V>(initial);
  const autosave = useAutosave(save, journal);
  const { schedule, flush } = autosave; // stable functions; `autosave` itself is new each render

  // Runs once: save again what a previous window journaled but never stored.
  useEffect(() => {
    if (replayed) schedule(replayed);
  }, [replayed, schedule]);

  const commit = useCallback(() => {
    const v = structuredClone(getValues());
    setCommitted(v);
    schedule(v);
  }, [getValues, schedule]);
  const ime = useImeGuard(commit);
  useEffect(() => {
    const sub = watch(() => {
      if (!ime.composing.current) commit();
    });
    return () => sub.unsubscribe();
  }, [watch, commit, ime.composing]);

  return {
    form,
    committed,
    autosave,
    formProps: {
      noValidate: true,
      onSubmit: (e) => e.preventDefault(),
      onBlur: () => void flush(),
      ...ime.handlers,
    },
  };
}
