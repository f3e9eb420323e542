import { useState } from 'react';
import { strToU8, zipSync } from 'fflate';
import { openWorkspace, pointToDatabase, readRaw, type OpenResult } from '../../db/open';
import { Repositories } from '../../db/repositories';
import { applyImport } from '../../db/import-file';
import { readChosenFile } from '../../backup/files';
import type { Platform } from '../../platform/platform';
import { FilePick } from '../../components/FilePick';

/**
 * DATA-05/07: shown instead of the app when the database cannot be opened. Never a blank page:
 * the user can retry, take out everything readable, or restore a backup into a fresh database
 * (the unreadable one is left untouched, never deleted).
 */
export function RecoveryScreen({ result, databaseName, platform, onRetry }: { readonly result: Extract<OpenResult, { status: 'blocked' | 'failed' }>; readonly databaseName: string; readonly platform: Platform; readonly onRetry: () => void }) {
  const [note, setNote] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  const exportRaw = async (): Promise<void> => {
    setBusy(true);
    try {
      const raw = await readRaw(databaseName);
      const rows = Object.values(raw.tables).reduce((n, t) => n + t.length, 0);
      const zip = zipSync({ 'senshin-desk-raw.json': strToU8(JSON.stringify({ format: 'senshin-desk/raw', database: databaseName, exportedAt: new Date().toISOString(), ...raw })) });
      const saved = await platform.saveFile('senshin-desk-読めるデータ.zip', 'zip', zip);
      if (saved.status === 'saved') setNote({ ok: true, text: `読めるデータ（${rows}件${raw.skipped.length > 0 ? `、読めなかった表 ${raw.skipped.length}個` : ''}）を ${saved.fileName} に書き出しました。` });
      else if (saved.status === 'failed') setNote({ ok: false, text: saved.message });
    } catch {
      setNote({ ok: false, text: 'データを書き出せませんでした。ディスクの空き容量を確認して、もう一度お試しください。' });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (file: File): Promise<void> => {
    setBusy(true);
    try {
      const read = await readChosenFile(file);
      if (!read.ok) {
        setNote({ ok: false, text: read.message });
        return;
      }
      if (read.envelope.kind !== 'workspace') {
        setNote({ ok: false, text: 'これは案件の書き出しファイルです。復元にはバックアップファイルを選んでください。' });
        return;
      }
      const fresh = `senshin-desk-r${Date.now()}`;
      const opened = await openWorkspace(fresh);
      if (opened.status !== 'ready') {
        setNote({ ok: false, text: opened.status === 'read-only' ? '復元先を用意できませんでした。' : opened.message });
        return;
      }
      const outcome = await applyImport(new Repositories(opened.db), read.envelope, file.name);
      opened.db.close();
      if (outcome.status === 'refused') {
        setNote({ ok: false, text: outcome.message });
        return;
      }
      pointToDatabase(fresh);
      onRetry();
    } catch {
      setNote({ ok: false, text: '復元できませんでした。もう一度お試しください。' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="recovery" id="main">
      <h1>{result.status === 'blocked' ? 'データベースを開けません' : 'データを開けませんでした'}</h1>
      <p role="alert" className="error-box">
        {result.message}
      </p>
      <div className="recovery-actions">
        <button type="button" className="btn btn-primary" onClick={onRetry} disabled={busy}>
          再試行
        </button>
        <button type="button" className="btn" onClick={() => void exportRaw()} disabled={busy}>
          読めるデータを書き出す
        </button>
        <FilePick label="バックアップから復元" disabled={busy} onFile={(f) => void restore(f)} />
      </div>
      <p className="muted">
        バックアップから復元すると、新しいデータベースに復元して開きます。開けなかったデータは削除せずに残しますので、後から「読めるデータを書き出す」で取り出せます。
      </p>
      {note && (
        <p className={note.ok ? 'notice notice-ok' : 'notice notice-error'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </main>
  );
}
