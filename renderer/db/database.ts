/**
 * The IndexedDB database (Dexie). Only renderer/db touches it (architecture.md pattern 6).
 *
 * !! Changing SCHEMA_VERSIONS is append-only: never edit a published version; add a new one with
 * an upgrade and a fixture test. test/unit/db/schema-snapshot.test.ts fails when the stores
 * change without a new version (DATA-03).
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ConsultationRow, CostModelRow, FormAnswersRow, ProjectRow, RevisionRow, SettingRow, SnapshotRow } from './rows';

export const DB_NAME = 'senshin-desk';

/** Every version's stores, in order. Append only. */
export const SCHEMA_VERSIONS: ReadonlyArray<{ readonly version: number; readonly stores: Readonly<Record<string, string>> }> = [
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
    // Issue 4: revision history of every saved document (DATA-10, DATA-17) and raw snapshots taken
    // before a restore or an import (DATA-13), so either can be undone. New tables only.
    version: 3,
    stores: {
      projects: 'id, updatedAt',
      consultations: 'projectId',
      settings: 'key',
      formAnswers: '[projectId+formId], projectId',
      costModels: 'projectId',
      revisions: '++seq, [docKey+rev], docKey',
      snapshots: '++seq, createdAt',
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
};

/** The tables that hold the user's work (what a backup contains and a restore replaces). */
export const WORK_TABLES = ['projects', 'consultations', 'formAnswers', 'costModels', 'settings'] as const;
export type WorkTable = (typeof WORK_TABLES)[number];

export function openDatabase(name: string = DB_NAME): SenshinDb {
  // Strict durability: a draft save is on disk when the transaction completes (DATA-08).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SenshinDb;
  for (const v of SCHEMA_VERSIONS) db.version(v.version).stores(v.stores);
  return db;
}
