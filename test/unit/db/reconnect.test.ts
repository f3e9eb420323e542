import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DbError, diskFullSeen, isDiskFull, noteStorageOutcome, saveFailureKind } from '../../../renderer/db/errors';
import { onReconnected, openWorkspace } from '../../../renderer/db/open';
import { Repositories } from '../../../renderer/db/repositories';

/**
 * DATA-12: a full disk under an open database. In Chromium the write aborts, the browser closes
 * the connection (the IDBDatabase's close event), and every reopen fails with UnknownError until
 * there is space again. Here a disk in front of fake-indexeddb refuses opens while `full`.
 */
function diskOf(base: IDBFactory) {
  const disk = { full: false, opensRefused: 0 };
  const refuse = (): IDBOpenDBRequest => {
    disk.opensRefused++;
    const req: Record<string, unknown> = { error: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'), result: undefined, transaction: null, readyState: 'done' };
    setTimeout(() => {
      const onerror = req.onerror;
      if (typeof onerror === 'function') onerror.call(req, { target: req, type: 'error', preventDefault: () => undefined, stopPropagation: () => undefined });
    }, 1);
    // A stand-in for the request object; Dexie only sets its handlers and reads `error`.
    return req as unknown as IDBOpenDBRequest;
  };
  const factory = new Proxy(base, {
    get(target, prop) {
      if (prop === 'open') return (name: string, version?: number): IDBOpenDBRequest => (disk.full ? refuse() : target.open(name, version));
      const v: unknown = Reflect.get(target, prop);
      return typeof v === 'function' ? (...args: unknown[]): unknown => Reflect.apply(v, target, args) : v;
    },
  });
  return { disk, factory };
}

/** What Chromium does to the connection when a write met a full disk. */
function browserClosesConnection(db: Dexie): void {
  const idb = db.backendDB();
  idb.close();
  const onclose: unknown = idb.onclose;
  if (typeof onclose === 'function') onclose.call(idb, new Event('close'));
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('DATA-12 the connection after the disk filled up', () => {
  it('is opened again by itself once there is space: saving works again without a reload', async () => {
    const { disk, factory } = diskOf(indexedDB);
    const opened = await openWorkspace(`full-${crypto.randomUUID()}`, { factory, reconnectDelaysMs: [20] });
    if (opened.status !== 'ready') throw new Error(opened.status);
    cleanups.push(() => opened.db.close());
    let reconnected = 0;
    cleanups.push(onReconnected(() => reconnected++));
    const repos = new Repositories(opened.db);
    const project = await repos.createProject('満杯の試験');

    disk.full = true;
    browserClosesConnection(opened.db);
    await expect(repos.renameProject(project.id, '満杯のときの名前')).rejects.toThrow();
    await wait(100);
    await expect(repos.renameProject(project.id, '満杯のときの名前')).rejects.toThrow();
    expect(disk.opensRefused).toBeGreaterThan(1);

    disk.full = false;
    await wait(200);
    await repos.renameProject(project.id, '空きができてからの名前');
    expect((await repos.getProject(project.id)).name).toBe('空きができてからの名前');
    // Editors whose save failed are told, and retry at once.
    expect(reconnected).toBeGreaterThan(0);
  });

  it('stops trying when the app closes the database itself', async () => {
    const { disk, factory } = diskOf(indexedDB);
    const opened = await openWorkspace(`closed-${crypto.randomUUID()}`, { factory, reconnectDelaysMs: [10] });
    if (opened.status !== 'ready') throw new Error(opened.status);
    disk.full = true;
    browserClosesConnection(opened.db);
    await wait(50);
    opened.db.close();
    const refused = disk.opensRefused;
    await wait(100);
    expect(disk.opensRefused).toBe(refused);
    expect(opened.db.isOpen()).toBe(false);
  });
});

describe('DATA-12 a full disk is named as such', () => {
  // The shapes Chromium 14x gives on a full tmpfs profile (seen in test/e2e/disk-full.spec.ts).
  const abort = new Dexie.AbortError(
    'UnknownError Connection is closing because of: IO error: .../http_127.0.0.1_4183.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
    new DOMException('Connection is closing because of: IO error: .../000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)', 'UnknownError'),
  );
  const reopenRefused = new Dexie.DatabaseClosedError(new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'));

  it('recognises the aborted write, also when wrapped by the repositories', () => {
    expect(isDiskFull(abort)).toBe(true);
    expect(isDiskFull(new DbError('write-failed', '様式第5号を保存できませんでした。', { cause: abort }))).toBe(true);
    expect(isDiskFull(new DOMException('quota', 'QuotaExceededError'))).toBe(true);
    expect(isDiskFull(reopenRefused)).toBe(false);
  });

  it('reads the refused reopens after a full disk as the same full disk, and other failures as they are', () => {
    expect(saveFailureKind(abort, false)).toBe('disk-full');
    expect(saveFailureKind(reopenRefused, true)).toBe('disk-full');
    expect(saveFailureKind(reopenRefused, false)).toBe('storage');
    expect(saveFailureKind(new DbError('invalid', '様式第5号を保存できませんでした：内容が正しくありません'), true)).toBe('other');
    expect(saveFailureKind(new DbError('conflict', '別のウィンドウで保存されました。'), true)).toBe('other');
  });

  it('remembers a full disk met by any write (the journal’s too) until a write reaches the disk', () => {
    noteStorageOutcome(undefined);
    expect(diskFullSeen()).toBe(false);
    noteStorageOutcome(abort);
    expect(diskFullSeen()).toBe(true);
    noteStorageOutcome(new DOMException('Key already exists', 'ConstraintError'));
    expect(diskFullSeen()).toBe(true);
    noteStorageOutcome(undefined);
    expect(diskFullSeen()).toBe(false);
  });
});
