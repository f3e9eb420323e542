/**
 * The IndexedDB database (Dexie). Only renderer/db touches it (architecture.md pattern 6).
 *
 * !! Changing SCHEMA_VERSIONS is append-only: never edit a published version; add a new one with
 * an upgrade and a fixture test. test/unit/db/schema-snapshot.test.ts fails when the stores
 * change without a new version (DATA-03).
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ConsultationRow, CostModelRow, FormAnswersRow, ProjectRow, SettingRow } from './rows';

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
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

export type SenshinDb = Dexie & {
  projects: EntityTable<ProjectRow, 'id'>;
  consultations: EntityTable<ConsultationRow, 'projectId'>;
  settings: EntityTable<SettingRow, 'key'>;
  formAnswers: Table<FormAnswersRow, [string, string]>;
  costModels: EntityTable<CostModelRow, 'projectId'>;
};

export function openDatabase(name: string = DB_NAME): SenshinDb {
  // Strict durability: a draft save is on disk when the transaction completes (DATA-08).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SenshinDb;
  for (const v of SCHEMA_VERSIONS) db.version(v.version).stores(v.stores);
  return db;
}
