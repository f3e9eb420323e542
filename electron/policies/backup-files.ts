/**
 * DATA-13: names of automatic backup files, and where such a name may point.
 *
 * `senshin-desk-backup-YYYYMMDD-HHMMSS-<reason>.json`, in the PC's local time, because people
 * read these names in Explorer on a USB stick or a shared drive ("the one from Friday evening").
 * The name is the only record of when and why a backup was made: changing this format hides every
 * existing backup from the list and from retention (retention never deletes what it cannot parse).
 */
import path from 'node:path';
import { BACKUP_FILE_NAME_RE, type BackupReason, backupReasonSchema } from '../../shared/ipc/contract';

export interface ParsedBackupName {
  readonly reason: BackupReason;
  /** The local time written in the name, to the second. */
  readonly createdAt: Date;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function backupFileName(at: Date, reason: BackupReason): string {
  const date = `${pad(at.getFullYear(), 4)}${pad(at.getMonth() + 1, 2)}${pad(at.getDate(), 2)}`;
  const time = `${pad(at.getHours(), 2)}${pad(at.getMinutes(), 2)}${pad(at.getSeconds(), 2)}`;
  return `senshin-desk-backup-${date}-${time}-${reason}.json`;
}

/**
 * Parses one of our names, or returns undefined for anything else (other files, hostile input,
 * impossible dates such as 20250230). Independent of the time zone: the calendar is checked in
 * UTC arithmetic, then the fields are read as local time (an hour skipped by a DST change still
 * parses, so such a file is listed rather than silently ignored).
 */
export function parseBackupFileName(name: string): ParsedBackupName | undefined {
  const m = BACKUP_FILE_NAME_RE.exec(name);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const reason = backupReasonSchema.safeParse(m[7]);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined || s === undefined || !reason.success) return undefined;
  if (y < 2000 || h > 23 || mi > 59 || s > 59) return undefined;
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return undefined;
  return { reason: reason.data, createdAt: new Date(y, mo - 1, d, h, mi, s) };
}

/** The pure predicate every handler applies before a name is turned into a path. */
export function isBackupFileName(name: string): boolean {
  return parseBackupFileName(name) !== undefined;
}

/**
 * The absolute path of backup `name` inside `folder`, or undefined when the name is not one of
 * ours or would resolve anywhere but directly inside the folder (SEC-09: containment is checked
 * on the resolved path, not assumed from the pattern).
 */
export function resolveBackupPath(folder: string, name: string): string | undefined {
  if (!isBackupFileName(name)) return undefined;
  const base = path.resolve(folder);
  const resolved = path.resolve(base, name);
  if (path.dirname(resolved) !== base || path.basename(resolved) !== name) return undefined;
  return resolved;
}
