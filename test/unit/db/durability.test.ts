import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { WORK_TABLES, openDatabase, type SenshinDb } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { DraftStorage } from '../../../renderer/db/draft-storage';
import { yoshiki5 } from '../../../shared/forms/besshi1/yoshiki5';
import { makeEnvelope } from '../../../shared/io/envelope';
import { APP_VERSION } from '../../../shared/version';
import { loadSample } from '../../helpers/sample';

async function fresh(): Promise<SenshinDb> {
  const db = openDatabase(`dur-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

async function workTables(db: SenshinDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of [...WORK_TABLES, 'revisions', 'snapshots'] as const) out[t] = await db.table(t).toArray();
  return JSON.stringify(out);
}

describe('DATA-08 transactions', () => {
  it('the app’s own saves — a 様式 and the journal of unsaved typing — ask IndexedDB for strict durability (DATA-08)', async () => {
    const db = await fresh();
    const repos = new Repositories(db);
    const p = await repos.createProject('案件');
    await repos.getFormAnswers(p.id, yoshiki5);
    // Record the options of every read-write transaction the app asks Dexie's core (IndexedDB) for.
    const core = db.core;
    const seen: Array<{ stores: string; durability: unknown }> = [];
    const saved: unknown = Reflect.get(core, 'transaction');
    const original = core.transaction.bind(core);
    core.transaction = (stores, mode, options) => {
      if (mode === 'readwrite') seen.push({ stores: stores.join(','), durability: options?.durability });
      return original(stores, mode, options);
    };
    try {
      await repos.saveFormAnswers(p.id, yoshiki5, { ...yoshiki5.empty(), advancement: '保存の耐久性' });
      const drafts = await DraftStorage.load(db, undefined);
      drafts.setItem('senshin-desk:journal:form:x', JSON.stringify({ at: 'x', value: {} }));
      await drafts.idle();
    } finally {
      Reflect.set(core, 'transaction', saved);
    }
    expect(seen.map((x) => x.stores)).toEqual(expect.arrayContaining([expect.stringContaining('formAnswers'), 'drafts']));
    expect(seen.every((x) => x.durability === 'strict')).toBe(true);
  });

  it('a restore that fails half-way (a row IndexedDB refuses) leaves every table as it was', async () => {
    const db = await fresh();
    const repos = new Repositories(db);
    await repos.importSample(loadSample());
    const before = await workTables(db);
    const good = (await repos.exportWorkspace()).envelope;
    // Passes the schemas, but the second copy of a key makes IndexedDB's bulkAdd fail mid-way.
    const twice = makeEnvelope('workspace', { ...good.data, consultations: [...good.data.consultations, ...good.data.consultations] }, APP_VERSION, 'x');
    await expect(repos.restoreWorkspace(twice, 'broken.zip')).rejects.toMatchObject({ code: 'write-failed' });
    expect(await workTables(db)).toBe(before);
  });
});

describe('DATA-12 write failures', () => {
  it('a full disk (QuotaExceededError) becomes a Japanese message that says what to do', async () => {
    const db = await fresh();
    const repos = new Repositories(db);
    const p = await repos.createProject('案件');
    await repos.getFormAnswers(p.id, yoshiki5);
    const quota = new DOMException('quota', 'QuotaExceededError');
    db.formAnswers.hook('creating', () => {
      throw quota;
    });
    await expect(repos.saveFormAnswers(p.id, yoshiki5, { ...yoshiki5.empty(), advancement: '長い文章' })).rejects.toMatchObject({ code: 'write-failed', message: expect.stringContaining('ディスクの空き容量が足りません') as unknown });
  });
});
