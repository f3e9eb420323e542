import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, isBackupFileName, parseBackupFileName, resolveBackupPath } from '../../../electron/policies/backup-files';
import { BACKUP_FILE_NAME_RE, type BackupReason } from '../../../shared/ipc/contract';

const folder = path.resolve('/srv/backups');
const good = 'senshin-desk-backup-20250601-173005-interval.json';
const reasons: readonly BackupReason[] = ['interval', 'quit', 'manual', 'pre-restore'];

describe('DATA-13 backup file names', () => {
  it('names a backup by its local date, time and reason, as people read it in Explorer', () => {
    expect(backupFileName(new Date(2025, 5, 1, 17, 30, 5), 'interval')).toBe(good);
    expect(backupFileName(new Date(2026, 0, 9, 8, 4, 0), 'pre-restore')).toBe('senshin-desk-backup-20260109-080400-pre-restore.json');
  });

  it('reads the time and reason back from the name', () => {
    expect(parseBackupFileName(good)).toEqual({ reason: 'interval', createdAt: new Date(2025, 5, 1, 17, 30, 5) });
  });

  it('round-trips every time and reason through the name (to the second)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 2), max: new Date(2099, 11, 30), noInvalidDate: true }), fc.constantFrom(...reasons), (at, reason) => {
        const name = backupFileName(at, reason);
        const parsed = parseBackupFileName(name);
        expect(parsed?.reason).toBe(reason);
        expect(BACKUP_FILE_NAME_RE.test(name)).toBe(true);
        // Same name again from the parsed time: the name is a faithful record of the local time.
        expect(parsed && backupFileName(parsed.createdAt, reason)).toBe(name);
      }),
    );
  });

  it.each([
    ['February 30th', 'senshin-desk-backup-20250230-120000-manual.json'],
    ['month 13', 'senshin-desk-backup-20251301-120000-manual.json'],
    ['hour 24', 'senshin-desk-backup-20250601-240000-manual.json'],
    ['minute 60', 'senshin-desk-backup-20250601-126000-manual.json'],
    ['an unknown reason', 'senshin-desk-backup-20250601-120000-evil.json'],
    ['a short date', 'senshin-desk-backup-2025061-120000-manual.json'],
  ])('does not take %s for a backup', (_what, name) => {
    expect(isBackupFileName(name)).toBe(false);
  });

  it('resolves a backup name directly inside its folder', () => {
    expect(resolveBackupPath(folder, good)).toBe(path.join(folder, good));
    expect(resolveBackupPath(`${folder}${path.sep}`, good)).toBe(path.join(folder, good));
  });

  it.each([
    ['empty', ''],
    ['dot', '.'],
    ['dot-dot', '..'],
    ['dot-dot then a backup name', `../${good}`],
    ['backslash dot-dot', `..\\${good}`],
    ['a sub-folder', `sub/${good}`],
    ['a Windows sub-folder', `sub\\${good}`],
    ['an absolute POSIX path', `/etc/${good}`],
    ['a drive letter', `C:\\${good}`],
    ['a drive-relative name', `C:${good}`],
    ['a UNC path', `\\\\server\\share\\${good}`],
    ['a file URL', `file:///${good}`],
    ['a NUL byte', `${good}\0.txt`],
    ['a trailing NUL', `${good}\0`],
    ['URL-encoded dot-dot', `%2e%2e%2f${good}`],
    ['URL-encoded dot', 'senshin-desk-backup-20250601-173005-interval%2ejson'],
    ['a trailing newline', `${good}\n`],
    ['a leading space', ` ${good}`],
    ['upper case', good.toUpperCase()],
    ['a trailing dot-dot segment', `${good}/..`],
    ['our temporary file', `.${good}.a1b2c3.tmp`],
    ['another extension after ours', `${good}.tmp`],
    ['full-width digits', 'senshin-desk-backup-２０２５０６０１-173005-interval.json'],
    ['a name from someone else', 'メモ.json'],
  ])('refuses %s as a backup name, before any path is built', (_what, name) => {
    expect(isBackupFileName(name)).toBe(false);
    expect(resolveBackupPath(folder, name)).toBeUndefined();
  });

  it('never resolves a name containing a separator, a dot-dot or a NUL', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('/', '\\', '..', '\0', ':'), fc.string(), (a, bad, b) => {
        expect(resolveBackupPath(folder, `${a}${bad}${b}`)).toBeUndefined();
      }),
    );
  });
});
