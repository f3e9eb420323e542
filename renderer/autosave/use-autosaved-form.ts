import { startTransition, useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { UndoStack } from './undo-stack';
import { liveValue, type LiveValue } from '../app/live-value';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { Journal } from '../db/journal';
import { DbError } from '../db/repositories';
import { isDraftRow, noteAddedRows, saveKeepingDrafts, withoutDraftRows, type RowTemplates } from './draft-rows';
import { useAutosave, useImeGuard, type Autosave } from './use-autosave';

export interface EditorHistory {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undo: () => void;
  readonly redo: () => void;
}

export interface AutosavedForm<V extends FieldValues> {
  readonly form: UseFormReturn<V>;
  /** Values as of the last committed edit (never mid-IME-composition): checks and previews use these. */
  readonly committed: V;
  /**
   * The same committed values, as they change: set in the keystroke's own task, before the
   * transition renders `committed` (issue 17: the preview's layout follows this).
   */
  readonly live: LiveValue<V>;
  /**
   * `drafts`: rows just added and not typed into yet, left out of the last save because their blank
   * cells would make it fail (draft-rows.ts); they stay on screen. 0 when every row was saved.
   */
  readonly autosave: Autosave<V> & { readonly history: EditorHistory; readonly drafts: number };
  /**
   * Whether a row of the list at `list` ('equipment') is a draft — just added, not typed into: an
   * editor shows no error on its blank cells (they are not saved, and nothing is wrong yet).
   */
  readonly isDraftRow: (list: string, row: unknown) => boolean;
  /** The values without their draft rows: what a save stores (e.g. to compute totals while a row is empty). */
  readonly withoutDrafts: (values: V) => V;
  /** Spread on the <form>: no native validation, flush on blur, IME composition tracking. */
  readonly formProps: {
    readonly noValidate: true;
    readonly onSubmit: (e: FormEvent) => void;
    readonly onBlur: () => void;
    readonly onCompositionStart: () => void;
    readonly onCompositionEnd: () => void;
    readonly onKeyDown: (e: KeyboardEvent) => void;
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
  const { journal } = options;
  // Rows as they were added (issue 15 item 4): while unchanged they are drafts, not a failed save.
  const [templates] = useState<RowTemplates>(() => new Map());
  const [drafts, setDrafts] = useState(0);
  const given = options.save;
  const save = useCallback(
    async (values: V, editedAt: string): Promise<void> => {
      // Only input the save refuses is retried, without the rows just added (if there are any).
      setDrafts(await saveKeepingDrafts((v) => given(v, editedAt), values, templates, (e) => e instanceof DbError && e.code === 'invalid'));
    },
    [given, templates],
  );
  const [replayed] = useState(() => journal.readNewerThan(options.savedAt));
  const [initial] = useState<V>(() => replayed ?? options.stored);
  // react-hook-form types defaults as a deep partial; full values are a valid default.
  const form = useForm<V>({ defaultValues: initial as DefaultValues<V> });
  const { getValues, watch } = form;
  const [committed, setCommitted] = useState<V>(initial);
  const [live] = useState(() => liveValue<V>(initial));
  const autosave = useAutosave(save, journal);
  const { schedule, flush } = autosave; // stable functions; `autosave` itself is new each render

  // Runs once: save again what a previous window journaled but never stored.
  useEffect(() => {
    if (replayed) schedule(replayed);
  }, [replayed, schedule]);

  // Undo/redo (DATA-17): committed values, grouped per pause in typing.
  const [undoStack] = useState(() => new UndoStack<V>(structuredClone(initial)));
  const [undoState, setUndoState] = useState({ canUndo: false, canRedo: false });
  const applying = useRef(false);
  // Set only when it changes: a keystroke must not render the editor again for nothing (issue 17).
  const undoShown = useRef(undoState);
  const syncUndo = useCallback(() => {
    const { canUndo, canRedo } = undoStack;
    if (undoShown.current.canUndo === canUndo && undoShown.current.canRedo === canRedo) return;
    undoShown.current = { canUndo, canRedo };
    setUndoState(undoShown.current);
  }, [undoStack]);

  const commit = useCallback(() => {
    if (applying.current) return;
    const v = structuredClone(getValues());
    // A change notification without a change (e.g. after an undo was applied) is not a new step.
    if (JSON.stringify(v) === JSON.stringify(undoStack.current)) return;
    noteAddedRows(undoStack.current, v, templates);
    // Typing never waits for what follows the values (issue 17): the field shows the key at once;
    // the screen's previews, totals and messages render in a transition React interrupts for the
    // next key and finishes with the newest values. The journal and the save are scheduled now.
    startTransition(() => setCommitted(v));
    live.set(v);
    schedule(v);
    undoStack.push(v, Date.now());
    syncUndo();
  }, [getValues, schedule, undoStack, syncUndo, templates, live]);

  const apply = useCallback(
    (v: V | undefined) => {
      if (v === undefined) return;
      applying.current = true;
      try {
        form.reset(structuredClone(v), { keepDefaultValues: true });
      } finally {
        applying.current = false;
      }
      setCommitted(v);
      live.set(v);
      schedule(v);
      syncUndo();
    },
    [form, schedule, syncUndo, live],
  );
  const undo = useCallback(() => apply(undoStack.undo()), [apply, undoStack]);
  const redo = useCallback(() => apply(undoStack.redo()), [apply, undoStack]);
  const ime = useImeGuard(commit);
  useEffect(() => {
    const sub = watch(() => {
      if (!ime.composing.current) commit();
    });
    return () => sub.unsubscribe();
  }, [watch, commit, ime.composing]);

  // Stable across renders, so a page's useMemo over them recomputes only when the values change.
  const isDraft = useCallback((list: string, row: unknown) => isDraftRow(templates, list, row), [templates]);
  const withoutDrafts = useCallback((values: V) => withoutDraftRows(values, templates).value, [templates]);

  return {
    form,
    committed,
    live,
    autosave: { ...autosave, history: { ...undoState, undo, redo }, drafts },
    isDraftRow: isDraft,
    withoutDrafts,
    formProps: {
      noValidate: true,
      onSubmit: (e) => e.preventDefault(),
      // While a conflict waits for the user's choice, leaving a field must not retry the refused save
      // (it would fail again and make the choice buttons flicker away under the pointer).
      onBlur: () => {
        if (!autosave.conflict) void flush();
      },
      ...ime.handlers,
      // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ on a Mac) undo and redo the editor, never mid-IME.
      onKeyDown: (e) => {
        if (!(e.ctrlKey || e.metaKey) || e.altKey || ime.composing.current || e.nativeEvent.isComposing) return;
        const key = e.key.toLowerCase();
        if (key === 'z' && !e.shiftKey) {
          e.preventDefault();
          undo();
        } else if ((key === 'z' && e.shiftKey) || key === 'y') {
          e.preventDefault();
          redo();
        }
      },
    },
  };
}
