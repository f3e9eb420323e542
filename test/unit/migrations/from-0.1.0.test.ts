import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/db/database';
import { applyImport, readImportFile } from '../../../renderer/db/import-file';
import { openWorkspace } from '../../../renderer/db/open';
import { Repositories } from '../../../renderer/db/repositories';
import { initialFilingId } from '../../../shared/filings/initial';
import { FORMS } from '../../../shared/forms/registry';
import { EXPORT_FORMAT_VERSION } from '../../../shared/io/envelope';

/**
 * Issue 11, "old data keeps opening": files and a database written by app 0.1.0 (schema 3,
 * export format 1; test/fixtures/v0.1.0, never regenerated) open with the current app with every
 * value equal, compared leaf by leaf.
 */
const dir = path.resolve(import.meta.dirname, '../../fixtures/v0.1.0');
const fixtureText = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
const fixture = (name: string): unknown => JSON.parse(fixtureText(name));

/** Every leaf of `expected` at the same path in `actual`; returns the paths that differ (empty = all kept). */
function missingLeaves(expected: unknown, actual: unknown, at = '$'): string[] {
  if (typeof expected !== 'object' || expected === null) return Object.is(expected, actual) ? [] : [`${at}: ${JSON.stringify(expected)} → ${JSON.stringify(actual)}`];
  if (typeof actual !== 'object' || actual === null) return [`${at}: missing`];
  if (Array.isArray(expected) && (!Array.isArray(actual) || actual.length !== expected.length)) return [`${at}: length ${expected.length} → ${Array.isArray(actual) ? actual.length : 'none'}`];
  return Object.entries(expected).flatMap(([k, v]) => missingLeaves(v, Reflect.get(actual, k), `${at}.${k}`));
}

const byKey = <T,>(rows: readonly T[], key: (r: T) => string): Record<string, T> => Object.fromEntries(rows.map((r) => [key(r), r]));
const str = (r: unknown, k: string): string => {
  const v: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, k) : undefined;
  return typeof v === 'string' ? v : '';
};
const KEY: Readonly<Record<string, (r: unknown) => string>> = {
  projects: (r) => str(r, 'id'),
  consultations: (r) => str(r, 'projectId'),
  formAnswers: (r) => `${str(r, 'projectId')}/${str(r, 'formId')}`,
  costModels: (r) => str(r, 'projectId'),
  settings: (r) => str(r, 'key'),
};

function sameRows(expected: Record<string, unknown[]>, actual: Record<string, readonly unknown[]>): string[] {
  return Object.entries(KEY).flatMap(([table, key]) => missingLeaves(byKey(expected[table] ?? [], key), byKey(actual[table] ?? [], key), table));
}

interface V3Fixture {
  readonly schemaVersion: number;
  readonly tables: Record<string, unknown[]>;
}

async function databaseFromV3Fixture(): Promise<{ name: string; v3: V3Fixture }> {
  const v3 = fixture('indexeddb-v3.json') as V3Fixture;
  const name = `from-0.1.0-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= v3.schemaVersion)) old.version(v.version).stores(v.stores);
  await old.open();
  for (const [table, rows] of Object.entries(v3.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return { name, v3 };
}

describe('a schema-3 database of app 0.1.0', () => {
  it('opens under the current schema with every stored value equal, and each project gets its first filing', async () => {
    const { name, v3 } = await databaseFromV3Fixture();
    expect(v3.schemaVersion).toBe(3);
    const opened = await openWorkspace(name);
    expect(opened.status).toBe('ready');
    if (opened.status !== 'ready') return;
    const db = opened.db;
    const now: Record<string, unknown[]> = {};
    for (const t of Object.keys(v3.tables)) now[t] = await db.table(t).toArray();
    // Every table of schema 3 is kept exactly, revisions, snapshots and the journal included.
    for (const [table, rows] of Object.entries(v3.tables)) expect(missingLeaves(rows, now[table]), table).toEqual([]);

    // Read through the app: every project, 様式, cost model and setting as it was written.
    const repos = new Repositories(db);
    const backup = (await repos.exportWorkspace()).envelope;
    expect(sameRows(v3.tables, backup.data)).toEqual([]);
    const projects = v3.tables.projects ?? [];
    expect(projects.length).toBe(2);
    for (const p of projects) {
      const { filings } = await repos.filings.list(str(p, 'id'));
      expect(filings.map((f) => ({ id: f.id, kind: f.kind, status: f.status }))).toEqual([{ id: initialFilingId(str(p, 'id')), kind: 'new', status: 'draft' }]);
    }
    for (const row of v3.tables.formAnswers ?? []) {
      const form = FORMS.find((f) => f.id === str(row, 'formId'));
      if (!form) throw new Error('fixture form');
      const read = await repos.readFormAnswers(str(row, 'projectId'), form);
      expect(missingLeaves(Reflect.get(row as object, 'answers'), read.answers)).toEqual([]);
      expect(read.unknown).toEqual({});
    }
    db.close();
  });
});

describe('an undo snapshot taken by app 0.1.0', () => {
  it('puts back its projects each with a first filing, as the schema-4 upgrade gives them', async () => {
    const { name, v3 } = await databaseFromV3Fixture();
    // A snapshot as 0.1.0 wrote it before a restore: the five work tables of that time, 2 projects.
    const json = JSON.stringify(Object.fromEntries(['projects', 'consultations', 'formAnswers', 'costModels', 'settings'].map((t) => [t, v3.tables[t] ?? []])));
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 3)) old.version(v.version).stores(v.stores);
    await old.open();
    const seq = await old.table('snapshots').add({ createdAt: '2026-11-30T10:00:00.000Z', reason: 'pre-restore', label: 'old.zip', projects: 2, json });
    old.close();
    const opened = await openWorkspace(name);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    await repos.restoreWorkspace({ ...(await repos.exportWorkspace()).envelope, data: { ...(await repos.exportWorkspace()).envelope.data, projects: [], consultations: [], formAnswers: [], costModels: [], filings: [] } }, '空');
    await repos.returnToSnapshot(Number(seq));
    const data = (await repos.exportWorkspace()).envelope.data;
    expect(data.projects).toHaveLength(2);
    expect(data.filings.map((f) => f.projectId).sort()).toEqual(data.projects.map((p) => p.id).sort());
    expect(sameRows(v3.tables, data)).toEqual([]);
    opened.db.close();
  });
});

describe('export files of format 1 (app 0.1.0)', () => {
  it('a backup is upgraded, not refused, and restores with every value equal', async () => {
    const read = readImportFile(new TextEncoder().encode(fixtureText('backup.json')));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.upgradedFrom).toBe(1);
    expect(read.envelope.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    const file = fixture('backup.json') as { data: Record<string, unknown[]> };
    expect(sameRows(file.data, read.envelope.data)).toEqual([]);

    const opened = await openWorkspace(`restore-0.1.0-${crypto.randomUUID()}`);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    expect(await applyImport(repos, read.envelope, 'backup.json')).toEqual({ status: 'restored' });
    const back = (await repos.exportWorkspace()).envelope.data;
    expect(sameRows(file.data, back)).toEqual([]);
    expect(back.filings.map((f) => f.projectId).sort()).toEqual((file.data.projects ?? []).map((p) => str(p, 'id')).sort());
    // The 設定 the second project prints (dated 開設者) came through.
    expect(await repos.getInstitution()).toMatchObject({ institutionName: '架空県立中央病院', officers: [{ name: '架空県知事　架空　太郎' }, { validFrom: '2027-04-01' }, { role: '管理者' }] });
    opened.db.close();
  });

  it('a project file is upgraded and imported with every value equal, into an empty PC and beside itself', async () => {
    const bytes = new TextEncoder().encode(fixtureText('project-file.json'));
    const file = fixture('project-file.json') as { data: Record<string, unknown[]> };
    const opened = await openWorkspace(`project-0.1.0-${crypto.randomUUID()}`);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    const read = readImportFile(bytes);
    if (!read.ok) throw new Error(read.message);
    const first = await applyImport(repos, read.envelope, 'project-file.json');
    expect(first.status).toBe('imported');
    const id = first.status === 'imported' ? first.projectId : '';
    const data = (await repos.exportProject(id)).envelope.data;
    expect(sameRows(file.data, data)).toEqual([]);
    expect(data.filings).toHaveLength(1);

    // The same file again: added beside it under a new id, the first one untouched.
    const second = await applyImport(repos, read.envelope, 'project-file.json');
    const id2 = second.status === 'imported' ? second.projectId : '';
    expect(id2).not.toBe(id);
    const copy = (await repos.exportProject(id2)).envelope.data;
    const renamed = { ...file.data, projects: (file.data.projects ?? []).map((p) => ({ ...(p as object), id: id2, name: `${str(p, 'name')}（取り込み）` })) };
    const moved = Object.fromEntries(Object.entries(renamed).map(([t, rows]) => [t, t === 'projects' || t === 'settings' ? rows : rows.map((r) => ({ ...(r as object), projectId: id2 }))]));
    expect(sameRows(moved, copy)).toEqual([]);
    expect(copy.filings[0]?.id).not.toBe(data.filings[0]?.id);
    expect(sameRows(file.data, (await repos.exportProject(id)).envelope.data)).toEqual([]);
    opened.db.close();
  });
});
