import type { SaveState } from '../autosave/controller';

const TEXT: Record<SaveState, string> = { saved: '保存済み', saving: '保存中', failed: '保存できませんでした' };

/** The visible save state (DATA-11). On failure the typed text stays in the form and in memory. */
export function SaveStatus({ state, error, onRetry }: { readonly state: SaveState; readonly error?: string | undefined; readonly onRetry?: () => void }) {
  return (
    // Announced only when saving fails: 保存中/保存済み at every pause in typing would be noise.
    <div className={`save-status save-${state}`} role={state === 'failed' ? 'alert' : undefined}>
      <span className="save-dot" aria-hidden="true" />
      <span data-testid="save-state">{TEXT[state]}</span>
      {state === 'failed' && (
        <>
          {error && <span className="save-error">{error}</span>}
          {onRetry && (
            <button type="button" className="btn btn-small" onClick={onRetry}>
              もう一度保存する
            </button>
          )}
        </>
      )}
    </div>
  );
}
