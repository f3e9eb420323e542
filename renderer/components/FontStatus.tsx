import type { FontState } from '../fonts/use-fonts';

export function FontStatus({ state, onRetry }: { readonly state: FontState; readonly onRetry: () => void }) {
  if (state.status === 'loading') return <p className="loading">フォントを読み込み中…</p>;
  if (state.status === 'failed') {
    return (
      <p className="error-box" role="alert">
        印刷用のフォントを読み込めませんでした。プレビューとPDF・Wordの保存ができません。入力は保存されています。
        <button type="button" className="btn btn-small" onClick={onRetry}>
          もう一度読み込む
        </button>
      </p>
    );
  }
  return null;
}
