import type { SaveState } from '../autosave/controller';

const TEXT: Record<SaveState, string> = { saved: '保存済み', saving: '保存中', failed: '保存できませんでした' };

const CONFLICT_TEXT =
  '別のウィンドウでこの内容が保存されたため、上書きせずに止めました。この画面の入力は消えていません（保存履歴にも残しました）。「この画面の内容で上書き」か「最新の内容を読み込む」を選んでください。';

export interface SaveStatusView {
  readonly state: SaveState;
  readonly error?: string | undefined;
  readonly flush?: () => Promise<void>;
  readonly conflict?: { readonly overwrite: () => void; readonly loadLatest: () => void } | undefined;
  readonly history?: { readonly canUndo: boolean; readonly canRedo: boolean; readonly undo: () => void; readonly redo: () => void };
}

/**
 * The visible save state (DATA-11), undo/redo (DATA-17) and the choice after a conflict with
 * another window (DATA-10). On failure the typed text stays in the form and in memory.
 */
export function SaveStatus({ autosave }: { readonly autosave: SaveStatusView }) {
  const { state, error, flush, conflict, history } = autosave;
  return (
    <div className="save-bar">
      {history && (
        <div className="undo-buttons" role="group" aria-label="編集の取り消し">
          <button type="button" className="btn btn-small" onClick={history.undo} disabled={!history.canUndo} title="Ctrl+Z">
            元に戻す
          </button>
          <button type="button" className="btn btn-small" onClick={history.redo} disabled={!history.canRedo} title="Ctrl+Shift+Z / Ctrl+Y">
            やり直す
          </button>
        </div>
      )}
      {/* Announced only when saving fails: 保存中/保存済み at every pause in typing would be noise. */}
      <div className={`save-status save-${conflict ? 'failed' : state}`} role={state === 'failed' || conflict ? 'alert' : undefined}>
        <span className="save-dot" aria-hidden="true" />
        <span data-testid="save-state">{conflict ? TEXT.failed : TEXT[state]}</span>
        {conflict ? (
          // Stays until the user chooses, even while typing on (DATA-10).
          <>
            <span className="save-error">{CONFLICT_TEXT}</span>
            <button type="button" className="btn btn-small" onClick={conflict.overwrite}>
              この画面の内容で上書き
            </button>
            <button type="button" className="btn btn-small" onClick={conflict.loadLatest}>
              最新の内容を読み込む
            </button>
          </>
        ) : (
          state === 'failed' && (
            <>
              {error && <span className="save-error">{error}</span>}
              {flush && (
                <button type="button" className="btn btn-small" onClick={() => void flush()}>
                  もう一度保存する
                </button>
              )}
            </>
          )
        )}
      </div>
    </div>
  );
}
