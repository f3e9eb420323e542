import { useState } from 'react';
import { Link } from 'wouter';
import { packEnvelope, projectFileBase } from '../../backup/files';
import { safeFileName } from '../../platform/platform';
import { useApp } from '../../app/context';

/** 案件ファイル: one project in the export format, for another PC or a 協力医療機関 (DATA-14). */
export function ProjectFileCard({ projectId, projectName }: { readonly projectId: string; readonly projectName: string }) {
  const { repos, platform } = useApp();
  const [note, setNote] = useState<{ ok: boolean; text: string }>();
  const exportProject = async (): Promise<void> => {
    try {
      const { envelope } = await repos.exportProject(projectId);
      const saved = await platform.saveFile(safeFileName(projectFileBase(projectName, new Date()), 'zip'), 'zip', packEnvelope(envelope));
      if (saved.status === 'saved') setNote({ ok: true, text: `${saved.fileName} に書き出しました。` });
      else if (saved.status === 'failed') setNote({ ok: false, text: saved.message });
    } catch (e) {
      setNote({ ok: false, text: e instanceof Error ? e.message : '書き出せませんでした。' });
    }
  };
  return (
    <section className="card" aria-labelledby="project-file-title">
      <h2 id="project-file-title">案件ファイル</h2>
      <p className="muted">
        この案件を、様式の入力内容・費用・使っている職員名簿とマスタごと1つのファイルに書き出します。ほかのパソコンや協力医療機関では<Link href="/backup">バックアップと復元</Link>の「案件ファイルを取り込む」で読み込めます。
      </p>
      <button type="button" className="btn" onClick={() => void exportProject()}>
        案件ファイルを書き出す
      </button>
      {note && (
        <p className={note.ok ? 'notice notice-ok' : 'notice notice-error'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
