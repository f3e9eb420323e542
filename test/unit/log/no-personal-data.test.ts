import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupFs } from '../../../electron/backup/backup-fs';
import { nodeBackupFs } from '../../../electron/backup/node-fs';
import { BACKUP_SETTINGS_FILE } from '../../../electron/backup/settings';
import { openBackupService } from '../../../electron/backup/service';
import { createLogger } from '../../../shared/log/log';

/** Personal values a log line must never contain (SEC-12). */
const PERSONAL = ['山田', '太郎', '花子', 'yamada', 'P-0001', '共有'];

const eventOf = (line: string): unknown => {
  const parsed: unknown = JSON.parse(line);
  return typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'event') : undefined;
};

let root = '';
afterEach(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
  root = '';
});

describe('SEC-12 backups log no personal data', () => {
  it('backing up a study with personal data, to a folder named after the user, logs none of it', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'log-'));
    const userData = path.join(root, 'yamada', 'AppData', 'senshin-desk');
    const shared = path.join(root, '共有', '山田 太郎');
    mkdirSync(shared, { recursive: true });
    const lines: string[] = [];
    const { logEvent } = createLogger((_level, line) => lines.push(line));
    // A study export holding a patient row and a physician's name.
    const data = new TextEncoder().encode(JSON.stringify({ responsiblePhysician: '山田 太郎', patients: [{ name: '山田 花子', id: 'P-0001' }] }));
    const service = await openBackupService({ fs: nodeBackupFs, userDataDir: userData, now: () => new Date(2025, 5, 2, 17, 30, 0), random: () => 'r', log: logEvent, pickFolder: () => Promise.resolve(shared) });
    await service.chooseFolder();
    await service.create(data, 'manual');
    // Then the shared drive goes away, and every read and write fails with errors naming paths.
    rmSync(shared, { recursive: true, force: true });
    await service.create(data, 'interval');
    await service.list();
    await service.read('user-folder', 'senshin-desk-backup-20250602-173000-manual.json');
    const failing: BackupFs = { ...nodeBackupFs, readdir: (d) => Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${d}'`), { code: 'EACCES' })) };
    const broken = await openBackupService({ fs: failing, userDataDir: userData, now: () => new Date(), random: () => 'r', log: logEvent, pickFolder: () => Promise.resolve(undefined) });
    await broken.list();
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(lines.map(eventOf)).toEqual(expect.arrayContaining(['backup-folder-chosen', 'backup-saved', 'backup-folder-failed', 'backup-list-failed', 'backup-read-failed']));
    for (const line of lines) for (const value of PERSONAL) expect(line, line).not.toContain(value);
    for (const line of lines) expect(line).not.toContain(root);
    // The folder itself is remembered (and may be shown in 設定), just never logged.
    expect(readFileSync(path.join(userData, BACKUP_SETTINGS_FILE), 'utf8')).toContain('山田 太郎');
    expect(readdirSync(path.join(userData, 'backups'))).toHaveLength(2);
  });
});

describe('SEC-12 the shell logs only through shared/log', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && (e.name.endsWith('.ts') || e.name.endsWith('.tsx')))
      .map((e) => path.join(e.parentPath, e.name));

  it('has no console.* call in electron/, renderer/ or shared/ (only shared/log writes to the console)', () => {
    const files = [...sources('electron'), ...sources('renderer'), ...sources('shared')].filter((f) => !f.startsWith(path.join('shared', 'log')));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => /\bconsole\s*\./.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
