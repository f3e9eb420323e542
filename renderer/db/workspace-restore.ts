/**
 * Restoring a whole workspace (a backup, or the state before a restore or import): one IndexedDB
 * transaction, so all or nothing (DATA-15), the pre-restore snapshot first, every document given a
 * new revision. Written in batches of RESTORE_BATCH_PROJECTS projects with their revisions, a few in
 * flight, so that a 500-project backup is stored in about 2 s and the page paints its progress
 * between batches (issue 17).
 */
import { WORK_TABLES, type SenshinDb, type WorkTable } from './database';
import { TABLES, projectOfRow } from '../../shared/io/tables';
import { DbError, READ_ONLY_MESSAGE } from './errors';
import { REVISION_LIMIT, docKeyOfRow, type RevisionLog } from './revisions';
import type { RevisionRow } from './rows';
import { countProjects, emptyRaw, putSnapshot, type RawTables } from './workspace';

/** How many projects a restore writes per IndexedDB request: each step stays short (the page keeps painting its progress), the round trips few. */
export const RESTORE_BATCH_PROJECTS = 10;

/** How many batches a restore hands IndexedDB before waiting for the oldest to be stored. */
const RESTORE_IN_FLIGHT = 4;

/** How far a restore has written: projects whose rows (and their revisions) are all in the transaction. */
export interface ReplaceProgress {
  readonly written: number;
  readonly total: number;
}

/** Rows read per request when a restore reads what is there: each step is short (the page keeps painting its progress). */
const DUMP_PAGE = 1000;

/**
 * Inside a transaction: every work table as stored (like dumpRaw), read a page at a time, and its
 * snapshot JSON — exactly JSON.stringify(raw) — built a page at a time as the pages come in.
 */
async function dumpForSnapshot(db: SenshinDb): Promise<{ raw: RawTables; json: string }> {
  const raw = emptyRaw();
  const tables: string[] = [];
  for (const t of WORK_TABLES) {
    const table = db.table(t);
    const keys = await table.orderBy(':id').primaryKeys();
    const pages: string[] = [];
    for (let i = 0; i < keys.length; i += DUMP_PAGE) {
      const page = keys.slice(i, i + DUMP_PAGE);
      const rows: unknown[] = await table.where(':id').between(page[0], page[page.length - 1], true, true).toArray();
      for (const row of rows) raw[t].push(row);
      pages.push(JSON.stringify(rows).slice(1, -1));
    }
    tables.push(`${JSON.stringify(t)}:[${pages.join(',')}]`);
  }
  return { raw, json: `{${tables.join(',')}}` };
}

/** Every document's newest revision number and its kept revisions (their seq, oldest first), read in one key-only pass. */
async function revisionIndex(db: SenshinDb): Promise<Map<string, { rev: number; seqs: number[] }>> {
  const out = new Map<string, { rev: number; seqs: number[] }>();
  await db.revisions.orderBy('[docKey+rev]').eachKey((key, cursor) => {
    if (!Array.isArray(key)) return;
    const [docKey, rev]: unknown[] = key;
    const seq = cursor.primaryKey;
    if (typeof docKey !== 'string' || typeof rev !== 'number' || seq === undefined) return;
    const doc = out.get(docKey) ?? { rev: 0, seqs: [] };
    // Keys come in [docKey+rev] order: the last one of a document is its newest revision.
    doc.rev = rev;
    doc.seqs.push(seq);
    out.set(docKey, doc);
  });
  return out;
}

/**
 * `next` split for writing: batch 0 holds the rows of no project (設定, and rows whose project is
 * not in `next`), each further batch the rows of RESTORE_BATCH_PROJECTS projects.
 */
function batchesOf(next: RawTables): RawTables[] {
  const batchOf = new Map<string, number>();
  const out = Array.from({ length: 1 + Math.ceil(next.projects.length / RESTORE_BATCH_PROJECTS) }, emptyRaw);
  next.projects.forEach((row, i) => {
    // A project row goes with its position (so the count of written projects is exact), its rows with it.
    const b = 1 + Math.floor(i / RESTORE_BATCH_PROJECTS);
    out[b]?.projects.push(row);
    const id = projectOfRow('projects', row);
    if (id !== undefined && !batchOf.has(id)) batchOf.set(id, b);
  });
  for (const t of WORK_TABLES) {
    if (t === 'projects') continue;
    for (const row of next[t]) {
      const p = projectOfRow(t, row);
      out[p === undefined ? 0 : (batchOf.get(p) ?? 0)]?.[t].push(row);
    }
  }
  return out;
}

/**
 * Replaces the work tables with `next` (a backup being restored, or a snapshot being put back),
 * after saving what is there now as a snapshot — so the restore itself can be undone.
 *
 * One transaction, as before, so it is still all or nothing; inside it the rows go in batches of
 * RESTORE_BATCH_PROJECTS projects (bulk writes, each with its documents' 'restore' revisions)
 * instead of one request per document, and `onProgress` hears after each batch.
 */
export async function replaceAll(db: SenshinDb, revisions: RevisionLog, next: RawTables, label: string, at: string, readOnly: boolean, onProgress?: (p: ReplaceProgress) => void): Promise<void> {
  if (readOnly) throw new DbError('read-only', READ_ONLY_MESSAGE);
  const tables = [...WORK_TABLES.map((t) => db.table(t)), db.snapshots, db.revisions];
  const total = next.projects.length;
  const revs = await db.transaction('rw', tables, async () => {
    const { raw: before, json } = await dumpForSnapshot(db);
    await putSnapshot(db, json, countProjects(before), 'pre-restore', label, at);
    const known = await revisionIndex(db);
    const docs = restoreDocs(before, next);
    const out: Array<[string, number]> = [];
    const pruned: number[] = [];
    /** The 'restore' revisions of these documents (each once), as RevisionLog.record would add them. */
    const revisionRows = (keys: Iterable<string>): RevisionRow[] => {
      const rows: RevisionRow[] = [];
      for (const k of keys) {
        const doc = docs.get(k);
        if (!doc || doc.done) continue;
        doc.done = true;
        const old = known.get(k);
        const rev = (old?.rev ?? 0) + 1;
        rows.push({ docKey: k, rev, table: doc.table, savedAt: at, since: at, session: revisions.session, kind: 'restore', row: doc.row });
        out.push([k, rev]);
        const excess = (old?.seqs.length ?? 0) + 1 - REVISION_LIMIT;
        if (old && excess > 0) pruned.push(...old.seqs.slice(0, excess));
      }
      return rows;
    };
    for (const t of WORK_TABLES) await db.table(t).clear();
    const batches = batchesOf(next);
    let written = 0;
    onProgress?.({ written, total });
    // A few batches in flight: IndexedDB stores them while the next is handed to it.
    const inFlight: Array<Promise<void>> = [];
    for (const batch of batches) {
      const writes = WORK_TABLES.filter((t) => batch[t].length > 0).map((t) => db.table(t).bulkAdd(batch[t]));
      const current = Promise.all([...writes, db.revisions.bulkAdd(revisionRows(docKeysOf(batch)))]).then(() => {
        if (batch.projects.length === 0) return;
        written += batch.projects.length;
        onProgress?.({ written, total });
      });
      // Awaited below (a failure fails the whole transaction); not an unhandled rejection meanwhile.
      current.catch(() => undefined);
      inFlight.push(current);
      if (inFlight.length >= RESTORE_IN_FLIGHT) await inFlight.shift();
    }
    for (const w of inFlight) await w;
    // Documents that were here and are not in `next`: a revision with no row (removed by the restore).
    await db.revisions.bulkAdd(revisionRows(docs.keys()));
    if (pruned.length > 0) await db.revisions.bulkDelete(pruned);
    return out;
  });
  for (const [k, rev] of revs) revisions.confirm(k, rev);
}

/** Every document of `before` and `after` (not the as-filed copies and PDFs: never edited), with its row after (null: removed). */
function restoreDocs(before: RawTables, after: RawTables): Map<string, { table: WorkTable; row: unknown; done: boolean }> {
  const docs = new Map<string, { table: WorkTable; row: unknown; done: boolean }>();
  for (const table of WORK_TABLES) {
    if (TABLES[table].immutable === true) continue;
    for (const row of after[table]) {
      const k = docKeyOfRow(table, row);
      if (k !== undefined) docs.set(k, { table, row, done: false });
    }
    for (const row of before[table]) {
      const k = docKeyOfRow(table, row);
      if (k !== undefined && !docs.has(k)) docs.set(k, { table, row: null, done: false });
    }
  }
  return docs;
}

function docKeysOf(rows: RawTables): string[] {
  const keys: string[] = [];
  for (const t of WORK_TABLES) {
    for (const row of rows[t]) {
      const k = docKeyOfRow(t, row);
      if (k !== undefined) keys.push(k);
    }
  }
  return keys;
}
