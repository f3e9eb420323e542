import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { envelopeJson, type ExportEnvelope } from '../../../shared/io/envelope';
import { formatDateTime } from '../../backup/format';
import { backupFileName, packEnvelope, readChosenFile, writeLastBackup } from '../../backup/files';
import { removeAllJournals } from '../../db/journal';
import { applyImport } from '../../db/import-file';
import type { SnapshotInfo } from '../../db/workspace';
import type { ReplaceProgress } from '../../db/workspace-restore';
import { useApp } from '../../app/context';
import { LastBackupInfo } from './LastBackupInfo';
import { RESTORE_DONE, RESTORE_START, RestoreProgress, type RestoreStage } from './RestoreProgress';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FilePick } from '../../components/FilePick';
import type { BackupEntry } from '../../platform/platform';

type Note = { readonly ok: boolean; readonly text: string };
type Pending = { readonly envelope: ExportEnvelope; readonly label: string; readonly exists: boolean };

/**
 * 設定 › バックアップと復元 (DATA-13, DATA-14, DATA-15): save a backup, restore one (undoable),
 * import a project file, and put back the state before a restore or import.
 * No editor is mounted on this page, so nothing typed can be pending while data is replaced.
 */
const SNAPSHOT_REASON: Readonly<Record<SnapshotInfo['reason'], string>> = { 'pre-restore': '復元', 'pre-import': '取り込み', 'pre-delete': '案件の削除' };

export function BackupPage() {
  const { repos, platform } = useApp();
  const [, navigate] = useLocation();
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const [snapshots, setSnapshots] = useState<readonly SnapshotInfo[]>([]);
  const [auto, setAuto] = useState<{ backups: readonly BackupEntry[]; folderLabel: string | null }>();
  const [pending, setPending] = useState<Pending>();
  const [undoSeq, setUndoSeq] = useState<number>();
  const [stage, setStage] = useState<RestoreStage>();
  /** A restore finished: its 「…から復元しました」 is about to be shown (then RESTORE_DONE is marked). */
  const restored = useRef(false);

  useEffect(() => {
    if (!restored.current || !note?.ok) return;
    restored.current = false;
    // The message is committed: the frame that draws it runs its animation-frame callbacks, then paints.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => performance.mark(RESTORE_DONE), 0));
  }, [note]);

  useEffect(() => {
    let alive = true;
    void (async () => {
      const snaps = await repos.listSnapshots().catch(() => []);
      const list = platform.backups ? await platform.backups.list().catch(() => undefined) : undefined;
      if (!alive) return;
      setSnapshots(snaps);
      setAuto(list);
    })();
    return () => {
      alive = false;
    };
  }, [repos, platform, tick]);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setNote(undefined);
    try {
      await work();
    } catch (e) {
      setNote({ ok: false, text: e instanceof Error && /[ぁ-んァ-ヶ一-龠]/.test(e.message) ? e.message : 'うまくいきませんでした。もう一度お試しください。' });
    } finally {
      setBusy(false);
      setStage(undefined);
      setTick((t) => t + 1);
    }
  };

  const saveBackup = () =>
    run(async () => {
      const { envelope, unreadable } = await repos.exportWorkspace();
      const at = new Date();
      const data = packEnvelope(envelope);
      const name = backupFileName(at);
      const saved = await platform.saveFile(name, 'zip', data);
      if (saved.status === 'cancelled') return;
      if (saved.status === 'failed') {
        setNote({ ok: false, text: saved.message });
        return;
      }
      const b = { at: at.toISOString(), fileName: saved.fileName };
      writeLastBackup(b);
      const warn = unreadable > 0 ? `（読み取れないデータ ${unreadable} 件は含まれていません。データベースには残っています）` : '';
      setNote({ ok: unreadable === 0, text: `バックアップを ${saved.fileName} に保存しました。${warn}` });
    });

  /** Reads and checks a chosen file in the Worker, showing 読み込み → 点検. */
  const readWithProgress = (file: File, title: string) => {
    const steps = ['read', 'check', 'write'] as const;
    setStage({ title, steps, step: 'read' });
    return readChosenFile(file, (step) => setStage({ title, steps, step }));
  };

  /** Shows how many projects are written so far (書き込み n/m件). */
  const writing = (title: string, steps: RestoreStage['steps']) => {
    setStage({ title, steps, step: 'write' });
    return (p: ReplaceProgress) => setStage({ title, steps, step: 'write', written: p.written, total: p.total });
  };

  const choose = (file: File, expect: 'workspace' | 'project') =>
    run(async () => {
      const read = await readWithProgress(file, expect === 'workspace' ? 'バックアップファイルを点検しています' : '案件ファイルを点検しています');
      if (!read.ok) {
        setNote({ ok: false, text: read.message });
        return;
      }
      const kind = read.envelope.kind;
      if (kind !== expect) {
        setNote({ ok: false, text: kind === 'project' ? 'これは案件の書き出しファイルです。「案件ファイルを取り込む」で読み込んでください。' : 'これはバックアップファイルです。「バックアップファイルを選んで復元」で読み込んでください。' });
        return;
      }
      const first = read.envelope.data.projects[0];
      const exists = kind === 'project' && first !== undefined && (await repos.hasProject(first.id));
      setPending({ envelope: read.envelope, label: file.name, exists });
    });

  const apply = (mode: 'add' | 'replace') =>
    run(async () => {
      const p = pending;
      setPending(undefined);
      if (!p) return;
      const restoring = p.envelope.kind === 'workspace';
      if (restoring) performance.mark(RESTORE_START);
      const onProgress = writing(restoring ? '復元しています' : '取り込んでいます', ['read', 'check', 'write']);
      // In Electron the state before a restore also goes to a backup file, outside IndexedDB.
      if (platform.backups && p.envelope.kind === 'workspace') {
        const before = await repos.exportWorkspace();
        await platform.backups.write(new TextEncoder().encode(envelopeJson(before.envelope)), 'pre-restore');
      }
      const outcome = await applyImport(repos, p.envelope, p.label, mode, onProgress);
      if (outcome.status === 'refused') {
        setNote({ ok: false, text: outcome.message });
        return;
      }
      // Edits journaled before the restore must not replay over the restored data.
      if (outcome.status === 'restored') await removeAllJournals();
      const [snap] = await repos.listSnapshots();
      setUndoSeq(snap?.seq);
      const n = p.envelope.data.projects.length;
      restored.current = outcome.status === 'restored';
      setNote({ ok: true, text: outcome.status === 'restored' ? `${p.label} から復元しました（案件 ${n} 件）。` : `${p.label} の案件を取り込みました。` });
    });

  const undo = (seq: number) =>
    run(async () => {
      await repos.returnToSnapshot(seq, writing('元に戻しています', ['write']));
      await removeAllJournals();
      setUndoSeq(undefined);
      setNote({ ok: true, text: '復元・取り込みの前の状態に戻しました。この操作も下の一覧から元に戻せます。' });
    });

  const restoreAuto = (entry: BackupEntry) =>
    run(async () => {
      const got = await platform.backups?.read(entry.location, entry.fileName);
      if (!got || got.status === 'failed') {
        setNote({ ok: false, text: got?.message ?? '読み取れませんでした。' });
        return;
      }
      const file = new File([got.data.slice().buffer], entry.fileName);
      const read = await readWithProgress(file, 'バックアップファイルを点検しています');
      if (!read.ok) setNote({ ok: false, text: read.message });
      else setPending({ envelope: read.envelope, label: entry.fileName, exists: false });
    });

  const readOnly = repos.readOnly;
  return (
    <div className="page-narrow">
      <h1>バックアップと復元</h1>
      <div className="notice-region" aria-live="polite">
        {note && (
          <p className={note.ok ? 'notice notice-ok' : 'notice notice-error'} role={note.ok ? 'status' : 'alert'}>
            {note.text}
            {undoSeq !== undefined && note.ok && (
              <button type="button" className="btn btn-small" onClick={() => void undo(undoSeq)} disabled={busy}>
                元に戻す
              </button>
            )}
          </p>
        )}
      </div>

      {stage && <RestoreProgress stage={stage} />}

      <section className="card" aria-labelledby="backup-title">
        <h2 id="backup-title">バックアップ</h2>
        <LastBackupInfo refreshKey={tick} />
        {platform.backups ? (
          <>
            <p className="muted">変更があるあいだ10分ごとと、アプリの終了時に、自動でバックアップします（アプリのデータフォルダ{auto?.folderLabel ? `と ${auto.folderLabel}` : ''}）。</p>
            <button type="button" className="btn" disabled={busy} onClick={() => void run(async () => {
              const r = await platform.backups?.chooseFolder();
              if (r?.status === 'chosen') setNote({ ok: true, text: `バックアップを ${r.folderLabel} にも保存します。` });
            })}>
              バックアップの保存先フォルダを選ぶ
            </button>
          </>
        ) : (
          <p className="muted">ブラウザーの保存領域は、ディスクの空きが少ないときなどに消えることがあります。定期的にバックアップを保存し、共有ドライブなどにも置いてください。</p>
        )}
        <button type="button" className="btn btn-primary" onClick={() => void saveBackup()} disabled={busy}>
          バックアップを保存
        </button>
        {auto && auto.backups.length > 0 && (
          <table className="table">
            <caption>自動バックアップ</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">保存先</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {auto.backups.slice(0, 30).map((b) => (
                <tr key={`${b.location}/${b.fileName}`}>
                  <td>{formatDateTime(b.createdAt)}</td>
                  <td>{b.location === 'app-data' ? 'アプリのデータフォルダ' : (auto.folderLabel ?? '選んだフォルダ')}</td>
                  <td>
                    <button type="button" className="btn btn-small" disabled={busy || readOnly} onClick={() => void restoreAuto(b)} aria-label={`${formatDateTime(b.createdAt)} のバックアップから復元`}>
                      この時点に復元
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="restore-title">
        <h2 id="restore-title">バックアップから復元</h2>
        <p className="muted">いまのデータをバックアップの内容に置き換えます。置き換える前の状態は自動で保存され、「元に戻す」で戻せます。</p>
        <FilePick label="バックアップファイルを選んで復元" disabled={busy || readOnly} onFile={(f) => void choose(f, 'workspace')} />
      </section>

      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">案件ファイルの取り込み</h2>
        <p className="muted">ほかのパソコンや協力医療機関から受け取った案件ファイルを、案件として追加します。職員名簿とマスタは、まだない人・品目だけが追加されます。</p>
        <FilePick label="案件ファイルを取り込む" disabled={busy || readOnly} onFile={(f) => void choose(f, 'project')} />
      </section>

      <section className="card" aria-labelledby="snap-title">
        <h2 id="snap-title">元に戻せる操作</h2>
        {snapshots.length === 0 ? (
          <p className="muted">復元や取り込みをすると、その前の状態がここに残ります（最新5件）。</p>
        ) : (
          <ul className="plain-list">
            {snapshots.map((s) => (
              <li key={s.seq}>
                {formatDateTime(s.createdAt)} {SNAPSHOT_REASON[s.reason]}（{s.label}）の前の状態・案件 {s.projects} 件{' '}
                <button type="button" className="btn btn-small" disabled={busy || readOnly} onClick={() => void undo(s.seq)} aria-label={`${formatDateTime(s.createdAt)} の${SNAPSHOT_REASON[s.reason]}の前の状態に戻す`}>
                  この状態に戻す
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ConfirmDialog
        open={pending !== undefined && !(pending.envelope.kind === 'project' && pending.exists)}
        title={pending?.envelope.kind === 'workspace' ? 'バックアップから復元しますか？' : '案件を取り込みますか？'}
        confirmLabel={pending?.envelope.kind === 'workspace' ? '復元する' : '取り込む'}
        danger={pending?.envelope.kind === 'workspace'}
        onConfirm={() => void apply('add')}
        onCancel={() => setPending(undefined)}
      >
        {pending?.envelope.kind === 'workspace' ? (
          <p>
            いまのデータを {pending.label}（{formatDateTime(pending.envelope.createdAt)} 作成、案件 {pending.envelope.data.projects.length} 件）の内容に置き換えます。置き換える前の状態は保存され、「元に戻す」で戻せます。
          </p>
        ) : (
          <p>「{pending?.envelope.data.projects[0]?.name}」を案件として追加します。</p>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending !== undefined && pending.envelope.kind === 'project' && pending.exists}
        title="同じ案件がすでにあります"
        confirmLabel="別の案件として追加"
        onConfirm={() => void apply('add')}
        onCancel={() => setPending(undefined)}
      >
        <p>「{pending?.envelope.data.projects[0]?.name}」はすでにあります。別の案件として追加するか、いまの案件を置き換えてください（置き換えても「元に戻す」で戻せます）。</p>
        <button type="button" className="btn btn-danger" onClick={() => void apply('replace')}>
          いまの案件を置き換える
        </button>
      </ConfirmDialog>
      <p>
        <button type="button" className="btn btn-link" onClick={() => navigate('/settings')}>
          設定へ戻る
        </button>
      </p>
    </div>
  );
}
