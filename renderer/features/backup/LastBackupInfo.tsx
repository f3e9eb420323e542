import { useEffect, useState } from 'react';
import { formatDateTime } from '../../backup/format';
import { readLastBackup } from '../../backup/files';
import { useApp } from '../../app/context';

/** 「最後のバックアップ：いつ（どこ）」 — on 設定 and on バックアップと復元 (DATA-13). */
export function LastBackupInfo({ refreshKey = 0 }: { readonly refreshKey?: number }) {
  const { platform } = useApp();
  const [text, setText] = useState<string>();
  useEffect(() => {
    let alive = true;
    void (async () => {
      let t = 'まだありません';
      if (platform.backups) {
        const { backups, folderLabel } = await platform.backups.list().catch(() => ({ backups: [], folderLabel: null }));
        const b = backups[0];
        if (b) t = `${formatDateTime(b.createdAt)}（${b.location === 'app-data' ? 'アプリのデータフォルダ' : (folderLabel ?? '選んだフォルダ')}）`;
      } else {
        const b = readLastBackup();
        if (b) t = `${formatDateTime(b.at)}（ダウンロードしたファイル ${b.fileName}）`;
      }
      if (alive) setText(t);
    })();
    return () => {
      alive = false;
    };
  }, [platform, refreshKey]);
  return <p data-testid="last-backup">最後のバックアップ：{text ?? '…'}</p>;
}
