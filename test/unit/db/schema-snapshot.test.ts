import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, openDatabase } from '../../../renderer/db/database';

/**
 * DATA-03: the Dexie schema is append-only. This snapshot is committed; if the stores change, a
 * new version (with an upgrade and a fixture test) must be appended — never an edit in place.
 */
const SNAPSHOT = [
  { version: 1, stores: { projects: 'id, updatedAt', consultations: 'projectId', settings: 'key' } },
  {
    version: 2,
    stores: { projects: 'id, updatedAt', consultations: 'projectId', settings: 'key', formAnswers: '[projectId+formId], projectId', costModels: 'projectId' },
  },
  {
    version: 3,
    stores: {
      projects: 'id, updatedAt',
      consultations: 'projectId',
      settings: 'key',
      formAnswers: '[projectId+formId], projectId',
      costModels: 'projectId',
      revisions: '++seq, [docKey+rev], docKey',
      snapshots: '++seq, createdAt',
      drafts: 'key',
    },
  },
  {
    version: 4,
    stores: {
      projects: 'id, updatedAt',
      consultations: 'projectId',
      settings: 'key',
      formAnswers: '[projectId+formId], projectId',
      costModels: 'projectId',
      revisions: '++seq, [docKey+rev], docKey',
      snapshots: '++seq, createdAt',
      drafts: 'key',
      filings: 'id, projectId',
      filedCopies: 'filingId, projectId',
      sites: 'id, projectId',
      siteAnswers: '[siteId+formId], siteId, projectId',
    },
  },
  {
    version: 5,
    stores: {
      projects: 'id, updatedAt',
      consultations: 'projectId',
      settings: 'key',
      formAnswers: '[projectId+formId], projectId',
      costModels: 'projectId',
      revisions: '++seq, [docKey+rev], docKey',
      snapshots: '++seq, createdAt',
      drafts: 'key',
      filings: 'id, projectId',
      filedCopies: 'filingId, projectId',
      sites: 'id, projectId',
      siteAnswers: '[siteId+formId], siteId, projectId',
      filingDocs: 'filingId, projectId',
    },
  },
  {
    version: 6,
    stores: {
      projects: 'id, updatedAt',
      consultations: 'projectId',
      settings: 'key',
      formAnswers: '[projectId+formId], projectId',
      costModels: 'projectId',
      revisions: '++seq, [docKey+rev], docKey',
      snapshots: '++seq, createdAt',
      drafts: 'key',
      filings: 'id, projectId',
      filedCopies: 'filingId, projectId',
      sites: 'id, projectId',
      siteAnswers: '[siteId+formId], siteId, projectId',
      filingDocs: 'filingId, projectId',
      attachmentFiles: 'id, filingId, projectId',
    },
  },
];

describe('DATA-03 schema snapshot', () => {
  it('matches the committed snapshot for every published version', () => {
    expect(SCHEMA_VERSIONS.slice(0, SNAPSHOT.length).map(({ version, stores }) => ({ version, stores }))).toEqual(SNAPSHOT);
  });

  it('only ever adds versions, in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(SCHEMA_VERSIONS.length).toBeGreaterThanOrEqual(SNAPSHOT.length);
  });

  it('opens a real IndexedDB with exactly these tables and indexes', async () => {
    const db = openDatabase(`snapshot-${crypto.randomUUID()}`);
    await db.open();
    const tables = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    expect(tables).toEqual(SNAPSHOT.at(-1)?.stores);
    db.close();
  });
});
