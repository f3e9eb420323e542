/**
 * DATA-13: automatic backups outside IndexedDB — written, listed, thinned out and read back by
 * main, in `<userData>/backups/` and, if the user chose one, a folder of their own (shared drive,
 * USB stick). Browser storage can be wiped (electron#41877, #24882); these files survive that.
 *
 * Invariants:
 * - A backup is written atomically (temp file + fsync + rename, SEC-09): a crash mid-write leaves
 *   the previous backups intact, never a half file under a backup name.
 * - The app-data copy does not depend on the user folder: an unplugged USB stick costs only the
 *   second copy, and the answer says so (folderError, Japanese).
 * - Retention runs per folder after a successful write, never deletes the file just written nor
 *   any file whose name is not exactly ours, and its failure never fails the backup.
 * - Names from the renderer are checked against the pattern and resolved inside the folder
 *   before any file-system call; files over MAX_BACKUP_BYTES are refused before reading.
 * - Logs carry codes and counts only, never a path or the data (SEC-12).
 */
import type { ApiResponse, BackupLocation, BackupReason } from '../../shared/ipc/contract';
import { MAX_BACKUP_BYTES } from '../../shared/ipc/contract';
import { errorCode, type LogCode, type LogFn } from '../../shared/log/log';
import { writeFileAtomic } from '../policies/atomic-write';
import { backupFileName, parseBackupFileName, resolveBackupPath } from '../policies/backup-files';
import { backupsToDelete } from '../policies/backup-retention';
import type { BackupFs } from './backup-fs';

export type BackupCreateResult = ApiResponse<'backupCreate'>;
export type BackupListResult = ApiResponse<'backupList'>;
export type BackupReadResult = ApiResponse<'backupRead'>;
type BackupEntry = BackupListResult['backups'][number];

export interface BackupStoreDeps {
  readonly fs: BackupFs;
  /** `<userData>/backups`; created when missing. */
  readonly appDataFolder: string;
  /** The folder the user chose, or null. Never created by us: if it is gone, it is unreachable. */
  readonly userFolder: () => string | null;
  readonly now: () => Date;
  /** Suffix for temporary file names. */
  readonly random: () => string;
  readonly log: LogFn;
}

export const MESSAGES = {
  createFailed: 'バックアップを保存できませんでした。ディスクの空き容量と書き込み権限を確認してください。',
  folderFailedButAppData:
    '選んだバックアップ先フォルダーに保存できませんでした。USBメモリーや共有ドライブがつながっているか、書き込めるかを確認してください。アプリのデータフォルダーには保存しました。',
  noFolder: 'バックアップ先のフォルダーが選ばれていません。設定で選び直してください。',
  notFound: 'バックアップファイルが見つかりません。一覧を更新してから選び直してください。',
  tooLarge: 'バックアップファイルが大きすぎるため読み込めません（256 MB まで）。',
  empty: 'バックアップファイルが空です。別のバックアップを選んでください。',
  readFailed: 'バックアップファイルを読み込めませんでした。USBメモリーや共有ドライブがつながっているか確認してください。',
} as const;

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: LogCode };

export interface BackupStore {
  create(data: Uint8Array, reason: BackupReason): Promise<BackupCreateResult>;
  list(): Promise<BackupListResult>;
  read(location: BackupLocation, fileName: string): Promise<BackupReadResult>;
}

export function createBackupStore(deps: BackupStoreDeps): BackupStore {
  const { fs, log } = deps;

  const folderOf = (location: BackupLocation): string | null => (location === 'app-data' ? deps.appDataFolder : deps.userFolder());

  /** Deletes what the retention policy says, in one folder; errors are logged, not thrown. */
  const applyRetention = async (folder: string, location: BackupLocation, justWritten: string, now: Date): Promise<void> => {
    try {
      const names = await fs.readdir(folder);
      const candidates = names.flatMap((fileName) => {
        const parsed = parseBackupFileName(fileName);
        return parsed ? [{ fileName, createdAt: parsed.createdAt, reason: parsed.reason }] : [];
      });
      let count = 0;
      for (const name of backupsToDelete(candidates, now)) {
        const target = resolveBackupPath(folder, name);
        if (name === justWritten || target === undefined) continue;
        // A directory or link that happens to carry our name is not ours to remove.
        if (!(await fs.lstat(target)).isFile()) continue;
        await fs.rm(target);
        count++;
      }
      if (count > 0) log('backup-retention-deleted', { location, count });
    } catch (e) {
      log('backup-retention-failed', { location, error: errorCode(e) });
    }
  };

  const writeInto = async (folder: string, location: BackupLocation, name: string, data: Uint8Array, now: Date): Promise<Outcome> => {
    try {
      if (location === 'app-data') await fs.mkdir(folder);
      const target = resolveBackupPath(folder, name);
      if (target === undefined) return { ok: false, error: 'bad-name' };
      await writeFileAtomic(target, data, fs, deps.random);
    } catch (e) {
      return { ok: false, error: errorCode(e) };
    }
    await applyRetention(folder, location, name, now);
    return { ok: true };
  };

  return {
    async create(data, reason) {
      const now = deps.now();
      const name = backupFileName(now, reason);
      const copies: BackupLocation[] = [];

      const appData = await writeInto(deps.appDataFolder, 'app-data', name, data, now);
      if (appData.ok) copies.push('app-data');
      else log('backup-failed', { location: 'app-data', reason, error: appData.error });

      const userFolder = deps.userFolder();
      let folderError: string | undefined;
      if (userFolder !== null) {
        const user = await writeInto(userFolder, 'user-folder', name, data, now);
        if (user.ok) copies.push('user-folder');
        else {
          log('backup-folder-failed', { reason, error: user.error });
          folderError = MESSAGES.folderFailedButAppData;
        }
      }

      if (copies.length === 0) return { status: 'failed', message: MESSAGES.createFailed };
      log('backup-saved', { reason, copies: copies.length, bytes: data.byteLength });
      // folderError claims the app-data copy exists, so it is only given when that is true.
      return appData.ok && folderError !== undefined
        ? { status: 'saved', savedAt: now.toISOString(), copies, folderError }
        : { status: 'saved', savedAt: now.toISOString(), copies };
    },

    async list() {
      const backups: BackupEntry[] = [];
      const userFolder = deps.userFolder();
      const places: [BackupLocation, string][] = [['app-data', deps.appDataFolder]];
      if (userFolder !== null) places.push(['user-folder', userFolder]);
      for (const [location, folder] of places) {
        let names: string[];
        try {
          names = await fs.readdir(folder);
        } catch (e) {
          // No backups yet is not an error; an unplugged stick is worth a log line.
          if (!(location === 'app-data' && errorCode(e) === 'ENOENT')) log('backup-list-failed', { location, error: errorCode(e) });
          continue;
        }
        for (const fileName of names) {
          const parsed = parseBackupFileName(fileName);
          const target = resolveBackupPath(folder, fileName);
          if (!parsed || target === undefined) continue;
          try {
            const stat = await fs.lstat(target);
            if (!stat.isFile()) continue;
            backups.push({ location, fileName, createdAt: parsed.createdAt.toISOString(), bytes: stat.size, reason: parsed.reason });
          } catch {
            // Removed between readdir and lstat: simply not listed.
          }
        }
      }
      backups.sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.location !== b.location ? (a.location === 'app-data' ? -1 : 1) : 0));
      return { backups, folderLabel: userFolder };
    },

    async read(location, fileName) {
      const folder = folderOf(location);
      if (folder === null) {
        log('backup-read-failed', { location, status: 'no-folder' });
        return { status: 'failed', message: MESSAGES.noFolder };
      }
      const target = resolveBackupPath(folder, fileName);
      if (target === undefined) {
        log('backup-read-failed', { location, status: 'bad-name' });
        return { status: 'failed', message: MESSAGES.notFound };
      }
      try {
        const stat = await fs.lstat(target);
        if (!stat.isFile()) {
          log('backup-read-failed', { location, status: 'not-a-file' });
          return { status: 'failed', message: MESSAGES.notFound };
        }
        if (stat.size > MAX_BACKUP_BYTES) {
          log('backup-read-failed', { location, status: 'too-large', bytes: stat.size });
          return { status: 'failed', message: MESSAGES.tooLarge };
        }
        if (stat.size === 0) {
          log('backup-read-failed', { location, status: 'empty' });
          return { status: 'failed', message: MESSAGES.empty };
        }
        const data = await fs.readFile(target);
        // The file may have changed between lstat and read.
        if (data.byteLength > MAX_BACKUP_BYTES) return { status: 'failed', message: MESSAGES.tooLarge };
        if (data.byteLength === 0) return { status: 'failed', message: MESSAGES.empty };
        return { status: 'ok', data };
      } catch (e) {
        const code = errorCode(e);
        log('backup-read-failed', { location, error: code });
        return { status: 'failed', message: code === 'ENOENT' ? MESSAGES.notFound : MESSAGES.readFailed };
      }
    },
  };
}
