/**
 * The IndexedDB database (Dexie). Only renderer/db touches it (architecture.md pattern 6).
 *
 * !! Changing SCHEMA_VERSIONS is append-only: never edit a published version; add a new one with
 * an upgrade and a fixture test. test/unit/db/schema-snapshot.test.ts fails when the stores
 * change without a new version (DATA-03).
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { ConsultationRow, CostModelRow, DraftRow, FormAnswersRow, ProjectRow, RevisionRow, SettingRow, SnapshotRow } from './rows';

export const DB_NAME = 'senshin-desk';

export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string>>;
  /** Runs inside the version-change transaction; a throw aborts it and the old data stays (DATA-05). */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

/** Every version's stores, in order. Append only. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      projects: 'id, updatedAt',
      consultations: 'projectId',
      settings: 'key',
    },
  },
  {
    // Issue 3: answers of each 様式 per project, and the project's cost model. New tables only.
    version: 2,
    stores: {
      projects: 'id, updatedAt',
      consultations: 'projectId',
      settings: 'key',
      formAnswers: '[projectId+formId], projectId',
      costModels: 'projectId',
    },
  },
  {
    // Issue 4: revision history of every saved document (DATA-10, DATA-17), raw snapshots taken
    // before a restore or an import (DATA-13), so either can be undone, and the write-ahead
    // journal of unsaved edits (DATA-11; durable at once, unlike localStorage). New tables only.
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
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

export type SenshinDb = Dexie & {
  projects: EntityTable<ProjectRow, 'id'>;
  consultations: EntityTable<ConsultationRow, 'projectId'>;
  settings: EntityTable<SettingRow, 'key'>;
  formAnswers: Table<FormAnswersRow, [string, string]>;
  costModels: EntityTable<CostModelRow, 'projectId'>;
  revisions: EntityTable<RevisionRow, 'seq'>;
  snapshots: EntityTable<SnapshotRow, 'seq'>;
  drafts: EntityTable<DraftRow, 'key'>;
};

/** The tables that hold the user's work (what a backup contains and a restore replaces). */
export const WORK_TABLES = ['projects', 'consultations', 'formAnswers', 'costModels', 'settings'] as const;
export type WorkTable = (typeof WORK_TABLES)[number];

export function openDatabase(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): SenshinDb {
  // Strict durability: a draft save is on disk when the transaction completes (DATA-08).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SenshinDb;
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  return db;
}
