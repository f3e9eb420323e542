import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { filled } from '../../helpers/jizen-fixture';

/** DATA-04: a realistic version-1 database opens under the current schema with nothing lost. */
describe('upgrade from schema version 1', () => {
  it('keeps projects, the 事前相談申込書 and settings; old projects read with default 適応症/区分 and nothing 要確認', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await v1.open();
    const project = { id: 'p1', name: '既存の案件', technologyName: '腹腔鏡下手術', createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-02T00:00:00.000Z' };
    await v1.table('projects').put(project);
    await v1.table('consultations').put({ projectId: 'p1', data: filled, updatedAt: '2026-10-02T00:00:00.000Z' });
    await v1.table('settings').put({ key: 'fax-destination', value: { faxNumber: '03-0000-0000', addressee: '宛先' } });
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const repos = new Repositories(db);
    expect(await repos.getProject('p1')).toEqual({ ...project, indication: '', category: 'B', scheme: '先進医療', filingDate: '', responsiblePhysicianId: '', notices: [], filer: { name: '', address: '', founderName: '' }, acknowledgements: [], unconfirmed: [], phrasesUsed: [] });
    expect(await repos.getConsultation('p1')).toEqual(filled);
    expect(await repos.getFaxDestination()).toEqual({ faxNumber: '03-0000-0000', addressee: '宛先' });
    db.close();
  });
});
