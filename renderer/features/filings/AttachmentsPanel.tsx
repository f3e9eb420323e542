import { useId, useState } from 'react';
import { MAX_ATTACHMENTS, defaultAttachmentTitle } from '../../../shared/filings/attachments';
import type { Filing } from '../../../shared/filings/filing';
import { useApp } from '../../app/context';
import { FilePick } from '../../components/FilePick';
import { Notice } from '../../components/Notice';
import { readAttachmentOffThread } from './attachment-read';
import './attachments.css';

const OTHER = '';

/**
 * 添付書類 (issue 15 item 5): the PDFs a 届出 package carries after its forms — 試験実施計画書, 説明同意文書,
 * 概略図, 文献, 承認通知 … — in filing order, each with its title. A chosen file is checked in a Worker
 * (size, PDF, encryption, pages) and refused beside the picker, with nothing stored; the order is
 * changed with 上へ / 下へ. A filing no longer 作成中 shows its list only.
 */
export function AttachmentsPanel({ filing, expected, onChanged }: { readonly filing: Filing; readonly expected: readonly string[]; readonly onChanged: (f: Filing) => void }) {
  const { repos } = useApp();
  const id = useId();
  const [kind, setKind] = useState<string>(expected[0] ?? OTHER);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();
  // The attachment being renamed, and the name typed so far.
  const [renaming, setRenaming] = useState<{ id: string; title: string }>();
  const list = filing.attachments ?? [];
  const editable = filing.status === 'draft';

  /** Runs one change of the filing; whether it was saved. */
  const act = async (op: () => Promise<Filing>, done?: string): Promise<boolean> => {
    setBusy(true);
    setNotice(undefined);
    try {
      onChanged(await op());
      if (done) setNotice({ kind: 'ok', text: done });
      return true;
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : '保存できませんでした。もう一度お試しください。' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const attach = async (file: File): Promise<void> => {
    setRefusal(undefined);
    setNotice(undefined);
    setBusy(true);
    const read = await readAttachmentOffThread(file);
    setBusy(false);
    if (!read.ok) {
      setRefusal(read.message);
      return;
    }
    const name = title.trim() || defaultAttachmentTitle(kind, file.name);
    await act(() => repos.filings.attachments.add(filing.id, { title: name, kind, fileName: file.name, bytes: read.bytes }), `「${name}」を添付しました（${read.pages}ページ）。`);
    setTitle('');
  };

  return (
    <section className="group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>添付書類（PDF）</h2>
      <p className="field-help">
        添付したPDFは、書類一式のPDFで様式の後ろにこの順番で綴じ、しおりと提出書類一覧にページを載せます。Wordファイルには綴じられません（提出書類一覧に名称とページが載るだけです）。
      </p>
      {list.length === 0 ? (
        <p className="muted">添付したPDFはまだありません。</p>
      ) : (
        <ol className="attachment-list" aria-label="添付書類（綴じる順）">
          {list.map((a, i) => (
            <li key={a.id} className="attachment-item">
              {renaming?.id === a.id ? (
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const next = renaming.title.trim();
                    if (next === '') return;
                    void act(() => repos.filings.attachments.rename(filing.id, a.id, next), `名称を「${next}」にしました。`).then((saved) => saved && setRenaming(undefined));
                  }}
                >
                  <label htmlFor={`${id}-rename`}>{`添付書類の名称（${i + 1}番目）`}</label>
                  <input id={`${id}-rename`} type="text" value={renaming.title} maxLength={200} onChange={(e) => setRenaming({ id: a.id, title: e.target.value })} disabled={busy} />
                  <button type="submit" className="btn btn-small" disabled={busy || renaming.title.trim() === ''}>
                    名称を保存
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setRenaming(undefined)}>
                    やめる
                  </button>
                </form>
              ) : (
                <span className="attachment-title">
                  {i + 1}. {a.title}
                </span>
              )}
              {a.kind && a.kind !== a.title && <span className="muted">{a.kind}</span>}
              {editable && (
                <span className="attachment-actions">
                  {renaming?.id !== a.id && (
                    <button type="button" className="btn btn-small" aria-label={`名称を変える（${a.title}）`} disabled={busy} onClick={() => setRenaming({ id: a.id, title: a.title })}>
                      名称を変える
                    </button>
                  )}
                  <button type="button" className="btn btn-small" aria-label={`上へ（${a.title}）`} disabled={busy || i === 0} onClick={() => void act(() => repos.filings.attachments.move(filing.id, a.id, -1), `「${a.title}」を${i}番目にしました。`)}>
                    上へ
                  </button>
                  <button type="button" className="btn btn-small" aria-label={`下へ（${a.title}）`} disabled={busy || i === list.length - 1} onClick={() => void act(() => repos.filings.attachments.move(filing.id, a.id, 1), `「${a.title}」を${i + 2}番目にしました。`)}>
                    下へ
                  </button>
                  <button type="button" className="btn btn-small" aria-label={`添付を外す（${a.title}）`} disabled={busy} onClick={() => void act(() => repos.filings.attachments.remove(filing.id, a.id), `「${a.title}」の添付を外しました。`)}>
                    添付を外す
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable ? (
        <div className="attachment-add">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-kind`}>書類の種類</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)} disabled={busy}>
              {expected.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
              <option value={OTHER}>その他（概略図・文献・承認通知など）</option>
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-name`}>添付書類の名称</label>
            <input id={`${id}-name`} type="text" value={title} maxLength={200} placeholder={kind || 'ファイル名を使います'} onChange={(e) => setTitle(e.target.value)} disabled={busy} />
          </div>
          <FilePick label={busy ? '確認中…' : 'PDFを添付する'} accept=".pdf,application/pdf" disabled={busy || list.length >= MAX_ATTACHMENTS} onFile={(f) => void attach(f)} />
          {refusal && (
            <p className="msg msg-error" role="alert">
              {refusal}
            </p>
          )}
        </div>
      ) : (
        <p className="muted">この届出は作成中ではないため、添付書類は変えられません（提出した一式は控えに残っています）。</p>
      )}
      <Notice notice={notice} />
    </section>
  );
}
