/**
 * The whole workspace in and out (DATA-13, DATA-14, DATA-15): export as the one envelope, restore
 * a backup (the restore itself: workspace-restore.ts), and undo it or a project import (project-import.ts) through a raw snapshot.
 *
 * Invariants:
 * - A restore or import is one transaction: the snapshot of what was there, the removal and the
 *   new rows commit together or not at all (a failure leaves the database byte-for-byte as it was).
 * - Everything that can fail before writing — parsing, validation, JSON — happens before the
 *   transaction (DATA-08); inside it only IndexedDB work and synchronous JSON.stringify.
 * - Every document a restore or import touches gets a new revision, so another window still
 *   editing the old content is refused with a conflict instead of overwriting the restored data.
 */
import { emptyWorkspaceData, makeEnvelope, withoutInvalidRows, type ExportEnvelope, type WorkspaceData } from '../../shared/io/envelope';
import { WORK_TABLES, type SenshinDb, type WorkTable } from './database';
import { PROJECT_TABLES, TABLES, projectOfRow, projectSlice } from '../../shared/io/tables';
import { DbError, READ_ONLY_MESSAGE } from './errors';
import { docKeyOfRow, type RevisionLog } from './revisions';
import { projectRowSchema, type SettingRow, type SnapshotRow } from './rows';
import { initialFilingsOf } from '../../shared/filings/initial';

/** The tables every snapshot has had since schema 3 (newer ones may be absent from an old snapshot). */
const OLD_TABLES: ReadonlySet<WorkTable> = new Set(['projects', 'consultations', 'formAnswers', 'costModels', 'settings']);

/** How many undo snapshots are kept (each is a full copy of the work tables). */
export const SNAPSHOT_LIMIT = 5;

export const ROW_SCHEMA: { readonly [T in WorkTable]: (typeof TABLES)[T]['schema'] } = {
  projects: TABLES.projects.schema,
  consultations: TABLES.consultations.schema,
  formAnswers: TABLES.formAnswers.schema,
  costModels: TABLES.costModels.schema,
  settings: TABLES.settings.schema,
  filings: TABLES.filings.schema,
  filedCopies: TABLES.filedCopies.schema,
  sites: TABLES.sites.schema,
  siteAnswers: TABLES.siteAnswers.schema,
  filingDocs: TABLES.filingDocs.schema,
  attachmentFiles: TABLES.attachmentFiles.schema,
};

export type RawTables = { [T in WorkTable]: unknown[] };

export interface WorkspaceExport {
  readonly envelope: ExportEnvelope;
  /** Stored rows that could not be read and are therefore not in the file (shown to the user). */
  readonly unreadable: number;
}

export function emptyRaw(): RawTables {
  return { projects: [], consultations: [], formAnswers: [], costModels: [], settings: [], filings: [], filedCopies: [], sites: [], siteAnswers: [], filingDocs: [], attachmentFiles: [] };
}

export async function dumpRaw(db: SenshinDb): Promise<RawTables> {
  const raw = emptyRaw();
  for (const t of WORK_TABLES) raw[t] = await db.table(t).toArray();
  return raw;
}

function parseRows(raw: RawTables): { data: WorkspaceData; unreadable: number } {
  const data = emptyWorkspaceData();
  let unreadable = 0;
  const take = <T extends WorkTable>(table: T): void => {
    const out: unknown[] = data[table];
    for (const row of raw[table]) {
      const r = ROW_SCHEMA[table].safeParse(row);
      if (r.success) out.push(r.data);
      else unreadable++;
    }
  };
  for (const t of WORK_TABLES) take(t);
  return { data, unreadable };
}

export async function exportWorkspace(db: SenshinDb, appVersion: string, at: string): Promise<WorkspaceExport> {
  const raw = await db.transaction('r', WORK_TABLES.map((t) => db.table(t)), () => dumpRaw(db));
  const parsed = parseRows(raw);
  // Only what restore accepts goes into the file; the rest stays stored and is counted (DATA-09).
  const { data, dropped } = withoutInvalidRows(parsed.data);
  return { envelope: makeEnvelope('workspace', data, appVersion, at), unreadable: parsed.unreadable + dropped };
}

/**
 * One project's stored rows and every setting, read in one transaction and parsed, without noting
 * revisions: what the consistency check needs — not the whole workspace, and no export checks.
 * Unreadable rows are left out (the screens that own them say so).
 */
export async function projectRecords(db: SenshinDb, projectId: string, options: { readonly copies?: boolean } = {}): Promise<WorkspaceData> {
  const raw = await db.transaction('r', WORK_TABLES.map((t) => db.table(t)), () => projectRaw(db, projectId, options.copies === true));
  return parseRows(raw).data;
}

/**
 * One project's rows of every project table, and every setting (inside a transaction). The
 * as-filed copies and the attached PDFs (the files' bytes) only when asked: the check and the editors never need them.
 */
async function projectRaw(db: SenshinDb, projectId: string, copies: boolean): Promise<RawTables> {
  const raw = emptyRaw();
  for (const t of WORK_TABLES) {
    // Stored files (as-filed copies, attached PDFs) only when asked: the check never needs their bytes.
    if ((t === 'filedCopies' || t === 'attachmentFiles') && !copies) continue;
    const field = TABLES[t].projectField;
    if (field === undefined) raw[t] = await db.table(t).toArray();
    else if (field === 'id') raw[t] = (await db.table(t).where('id').equals(projectId).toArray());
    else raw[t] = await db.table(t).where('projectId').equals(projectId).toArray();
  }
  return raw;
}

/** 名簿/マスタ lists: merged by id on import (entries already here are kept). */
export const PROJECT_SETTINGS: ReadonlySet<SettingRow['key']> = new Set(['roster', 'departments', 'committees', 'products', 'equipment', 'phrases']);
/** 設定 a project file carries so it prints and checks the same elsewhere (issue 11 item 6); never overwrite what is here. */
export const CARRIED_SETTINGS: ReadonlySet<SettingRow['key']> = new Set(['institution', 'fax-destination']);

/** The entries of a 名簿/マスタ setting (undefined for the settings that are not lists). */
export function listOf(row: SettingRow): ReadonlyArray<{ readonly id: string }> | undefined {
  switch (row.key) {
    case 'roster':
    case 'departments':
    case 'committees':
    case 'products':
    case 'equipment':
    case 'phrases':
      return row.value;
    default:
      return undefined;
  }
}

/** One project with its rows, and the 職員名簿 and マスタ its forms pick from (DATA-14). */
export async function exportProject(db: SenshinDb, projectId: string, appVersion: string, at: string): Promise<WorkspaceExport> {
  // Only this project's rows (with its as-filed copies) and the settings: not the whole workspace.
  const raw = await db.transaction('r', WORK_TABLES.map((t) => db.table(t)), () => projectRaw(db, projectId, true));
  const parsed = parseRows(raw);
  if (!parsed.data.projects.some((p) => p.id === projectId)) throw new DbError('not-found', '案件が見つかりません。削除された可能性があります。');
  // Only what an import accepts goes into the file; the rest stays stored and is counted (DATA-09).
  const { data: d, dropped } = withoutInvalidRows(parsed.data);
  const used = new Set(d.projects.find((p) => p.id === projectId)?.phrasesUsed ?? []);
  const settings = d.settings
    .filter((s) => PROJECT_SETTINGS.has(s.key) || CARRIED_SETTINGS.has(s.key))
    // Of the office's 定型文, the ones this project used (issue 19 item 4).
    .map((s) => (s.key === 'phrases' ? { ...s, value: s.value.filter((p) => used.has(p.id)) } : s));
  const data: WorkspaceData = { ...projectSlice(d, projectId), settings };
  return { envelope: makeEnvelope('project', data, appVersion, at), unreadable: parsed.unreadable + dropped };
}

export function countProjects(raw: RawTables): number {
  return raw.projects.length;
}

export async function addSnapshot(db: SenshinDb, raw: RawTables, reason: SnapshotRow['reason'], label: string, at: string, projectId?: string): Promise<void> {
  await putSnapshot(db, JSON.stringify(raw), countProjects(raw), reason, label, at, projectId);
}

/** Adds a snapshot of the work tables given as their JSON; keeps the newest SNAPSHOT_LIMIT. */
export async function putSnapshot(db: SenshinDb, json: string, projects: number, reason: SnapshotRow['reason'], label: string, at: string, projectId?: string): Promise<void> {
  await db.snapshots.add({ createdAt: at, reason, label: label.slice(0, 300), projects, json, ...(projectId !== undefined ? { projectId } : {}) });
  const count = await db.snapshots.count();
  if (count > SNAPSHOT_LIMIT) await db.snapshots.bulkDelete(await db.snapshots.orderBy('seq').limit(count - SNAPSHOT_LIMIT).primaryKeys());
}

/** Adds a 'restore'/'import' revision for every document in `before` or `after`. */
export async function touchRevisions(revisions: RevisionLog, before: RawTables, after: RawTables, kind: 'restore' | 'import', at: string): Promise<Array<[string, number]>> {
  const out: Array<[string, number]> = [];
  for (const table of WORK_TABLES) {
    // As-filed copies are never edited: no revisions (they would duplicate the files' bytes).
    if (TABLES[table].immutable === true) continue;
    const next = new Map<string, unknown>();
    for (const row of after[table]) {
      const k = docKeyOfRow(table, row);
      if (k !== undefined) next.set(k, row);
    }
    const keys = new Set(next.keys());
    for (const row of before[table]) {
      const k = docKeyOfRow(table, row);
      if (k !== undefined) keys.add(k);
    }
    for (const k of keys) out.push([k, await revisions.record(k, table, next.get(k) ?? null, kind, at, false)]);
  }
  return out;
}

export function rawOf(data: WorkspaceData): RawTables {
  const raw = emptyRaw();
  for (const t of WORK_TABLES) raw[t] = data[t];
  return raw;
}

/**
 * Deletes a project with everything it owns — forms, costs, filings with their documents and
 * as-filed copies, sites —
 * after saving a snapshot, so 「この状態に戻す」 brings it back (issue 11: undoable like a restore).
 */
export async function deleteProject(db: SenshinDb, revisions: RevisionLog, projectId: string, label: string, at: string): Promise<void> {
  const tables = [...WORK_TABLES.map((t) => db.table(t)), db.snapshots, db.revisions];
  const revs = await db.transaction('rw', tables, async () => {
    const before = await dumpRaw(db);
    await addSnapshot(db, before, 'pre-delete', label, at, projectId);
    const removed = await deleteRows(db, rowsOfProject(before, projectId));
    return touchRevisions(revisions, removed, emptyRaw(), 'restore', at);
  });
  for (const [k, rev] of revs) revisions.confirm(k, rev);
}

/**
 * Undoes a project deletion: puts back that project's rows from the snapshot taken before it —
 * and nothing else, so work done since in other projects, 設定 or マスタ stays as it is.
 */
export async function restoreDeletedProject(db: SenshinDb, revisions: RevisionLog, seq: number, at: string, readOnly: boolean): Promise<void> {
  if (readOnly) throw new DbError('read-only', READ_ONLY_MESSAGE);
  const row = await db.snapshots.get(seq);
  const projectId = row?.projectId;
  if (!row || row.reason !== 'pre-delete' || projectId === undefined) throw new DbError('not-found', '元に戻すための記録が見つかりません。');
  const tables = await snapshotTables(db, seq);
  const back = rowsOfProject(tables, projectId);
  const revs = await db.transaction('rw', [...WORK_TABLES.map((t) => db.table(t)), db.revisions], async () => {
    if ((await db.projects.get(projectId)) !== undefined) throw new DbError('invalid', 'この案件はすでに元に戻されています。');
    for (const t of PROJECT_TABLES) await db.table(t).bulkPut(back[t]);
    return touchRevisions(revisions, emptyRaw(), back, 'restore', at);
  });
  for (const [k, rev] of revs) revisions.confirm(k, rev);
}

/** The rows of one project in every project table of `raw` (as stored, unreadable ones included). */
export function rowsOfProject(raw: RawTables, projectId: string): RawTables {
  const out = emptyRaw();
  for (const t of PROJECT_TABLES) out[t] = raw[t].filter((r) => projectOfRow(t, r) === projectId);
  return out;
}

/** Inside a rw transaction: deletes those rows; returns them (each gets a revision). */
export async function deleteRows(db: SenshinDb, rows: RawTables): Promise<RawTables> {
  for (const t of PROJECT_TABLES) {
    for (const r of rows[t]) {
      const key = primaryKey(t, r);
      if (key !== undefined) await db.table(t).delete(key);
    }
  }
  return rows;
}

/** The primary key of a stored row, as Dexie takes it (compound keys as arrays). */
function primaryKey(table: WorkTable, row: unknown): string | string[] | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const keys: readonly string[] = TABLES[table].keys;
  const parts = keys.map((k): unknown => Reflect.get(row, k));
  if (!parts.every((p): p is string => typeof p === 'string')) return undefined;
  return parts.length === 1 ? parts[0] : parts;
}

export interface SnapshotInfo {
  readonly seq: number;
  readonly createdAt: string;
  readonly reason: SnapshotRow['reason'];
  readonly label: string;
  readonly projects: number;
}

export async function listSnapshots(db: SenshinDb): Promise<SnapshotInfo[]> {
  const rows = await db.snapshots.orderBy('seq').reverse().toArray();
  return rows.flatMap((r) => (r.seq === undefined ? [] : [{ seq: r.seq, createdAt: r.createdAt, reason: r.reason, label: r.label, projects: r.projects }]));
}

/** The raw tables of a snapshot; they are put back exactly as they were stored. */
export async function snapshotTables(db: SenshinDb, seq: number): Promise<RawTables> {
  const row = await db.snapshots.get(seq);
  if (!row) throw new DbError('not-found', '元に戻すための記録が見つかりません。');
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.json);
  } catch (e) {
    throw new DbError('unreadable', '元に戻すための記録を読み取れませんでした。', { cause: e });
  }
  const tables = emptyRaw();
  if (typeof parsed !== 'object' || parsed === null) throw new DbError('unreadable', '元に戻すための記録を読み取れませんでした。');
  for (const t of WORK_TABLES) {
    const rows: unknown = Reflect.get(parsed, t);
    // A snapshot taken before schema 4 has no filings, sites …: those tables were empty then (each
    // project's first filing is added below, as the upgrade to schema 4 did).
    if (rows === undefined && !OLD_TABLES.has(t)) continue;
    if (!Array.isArray(rows)) throw new DbError('unreadable', '元に戻すための記録を読み取れませんでした。');
    tables[t] = rows;
  }
  if (Reflect.get(parsed, 'filings') === undefined) {
    tables.filings = initialFilingsOf(tables.projects, row.createdAt, (r) => {
      const p = projectRowSchema.safeParse(r);
      return p.success ? p.data : undefined;
    });
  }
  return tables;
}
