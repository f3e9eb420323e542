import { describe, expect, it } from 'vitest';
import { browserPlatform, electronPlatform, type AutoBackups } from '../../../renderer/platform/platform';
import { MAX_BACKUP_BYTES, buildWindowApi } from '../../../shared/ipc/contract';

const backupName = 'senshin-desk-backup-20250602-173000-manual.json';
const bytes = new TextEncoder().encode('{"format":"senshin-desk-workspace"}');

/**
 * electronPlatform over the real window.api builder (the preload's), with main faked by
 * `answer(channel, payload)`; `announceQuit()` is main sending app-before-quit.
 */
function setup(answer: (channel: string, payload: unknown) => unknown = () => ({})) {
  const invoked: [string, unknown][] = [];
  let announce: (() => void) | undefined;
  const api = buildWindowApi(
    (channel, payload) => {
      invoked.push([channel, payload]);
      return Promise.resolve(answer(channel, payload));
    },
    (_channel, callback) => {
      announce = callback;
    },
  );
  const backups: AutoBackups | undefined = electronPlatform(api).backups;
  if (!backups) throw new Error('electronPlatform must offer backups');
  return { backups, invoked, announceQuit: () => announce?.() };
}

/** The Japanese message of a failed result (undefined for any other result). */
const messageOf = (r: { readonly status: string }): string | undefined => ('message' in r && typeof r.message === 'string' && r.status === 'failed' ? r.message : undefined);

/** Lets queued promise callbacks run (no real time passes). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('DATA-13 platform: automatic backups', () => {
  it('exists only in Electron', () => {
    expect(browserPlatform().backups).toBeUndefined();
    expect(setup().backups).toBeDefined();
  });

  it('writes through backup-create and returns main’s answer', async () => {
    const { backups, invoked } = setup(() => ({ status: 'saved', savedAt: '2025-06-02T08:30:00.000Z', copies: ['app-data'], folderError: 'USBメモリーに保存できませんでした。' }));
    expect(await backups.write(bytes, 'interval')).toEqual({ status: 'saved', savedAt: '2025-06-02T08:30:00.000Z', copies: ['app-data'], folderError: 'USBメモリーに保存できませんでした。' });
    expect(invoked).toEqual([['backup-create', { data: bytes, reason: 'interval' }]]);
  });

  it('answers an empty or oversized backup with a Japanese message, without calling main', async () => {
    const { backups, invoked } = setup();
    expect(messageOf(await backups.write(new Uint8Array(), 'manual'))).toMatch(/バックアップする内容がありません/);
    // 256 MB + 1 without allocating it: the size is all the adapter may look at.
    const tooBig = new Uint8Array(1);
    Object.defineProperty(tooBig, 'byteLength', { value: MAX_BACKUP_BYTES + 1 });
    expect(messageOf(await backups.write(tooBig, 'manual'))).toMatch(/大きすぎる/);
    expect(invoked).toEqual([]);
  });

  it('turns a broken answer from main into a failed write instead of throwing', async () => {
    const { backups } = setup(() => ({ status: 'saved' }));
    expect(messageOf(await backups.write(bytes, 'quit'))).toMatch(/保存できませんでした/);
  });

  it('lists, reads and chooses the folder through the contract', async () => {
    const entry = { location: 'user-folder', fileName: backupName, createdAt: '2025-06-02T08:30:00.000Z', bytes: 36, reason: 'manual' };
    const { backups, invoked } = setup((channel) =>
      channel === 'backup-list' ? { backups: [entry], folderLabel: 'E:\\バックアップ' } : channel === 'backup-read' ? { status: 'ok', data: bytes } : { status: 'chosen', folderLabel: 'E:\\バックアップ' },
    );
    expect(await backups.list()).toEqual({ backups: [entry], folderLabel: 'E:\\バックアップ' });
    expect(await backups.read('user-folder', backupName)).toEqual({ status: 'ok', data: bytes });
    expect(await backups.chooseFolder()).toEqual({ status: 'chosen', folderLabel: 'E:\\バックアップ' });
    expect(invoked.map(([c]) => c)).toEqual(['backup-list', 'backup-read', 'backup-folder-choose']);
    // No path ever goes to main: the folder dialog request is empty.
    expect(invoked[2]?.[1]).toEqual({});
  });

  it('answers a name that is not a backup name with a failed read, sending nothing', async () => {
    const { backups, invoked } = setup();
    expect(messageOf(await backups.read('app-data', '../../secret.json'))).toMatch(/読み込めませんでした/);
    expect(invoked).toEqual([]);
  });
});

describe('DATA-11/DATA-13 platform: work before quit', () => {
  it('runs all registered work, then tells main it is ready — once, even when work failed', async () => {
    const { backups, invoked, announceQuit } = setup();
    const done: string[] = [];
    backups.onBeforeQuit(async () => {
      await settle();
      done.push('flush');
    });
    backups.onBeforeQuit(() => Promise.reject(new Error('disk full')));
    backups.onBeforeQuit(async () => {
      done.push('final backup');
      await Promise.resolve();
    });
    announceQuit();
    await settle();
    await settle();
    expect(done.sort()).toEqual(['final backup', 'flush']);
    expect(invoked.map(([c]) => c)).toEqual(['quit-ready']);
  });

  it('does not answer before the work has finished', async () => {
    const { backups, invoked, announceQuit } = setup();
    let finish: () => void = () => undefined;
    backups.onBeforeQuit(() => new Promise<void>((resolve) => (finish = resolve)));
    announceQuit();
    await settle();
    expect(invoked).toEqual([]);
    finish();
    await settle();
    expect(invoked.map(([c]) => c)).toEqual(['quit-ready']);
  });

  it('after every registration is removed, main gets its answer at once (from the preload)', async () => {
    const { backups, invoked, announceQuit } = setup();
    let ran = false;
    const off = backups.onBeforeQuit(() => {
      ran = true;
      return Promise.resolve();
    });
    off();
    announceQuit();
    await settle();
    expect(ran).toBe(false);
    expect(invoked.map(([c]) => c)).toEqual(['quit-ready']);
  });

  it('copes with a broken reply to quit-ready (the window may be closing) without an unhandled rejection', async () => {
    const { backups, invoked, announceQuit } = setup(() => 'not an object');
    backups.onBeforeQuit(() => Promise.resolve());
    announceQuit();
    await settle();
    // The reply fails the contract and is swallowed; test/setup fails the run on any unhandled rejection.
    expect(invoked.map(([c]) => c)).toEqual(['quit-ready']);
  });
});
