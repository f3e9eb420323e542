import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SenshinDb } from '../../../renderer/db/database';
import { DbError, Repositories } from '../../../renderer/db/repositories';
import { OFFICIAL_FAX_DESTINATION, emptyJizenSoudan } from '../../../shared/forms/jizen-soudan/schema';
import { filled, profile } from '../../helpers/jizen-fixture';

let db: SenshinDb;
let repos: Repositories;
beforeEach(async () => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  repos = new Repositories(db);
});

describe('repositories', () => {
  it('creates, renames, lists (newest first) and deletes projects with their sheet', async () => {
    const a = await repos.createProject('案件A');
    await new Promise((r) => setTimeout(r, 5));
    const b = await repos.createProject('  案件B  ');
    expect(b.name).toBe('案件B');
    await repos.renameProject(a.id, '案件A（改）');
    expect((await repos.listProjects()).projects.map((p) => p.name)).toEqual(['案件A（改）', '案件B']);
    await repos.saveConsultation(a.id, filled, '技術名');
    await repos.deleteProject(a.id);
    expect((await repos.listProjects()).projects.map((p) => p.name)).toEqual(['案件B']);
    expect(await db.consultations.get(a.id)).toBeUndefined();
  });

  it('round-trips the 事前相談申込書 and the project technology name together', async () => {
    const p = await repos.createProject('案件');
    await repos.saveConsultation(p.id, filled, 'パクリタキセル腹腔内投与');
    expect(await repos.getConsultation(p.id)).toEqual(filled);
    expect((await repos.getProject(p.id)).technologyName).toBe('パクリタキセル腹腔内投与');
  });

  it('gives defaults before anything is saved', async () => {
    const p = await repos.createProject('案件');
    expect(await repos.getConsultation(p.id)).toEqual(emptyJizenSoudan());
    expect(await repos.getFaxDestination()).toEqual(OFFICIAL_FAX_DESTINATION);
    await repos.saveInstitution(profile);
    expect(await repos.getInstitution()).toEqual(profile);
  });

  it('DATA-09 validates on write: an invalid sheet is refused with a Japanese message and nothing is written', async () => {
    const p = await repos.createProject('案件');
    const tooLong = { ...filled, products: 'あ'.repeat(20_001) };
    await expect(repos.saveConsultation(p.id, tooLong, 'x')).rejects.toThrow(/保存できませんでした：20000文字以内/);
    expect(await db.consultations.get(p.id)).toBeUndefined();
  });

  it('DATA-09 parses on read: a malformed stored row is reported, not silently dropped or overwritten', async () => {
    await repos.createProject('正常');
    await db.table('projects').put({ id: 'broken', name: 42 });
    const list = await repos.listProjects();
    expect(list.projects.map((p) => p.name)).toEqual(['正常']);
    expect(list.unreadable).toBe(1);
    expect(await db.projects.get('broken')).toEqual({ id: 'broken', name: 42 });
    await expect(repos.getProject('broken')).rejects.toBeInstanceOf(DbError);
  });

  it('reports a missing project in Japanese', async () => {
    await expect(repos.getProject('nope')).rejects.toThrow('案件が見つかりません');
  });
});

describe('form answers and the cost model', () => {
  it('round-trips 様式第5号 answers, validated by the form schema, and deletes them with the project', async () => {
    const { yoshiki5 } = await import('../../../shared/forms/besshi1/yoshiki5');
    const p = await repos.createProject('案件');
    expect(await repos.getFormAnswers(p.id, yoshiki5)).toEqual(yoshiki5.empty());
    const answers = { ...yoshiki5.empty(), advancement: '従来法より低侵襲である。' };
    await repos.saveFormAnswers(p.id, yoshiki5, answers);
    expect(await repos.getFormAnswers(p.id, yoshiki5)).toEqual(answers);
    await expect(repos.saveFormAnswers(p.id, yoshiki5, { ...answers, outline: 'あ'.repeat(100_001) })).rejects.toThrow('100,000文字以内');
    await repos.deleteProject(p.id);
    expect(await db.formAnswers.count()).toBe(0);
  });

  it('stores the technology facts once for every form', async () => {
    const p = await repos.createProject('案件');
    await repos.saveTechnology(p.id, { technologyName: '技術', indication: '早期胃がん', category: 'A' });
    expect(await repos.getProject(p.id)).toMatchObject({ technologyName: '技術', indication: '早期胃がん', category: 'A' });
  });
});

describe('sample import', () => {
  it('creates the project with its sheet, cost and all 14 forms in one go', async () => {
    const { loadSample } = await import('../../helpers/sample');
    const sample = loadSample();
    const p = await repos.importSample(sample);
    expect((await repos.getProject(p.id)).technologyName).toBe(sample.project.technologyName);
    expect(await db.formAnswers.where('projectId').equals(p.id).count()).toBe(14);
    expect((await repos.getCostModel(p.id)).equipment).toHaveLength(2);
    expect((await repos.getConsultation(p.id)).heldOn).toBe('2027-01-12');
  });
});
