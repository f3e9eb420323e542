import type { SaveState } from '../autosave/controller';
import './save-status.css';

const TEXT: Record<SaveState, string> = { saved: '保存済み', saving: '保存中', failed: '保存できませんでした' };

const CONFLICT_TEXT =
  '別のウィンドウでこの内容が保存されたため、上書きせずに止めました。この画面の入力は消えていません（保存履歴にも残しました）。「この画面の内容で上書き」か「最新の内容を読み込む」を選んでください。';

export interface SaveStatusView {
  readonly state: SaveState;
  readonly error?: string | undefined;
  readonly flush?: () => Promise<void>;
  readonly conflict?: { readonly overwrite: () => void; readonly loadLatest: () => void } | undefined;
  readonly history?: { readonly canUndo: boolean; readonly canRedo: boolean; readonly undo: () => void; readonly redo: () => void };
  /** Rows just added and not typed into yet, not saved (use-autosaved-form): a draft, not a failure. */
  readonly drafts?: number;
}

/**
 * The visible save state (DATA-11), undo/redo (DATA-17) and the choice after a conflict with
 * another window (DATA-10). On failure the typed text stays in the form and in memory. Rows just
 * added and still empty are said calmly (「未入力の行があります」): everything else is saved.
 */
export function SaveStatus({ autosave }: { readonly autosave: SaveStatusView }) {
  const { state, error, flush, conflict, history } = autosave;
  const drafts = state === 'saved' && !conflict ? (autosave.drafts ?? 0) : 0;
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
        {drafts > 0 && (
          <span className="save-draft" role="status" data-testid="save-draft">
            未入力の行があります（入力するまで、空の行は保存しません）
          </span>
        )}
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
