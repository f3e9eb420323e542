import { useState } from 'react';
import { formatDateTime } from '../../backup/format';
import { useApp } from '../../app/context';
import type { RevisionRow } from '../../db/rows';

const KIND: Record<RevisionRow['kind'], string> = { edit: '編集', restore: 'バックアップから復元', import: '取り込み', revert: '以前の版に戻した', unsaved: '保存できなかった入力（別のウィンドウと競合）', delete: '削除' };

/** Every string typed into a saved row, for a short summary and the full text of an unsaved entry. */
function texts(value: unknown, skip: ReadonlySet<string> = new Set(['id', 'projectId', 'formId', 'updatedAt', 'createdAt', 'key'])): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => texts(v, skip));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => (skip.has(k) ? [] : texts(v, skip)));
  return [];
}

const summary = (row: unknown): string => {
  const all = texts(row).join(' / ');
  return all.length > 90 ? `${all.slice(0, 90)}…` : all || '（空）';
};

/**
 * DATA-17: the saved versions of one document. Edits of a window within five minutes are one
 * version; at most the newest 100 are kept. 「この版に戻す」 saves that version as a new one, so
 * nothing in the history is lost by going back.
 */
export function HistoryPanel({ docKey, title, beforeRevert, onReverted }: { readonly docKey: string; readonly title: string; readonly beforeRevert: () => Promise<void>; readonly onReverted: () => void }) {
  const { repos } = useApp();
  const [rows, setRows] = useState<readonly RevisionRow[]>();
  const [message, setMessage] = useState<string>();
  const load = async (): Promise<void> => {
    try {
      await beforeRevert();
      setRows(await repos.revisions.history(docKey));
    } catch {
      setMessage('保存履歴を読み込めませんでした。');
      setRows([]);
    }
  };
  const revert = async (seq: number): Promise<void> => {
    try {
      await beforeRevert();
      await repos.revertTo(docKey, seq);
      onReverted();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : '戻せませんでした。');
    }
  };
  return (
    <details
      className="history-panel card"
      onToggle={(e) => {
        if (e.currentTarget.open) void load();
      }}
    >
      <summary>{title}</summary>
      {message && (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      )}
      {rows === undefined ? (
        <p className="loading">読み込み中…</p>
      ) : rows.length === 0 ? (
        <p className="muted">まだ保存された版はありません。</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">保存日時</th>
              <th scope="col">種類</th>
              <th scope="col">内容</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const current = rows.find((x) => x.kind !== 'unsaved');
              return (
              <tr key={r.seq ?? i}>
                <td>{formatDateTime(r.savedAt)}</td>
                <td>{KIND[r.kind]}</td>
                <td>
                  {r.kind === 'unsaved' ? (
                    <details>
                      <summary>{summary(r.row)}</summary>
                      <pre className="history-text">{texts(r.row).join('\n')}</pre>
                    </details>
                  ) : (
                    summary(r.row)
                  )}
                </td>
                <td>
                  {r === current ? (
                    <span className="muted">現在の内容</span>
                  ) : r.kind !== 'unsaved' && r.row !== null && r.seq !== undefined ? (
                    <button type="button" className="btn btn-small" onClick={() => void revert(r.seq ?? -1)} aria-label={`${formatDateTime(r.savedAt)} の版に戻す`}>
                      この版に戻す
                    </button>
                  ) : null}
                </td>
              </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}
