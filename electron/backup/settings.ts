/**
 * DATA-13: the backup folder the user chose, remembered in `<userData>/backup-settings.json`.
 * Parsed with zod; a missing, unreadable or malformed file means "no folder chosen" — the app-data
 * backups go on regardless, and the user can choose the folder again.
 * The folder path is shown to the user in 設定 but never logged (SEC-12).
 */
import path from 'node:path';
import { z } from 'zod';
import { errorCode, type LogFn } from '../../shared/log/log';
import { writeFileAtomic } from '../policies/atomic-write';
import type { BackupFs } from './backup-fs';

export const BACKUP_SETTINGS_FILE = 'backup-settings.json';

const settingsSchema = z.object({
  formatVersion: z.literal(1),
  userFolder: z
    .string()
    .min(1)
    .max(4096)
    // Only an absolute path chosen in the dialog; anything relative would depend on the cwd.
    .refine((p) => path.isAbsolute(p) && !p.includes('\0'))
    .nullable(),
});

export type BackupSettings = z.infer<typeof settingsSchema>;

export const NO_SETTINGS: BackupSettings = { formatVersion: 1, userFolder: null };

/** Settings naming `folder` as the backup folder, or undefined if it is not an acceptable path. */
export function settingsForFolder(folder: string): BackupSettings | undefined {
  const parsed = settingsSchema.safeParse({ formatVersion: 1, userFolder: folder });
  return parsed.success ? parsed.data : undefined;
}

/** Parses the file's text; anything not exactly valid is `undefined`. */
export function parseBackupSettings(text: string): BackupSettings | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export async function loadBackupSettings(file: string, fs: BackupFs, log: LogFn): Promise<BackupSettings> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') log('backup-settings-invalid', { error: errorCode(e) });
    return NO_SETTINGS;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    log('backup-settings-invalid', { status: 'invalid' });
    return NO_SETTINGS;
  }
  const settings = parseBackupSettings(text);
  if (!settings) {
    log('backup-settings-invalid', { status: 'invalid' });
    return NO_SETTINGS;
  }
  return settings;
}

export async function saveBackupSettings(file: string, settings: BackupSettings, fs: BackupFs, random: () => string): Promise<void> {
  const checked = settingsSchema.parse(settings);
  await fs.mkdir(path.dirname(file));
  await writeFileAtomic(file, new TextEncoder().encode(`${JSON.stringify(checked, null, 2)}\n`), fs, random);
}
