import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupFs } from '../../../electron/backup/backup-fs';
import { nodeBackupFs } from '../../../electron/backup/node-fs';
import { BACKUP_SETTINGS_FILE } from '../../../electron/backup/settings';
import { openBackupService, type BackupServiceDeps } from '../../../electron/backup/service';
import { createBackupStore, type BackupStoreDeps } from '../../../electron/backup/store';
import { backupFileName } from '../../../electron/policies/backup-files';
import { MAX_BACKUP_BYTES } from '../../../shared/ipc/contract';
import { createLogger } from '../../../shared/log/log';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
const workspace = encode(JSON.stringify({ format: 'senshin-desk-workspace', data: { projects: [{ name: '先進医療B 試験' }] } }));

/** The Japanese message of a failed result (undefined for any other result). */
const messageOf = (r: { readonly status: string }): string | undefined => ('message' in r && typeof r.message === 'string' && r.status === 'failed' ? r.message : undefined);

let root = '';
afterEach(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
  root = '';
});

/** A store over a fresh temporary folder; by default the user's folder is `<tmp>/usb` (existing). */
function setup(options: { readonly fs?: BackupStoreDeps['fs']; readonly userFolder?: string | null } = {}) {
  root = mkdtempSync(path.join(tmpdir(), 'backup-store-'));
  const appDataFolder = path.join(root, 'userData', 'backups');
  const userFolder = options.userFolder === undefined ? path.join(root, 'usb') : options.userFolder;
  if (userFolder !== null && options.userFolder === undefined) mkdirSync(userFolder);
  let now = new Date(2025, 5, 2, 17, 30, 0);
  let n = 0;
  const lines: string[] = [];
  const store = createBackupStore({
    fs: options.fs ?? nodeBackupFs,
    appDataFolder,
    userFolder: () => userFolder,
    now: () => now,
    random: () => `r${n++}`,
    log: createLogger((_level, line) => lines.push(line)).logEvent,
  });
  return { store, appDataFolder, userFolder, lines, setNow: (d: Date) => (now = d) };
}

describe('DATA-13 backups written by main', () => {
  it('writes the same bytes into the app data folder and the chosen folder', async () => {
    const { store, appDataFolder, userFolder } = setup();
    const result = await store.create(workspace, 'interval');
    const name = 'senshin-desk-backup-20250602-173000-interval.json';
    expect(result).toEqual({ status: 'saved', savedAt: new Date(2025, 5, 2, 17, 30, 0).toISOString(), copies: ['app-data', 'user-folder'] });
    expect(readFileSync(path.join(appDataFolder, name), 'utf8')).toBe(decode(workspace));
    expect(readFileSync(path.join(userFolder ?? '', name), 'utf8')).toBe(decode(workspace));
    // Nothing else is left behind (no temporary files).
    expect(readdirSync(appDataFolder)).toEqual([name]);
  });

  it('still saves the app data copy when the chosen folder is unplugged, and says so in Japanese', async () => {
    const { store, appDataFolder, userFolder } = setup({ userFolder: path.join(tmpdir(), 'senshin-no-such-usb-stick', 'backups') });
    const result = await store.create(workspace, 'quit');
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.copies).toEqual(['app-data']);
    expect(result.folderError).toMatch(/フォルダーに保存できませんでした/);
    expect(result.folderError).toMatch(/アプリのデータフォルダーには保存しました/);
    expect(readdirSync(appDataFolder)).toHaveLength(1);
    // We never create the user's folder ourselves: a missing drive is not silently replaced.
    expect(existsSync(userFolder ?? '')).toBe(false);
  });

  it('fails with a Japanese message when no copy can be written', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'backup-store-'));
    const blocker = path.join(root, 'userData');
    writeFileSync(blocker, 'a file where the folder should be');
    const store = createBackupStore({ fs: nodeBackupFs, appDataFolder: path.join(blocker, 'backups'), userFolder: () => null, now: () => new Date(), random: () => 'r', log: () => undefined });
    const result = await store.create(workspace, 'manual');
    expect(messageOf(result)).toMatch(/バックアップを保存できませんでした/);
  });

  it('keeps earlier backups intact when a write fails half-way', async () => {
    const { store, appDataFolder } = setup({ userFolder: null });
    await store.create(encode('yesterday'), 'interval');
    const failing: BackupFs = { ...nodeBackupFs, sync: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) };
    const broken = createBackupStore({ fs: failing, appDataFolder, userFolder: () => null, now: () => new Date(2025, 5, 2, 18, 0, 0), random: () => 'x', log: () => undefined });
    expect((await broken.create(encode('today'), 'interval')).status).toBe('failed');
    expect(readdirSync(appDataFolder)).toEqual(['senshin-desk-backup-20250602-173000-interval.json']);
    expect(readFileSync(path.join(appDataFolder, 'senshin-desk-backup-20250602-173000-interval.json'), 'utf8')).toBe('yesterday');
  });

  it('keeps two backups made in the same second for different reasons', async () => {
    const { store, appDataFolder } = setup({ userFolder: null });
    await store.create(encode('before restore'), 'pre-restore');
    await store.create(encode('manual'), 'manual');
    expect(readdirSync(appDataFolder).sort()).toEqual(['senshin-desk-backup-20250602-173000-manual.json', 'senshin-desk-backup-20250602-173000-pre-restore.json']);
  });

  it('thins out old backups in both folders and never touches other files there', async () => {
    const { store, appDataFolder, userFolder, setNow } = setup();
    const usb = userFolder ?? '';
    mkdirSync(appDataFolder, { recursive: true });
    // Sixty days of daily backups already in both folders, plus the coordinator's own files.
    for (let i = 60; i >= 1; i--) {
      const name = backupFileName(new Date(2025, 5, 2 - i, 12, 0, 0), 'interval');
      writeFileSync(path.join(appDataFolder, name), 'old');
      writeFileSync(path.join(usb, name), 'old');
    }
    writeFileSync(path.join(usb, '議事録メモ.docx'), 'mine');
    writeFileSync(path.join(usb, 'senshin-desk-backup-20250101-120000-interval.json.bak'), 'mine');
    mkdirSync(path.join(usb, 'senshin-desk-backup-20250101-120000-manual.json'));
    setNow(new Date(2025, 5, 2, 17, 30, 0));
    await store.create(workspace, 'interval');
    const ours = (dir: string): string[] => readdirSync(dir).filter((n) => /^senshin-desk-backup-\d{8}-\d{6}-[a-z-]+\.json$/.test(n)).sort();
    // Today's new one, the 13 days before it, and the newest of each of the 5 older ISO weeks
    // (Mondays 19 May … 14 April; the weeks of 26 May and 2 June are already covered).
    const expected = [
      'senshin-desk-backup-20250602-173000-interval.json',
      ...Array.from({ length: 13 }, (_, i) => backupFileName(new Date(2025, 4, 20 + i, 12, 0, 0), 'interval')),
      ...[18, 11, 4].map((d) => backupFileName(new Date(2025, 4, d, 12, 0, 0), 'interval')),
      ...[27, 20].map((d) => backupFileName(new Date(2025, 3, d, 12, 0, 0), 'interval')),
    ].sort();
    expect(ours(appDataFolder)).toEqual(expected);
    const folderLikeBackup = 'senshin-desk-backup-20250101-120000-manual.json';
    expect(ours(usb).filter((n) => n !== folderLikeBackup)).toEqual(expected);
    expect(readdirSync(usb)).toEqual(expect.arrayContaining(['議事録メモ.docx', 'senshin-desk-backup-20250101-120000-interval.json.bak', folderLikeBackup]));
  });

  it('lists the backups of both folders newest first, with size and reason', async () => {
    const { store, setNow, userFolder } = setup();
    await store.create(encode('a'), 'interval');
    setNow(new Date(2025, 5, 2, 18, 0, 0));
    await store.create(encode('bb'), 'manual');
    const listed = await store.list();
    expect(listed.folderLabel).toBe(userFolder);
    expect(listed.backups).toEqual([
      { location: 'app-data', fileName: 'senshin-desk-backup-20250602-180000-manual.json', createdAt: new Date(2025, 5, 2, 18, 0, 0).toISOString(), bytes: 2, reason: 'manual' },
      { location: 'user-folder', fileName: 'senshin-desk-backup-20250602-180000-manual.json', createdAt: new Date(2025, 5, 2, 18, 0, 0).toISOString(), bytes: 2, reason: 'manual' },
      { location: 'app-data', fileName: 'senshin-desk-backup-20250602-173000-interval.json', createdAt: new Date(2025, 5, 2, 17, 30, 0).toISOString(), bytes: 1, reason: 'interval' },
      { location: 'user-folder', fileName: 'senshin-desk-backup-20250602-173000-interval.json', createdAt: new Date(2025, 5, 2, 17, 30, 0).toISOString(), bytes: 1, reason: 'interval' },
    ]);
  });

  it('lists nothing (and no error) before the first backup, and skips an unplugged folder', async () => {
    const { store } = setup({ userFolder: path.join(tmpdir(), 'senshin-no-such-usb-stick') });
    expect(await store.list()).toEqual({ backups: [], folderLabel: path.join(tmpdir(), 'senshin-no-such-usb-stick') });
  });

  it('reads a backup back by location and name', async () => {
    const { store } = setup();
    await store.create(workspace, 'manual');
    const name = 'senshin-desk-backup-20250602-173000-manual.json';
    const fromUsb = await store.read('user-folder', name);
    expect(fromUsb.status === 'ok' && decode(fromUsb.data)).toBe(decode(workspace));
    const fromAppData = await store.read('app-data', name);
    expect(fromAppData.status === 'ok' && decode(fromAppData.data)).toBe(decode(workspace));
    expect(messageOf(await store.read('app-data', 'senshin-desk-backup-20250602-173001-manual.json'))).toMatch(/見つかりません/);
  });

  it('refuses hostile names without touching the disk (SEC-09)', async () => {
    const touched: string[] = [];
    const spy: BackupFs = {
      ...nodeBackupFs,
      lstat: (f) => {
        touched.push(f);
        return nodeBackupFs.lstat(f);
      },
      readFile: (f) => {
        touched.push(f);
        return nodeBackupFs.readFile(f);
      },
    };
    const { store } = setup({ fs: spy });
    writeFileSync(path.join(root, 'secret.json'), 'not yours');
    for (const name of ['../secret.json', '..\\secret.json', path.join(root, 'secret.json'), 'C:\\secret.json', '%2e%2e%2fsecret.json', 'senshin-desk-backup-20250602-173000-manual.json\0', `../${'senshin-desk-backup-20250602-173000-manual.json'}`]) {
      expect(messageOf(await store.read('app-data', name)), name).toMatch(/見つかりません/);
    }
    expect(touched).toEqual([]);
  });

  it('says so when no folder is chosen and the user folder is asked for', async () => {
    const { store } = setup({ userFolder: null });
    expect(messageOf(await store.read('user-folder', 'senshin-desk-backup-20250602-173000-manual.json'))).toMatch(/選ばれていません/);
  });

  it('refuses a file over 256 MB before reading it', async () => {
    let reads = 0;
    const huge: BackupFs = {
      ...nodeBackupFs,
      lstat: async (f) => {
        const real = await nodeBackupFs.lstat(f);
        return { size: MAX_BACKUP_BYTES + 1, isFile: () => real.isFile() };
      },
      readFile: (f) => {
        reads++;
        return nodeBackupFs.readFile(f);
      },
    };
    const { store } = setup({ fs: huge });
    await store.create(workspace, 'manual');
    expect(messageOf(await store.read('app-data', 'senshin-desk-backup-20250602-173000-manual.json'))).toMatch(/大きすぎる/);
    expect(reads).toBe(0);
  });

  it('does not list or read a symbolic link that carries a backup name', async () => {
    const { store, userFolder } = setup();
    writeFileSync(path.join(root, 'outside.json'), 'outside');
    const name = 'senshin-desk-backup-20250101-120000-manual.json';
    symlinkSync(path.join(root, 'outside.json'), path.join(userFolder ?? '', name));
    expect((await store.list()).backups).toEqual([]);
    expect((await store.read('user-folder', name)).status).toBe('failed');
  });
});

describe('DATA-13 backup folder choice (SEC-09: chosen in main’s dialog)', () => {
  const service = (userDataDir: string, pick: string | undefined) => {
    const deps: BackupServiceDeps = { fs: nodeBackupFs, userDataDir, now: () => new Date(2025, 5, 2, 9, 0, 0), random: () => 'r', log: () => undefined, pickFolder: () => Promise.resolve(pick) };
    return openBackupService(deps);
  };

  it('remembers the chosen folder across restarts and writes there', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'backup-service-'));
    const userData = path.join(root, 'userData');
    const shared = path.join(root, '共有ドライブ');
    mkdirSync(shared);
    const first = await service(userData, shared);
    expect((await first.list()).folderLabel).toBeNull();
    expect(await first.chooseFolder()).toEqual({ status: 'chosen', folderLabel: shared });
    const afterRestart = await service(userData, undefined);
    expect((await afterRestart.list()).folderLabel).toBe(shared);
    const saved = await afterRestart.create(workspace, 'interval');
    expect(saved.status === 'saved' && saved.copies).toEqual(['app-data', 'user-folder']);
    expect(readdirSync(shared)).toEqual(['senshin-desk-backup-20250602-090000-interval.json']);
  });

  it('changes nothing when the dialog is cancelled', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'backup-service-'));
    const s = await service(path.join(root, 'userData'), undefined);
    expect(await s.chooseFolder()).toEqual({ status: 'cancelled' });
    expect((await s.list()).folderLabel).toBeNull();
    expect(existsSync(path.join(root, 'userData', BACKUP_SETTINGS_FILE))).toBe(false);
  });

  it.each([
    ['not JSON', '{"formatVersion":1,"userFolder":'],
    ['the wrong shape', '{"folder":"/mnt/usb"}'],
    ['a newer format', '{"formatVersion":2,"userFolder":"/mnt/usb"}'],
    ['a relative folder', '{"formatVersion":1,"userFolder":"usb/backups"}'],
    ['not UTF-8', '\u00ff\u00fe'],
  ])('treats a settings file with %s as "no folder chosen" and still backs up', async (_what, text) => {
    root = mkdtempSync(path.join(tmpdir(), 'backup-service-'));
    const userData = path.join(root, 'userData');
    mkdirSync(userData);
    writeFileSync(path.join(userData, BACKUP_SETTINGS_FILE), text === '\u00ff\u00fe' ? Buffer.from([0xff, 0xfe, 0xc3]) : text);
    const s = await service(userData, undefined);
    expect((await s.list()).folderLabel).toBeNull();
    expect(await s.create(workspace, 'interval')).toMatchObject({ status: 'saved', copies: ['app-data'] });
  });
});
