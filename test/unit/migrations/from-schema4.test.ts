import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../renderer/db/database';
import { applyImport, readImportFile } from '../../../renderer/db/import-file';
import { openWorkspace } from '../../../renderer/db/open';
import { Repositories } from '../../../renderer/db/repositories';
import { filedCopySchema, parseResolved } from '../../../shared/filings/as-filed';
import { filedBytes, sha256Hex } from '../../../shared/filings/files';
import { printFiling } from '../../../shared/filings/print';
import { FORMS } from '../../../shared/forms/registry';
import { EXPORT_FORMAT_VERSION } from '../../../shared/io/envelope';
import { WORK_TABLES, docKeyOfRow } from '../../../shared/io/tables';
import { bundledFonts } from '../../helpers/fonts';

/**
 * Issue 13, "old data keeps opening": a database and files written before issue 13 (schema 4,
 * export format 2; test/fixtures/schema4-format2, never regenerated) open with the current app
 * (schema 5, format 3: the table filingDocs) with every value equal, compared leaf by leaf.
 */
const dir = path.resolve(import.meta.dirname, '../../fixtures/schema4-format2');
const fixtureText = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
const fixture = (name: string): unknown => JSON.parse(fixtureText(name));

/** Every leaf of `expected` at the same path in `actual`; returns the paths that differ (empty = all kept). */
function missingLeaves(expected: unknown, actual: unknown, at = '$'): string[] {
  if (typeof expected !== 'object' || expected === null) return Object.is(expected, actual) ? [] : [`${at}: ${JSON.stringify(expected)?.slice(0, 80)} → ${JSON.stringify(actual)?.slice(0, 80)}`];
  if (typeof actual !== 'object' || actual === null) return [`${at}: missing`];
  if (Array.isArray(expected) && (!Array.isArray(actual) || actual.length !== expected.length)) return [`${at}: length ${expected.length} → ${Array.isArray(actual) ? actual.length : 'none'}`];
  return Object.entries(expected).flatMap(([k, v]) => missingLeaves(v, Reflect.get(actual, k), `${at}.${k}`));
}

const str = (r: unknown, k: string): string => {
  const v: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, k) : undefined;
  return typeof v === 'string' ? v : '';
};

/** Rows of every work table, keyed by their document key, compared leaf by leaf. */
function sameRows(expected: Readonly<Record<string, readonly unknown[]>>, actual: Readonly<Record<string, readonly unknown[]>>): string[] {
  const keyed = (table: (typeof WORK_TABLES)[number], rows: readonly unknown[]) => Object.fromEntries(rows.map((r) => [docKeyOfRow(table, r) ?? '?', r]));
  return WORK_TABLES.filter((t) => t !== 'filingDocs').flatMap((t) => missingLeaves(keyed(t, expected[t] ?? []), keyed(t, actual[t] ?? []), t));
}

interface V4Fixture {
  readonly schemaVersion: number;
  readonly tables: Record<string, unknown[]>;
}

async function databaseFromV4Fixture(): Promise<{ name: string; v4: V4Fixture }> {
  const v4 = fixture('indexeddb-v4.json') as V4Fixture;
  const name = `from-schema4-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= v4.schemaVersion)) old.version(v.version).stores(v.stores);
  await old.open();
  for (const [table, rows] of Object.entries(v4.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return { name, v4 };
}

const files = (rows: readonly unknown[]) => rows.map((r) => filedCopySchema.parse(r)).flatMap((c) => c.files.map((f) => ({ filingId: c.filingId, name: f.name, sha256: f.sha256 })));

describe('a schema-4 database (before issue 13)', () => {
  it('opens under the current schema with every stored value equal, and the new table empty', async () => {
    const { name, v4 } = await databaseFromV4Fixture();
    expect(v4.schemaVersion).toBe(4);
    expect(CURRENT_SCHEMA_VERSION).toBe(6);
    const opened = await openWorkspace(name);
    expect(opened.status).toBe('ready');
    if (opened.status !== 'ready') return;
    const db = opened.db;
    // Every table of schema 4 is kept exactly, revisions, snapshots and the journal included.
    for (const [table, rows] of Object.entries(v4.tables)) expect(missingLeaves(rows, await db.table(table).toArray()), table).toEqual([]);
    expect(await db.filingDocs.count()).toBe(0);

    // Read through the app: every row of every work table as it was written.
    const repos = new Repositories(db);
    const backup = (await repos.exportWorkspace()).envelope;
    expect((await repos.exportWorkspace()).unreadable).toBe(0);
    expect(sameRows(v4.tables, backup.data)).toEqual([]);
    expect(backup.data.filingDocs).toEqual([]);
    for (const row of v4.tables.formAnswers ?? []) {
      const form = FORMS.find((f) => f.id === str(row, 'formId'));
      if (!form) throw new Error('fixture form');
      const read = await repos.readFormAnswers(str(row, 'projectId'), form);
      expect(missingLeaves(Reflect.get(row as object, 'answers'), read.answers)).toEqual([]);
    }
    db.close();
  });

  it('its 変更申請 and 照会回答 drafts, made before they had documents, read as new ones and save', async () => {
    const { name, v4 } = await databaseFromV4Fixture();
    const opened = await openWorkspace(name);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    const filings = v4.tables.filings ?? [];
    const change = filings.find((f) => str(f, 'kind') === 'change');
    const inquiry = filings.find((f) => str(f, 'kind') === 'inquiry-response');
    const approved = filings.find((f) => str(f, 'status') === 'approved');
    if (!change || !inquiry || !approved) throw new Error('fixture filings');
    const doc = await repos.filings.getDoc(str(change, 'id'));
    expect(doc).toMatchObject({ content: { kind: 'change', baselineFilingId: str(approved, 'id'), items: [] }, rev: 0, frozen: false });
    const round = await repos.filings.getDoc(str(inquiry, 'id'));
    expect(round).toMatchObject({ content: { kind: 'inquiry-response', items: [] }, rev: 0 });
    if (round.content.kind !== 'inquiry-response') throw new Error('kind');
    const saved = await repos.filings.saveDoc(str(inquiry, 'id'), { ...round.content, date: '2027-09-01' }, round.rev);
    expect(saved).toMatchObject({ filingId: str(inquiry, 'id'), projectId: str(inquiry, 'projectId'), rev: 1 });
    opened.db.close();
  });

  it('its as-filed copy still parses (no document: made before issue 13) and re-prints byte-identical', async () => {
    const { name, v4 } = await databaseFromV4Fixture();
    const opened = await openWorkspace(name);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    const [stored] = v4.tables.filedCopies ?? [];
    const copy = filedCopySchema.parse(stored);
    const resolved = parseResolved(copy);
    expect(resolved?.kind).toBe('new');
    expect(resolved && 'doc' in resolved).toBe(false);
    const filing = await repos.filings.get(copy.filingId);
    const printed = await printFiling(await repos.projectRecords(copy.projectId, { copies: true }), filing, bundledFonts(), '2028-01-01', new Date().toISOString());
    expect(printed.frozen).toBe(true);
    expect(printed.files.map((f) => ({ filingId: copy.filingId, name: f.name, sha256: sha256Hex(filedBytes(f)) }))).toEqual(files([stored]));
    opened.db.close();
  });

  it('an undo snapshot taken under schema 4 puts back its tables, with no filing documents', async () => {
    const { name, v4 } = await databaseFromV4Fixture();
    const opened = await openWorkspace(name);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    const last = (v4.tables.snapshots ?? []).at(-1);
    const seq = typeof last === 'object' && last !== null ? Number(Reflect.get(last, 'seq')) : NaN;
    const before = JSON.parse(str(last, 'json')) as Record<string, unknown[]>;
    await repos.returnToSnapshot(seq);
    const data = (await repos.exportWorkspace()).envelope.data;
    expect(sameRows(before, data)).toEqual([]);
    expect(data.projects).toHaveLength((before.projects ?? []).length);
    expect(data.filingDocs).toEqual([]);
    opened.db.close();
  });
});

describe('export files of format 2 (before issue 13)', () => {
  it('a backup is upgraded, not refused, and restores with every value equal', async () => {
    const read = readImportFile(new TextEncoder().encode(fixtureText('backup.json')));
    if (!read.ok) throw new Error(read.message);
    expect(read.upgradedFrom).toBe(2);
    expect(read.envelope.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    const file = fixture('backup.json') as { formatVersion: number; data: Record<string, unknown[]> };
    expect(file.formatVersion).toBe(2);
    expect(sameRows(file.data, read.envelope.data)).toEqual([]);
    expect(read.envelope.data.filingDocs).toEqual([]);

    const opened = await openWorkspace(`restore-schema4-${crypto.randomUUID()}`);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    expect(await applyImport(repos, read.envelope, 'backup.json')).toEqual({ status: 'restored' });
    const back = (await repos.exportWorkspace()).envelope.data;
    expect(sameRows(file.data, back)).toEqual([]);
    expect(files(back.filedCopies)).toEqual(files(file.data.filedCopies ?? []));
    opened.db.close();
  });

  it('a project file is upgraded and imported with every value equal, into an empty PC and beside itself', async () => {
    const file = fixture('project-file.json') as { formatVersion: number; data: Record<string, unknown[]> };
    expect(file.formatVersion).toBe(2);
    const read = readImportFile(new TextEncoder().encode(fixtureText('project-file.json')));
    if (!read.ok) throw new Error(read.message);
    expect(read.upgradedFrom).toBe(2);
    const opened = await openWorkspace(`project-schema4-${crypto.randomUUID()}`);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    const first = await applyImport(repos, read.envelope, 'project-file.json');
    if (first.status !== 'imported') throw new Error(first.status);
    const data = (await repos.exportProject(first.projectId)).envelope.data;
    expect(sameRows(file.data, data)).toEqual([]);

    // The same file again: beside it under new ids (project, filings, sites), every value kept, the first untouched.
    const second = await applyImport(repos, read.envelope, 'project-file.json');
    if (second.status !== 'imported') throw new Error(second.status);
    const copy = (await repos.exportProject(second.projectId)).envelope.data;
    expect(copy.filings.map((f) => f.id).filter((id) => data.filings.some((g) => g.id === id))).toEqual([]);
    expect(copy.filings.map((f) => [f.kind, f.status, f.round, f.title]).sort()).toEqual(data.filings.map((f) => [f.kind, f.status, f.round, f.title]).sort());
    expect(files(copy.filedCopies).map((f) => f.sha256)).toEqual(files(data.filedCopies).map((f) => f.sha256));
    expect(sameRows(file.data, (await repos.exportProject(first.projectId)).envelope.data)).toEqual([]);
    opened.db.close();
  });
});
