import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from '../../../renderer/db/database';
import { OPEN_TIMEOUT_MS, openWorkspace, readRaw, storedVersion } from '../../../renderer/db/open';
import { Repositories } from '../../../renderer/db/repositories';
import { yoshiki5 } from '../../../shared/forms/besshi1/yoshiki5';

const V2 = SCHEMA_VERSIONS[1];
if (!V2) throw new Error('schema version 2 missing');

/** A realistic version-2 database: a project, a form's answers, a cost model, the roster. */
async function version2Database(): Promise<string> {
  const name = `open-${crypto.randomUUID()}`;
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_VERSIONS[0]?.stores ?? {});
  v2.version(2).stores(V2?.stores ?? {});
  await v2.open();
  await v2.table('projects').put({ id: 'p1', name: '既存の案件', technologyName: '腹腔鏡下手術', indication: '胃癌', category: 'B', filingDate: '', responsiblePhysicianId: '', notices: [], filer: { name: '', address: '', founderName: '' }, createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-02T00:00:00.000Z' });
  await v2.table('formAnswers').put({ projectId: 'p1', formId: yoshiki5.id, answers: { ...yoshiki5.empty(), advancement: '版2で書いた先進性' }, updatedAt: '2026-10-02T00:00:00.000Z' });
  await v2.table('settings').put({ key: 'roster', value: [] });
  v2.close();
  return name;
}

async function dumpAt(name: string): Promise<string> {
  return JSON.stringify((await readRaw(name)).tables);
}

describe('DATA-04 upgrade from schema version 2', () => {
  it('keeps every row, adds the revision tables, and the first save starts the history', async () => {
    const name = await version2Database();
    const opened = await openWorkspace(name);
    expect(opened.status).toBe('ready');
    if (opened.status !== 'ready') return;
    expect(opened.db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const repos = new Repositories(opened.db);
    expect((await repos.getProject('p1')).name).toBe('既存の案件');
    expect((await repos.getFormAnswers('p1', yoshiki5)).advancement).toBe('版2で書いた先進性');
    expect(await opened.db.revisions.count()).toBe(0);
    await repos.saveFormAnswers('p1', yoshiki5, { ...yoshiki5.empty(), advancement: '版3で直した' });
    expect((await repos.revisions.history('form:p1:besshi1/yoshiki5')).map((r) => r.rev)).toEqual([1]);
    opened.db.close();
  });
});

describe('DATA-05 a failed upgrade', () => {
  it('leaves the old data untouched and settles as failed (recovery screen), never a blank app', async () => {
    const name = await version2Database();
    const before = await dumpAt(name);
    const failing: SchemaVersion[] = [
      ...SCHEMA_VERSIONS.slice(0, 2),
      {
        version: 3,
        stores: { ...V2.stores, revisions: '++seq' },
        upgrade: () => Promise.reject(new Error('upgrade bug')),
      },
    ];
    const opened = await openWorkspace(name, { versions: failing });
    expect(opened).toMatchObject({ status: 'failed', reason: 'upgrade', message: expect.stringContaining('更新前の状態のまま残っています') as unknown });
    expect(await storedVersion(name)).toBe(2);
    expect(await dumpAt(name)).toBe(before);
    // And the real app still upgrades it afterwards (「再試行」 after an update).
    const retried = await openWorkspace(name);
    expect(retried.status).toBe('ready');
    if (retried.status === 'ready') retried.db.close();
  });

  it('「読めるデータを書き出す」 reads every table at the stored version without upgrading it', async () => {
    const name = await version2Database();
    const raw = await readRaw(name);
    expect(Object.keys(raw.tables).sort()).toEqual(['consultations', 'costModels', 'formAnswers', 'projects', 'settings']);
    expect(raw.tables.projects).toHaveLength(1);
    expect(await storedVersion(name)).toBe(2);
  });
});

describe('DATA-06 data from a newer app version', () => {
  it('opens read-only: everything reads, no write reaches the database', async () => {
    const name = await version2Database();
    const first = await openWorkspace(name);
    if (first.status === 'ready') first.db.close();
    // A newer app adds a version after ours.
    const newer = new Dexie(name);
    for (const v of SCHEMA_VERSIONS) newer.version(v.version).stores(v.stores);
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ ...SCHEMA_VERSIONS.at(-1)?.stores, reports: 'id' });
    await newer.open();
    newer.close();
    const before = await dumpAt(name);

    const opened = await openWorkspace(name);
    expect(opened).toMatchObject({ status: 'read-only', storedVersion: CURRENT_SCHEMA_VERSION + 1 });
    if (opened.status !== 'read-only') return;
    const repos = new Repositories(opened.db, { readOnly: true });
    expect((await repos.getProject('p1')).name).toBe('既存の案件');
    await expect(repos.saveFormAnswers('p1', yoshiki5, yoshiki5.empty())).rejects.toMatchObject({ code: 'read-only', message: expect.stringContaining('読み取り専用') as unknown });
    await expect(repos.renameProject('p1', '新しい名前')).rejects.toMatchObject({ code: 'read-only' });
    await expect(repos.deleteProject('p1')).rejects.toMatchObject({ code: 'read-only' });
    opened.db.close();
    expect(await dumpAt(name)).toBe(before);
    expect(await storedVersion(name)).toBe(CURRENT_SCHEMA_VERSION + 1);
  });
});

describe('DATA-07 a blocked open', () => {
  it('settles with guidance when another window holds an old connection, instead of hanging', async () => {
    const name = await version2Database();
    // Another window at version 2 that never closes on versionchange.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 20);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    holder.onversionchange = () => undefined;
    const opened = await openWorkspace(name, { timeoutMs: 300 });
    expect(opened).toMatchObject({ status: 'blocked', message: expect.stringContaining('ほかのウィンドウをすべて閉じてから「再試行」') as unknown });
    holder.close();
    expect(OPEN_TIMEOUT_MS).toBeLessThanOrEqual(5000);
    const retried = await openWorkspace(name);
    expect(retried.status).toBe('ready');
    if (retried.status === 'ready') retried.db.close();
  });
});
