import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { yoshiki9 } from '../../../shared/forms/besshi1/yoshiki9';
import { siteSchema, type Site } from '../../../shared/model/site';

const site = (projectId: string, id: string, name: string): Site => siteSchema.parse({ id, projectId, role: '協力医療機関', name, address: '', createdAt: `2027-01-0${id.length}T00:00:00.000Z`, updatedAt: 'x' });

async function twoWindows() {
  const db = openDatabase(`sites-${crypto.randomUUID()}`);
  await db.open();
  const a = new Repositories(db);
  const b = new Repositories(db);
  const p = await a.createProject('多施設共同');
  return { db, a, b, projectId: p.id };
}

describe('sites of a project (issue 11)', () => {
  it('a window never deletes a site another window added: its save is refused as a conflict and the site stays', async () => {
    const { db, a, b, projectId } = await twoWindows();
    await a.sites.saveAll(projectId, [site(projectId, 's1', '架空市立病院')]);
    const inB = (await b.sites.list(projectId)).sites;
    await b.sites.saveAll(projectId, [...inB, site(projectId, 's22', '架空県立がんセンター')]);
    await b.sites.saveAnswers(projectId, 's22', yoshiki9, yoshiki9.empty());
    // Window A still shows only 架空市立病院, and renames it.
    await expect(a.sites.saveAll(projectId, [{ ...site(projectId, 's1', '架空市立総合病院') }])).rejects.toMatchObject({ code: 'conflict' });
    expect((await db.sites.toArray()).map((x) => x.name).sort()).toEqual(['架空市立病院', '架空県立がんセンター']);
    expect(await db.siteAnswers.count()).toBe(1);
  });

  it('removing a site keeps its 様式 in the history, and a site a filing is for cannot be removed', async () => {
    const { db, a, projectId } = await twoWindows();
    await a.sites.saveAll(projectId, [site(projectId, 's1', '架空市立病院'), site(projectId, 's22', '架空県立がんセンター')]);
    await a.sites.saveAnswers(projectId, 's1', yoshiki9, { ...yoshiki9.empty(), instOther: '写し' });
    await a.filings.create(projectId, 'cooperating', { siteId: 's22', title: '架空県立がんセンター' });
    await expect(a.sites.saveAll(projectId, [site(projectId, 's1', '架空市立病院')])).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('届出「協力医療機関の追加 架空県立がんセンター」の医療機関のため削除できません') as unknown });
    await a.sites.saveAll(projectId, [site(projectId, 's22', '架空県立がんセンター')]);
    expect((await db.sites.toArray()).map((x) => x.id)).toEqual(['s22']);
    expect(await db.siteAnswers.count()).toBe(0);
    const history = await a.revisions.history('site-form:s1:besshi1/yoshiki9');
    expect(history.map((h) => h.row === null)).toEqual(expect.arrayContaining([true, false]));
  });

  it('only a changed site gets a new revision', async () => {
    const { a, projectId } = await twoWindows();
    await a.sites.saveAll(projectId, [site(projectId, 's1', '架空市立病院'), site(projectId, 's22', '架空県立がんセンター')]);
    const [s1, s22] = (await a.sites.list(projectId)).sites;
    if (!s1 || !s22) throw new Error('sites');
    await a.sites.saveAll(projectId, [{ ...s1, name: '架空市立総合病院' }, s22]);
    const after = (await a.sites.list(projectId)).sites;
    expect(after.map((x) => [x.name, x.rev])).toEqual([['架空市立総合病院', 2], ['架空県立がんセンター', 1]]);
  });
});
