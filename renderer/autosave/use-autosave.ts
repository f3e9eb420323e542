import { useCallback, useEffect, useRef, useState } from 'react';
import { DbError } from '../db/repositories';
import { useApp } from '../app/context';
import { journalIdle } from '../db/journal';
import { DISK_FULL_MESSAGE, STORAGE_UNAVAILABLE_MESSAGE, diskFullSeen, saveFailureKind } from '../db/errors';
import { journalRetry } from '../db/journal';
import { onReconnected } from '../db/open';
import { AutosaveController, type SaveState } from './controller';

export interface Autosave<T> {
  readonly state: SaveState;
  readonly error: string | undefined;
  readonly schedule: (value: T) => void;
  readonly flush: () => Promise<void>;
  /** Set when another window saved this document first (DATA-10): the user chooses what wins. */
  readonly conflict: { readonly overwrite: () => void; readonly loadLatest: () => void } | undefined;
}

/** Every mounted editor's controller, so the app can save everything before it quits (DATA-11). */
const active = new Set<{ flush(): Promise<void>; retryNow(): void; readonly hasPending: boolean; readonly currentState: SaveState }>();

export async function flushAllAutosaves(): Promise<void> {
  await Promise.all([...active].map((c) => c.flush()));
}

/**
 * Saves every editor, then tells whether all of them are saved. False when one still holds input
 * it could not save (a conflict with another window, invalid input): an action that rewrites stored
 * documents (「この値に統一」) must then wait, or that input would later be saved over the rewrite.
 */
export async function flushAllAndSettled(): Promise<boolean> {
  await flushAllAutosaves();
  return [...active].every((c) => !c.hasPending && c.currentState === 'saved');
}

function messageOf(e: unknown): string {
  // After a full disk, the reopen failures that follow read as the same full disk (errors.ts).
  const kind = saveFailureKind(e, diskFullSeen());
  if (kind === 'disk-full') return DISK_FULL_MESSAGE;
  if (kind === 'storage') return STORAGE_UNAVAILABLE_MESSAGE;
  return e instanceof Error && /[ぁ-んァ-ヶ一-龠]/.test(e.message) ? e.message : '保存できませんでした。自動で再試行します。';
}

// When the database is open again after the storage failed (DATA-12), editors whose save failed
// retry at once instead of waiting for their backoff.
onReconnected(() => {
  journalRetry();
  for (const c of active) c.retryNow();
});

/**
 * React wrapper of AutosaveController: flushes when the page is hidden or unloaded (DATA-11) and
 * when the component unmounts, so leaving a screen never loses the last edit.
 */
export function useAutosave<T>(save: (value: T, editedAt: string) => Promise<void>, journal?: { write(value: T, at: string): void; clear(): void }): Autosave<T> {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | undefined>();
  const [conflictKey, setConflictKey] = useState<string>();
  const { repos } = useApp();
  const latest = useRef<T | undefined>(undefined);
  const kept = useRef<string | undefined>(undefined);
  /**
   * On a conflict the refused input goes into the document's history at once, and leaves the
   * journal: it must never be replayed silently over the other window's text later.
   */
  const keepRefused = useCallback(
    async (docKey: string): Promise<void> => {
      const value = latest.current;
      const json = JSON.stringify(value);
      if (value === undefined || json === kept.current) return;
      await repos.keepUnsaved(docKey, value);
      kept.current = json;
      journal?.clear();
    },
    [repos, journal],
  );

  const [controller] = useState(
    () =>
      new AutosaveController<T>({
        save,
        ...(journal ? { journal } : {}),
        // Retrying cannot fix invalid input, a conflict or read-only data: the next edit tries again.
        isRetryable: (e) => !(e instanceof DbError && (e.code === 'invalid' || e.code === 'conflict' || e.code === 'read-only')),
        onState: (s, e) => {
          setState(s);
          setError(s === 'failed' ? messageOf(e) : undefined);
          // A conflict stays until a save succeeds or the user chooses (DATA-10): typing meanwhile
          // must not make the choice disappear.
          if (s === 'saved') setConflictKey(undefined);
          else if (s === 'failed') setConflictKey(e instanceof DbError && e.code === 'conflict' ? e.docKey : undefined);
        },
      }),
  );
  useEffect(() => controller.setSave(save), [controller, save]);
  // Each refused save (a conflict) puts the refused input into the history (deduplicated).
  useEffect(() => {
    if (conflictKey !== undefined && state === 'failed') void keepRefused(conflictKey).catch(() => undefined);
  }, [conflictKey, state, keepRefused]);

  useEffect(() => {
    active.add(controller);
    const flush = (): void => void controller.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      controller.dispose();
      active.delete(controller);
    };
  }, [controller]);

  const schedule = useCallback(
    (v: T) => {
      latest.current = v;
      controller.schedule(v);
    },
    [controller],
  );
  const flush = useCallback(() => controller.flush(), [controller]);
  const conflict =
    conflictKey === undefined
      ? undefined
      : {
          overwrite: () => {
            void repos.revisions
              .acceptNewest(conflictKey)
              .then(() => controller.flush())
              .catch(() => setError('上書きできませんでした。もう一度お試しください。'));
          },
          loadLatest: () => {
            // What this window could not save stays in the document's history, never dropped.
            void keepRefused(conflictKey)
              .then(async () => {
                controller.dispose();
                journal?.clear();
                await journalIdle();
                window.location.reload();
              })
              .catch(() => setError('この画面の入力を履歴に残せなかったため、読み込みを中止しました。'));
          },
        };
  return { state, error, schedule, flush, conflict };
}

/**
 * Tracks IME composition inside a container. While a composition is in progress nothing is
 * validated or saved; `onCommit` runs when the composition ends (Japanese input is never
 * interrupted mid-word).
 */
export function useImeGuard(onCommit: () => void): {
  readonly composing: React.RefObject<boolean>;
  readonly handlers: { onCompositionStart: () => void; onCompositionEnd: () => void };
} {
  const composing = useRef(false);
  const commitRef = useRef(onCommit);
  useEffect(() => {
    commitRef.current = onCommit;
  }, [onCommit]);
  const handlers = {
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
      commitRef.current();
    },
  };
  return { composing, handlers };
}
