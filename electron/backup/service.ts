/**
 * DATA-13: the backup service main wires to the contract: the store plus the remembered folder.
 * The folder is picked in main's own dialog (SEC-09: the renderer never sends a path); the
 * choice is saved to `<userData>/backup-settings.json` and used from the next backup on.
 */
import path from 'node:path';
import type { ApiResponse } from '../../shared/ipc/contract';
import { errorCode, type LogFn } from '../../shared/log/log';
import type { BackupFs } from './backup-fs';
import { BACKUP_SETTINGS_FILE, loadBackupSettings, saveBackupSettings, settingsForFolder, type BackupSettings } from './settings';
import { createBackupStore, type BackupStore } from './store';

export const APP_DATA_BACKUP_FOLDER = 'backups';

export interface BackupServiceDeps {
  readonly fs: BackupFs;
  /** Electron's `app.getPath('userData')`. */
  readonly userDataDir: string;
  readonly now: () => Date;
  readonly random: () => string;
  readonly log: LogFn;
  /** Shows the folder dialog; undefined when cancelled. */
  readonly pickFolder: () => Promise<string | undefined>;
}

export interface BackupService extends BackupStore {
  chooseFolder(): Promise<ApiResponse<'backupFolderChoose'>>;
}

export async function openBackupService(deps: BackupServiceDeps): Promise<BackupService> {
  const settingsFile = path.join(deps.userDataDir, BACKUP_SETTINGS_FILE);
  let settings: BackupSettings = await loadBackupSettings(settingsFile, deps.fs, deps.log);
  const store = createBackupStore({
    fs: deps.fs,
    appDataFolder: path.join(deps.userDataDir, APP_DATA_BACKUP_FOLDER),
    userFolder: () => settings.userFolder,
    now: deps.now,
    random: deps.random,
    log: deps.log,
  });
  return {
    ...store,
    async chooseFolder() {
      const picked = await deps.pickFolder();
      const next = picked === undefined ? undefined : settingsForFolder(path.resolve(picked));
      if (next === undefined || next.userFolder === null) return { status: 'cancelled' };
      try {
        await saveBackupSettings(settingsFile, next, deps.fs, deps.random);
      } catch (e) {
        // Still used for this session; only remembering it across restarts failed.
        deps.log('backup-settings-save-failed', { error: errorCode(e) });
      }
      settings = next;
      deps.log('backup-folder-chosen');
      return { status: 'chosen', folderLabel: next.userFolder };
    },
  };
}
