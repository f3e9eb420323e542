/**
 * Importing one project file (DATA-14, DATA-15): added as a new project, or replacing the one with
 * its id — in one transaction with the undo snapshot (workspace.ts invariants). Filings and sites
 * that would collide with another project's get new ids; a copy filed here is never replaced;
 * 名簿/マスタ entries are merged by id; this PC's 設定 always win.
 */
import type { ExportEnvelope, WorkspaceData } from '../../shared/io/envelope';
import { WORK_TABLES, type SenshinDb } from './database';
import { DbError, READ_ONLY_MESSAGE } from './errors';
import type { RevisionLog } from './revisions';
import { filedCopyRowSchema, settingRowSchema } from './rows';
import { CARRIED_SETTINGS, PROJECT_SETTINGS, addSnapshot, deleteRows, dumpRaw, emptyRaw, listOf, rowsOfProject, touchRevisions, type RawTables } from './workspace';

export type ProjectImportMode = 'add' | 'replace';

/**
 * The rows of a project file as they are stored here: under project `id` (and `name`); with
 * `fresh`, filings and sites get new ids too, so a second copy never collides with the first.
 */
function remapProject(d: WorkspaceData, id: string, name: string, fresh: boolean, taken: ReadonlySet<string>): RawTables {
  const source = d.projects[0];
  const newId = new Map<string, string>();
  // Filing and site ids are primary keys: a copy of the project, or an id another project already
  // uses here, gets a new one (never overwriting another project's filing, copy or site).
  const mapId = (old: string): string => {
    if (!fresh && !taken.has(old)) return old;
    let n = newId.get(old);
    if (n === undefined) newId.set(old, (n = crypto.randomUUID()));
    return n;
  };
  const raw = emptyRaw();
  raw.projects = source ? [{ ...source, id, name }] : [];
  raw.consultations = d.consultations.map((r) => ({ ...r, projectId: id }));
  raw.formAnswers = d.formAnswers.map((r) => ({ ...r, projectId: id }));
  raw.costModels = d.costModels.map((r) => ({ ...r, projectId: id }));
  raw.filings = d.filings.map((r) => ({
    ...r,
    id: mapId(r.id),
    projectId: id,
    ...(r.siteId !== undefined ? { siteId: mapId(r.siteId) } : {}),
    // The attached PDFs it lists follow their bytes' ids (issue 15).
    ...(r.attachments !== undefined ? { attachments: r.attachments.map((a) => ({ ...a, id: mapId(a.id) })) } : {}),
  }));
  raw.filedCopies = d.filedCopies.map((r) => ({ ...r, filingId: mapId(r.filingId), projectId: id }));
  raw.sites = d.sites.map((r) => ({ ...r, id: mapId(r.id), projectId: id }));
  raw.siteAnswers = d.siteAnswers.map((r) => ({ ...r, siteId: mapId(r.siteId), projectId: id }));
  // A 変更申請・照会回答 document follows its filing, and a 変更申請 its baseline, to their ids here.
  raw.filingDocs = d.filingDocs.map((r) => ({
    ...r,
    filingId: mapId(r.filingId),
    projectId: id,
    content: r.content.kind === 'change' ? { ...r.content, baselineFilingId: mapId(r.content.baselineFilingId) } : r.content,
  }));
  // An attached PDF follows its filing to its id here (and gets a new id of its own where the filing's list does).
  raw.attachmentFiles = d.attachmentFiles.map((r) => ({ ...r, id: mapId(r.id), filingId: mapId(r.filingId), projectId: id }));
  return raw;
}

/** Ids of the file's filings and sites that another project here already uses. */
async function idsOfOtherProjects(db: SenshinDb, d: WorkspaceData, projectId: string): Promise<Set<string>> {
  const taken = new Set<string>();
  const owner = (row: unknown): string | undefined => (typeof row === 'object' && row !== null ? String(Reflect.get(row, 'projectId')) : undefined);
  for (const f of d.filings) {
    const local: unknown = await db.filings.get(f.id);
    if (local !== undefined && owner(local) !== projectId) taken.add(f.id);
  }
  for (const x of d.sites) {
    const local: unknown = await db.sites.get(x.id);
    if (local !== undefined && owner(local) !== projectId) taken.add(x.id);
  }
  for (const x of d.attachmentFiles) {
    const local: unknown = await db.attachmentFiles.get(x.id);
    if (local !== undefined && owner(local) !== projectId) taken.add(x.id);
  }
  return taken;
}

/** 「置き換える」 may not drop or change a copy already filed here: what was sent stays as it was. */
function keepsFiledCopies(local: readonly unknown[], incoming: readonly WorkspaceData['filedCopies'][number][]): void {
  for (const row of local) {
    const mine = filedCopyRowSchema.safeParse(row);
    const filingId = typeof row === 'object' && row !== null ? String(Reflect.get(row, 'filingId')) : '';
    const theirs = incoming.find((c) => c.filingId === filingId);
    const same = mine.success && theirs !== undefined && JSON.stringify(theirs.files.map((f) => f.sha256)) === JSON.stringify(mine.data.files.map((f) => f.sha256)) && theirs.frozenAt === mine.data.frozenAt;
    if (!same) throw new DbError('invalid', 'この案件の提出済みの控えが、取り込むファイルにないか、ファイルの内容と違います。提出済みの控えは置き換えられないため、取り込みを中止しました。「別の案件として追加」を選んでください。');
  }
}

export async function importProject(db: SenshinDb, revisions: RevisionLog, envelope: ExportEnvelope, mode: ProjectImportMode, label: string, at: string, readOnly: boolean): Promise<string> {
  if (readOnly) throw new DbError('read-only', READ_ONLY_MESSAGE);
  const source = envelope.data.projects[0];
  if (envelope.kind !== 'project' || envelope.data.projects.length !== 1 || !source) throw new DbError('invalid', '案件の書き出しファイルではありません。バックアップファイルは「バックアップから復元」で読み込んでください。');
  const tables = [...WORK_TABLES.map((t) => db.table(t)), db.snapshots, db.revisions];
  const result = await db.transaction('rw', tables, async () => {
    const before = await dumpRaw(db);
    const exists = (await db.projects.get(source.id)) !== undefined;
    const id = exists && mode === 'add' ? crypto.randomUUID() : source.id;
    const name = exists && mode === 'add' ? `${source.name}（取り込み）`.slice(0, 200) : source.name;
    await addSnapshot(db, before, 'pre-import', label, at);
    // The documents being replaced: each gets a revision too (null when it is not in the file), so an
    // editor still open on one of them in another window cannot write the old version back.
    let replaced = emptyRaw();
    if (exists && mode === 'replace') {
      const mine = rowsOfProject(before, id);
      keepsFiledCopies(mine.filedCopies, envelope.data.filedCopies);
      replaced = await deleteRows(db, mine);
    }
    const after = remapProject(envelope.data, id, name, exists && mode === 'add', await idsOfOtherProjects(db, envelope.data, id));
    for (const s of envelope.data.settings) {
      if (CARRIED_SETTINGS.has(s.key)) {
        // 設定 of the sending PC: taken only where this PC has none (this PC's 設定 always wins).
        if ((await db.settings.get(s.key)) === undefined) after.settings.push(s);
        continue;
      }
      if (!PROJECT_SETTINGS.has(s.key)) continue;
      const current = settingRowSchema.safeParse(await db.settings.get(s.key));
      // An unreadable stored list is never overwritten (DATA-09): the import is refused instead.
      if (!current.success && (await db.settings.get(s.key)) !== undefined) throw new DbError('unreadable', '職員名簿またはマスタを読み取れないため、取り込みを中止しました。先にバックアップから復元してください。');
      const have = (current.success && current.data.key === s.key ? listOf(current.data) : undefined) ?? [];
      const ids = new Set(have.map((x) => x.id));
      const incoming = listOf(s) ?? [];
      const merged = settingRowSchema.parse({ key: s.key, value: [...have, ...incoming.filter((x) => !ids.has(x.id))] });
      after.settings.push(merged);
    }
    for (const t of WORK_TABLES) await db.table(t).bulkPut(after[t]);
    const revs = await touchRevisions(revisions, replaced, after, 'import', at);
    return { id, revs };
  });
  for (const [k, rev] of result.revs) revisions.confirm(k, rev);
  return result.id;
}
