/**
 * Issue 17: a restore writes a large backup in batches of projects (bulk writes, with progress),
 * still as one transaction — all or nothing (DATA-13, DATA-15) — and still giving every document
 * it touches a new revision (DATA-10, DATA-17).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { WORK_TABLES, openDatabase, type SenshinDb } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { REVISION_LIMIT, RevisionLog, docKeys } from '../../../renderer/db/revisions';
import { RESTORE_BATCH_PROJECTS, type ReplaceProgress } from '../../../renderer/db/workspace-restore';
import { yoshiki5 } from '../../../shared/forms/besshi1/yoshiki5';
import { makeEnvelope, type ExportEnvelope, type WorkspaceData } from '../../../shared/io/envelope';
import { APP_VERSION } from '../../../shared/version';
import { backupWorkspace } from '../../../bench/backup-500';
import { loadSample } from '../../helpers/sample';

/** Every table a restore writes — the work tables, the undo snapshots and the revisions — exactly as stored. */
async function everything(db: SenshinDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of [...WORK_TABLES, 'revisions', 'snapshots'] as const) out[t] = await db.table(t).toArray();
  return JSON.stringify(out);
}

/** Each table's rows, in a fixed order (IndexedDB hands them back in key order). */
const rowsOf = (d: WorkspaceData): Record<string, string[]> => Object.fromEntries(WORK_TABLES.map((t) => [t, d[t].map((r) => JSON.stringify(r)).sort()]));

const PROJECTS = 2 * RESTORE_BATCH_PROJECTS + 10;
const sample = loadSample();
const backupOf = (count: number): ExportEnvelope => makeEnvelope('workspace', backupWorkspace(sample, count), APP_VERSION, '2026-11-21T00:00:00.000Z');

describe('a restore in batches (issue 17)', () => {
  let db: SenshinDb;
  let repos: Repositories;
  beforeEach(async () => {
    db = openDatabase(`batches-${crypto.randomUUID()}`);
    await db.open();
    repos = new Repositories(db);
  });

  it(`says how many projects are written, batch by batch, and writes every row of the backup (${PROJECTS} projects)`, async () => {
    await repos.importSample(sample);
    const backup = backupOf(PROJECTS);
    const seen: ReplaceProgress[] = [];
    await repos.restoreWorkspace(backup, 'backup.zip', (p) => seen.push(p));
    expect(seen.map((p) => p.written)).toEqual([0, RESTORE_BATCH_PROJECTS, 2 * RESTORE_BATCH_PROJECTS, PROJECTS]);
    expect(seen.every((p) => p.total === PROJECTS)).toBe(true);
    expect(rowsOf((await repos.exportWorkspace()).envelope.data)).toEqual(rowsOf(backup.data));
    expect((await repos.listSnapshots())[0]).toMatchObject({ reason: 'pre-restore', label: 'backup.zip', projects: 1 });
  });

  it('DATA-15 a write that fails in the middle (the third batch) leaves every table, snapshot and revision as it was', async () => {
    await repos.restoreWorkspace(backupOf(3), 'old.zip');
    await repos.createProject('復元の前に作った案件');
    const before = await everything(db);
    // The disk fills up while the rows of a project in the third batch are written.
    const failing = `p${2 * RESTORE_BATCH_PROJECTS + 5}`;
    db.formAnswers.hook('creating', (_key, row) => {
      if (row.projectId === failing) throw new DOMException('quota', 'QuotaExceededError');
    });
    const seen: number[] = [];
    await expect(repos.restoreWorkspace(backupOf(PROJECTS), 'new.zip', (p) => seen.push(p.written))).rejects.toMatchObject({ code: 'write-failed', message: expect.stringContaining('ディスクの空き容量が足りません') as unknown });
    // Two batches had been written inside the transaction before the failing one.
    expect(seen).toContain(2 * RESTORE_BATCH_PROJECTS);
    expect(seen).not.toContain(PROJECTS);
    expect(await everything(db)).toBe(before);
    expect((await repos.listProjects()).projects.map((p) => p.name)).toContain('復元の前に作った案件');
  });

  it('DATA-10/17 every document gets one restore revision after its newest, history stays bounded, and a removed one is recorded as removed', async () => {
    const project = await repos.createProject('消える案件');
    await repos.restoreWorkspace(backupOf(1), 'first.zip');
    // A document with a full history: the restore's revision pushes the oldest one out.
    const key = docKeys.form('p0', yoshiki5.id);
    const log = new RevisionLog(db);
    await db.transaction('rw', db.formAnswers, db.revisions, async () => {
      for (let i = 0; i < REVISION_LIMIT; i++) await log.record(key, 'formAnswers', { i }, 'revert', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), false);
    });
    const newestBefore = (await log.history(key))[0]?.rev ?? 0;
    const backup = backupOf(2);
    const revisionsBefore = await db.revisions.count();
    await repos.restoreWorkspace(backup, 'second.zip');
    const revisionsAfter = await db.revisions.count();

    const history = await log.history(key);
    expect(history).toHaveLength(REVISION_LIMIT);
    expect(history[0]).toMatchObject({ rev: newestBefore + 1, kind: 'restore', row: backup.data.formAnswers.find((r) => r.projectId === 'p0' && r.formId === yoshiki5.id) });
    // A project only in the backup: its first revision; the project the first restore removed: nothing new.
    expect((await log.history(docKeys.project('p1')))[0]).toMatchObject({ rev: 1, kind: 'restore', row: backup.data.projects[1] });
    expect(await log.history(docKeys.project(project.id))).toMatchObject([{ rev: 2, kind: 'restore', row: null }, { rev: 1 }]);
    // Every document of the backup has exactly one new revision (one old one was pruned above).
    const docs = backup.data.projects.length + backup.data.consultations.length + backup.data.formAnswers.length + backup.data.costModels.length + backup.data.settings.length + backup.data.filings.length;
    expect(revisionsAfter - revisionsBefore).toBe(docs - 1);
  });
});
