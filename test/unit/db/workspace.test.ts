import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { WORK_TABLES, openDatabase, type SenshinDb } from '../../../renderer/db/database';
import { importBytes, readImportFile } from '../../../renderer/db/import-file';
import { Repositories } from '../../../renderer/db/repositories';
import { emptyCostModel } from '../../../shared/cost/model';
import { yoshiki5 } from '../../../shared/forms/besshi1/yoshiki5';
import { emptyJizenSoudan } from '../../../shared/forms/jizen-soudan/schema';
import { envelopeJson, makeEnvelope, type WorkspaceData } from '../../../shared/io/envelope';
import { emptyPerson } from '../../../shared/model/person';
import { projectSchema } from '../../../shared/model/project';
import { APP_VERSION } from '../../../shared/version';
import { MAX_IMPORT_BYTES } from '../../../shared/io/read-import';
import { MAX_BACKUP_BYTES } from '../../../shared/ipc/contract';
import { loadSample } from '../../helpers/sample';

async function freshDb(): Promise<SenshinDb> {
  const db = openDatabase(`ws-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

/** The work tables exactly as stored (what a user would get back or lose). */
async function workTables(db: SenshinDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of WORK_TABLES) out[t] = await db.table(t).toArray();
  return JSON.stringify(out);
}

/** A stored row that no longer passes its schema (e.g. written by a bug). */
const brokenRow: unknown = { id: 'broken', name: 42 };

const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);

// ── DATA-14: import(export(x)) deep-equals x for generated data ─────────────────────────────

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const iso = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((n) => new Date(n).toISOString());

const workspaceArb: fc.Arbitrary<WorkspaceData> = fc
  .uniqueArray(fc.uuid(), { minLength: 0, maxLength: 4 })
  .chain((ids) =>
    fc.record({
      projects: fc.tuple(...ids.map((id) => fc.record({ name: text(40), technologyName: text(60), indication: text(60), category: fc.constantFrom('A' as const, 'B' as const), createdAt: iso, updatedAt: iso }).map((p) => projectSchema.parse({ id, ...p })))),
      consultations: fc.tuple(...ids.map((projectId) => fc.record({ note: text(200), updatedAt: iso }).map(({ note, updatedAt }) => ({ projectId, data: { ...emptyJizenSoudan(), products: note }, updatedAt })))),
      formAnswers: fc.tuple(
        ...ids.map((projectId) =>
          fc.record({ advancement: text(500), outline: text(300), updatedAt: iso }).map(({ advancement, outline, updatedAt }) => ({
            projectId,
            formId: yoshiki5.id,
            answers: yoshiki5.answers.parse({ ...yoshiki5.empty(), advancement, outline }),
            updatedAt,
          })),
        ),
      ),
      costModels: fc.constant(ids.map((projectId) => ({ projectId, model: emptyCostModel(), updatedAt: '2026-11-01T00:00:00.000Z' }))),
      settings: fc.array(fc.record({ id: fc.uuid(), name: text(30) }), { maxLength: 5 }).map((people) => [{ key: 'roster' as const, value: people.map((p) => ({ ...emptyPerson(p.id), name: p.name })) }]),
    }),
  );

const sorted = (d: WorkspaceData): WorkspaceData => {
  const by = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    projects: [...d.projects].sort(by((p) => p.id)),
    consultations: [...d.consultations].sort(by((c) => c.projectId)),
    formAnswers: [...d.formAnswers].sort(by((f) => `${f.projectId}/${f.formId}`)),
    costModels: [...d.costModels].sort(by((c) => c.projectId)),
    settings: [...d.settings].sort(by((s) => s.key)),
  };
};

describe('DATA-14 one export format', () => {
  it('import(export(x)) deep-equals x for generated workspaces (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (x) => {
        const db = await freshDb();
        const repos = new Repositories(db);
        const file = bytesOf(envelopeJson(makeEnvelope('workspace', x, APP_VERSION, '2026-11-21T00:00:00.000Z')));
        expect(await importBytes(repos, file, 'テスト')).toEqual({ status: 'restored' });
        const back = readImportFile(bytesOf(envelopeJson((await repos.exportWorkspace()).envelope)));
        expect(back.ok && sorted(back.envelope.data)).toEqual(sorted(x));
        db.close();
      }),
      { numRuns: 25 },
    );
  });

  it('writes the envelope with format, version, app version and time', async () => {
    const repos = new Repositories(await freshDb());
    await repos.importSample(loadSample());
    const { envelope, unreadable } = await repos.exportWorkspace();
    expect(envelope).toMatchObject({ format: 'senshin-desk', formatVersion: 1, appVersion: APP_VERSION, kind: 'workspace' });
    expect(envelope.data.projects).toHaveLength(1);
    expect(envelope.data.formAnswers.length).toBeGreaterThan(10);
    expect(unreadable).toBe(0);
  });

  it('says how many unreadable stored rows a backup could not include, and keeps them stored', async () => {
    const db = await freshDb();
    const repos = new Repositories(db);
    await repos.createProject('読める案件');
    await db.table('projects').put(brokenRow);
    const { envelope, unreadable } = await repos.exportWorkspace();
    expect(unreadable).toBe(1);
    expect(envelope.data.projects.map((p) => p.name)).toEqual(['読める案件']);
    expect(await db.projects.get('broken')).toBeDefined();
  });

  it('every backup is one restore accepts: rows of a deleted project or answers their form refuses are left out, counted and kept stored', async () => {
    const db = await freshDb();
    const repos = new Repositories(db);
    const p = await repos.createProject('残る案件');
    // A cost row whose project is gone (another window deleted it), and answers a form refuses.
    await db.costModels.put({ projectId: 'deleted-project', model: emptyCostModel(), updatedAt: '2026-11-01T00:00:00.000Z' });
    await db.formAnswers.put({ projectId: p.id, formId: yoshiki5.id, answers: { advancement: 42 }, updatedAt: '2026-11-01T00:00:00.000Z' });
    const { envelope, unreadable } = await repos.exportWorkspace();
    expect(unreadable).toBe(2);
    const again = await freshDb();
    expect(await importBytes(new Repositories(again), bytesOf(envelopeJson(envelope)), 'backup.json')).toEqual({ status: 'restored' });
    expect(await db.costModels.get('deleted-project')).toBeDefined();
  });

  it('accepts every backup main can write (the import limit equals the backup limit)', () => {
    expect(MAX_IMPORT_BYTES).toBe(MAX_BACKUP_BYTES);
  });
});

// ── DATA-13: restore, and undo the restore ─────────────────────────────────────────────────

describe('DATA-13 restore can be undone', () => {
  let db: SenshinDb;
  let repos: Repositories;
  beforeEach(async () => {
    db = await freshDb();
    repos = new Repositories(db);
  });

  it('restores a backup exactly, then 「元に戻す」 brings back everything typed after the backup', async () => {
    await repos.importSample(loadSample());
    const backup = (await repos.exportWorkspace()).envelope;
    const atBackup = await workTables(db);

    const later = await repos.createProject('バックアップ後の案件');
    await repos.getFormAnswers(later.id, yoshiki5);
    await repos.saveFormAnswers(later.id, yoshiki5, { ...yoshiki5.empty(), advancement: 'バックアップの後に書いた先進性' });
    const beforeRestore = await workTables(db);

    await repos.restoreWorkspace(backup, 'senshin-desk-backup.json');
    expect(await workTables(db)).toBe(atBackup);
    expect((await repos.listProjects()).projects.map((p) => p.name)).not.toContain('バックアップ後の案件');

    const [snapshot] = await repos.listSnapshots();
    expect(snapshot).toMatchObject({ reason: 'pre-restore', label: 'senshin-desk-backup.json', projects: 2 });
    await repos.returnToSnapshot(snapshot?.seq ?? -1);
    expect(await workTables(db)).toBe(beforeRestore);
    expect((await repos.getFormAnswers(later.id, yoshiki5)).advancement).toBe('バックアップの後に書いた先進性');

    // Undoing is itself undoable: the restored state was kept as a snapshot too.
    const [again] = await repos.listSnapshots();
    await repos.returnToSnapshot(again?.seq ?? -1);
    expect(await workTables(db)).toBe(atBackup);
  });

  it('keeps an unreadable stored row through restore and undo (raw snapshot, nothing dropped)', async () => {
    await repos.createProject('案件');
    await db.table('projects').put(brokenRow);
    const before = await workTables(db);
    await repos.restoreWorkspace(makeEnvelope('workspace', { projects: [], consultations: [], formAnswers: [], costModels: [], settings: [] }, APP_VERSION, 'x'), '空のバックアップ');
    expect(await db.projects.count()).toBe(0);
    const [s] = await repos.listSnapshots();
    await repos.returnToSnapshot(s?.seq ?? -1);
    expect(await workTables(db)).toBe(before);
  });

  it('keeps at most five undo snapshots', async () => {
    const empty = makeEnvelope('workspace', { projects: [], consultations: [], formAnswers: [], costModels: [], settings: [] }, APP_VERSION, 'x');
    for (let i = 0; i < 7; i++) await repos.restoreWorkspace(empty, `復元${i}`);
    expect((await repos.listSnapshots()).map((s) => s.label)).toEqual(['復元6', '復元5', '復元4', '復元3', '復元2']);
  });

  it('a restore is refused in read-only mode and changes nothing (DATA-06)', async () => {
    await repos.createProject('案件');
    const before = await workTables(db);
    const ro = new Repositories(db, { readOnly: true });
    await expect(ro.restoreWorkspace((await repos.exportWorkspace()).envelope, 'x')).rejects.toMatchObject({ code: 'read-only' });
    await expect(ro.createProject('新規')).rejects.toMatchObject({ code: 'read-only' });
    expect(await workTables(db)).toBe(before);
  });
});

// ── Project files: move work to another PC, or send a 協力医療機関 its part ─────────────────────

describe('project export and import', () => {
  it('adds the project with its forms, merges 名簿 and マスタ by id, and never overwrites a project already there', async () => {
    const here = new Repositories(await freshDb());
    const sample = await here.importSample(loadSample());
    const file = (await here.exportProject(sample.id)).envelope;
    expect(file.kind).toBe('project');
    expect(file.data.settings.map((s) => s.key).sort()).toEqual(['committees', 'departments', 'equipment', 'products', 'roster']);

    const thereDb = await freshDb();
    const there = new Repositories(thereDb);
    const mine = emptyPerson('local-person');
    await there.saveRoster([{ ...mine, name: '先方の職員' }]);
    const id = await there.importProject(file, 'add', 'project.json');
    expect(id).toBe(sample.id);
    expect((await there.getRoster()).map((p) => p.name)).toContain('先方の職員');
    expect((await there.getRoster()).length).toBe(1 + loadSample().people.length);
    expect((await there.getFormAnswers(id, yoshiki5)).advancement).toBe((await here.getFormAnswers(sample.id, yoshiki5)).advancement);

    // The same file again: a copy with a new id, the first import untouched.
    const copy = await there.importProject(file, 'add', 'project.json');
    expect(copy).not.toBe(id);
    expect((await there.listProjects()).projects.map((p) => p.name).sort()).toEqual([sample.name, `${sample.name}（取り込み）`].sort());

    // Undo the import: back to one project.
    const [s] = await there.listSnapshots();
    expect(s?.reason).toBe('pre-import');
    await there.returnToSnapshot(s?.seq ?? -1);
    expect((await there.listProjects()).projects).toHaveLength(1);
  });

  it('replaces the project of the same id when asked to', async () => {
    const repos = new Repositories(await freshDb());
    const p = await repos.createProject('元の名前');
    await repos.getFormAnswers(p.id, yoshiki5);
    await repos.saveFormAnswers(p.id, yoshiki5, { ...yoshiki5.empty(), advancement: '古い内容' });
    const file = (await repos.exportProject(p.id)).envelope;
    await repos.saveFormAnswers(p.id, yoshiki5, { ...yoshiki5.empty(), advancement: '新しい内容' });
    await repos.importProject(file, 'replace', 'x');
    expect((await repos.getFormAnswers(p.id, yoshiki5)).advancement).toBe('古い内容');
    expect((await repos.listProjects()).projects).toHaveLength(1);
  });
});
