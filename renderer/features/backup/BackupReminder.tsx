import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { REMIND_AFTER_DAYS, needsBackupReminder } from '../../../shared/io/backup-reminder';
import { readLastBackup } from '../../backup/files';
import { useApp } from '../../app/context';

/**
 * DATA-13 (browser): a quiet reminder under the header when work changed since the last backup
 * and that backup is a week old. In Electron backups are automatic, so no reminder.
 */
export function BackupReminder() {
  const { repos, platform } = useApp();
  const [location] = useLocation();
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (platform.backups) return;
    let alive = true;
    void (async () => {
      const [lastChangeAt, firstChangeAt] = [await repos.lastChangeAt().catch(() => undefined), await repos.revisions.savedAtEnd('first').catch(() => undefined)];
      const remind = needsBackupReminder({ lastBackupAt: readLastBackup()?.at, lastChangeAt, firstChangeAt, now: new Date() });
      if (alive) setShow(remind);
    })();
    return () => {
      alive = false;
    };
  }, [repos, platform, location]);
  if (!show || location === '/backup') return null;
  return (
    <div className="reminder" role="status">
      最後のバックアップから{REMIND_AFTER_DAYS}日以上たっています（またはまだ一度も保存していません）。<Link href="/backup">バックアップを保存</Link>
    </div>
  );
}
