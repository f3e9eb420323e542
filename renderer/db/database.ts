/**
 * The IndexedDB database (Dexie). Only renderer/db touches it (architecture.md pattern 6).
 *
 * !! Changing SCHEMA_VERSIONS is append-only: never edit a published version; add a new one with
 * an upgrade and a fixture test. test/unit/db/schema-snapshot.test.ts fails when the stores
 * change without a new version (DATA-03).
 */
import Dexie, { type DBCore, type EntityTable, type Middleware, type Table, type Transaction } from 'dexie';
import { initialFilingsOf } from '../../shared/filings/initial';
import { projectRowSchema } from '../../shared/io/records';
import { noteStorageOutcome } from './errors';
import type { AttachmentFileRow, ConsultationRow, CostModelRow, DraftRow, FiledCopyRow, FilingDocRow, FilingRow, FormAnswersRow, ProjectRow, RevisionRow, SettingRow, SiteAnswersRow, SiteRow, SnapshotRow } from './rows';

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
  {
    // Issue 11: a technology's life — filings with their status, the immutable as-filed copies,
    // sites (申請・協力医療機関 …) and a site's own 様式 answers. Each project's package becomes its
    // first filing (新規届出, 作成中); answers of schema 3 read as template version 1 (a default).
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
    upgrade: addInitialFilings,
  },
  {
    // Issue 13: what a 変更申請 or a 照会回答 round says, one row per filing (keyed by the filing).
    // A new table only: filings of schema 4 have no document yet (the repository starts one).
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
    // Issue 15: the bytes of the PDFs attached to a filing, one immutable row each (the filing row
    // lists them in order, with their titles). A new table only: filings of schema 5 have none.
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

/**
 * Schema 3 → 4: each project gets its first filing. A project row that cannot be read still gets
 * one if its id and createdAt can be seen (the row itself is left as it is, DATA-09).
 */
async function addInitialFilings(tx: Transaction): Promise<void> {
  const at = new Date().toISOString();
  const projects: unknown[] = await tx.table('projects').toArray();
  const parse = (row: unknown) => {
    const r = projectRowSchema.safeParse(row);
    return r.success ? r.data : undefined;
  };
  for (const filing of initialFilingsOf(projects, at, parse)) await tx.table('filings').put(filing);
}

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
  filings: EntityTable<FilingRow, 'id'>;
  filedCopies: EntityTable<FiledCopyRow, 'filingId'>;
  sites: EntityTable<SiteRow, 'id'>;
  siteAnswers: Table<SiteAnswersRow, [string, string]>;
  filingDocs: EntityTable<FilingDocRow, 'filingId'>;
  attachmentFiles: EntityTable<AttachmentFileRow, 'id'>;
};

/** The tables that hold the user's work (what a backup contains and a restore replaces): shared/io/tables.ts. */
export { WORK_TABLES, type WorkTable } from '../../shared/io/tables';

/** `factory`: the IndexedDB to use (tests put a failing disk in front of fake-indexeddb); the browser's by default. */
export function openDatabase(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS, factory?: IDBFactory): SenshinDb {
  // Strict durability: a draft save is on disk when the transaction completes (DATA-08).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', ...(factory ? { indexedDB: factory } : {}) }) as SenshinDb;
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  db.use(storageWatch);
  return db;
}

/**
 * Every write transaction's outcome reaches errors.ts (noteStorageOutcome), including the
 * journal's, whose failures are otherwise silent: a full disk is often first met there, and the
 * failures after it (the connection closed, reopens refused) no longer name it (DATA-12).
 */
const storageWatch: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'storage-watch',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      // The journal (a transaction on `drafts` alone) is written with relaxed durability: handed to
      // the OS at once, so it survives the app or the browser being killed, without waiting for a
      // disk flush — under load, strict flushes queued the last keystrokes past a crash 300 ms
      // later (crash test). Rows themselves are saved strict (DATA-08).
      const journal = mode === 'readwrite' && stores.length === 1 && stores[0] === 'drafts';
      const tx = down.transaction(stores, mode, journal ? { ...options, durability: 'relaxed' } : options);
      // Dexie's transaction here is the IndexedDB one (an event target with `error`).
      const add: unknown = 'addEventListener' in tx ? tx.addEventListener : undefined;
      if (mode === 'readwrite' && typeof add === 'function') {
        const on = (type: 'complete' | 'abort', listener: () => void): unknown => Reflect.apply(add, tx, [type, listener]);
        // Only a strict write proves the disk takes data again; a relaxed journal write may sit in a
        // buffer, and must not clear a full disk seen before (the message would turn generic).
        if (!journal) on('complete', () => noteStorageOutcome(undefined));
        on('abort', () => noteStorageOutcome(('error' in tx ? tx.error : undefined) ?? new Error('aborted')));
      }
      return tx;
    },
  }),
};
