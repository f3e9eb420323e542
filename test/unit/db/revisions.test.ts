import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SenshinDb } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { FOLD_MS, REVISION_LIMIT, RevisionLog, docKeys } from '../../../renderer/db/revisions';
import { yoshiki5 } from '../../../shared/forms/besshi1/yoshiki5';
import { emptyWorkspaceData, makeEnvelope } from '../../../shared/io/envelope';
import { emptyJizenSoudan } from '../../../shared/forms/jizen-soudan/schema';
import { emptyCostModel } from '../../../shared/cost/model';

async function twoWindows(): Promise<{ db: SenshinDb; a: Repositories; b: Repositories; projectId: string }> {
  const db = openDatabase(`rev-${crypto.randomUUID()}`);
  await db.open();
  const a = new Repositories(db);
  const b = new Repositories(db);
  const p = await a.createProject('案件');
  return { db, a, b, projectId: p.id };
}

const text = (advancement: string) => ({ ...yoshiki5.empty(), advancement });

describe('DATA-10 two windows never overwrite each other silently', () => {
  it('refuses the stale window’s save with a conflict, and keeps the other window’s text', async () => {
    const { a, b, projectId } = await twoWindows();
    await a.getFormAnswers(projectId, yoshiki5);
    await b.getFormAnswers(projectId, yoshiki5);
    await b.saveFormAnswers(projectId, yoshiki5, text('ウィンドウBの文章'));
    await expect(a.saveFormAnswers(projectId, yoshiki5, text('ウィンドウAの文章'))).rejects.toMatchObject({ code: 'conflict', docKey: docKeys.form(projectId, yoshiki5.id), message: expect.stringContaining('上書きせずに止めました') as unknown });
    expect((await b.getFormAnswers(projectId, yoshiki5)).advancement).toBe('ウィンドウBの文章');
  });

  it('lets the user choose 「この画面の内容で上書き」, after which the save goes through', async () => {
    const { a, b, projectId } = await twoWindows();
    await a.getFormAnswers(projectId, yoshiki5);
    await b.getFormAnswers(projectId, yoshiki5);
    await b.saveFormAnswers(projectId, yoshiki5, text('B'));
    await expect(a.saveFormAnswers(projectId, yoshiki5, text('A'))).rejects.toMatchObject({ code: 'conflict' });
    await a.revisions.acceptNewest(docKeys.form(projectId, yoshiki5.id));
    await a.saveFormAnswers(projectId, yoshiki5, text('A'));
    expect((await b.getFormAnswers(projectId, yoshiki5)).advancement).toBe('A');
  });

  it('one window saving again and again is never a conflict with itself', async () => {
    const { a, projectId } = await twoWindows();
    await a.getFormAnswers(projectId, yoshiki5);
    for (const t of ['一', '二', '三']) await a.saveFormAnswers(projectId, yoshiki5, text(t));
    expect((await a.getFormAnswers(projectId, yoshiki5)).advancement).toBe('三');
  });

  it('a restore in one window makes an open editor in another window stale (no overwrite of restored data)', async () => {
    const { a, b, projectId } = await twoWindows();
    await a.getFormAnswers(projectId, yoshiki5);
    await a.saveFormAnswers(projectId, yoshiki5, text('バックアップの文章'));
    const backup = (await a.exportWorkspace()).envelope;
    await b.getFormAnswers(projectId, yoshiki5);
    await a.restoreWorkspace(backup, 'backup.zip');
    await expect(b.saveFormAnswers(projectId, yoshiki5, text('古い画面の文章'))).rejects.toMatchObject({ code: 'conflict' });
    expect((await a.getFormAnswers(projectId, yoshiki5)).advancement).toBe('バックアップの文章');
    // And a restore to nothing: the stale window cannot resurrect the removed project.
    await a.restoreWorkspace(makeEnvelope('workspace', emptyWorkspaceData(), '0.1.0', 'x'), 'empty.zip');
    await expect(b.saveFormAnswers(projectId, yoshiki5, text('古い画面'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('importing a project file over an open project makes the other window’s editor stale', async () => {
    const { a, b, projectId } = await twoWindows();
    // The file was written before 様式第5号 was started: importing it removes the 様式第5号 row.
    const file = (await a.exportProject(projectId)).envelope;
    await a.getFormAnswers(projectId, yoshiki5);
    await a.saveFormAnswers(projectId, yoshiki5, text('取り込みで消える文章'));
    await b.getFormAnswers(projectId, yoshiki5);
    await a.importProject(file, 'replace', 'project.zip');
    await expect(b.saveFormAnswers(projectId, yoshiki5, text('古い画面の文章'))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a stale 事前相談申込書 cannot write back an old 医療技術名 that another window changed', async () => {
    const { a, b, projectId } = await twoWindows();
    await a.getProject(projectId);
    await a.getConsultation(projectId);
    await b.getProject(projectId);
    await b.saveTechnology(projectId, { technologyName: '別のウィンドウで直した技術名', indication: '', category: 'B' });
    await expect(a.saveConsultation(projectId, emptyJizenSoudan(), '古い技術名')).rejects.toMatchObject({ code: 'conflict' });
    expect((await b.getProject(projectId)).technologyName).toBe('別のウィンドウで直した技術名');
  });

  it('a save after the project was deleted in another window is refused, not resurrected', async () => {
    const { a, b, projectId } = await twoWindows();
    await a.getCostModel(projectId);
    await b.deleteProject(projectId);
    await expect(a.saveCostModel(projectId, emptyCostModel())).rejects.toMatchObject({ code: 'not-found' });
    expect(await a.exportWorkspace().then((x) => x.envelope.data.costModels)).toEqual([]);
  });

  it('the input a window could not save is kept in the history (「最新の内容を読み込む」)', async () => {
    const { a, projectId } = await twoWindows();
    const key = docKeys.form(projectId, yoshiki5.id);
    await a.keepUnsaved(key, text('競合で保存できなかった文章'));
    const [h] = await a.revisions.history(key);
    expect(h).toMatchObject({ kind: 'unsaved', row: { advancement: '競合で保存できなかった文章' } });
  });
});

describe('DATA-17 revision history', () => {
  it('folds one window’s edits within five minutes into one version, and starts a new one after', async () => {
    const { db, projectId } = await twoWindows();
    const log = new RevisionLog(db, 'session-1');
    const key = docKeys.form(projectId, yoshiki5.id);
    const t0 = Date.parse('2026-11-21T09:00:00.000Z');
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    await db.transaction('rw', db.revisions, async () => {
      await log.record(key, 'formAnswers', { n: 1 }, 'edit', at(0), false);
      await log.record(key, 'formAnswers', { n: 2 }, 'edit', at(60_000), false);
      await log.record(key, 'formAnswers', { n: 3 }, 'edit', at(FOLD_MS + 1000), false);
    });
    const h = await log.history(key);
    expect(h.map((r) => r.row)).toEqual([{ n: 3 }, { n: 2 }]);
    expect(h.map((r) => r.rev)).toEqual([3, 2]);
  });

  it(`keeps only the newest ${REVISION_LIMIT} versions of a document`, async () => {
    const { db, projectId } = await twoWindows();
    const key = docKeys.form(projectId, yoshiki5.id);
    const log = new RevisionLog(db);
    await db.transaction('rw', db.revisions, async () => {
      for (let i = 0; i < REVISION_LIMIT + 20; i++) await log.record(key, 'formAnswers', { i }, 'revert', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), false);
    });
    const h = await log.history(key);
    expect(h).toHaveLength(REVISION_LIMIT);
    expect(h[0]?.row).toEqual({ i: REVISION_LIMIT + 19 });
  });

  it('「この版に戻す」 makes an earlier version current as a new version, keeping the later one in the history', async () => {
    const db = openDatabase(`rev-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const p = await repos.createProject('案件');
    const key = docKeys.form(p.id, yoshiki5.id);
    await repos.getFormAnswers(p.id, yoshiki5);
    await repos.saveFormAnswers(p.id, yoshiki5, text('最初の文章'));
    const [first] = await repos.revisions.history(key);
    // A later edit by another window (so it is a separate version, not folded).
    const other = new Repositories(db);
    await other.getFormAnswers(p.id, yoshiki5);
    await other.saveFormAnswers(p.id, yoshiki5, text('後から書き換えた文章'));
    await repos.getFormAnswers(p.id, yoshiki5);
    await repos.revertTo(key, first?.seq ?? -1);
    expect((await repos.getFormAnswers(p.id, yoshiki5)).advancement).toBe('最初の文章');
    expect((await repos.revisions.history(key)).map((r) => r.kind)).toEqual(['revert', 'edit', 'edit']);
  });
});
