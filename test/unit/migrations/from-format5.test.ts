import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, readImportFile } from '../../../renderer/db/import-file';
import { openWorkspace } from '../../../renderer/db/open';
import { Repositories } from '../../../renderer/db/repositories';
import { filedBytes, sha256Hex } from '../../../shared/filings/files';
import { printFiling } from '../../../shared/filings/print';
import { EXPORT_FORMAT_VERSION } from '../../../shared/io/envelope';
import { WORK_TABLES, docKeyOfRow } from '../../../shared/io/tables';
import { bundledFonts } from '../../helpers/fonts';

/**
 * Issue 19, "old data keeps opening": a backup and a project file written by the last landed state
 * before it (commit 97c9cf3: export format 5; test/fixtures/format5, never regenerated) open with the
 * current app (format 6: projects with origin, 要確認 flags and used 定型文; settings with 定型文) with
 * every value equal, compared leaf by leaf; the new fields read as none, and the sample's filed
 * packages re-print byte-identical.
 */
const dir = path.resolve(import.meta.dirname, '../../fixtures/format5');
const fixtureText = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
type FileFixture = { formatVersion: number; data: Record<string, unknown[]> };
const fixture = (name: string): FileFixture => JSON.parse(fixtureText(name)) as FileFixture;

function missingLeaves(expected: unknown, actual: unknown, at = '$'): string[] {
  if (typeof expected !== 'object' || expected === null) return Object.is(expected, actual) ? [] : [`${at}: ${JSON.stringify(expected)?.slice(0, 80)} → ${JSON.stringify(actual)?.slice(0, 80)}`];
  if (typeof actual !== 'object' || actual === null) return [`${at}: missing`];
  if (Array.isArray(expected) && (!Array.isArray(actual) || actual.length !== expected.length)) return [`${at}: length ${expected.length} → ${Array.isArray(actual) ? actual.length : 'none'}`];
  return Object.entries(expected).flatMap(([k, v]) => missingLeaves(v, Reflect.get(actual, k), `${at}.${k}`));
}

/** Rows of every work table, keyed by their document key, compared leaf by leaf. */
function sameRows(expected: Readonly<Record<string, readonly unknown[]>>, actual: Readonly<Record<string, readonly unknown[]>>): string[] {
  const keyed = (table: (typeof WORK_TABLES)[number], rows: readonly unknown[]): Record<string, unknown> => Object.fromEntries(rows.map((r): [string, unknown] => [docKeyOfRow(table, r) ?? '?', r]));
  return WORK_TABLES.flatMap((t) => missingLeaves(keyed(t, expected[t] ?? []), keyed(t, actual[t] ?? []), t));
}

async function freshRepos(name: string): Promise<{ repos: Repositories; close: () => void }> {
  const opened = await openWorkspace(`${name}-${crypto.randomUUID()}`);
  if (opened.status !== 'ready') throw new Error(opened.status);
  return { repos: new Repositories(opened.db), close: () => opened.db.close() };
}

describe('export files of format 5 (before issue 19)', () => {
  it('are what that version wrote: two projects (the sample with its filed story and a site), format 5', () => {
    const backup = fixture('backup.json');
    expect(backup.formatVersion).toBe(5);
    expect(fixture('project-file.json').formatVersion).toBe(5);
    expect(backup.data.projects).toHaveLength(2);
    expect(backup.data.filedCopies?.length).toBeGreaterThan(0);
    expect(backup.data.projects?.every((p) => !Object.hasOwn(p as object, 'unconfirmed'))).toBe(true);
  });

  it('a backup is upgraded to format 6, not refused, and restores with every value equal; nothing is 要確認 and no 定型文 appears', async () => {
    const file = fixture('backup.json');
    const read = readImportFile(new TextEncoder().encode(fixtureText('backup.json')));
    if (!read.ok) throw new Error(read.message);
    expect(read.upgradedFrom).toBe(5);
    expect(read.envelope.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    expect(EXPORT_FORMAT_VERSION).toBe(6);
    expect(sameRows(file.data, read.envelope.data)).toEqual([]);

    const { repos, close } = await freshRepos('restore-format5');
    expect(await applyImport(repos, read.envelope, 'backup.json')).toEqual({ status: 'restored' });
    const back = (await repos.exportWorkspace()).envelope;
    expect(back.formatVersion).toBe(6);
    expect(sameRows(file.data, back.data)).toEqual([]);
    expect(back.data.projects.map((p) => [p.unconfirmed, p.phrasesUsed, p.origin])).toEqual([
      [[], [], undefined],
      [[], [], undefined],
    ]);
    expect(await repos.getMasterList('phrases')).toEqual([]);

    // What was sent re-prints byte-identical from the restored copy: the bytes hash as that version recorded.
    const recorded = new Map((file.data.filedCopies as Array<{ filingId: string; files: Array<{ sha256: string }> }>).map((c) => [c.filingId, c.files.map((f) => f.sha256)]));
    const filed = back.data.filings.filter((f) => recorded.has(f.id));
    expect(filed).toHaveLength(recorded.size);
    for (const filing of filed) {
      const printed = await printFiling(back.data, filing, bundledFonts(), '2030-01-01', '2030-01-01T00:00:00.000Z');
      if (!printed.frozen) throw new Error(`not frozen: ${filing.id}`);
      expect(printed.files.map((f) => sha256Hex(filedBytes(f)))).toEqual(recorded.get(filing.id));
    }
    close();
  });

  it('a project file is upgraded and imported with every value equal', async () => {
    const file = fixture('project-file.json');
    const read = readImportFile(new TextEncoder().encode(fixtureText('project-file.json')));
    if (!read.ok) throw new Error(read.message);
    expect(read.upgradedFrom).toBe(5);
    const { repos, close } = await freshRepos('project-format5');
    const first = await applyImport(repos, read.envelope, 'project-file.json');
    if (first.status !== 'imported') throw new Error(first.status);
    const data = (await repos.exportProject(first.projectId)).envelope.data;
    expect(sameRows(file.data, data)).toEqual([]);
    expect((await repos.getProject(first.projectId)).unconfirmed).toEqual([]);
    close();
  });
});
