import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/db/database';
import { DraftStorage } from '../../../renderer/db/draft-storage';
import { applyImport, readImportFile } from '../../../renderer/db/import-file';
import { localJournal } from '../../../renderer/db/journal';
import { openWorkspace } from '../../../renderer/db/open';
import { Repositories } from '../../../renderer/db/repositories';
import { diffFilings } from '../../../shared/changes/field-diff';
import { uncoveredItems } from '../../../shared/changes/change-items';
import { filedCopySchema, parseResolved, type FiledFile } from '../../../shared/filings/as-filed';
import { changeDocSchema, type ChangeDoc, type InquiryDoc } from '../../../shared/filings/filing-doc';
import { filedBytes, sha256Hex } from '../../../shared/filings/files';
import { printFiling } from '../../../shared/filings/print';
import { resolveFiling } from '../../../shared/filings/resolve';
import { FORMS } from '../../../shared/forms/registry';
import { EXPORT_FORMAT_VERSION } from '../../../shared/io/envelope';
import { WORK_TABLES, docKeyOfRow } from '../../../shared/io/tables';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';

/**
 * Issue 14, "old data keeps opening": a database and files written by the last release (commit
 * f27c7ae: IndexedDB schema 5, export format 3, whose filingDocs hold a 変更申請's and a 照会回答's
 * own documents; test/fixtures/schema5-format3, never regenerated) open with the current app
 * (export format 4, projects with a 制度) with every value equal, compared leaf by leaf; the
 * 照会回答 sent then re-prints byte-identical and the 変更申請 still being written still compares
 * with its approved baseline.
 */
const dir = path.resolve(import.meta.dirname, '../../fixtures/schema5-format3');
const fixtureText = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
const fixture = (name: string): unknown => JSON.parse(fixtureText(name));

/** Every leaf of `expected` at the same path in `actual`; returns the paths that differ (empty = all kept). */
function missingLeaves(expected: unknown, actual: unknown, at = '$'): string[] {
  if (typeof expected !== 'object' || expected === null) return Object.is(expected, actual) ? [] : [`${at}: ${JSON.stringify(expected)?.slice(0, 80)} → ${JSON.stringify(actual)?.slice(0, 80)}`];
  if (typeof actual !== 'object' || actual === null) return [`${at}: missing`];
  if (Array.isArray(expected) && (!Array.isArray(actual) || actual.length !== expected.length)) return [`${at}: length ${expected.length} → ${Array.isArray(actual) ? actual.length : 'none'}`];
  return Object.entries(expected).flatMap(([k, v]) => missingLeaves(v, Reflect.get(actual, k), `${at}.${k}`));
}

const str = (r: unknown, k: string): string => {
  const v: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, k) : undefined;
  return typeof v === 'string' ? v : '';
};

/** Rows of every work table (filingDocs included), keyed by their document key, compared leaf by leaf. */
function sameRows(expected: Readonly<Record<string, readonly unknown[]>>, actual: Readonly<Record<string, readonly unknown[]>>): string[] {
  const keyed = (table: (typeof WORK_TABLES)[number], rows: readonly unknown[]) => Object.fromEntries(rows.map((r) => [docKeyOfRow(table, r) ?? '?', r]));
  return WORK_TABLES.flatMap((t) => missingLeaves(keyed(t, expected[t] ?? []), keyed(t, actual[t] ?? []), t));
}

interface V5Fixture {
  readonly schemaVersion: number;
  readonly tables: Record<string, unknown[]>;
}
interface FileFixture {
  readonly formatVersion: number;
  readonly kind: string;
  readonly data: Record<string, unknown[]>;
}

const v5 = fixture('indexeddb-v5.json') as V5Fixture;
const rowsOf = (table: string): unknown[] => v5.tables[table] ?? [];
const filingOf = (kind: string): unknown => {
  const f = rowsOf('filings').find((r) => str(r, 'kind') === kind);
  if (!f) throw new Error(`fixture has no ${kind}`);
  return f;
};
const CHANGE_ID = str(filingOf('change'), 'id');
const INQUIRY_ID = str(filingOf('inquiry-response'), 'id');
const NEW_ID = str(filingOf('new'), 'id');
const PROJECT_ID = str(rowsOf('projects')[0], 'id');
const storedDoc = (filingId: string): { content: unknown; rev: number; updatedAt: string } => {
  const row = rowsOf('filingDocs').find((r) => str(r, 'filingId') === filingId) as { content: unknown; rev: number; updatedAt: string } | undefined;
  if (!row) throw new Error('fixture doc');
  return row;
};
const storedChange = storedDoc(CHANGE_ID).content as ChangeDoc;
const storedInquiry = storedDoc(INQUIRY_ID).content as InquiryDoc;

/** The schema-5 tables put into IndexedDB as the released app (schema 5) left them. */
async function databaseFromV5Fixture(): Promise<string> {
  const name = `from-schema5-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= v5.schemaVersion)) old.version(v.version).stores(v.stores);
  await old.open();
  for (const [table, rows] of Object.entries(v5.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

async function openFixture(): Promise<{ repos: Repositories; db: Repositories['db']; close: () => void }> {
  const opened = await openWorkspace(await databaseFromV5Fixture());
  if (opened.status !== 'ready') throw new Error(opened.status);
  return { repos: new Repositories(opened.db), db: opened.db, close: () => opened.db.close() };
}

const files = (rows: readonly unknown[]) => rows.map((r) => filedCopySchema.parse(r)).flatMap((c) => c.files.map((f) => ({ filingId: c.filingId, name: f.name, sha256: f.sha256 })));
const pdfText = async (f: FiledFile | undefined): Promise<string> => {
  if (!f) throw new Error('no such file');
  return squash((await readPdf(filedBytes(f))).pages.map((p) => p.text).join(''));
};

describe('the fixture is what the released app (schema 5, format 3) wrote', () => {
  it('holds every table of schema 5, a 変更申請 作成中 with its items and a 照会回答 提出済み, and projects without a 制度', () => {
    expect(v5.schemaVersion).toBe(5);
    const schema5 = SCHEMA_VERSIONS.find((s) => s.version === 5);
    expect(Object.keys(v5.tables).sort()).toEqual(Object.keys(schema5?.stores ?? {}).sort());
    expect(rowsOf('projects').map((p) => Object.hasOwn(p as object, 'scheme'))).toEqual([false]);
    expect(str(filingOf('change'), 'status')).toBe('draft');
    expect(str(filingOf('inquiry-response'), 'status')).toBe('filed');
    expect(str(filingOf('new'), 'status')).toBe('approved');
    expect(storedChange.items.map((i) => i.sourceIds.length)).toEqual([1, 5, 0]);
    expect(storedInquiry.items.map((i) => i.changeItemIds)).toEqual([[storedChange.items[0]?.id], []]);
    expect(rowsOf('filedCopies').map((c) => str(c, 'filingId')).sort()).toEqual([NEW_ID, INQUIRY_ID].sort());
    expect((fixture('backup.json') as FileFixture).formatVersion).toBe(3);
    expect((fixture('project-file.json') as FileFixture).formatVersion).toBe(3);
  });
});

describe('a schema-5 database (issue 13, before issue 14)', () => {
  it('opens with every stored value of every table equal; projects read as 先進医療; the documents exactly as stored', async () => {
    const { repos, db, close } = await openFixture();
    // Every table as stored: revisions, the snapshot and the journal included.
    for (const [table, rows] of Object.entries(v5.tables)) expect(missingLeaves(rows, await db.table(table).toArray()), table).toEqual([]);

    // Read through the app: every row of every work table as it was written.
    const exported = await repos.exportWorkspace();
    expect(exported.unreadable).toBe(0);
    expect(exported.envelope.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    expect(sameRows(v5.tables, exported.envelope.data)).toEqual([]);
    expect(exported.envelope.data.projects.map((p) => p.scheme)).toEqual(['先進医療']);
    expect((await repos.getProject(PROJECT_ID)).scheme).toBe('先進医療');
    for (const row of rowsOf('formAnswers')) {
      const form = FORMS.find((f) => f.id === str(row, 'formId'));
      if (!form) throw new Error('fixture form');
      const read = await repos.readFormAnswers(str(row, 'projectId'), form);
      expect(missingLeaves(Reflect.get(row as object, 'answers'), read.answers)).toEqual([]);
    }

    // The 変更申請's items (sources, wording, ＜変更前＞／＜変更後＞, 理由, 承認), 【現在の登録状況】 and
    // baseline; the 照会回答's numbered items and their link to a change item: exactly as stored.
    const change = await repos.filings.getDoc(CHANGE_ID);
    expect(change).toEqual({ content: storedChange, rev: storedDoc(CHANGE_ID).rev, frozen: false });
    const inquiry = await repos.filings.getDoc(INQUIRY_ID);
    expect(inquiry).toEqual({ content: storedInquiry, rev: storedDoc(INQUIRY_ID).rev, frozen: true });
    if (change.content.kind !== 'change' || inquiry.content.kind !== 'inquiry-response') throw new Error('kinds');
    expect(change.content.baselineFilingId).toBe(NEW_ID);
    const linked = inquiry.content.items.flatMap((i) => i.changeItemIds);
    expect(linked.length).toBe(1);
    expect(change.content.items.filter((i) => linked.includes(i.id)).map((i) => i.text)).toEqual(['予定試験期間の延長']);
    close();
  });

  it('its journal of unsaved typing on the 変更申請 is offered back (DATA-11)', async () => {
    const { db, close } = await openFixture();
    const storage = await DraftStorage.load(db, undefined);
    const back = localJournal(`change:${CHANGE_ID}`, changeDocSchema, storage).readNewerThan(storedDoc(CHANGE_ID).updatedAt);
    const [entry] = rowsOf('drafts');
    expect(back).toEqual((JSON.parse(str(entry, 'value')) as { value: unknown }).value);
    expect(back?.registration.count).toBe('13症例');
    close();
  });

  it('its 照会回答 sent then re-prints byte-identical (files, SHA-256, the document frozen in it), as does the 新規届出', async () => {
    const { repos, close } = await openFixture();
    const stored = rowsOf('filedCopies').map((r) => filedCopySchema.parse(r));
    const inquiryCopy = stored.find((c) => c.filingId === INQUIRY_ID);
    const resolved = inquiryCopy ? parseResolved(inquiryCopy) : undefined;
    expect(resolved?.kind).toBe('inquiry-response');
    expect(resolved && 'doc' in resolved ? resolved.doc : undefined).toEqual(storedInquiry);
    expect(inquiryCopy?.files.map((f) => f.name.replace(/^.*_/, ''))).toEqual(['照会事項に対する回答1.pdf', '照会事項に対する回答1.docx']);

    const records = await repos.projectRecords(PROJECT_ID, { copies: true });
    for (const copy of stored) {
      // The bytes as stored are still the bytes their SHA-256 names.
      for (const f of copy.files) expect(sha256Hex(filedBytes(f)), f.name).toBe(f.sha256);
      const printed = await printFiling(records, await repos.filings.get(copy.filingId), bundledFonts(), '2029-04-01', new Date().toISOString());
      expect(printed.frozen).toBe(true);
      expect(printed.files.map((f) => ({ name: f.name, sha256: sha256Hex(filedBytes(f)) }))).toEqual(copy.files.map((f) => ({ name: f.name, sha256: f.sha256 })));
      printed.files.forEach((f, i) => expect(Buffer.from(filedBytes(f)).equals(Buffer.from(filedBytes(copy.files[i] ?? f))), f.name).toBe(true));
    }
    close();
  }, 60_000);

  it('its 変更申請 still opens with its approved baseline, and 「変更箇所を読み込む」 finds its generated changes already covered', async () => {
    const { repos, close } = await openFixture();
    // What ChangeFilingPage does on opening: the baseline's as-filed copy, the working copy resolved now.
    const filing = await repos.filings.get(CHANGE_ID);
    const doc = await repos.filings.getDoc(CHANGE_ID);
    if (doc.content.kind !== 'change') throw new Error('kind');
    const records = await repos.projectRecords(PROJECT_ID, { copies: true });
    const baselineFiling = records.filings.find((f) => f.id === (doc.content.kind === 'change' ? doc.content.baselineFilingId : ''));
    expect(baselineFiling?.status).toBe('approved');
    const baselineCopy = records.filedCopies.find((c) => c.filingId === baselineFiling?.id);
    const baseline = baselineCopy ? parseResolved(baselineCopy) : undefined;
    if (!baseline) throw new Error('the baseline copy no longer reads');
    expect(baseline.project.scheme).toBe('先進医療');
    const working = resolveFiling(records, { ...filing, packageId: baseline.packageId }, '2028-10-01');
    const diff = diffFilings(baseline, working);

    // The same changes as when the items were generated: each item's sources, and its values as printed.
    expect(diff.map((d) => d.id).sort()).toEqual(doc.content.items.flatMap((i) => i.sourceIds).sort());
    expect(uncoveredItems(doc.content.items, diff, () => 'new')).toEqual([]);
    const [period, cost] = doc.content.items;
    const periodDiff = diff.find((d) => d.id === period?.sourceIds[0]);
    expect({ before: periodDiff?.before, after: periodDiff?.after }).toEqual({ before: period?.before, after: period?.after });
    expect(cost?.sourceIds.map((id) => diff.find((d) => d.id === id)?.after).join('\n')).toBe(cost?.after);

    // Printed now, as a draft: the 変更申請 and the 新旧対照表 with every item as worded.
    const printed = await printFiling(records, filing, bundledFonts(), '2028-10-01', new Date().toISOString());
    expect(printed.frozen).toBe(false);
    expect(printed.files.map((f) => f.name.replace(/^.*_/, ''))).toEqual(['変更申請.pdf', '変更申請.docx', '新旧対照表.pdf', '新旧対照表.docx']);
    const text = await pdfText(printed.files[0]);
    for (const s of [...doc.content.items.flatMap((i) => [i.text, i.reason]), period?.after ?? '?', '12症例', '（36か月延長）']) expect(text, s).toContain(squash(s));
    const table = await pdfText(printed.files[2]);
    for (const s of ['2034年3月31日', '4,200', '研究事務局の移転', '（36か月延長）']) expect(table, s).toContain(squash(s));
    close();
  }, 60_000);

  it('the undo snapshot taken under schema 5 puts back its tables', async () => {
    const { repos, close } = await openFixture();
    const last = rowsOf('snapshots').at(-1);
    const seq = typeof last === 'object' && last !== null ? Number(Reflect.get(last, 'seq')) : NaN;
    const before = JSON.parse(str(last, 'json')) as Record<string, unknown[]>;
    expect(Object.keys(before)).toContain('filingDocs');
    await repos.returnToSnapshot(seq);
    const data = (await repos.exportWorkspace()).envelope.data;
    expect(sameRows(before, data)).toEqual([]);
    expect(data.projects).toHaveLength((before.projects ?? []).length);
    close();
  });
});

describe('export files of format 3 (before issue 14)', () => {
  it('a backup is upgraded to format 4, not refused, and restores with every value equal', async () => {
    const file = fixture('backup.json') as FileFixture;
    const read = readImportFile(new TextEncoder().encode(fixtureText('backup.json')));
    if (!read.ok) throw new Error(read.message);
    expect(read.upgradedFrom).toBe(3);
    expect(read.envelope.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    expect(sameRows(file.data, read.envelope.data)).toEqual([]);
    expect(read.envelope.data.filingDocs.map((d) => d.content)).toEqual((file.data.filingDocs ?? []).map((d): unknown => Reflect.get(d as object, 'content')));
    expect(read.envelope.data.projects.map((p) => p.scheme)).toEqual(['先進医療']);

    const opened = await openWorkspace(`restore-schema5-${crypto.randomUUID()}`);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    expect(await applyImport(repos, read.envelope, 'backup.json')).toEqual({ status: 'restored' });
    const back = (await repos.exportWorkspace()).envelope.data;
    expect(sameRows(file.data, back)).toEqual([]);
    expect(files(back.filedCopies)).toEqual(files(file.data.filedCopies ?? []));
    expect((await repos.filings.getDoc(CHANGE_ID)).content).toEqual(storedChange);
    expect((await repos.filings.getDoc(INQUIRY_ID)).content).toEqual(storedInquiry);
    opened.db.close();
  });

  it('all or nothing: the same backup with one 照会回答 linked to a change item it does not hold is refused whole', () => {
    const file = fixture('backup.json') as FileFixture & { data: { filingDocs: Array<{ content: InquiryDoc | ChangeDoc }> } };
    const broken = structuredClone(file);
    const inquiry = broken.data.filingDocs.find((d) => d.content.kind === 'inquiry-response')?.content;
    if (inquiry?.kind !== 'inquiry-response' || !inquiry.items[0]) throw new Error('fixture');
    inquiry.items[0].changeItemIds = ['no-such-change-item'];
    const read = readImportFile(new TextEncoder().encode(JSON.stringify(broken)));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.code).toBe('invalid-records');
    expect(read.message).toContain('何も取り込んでいません');
    expect(read.message).toContain('照会回答の1番が、この案件の変更申請にない変更内容を指しています');
  });

  it('a project file is upgraded and imported with every value equal, into an empty PC and beside itself', async () => {
    const file = fixture('project-file.json') as FileFixture;
    const read = readImportFile(new TextEncoder().encode(fixtureText('project-file.json')));
    if (!read.ok) throw new Error(read.message);
    expect(read.upgradedFrom).toBe(3);
    const opened = await openWorkspace(`project-schema5-${crypto.randomUUID()}`);
    if (opened.status !== 'ready') throw new Error(opened.status);
    const repos = new Repositories(opened.db);
    const first = await applyImport(repos, read.envelope, 'project-file.json');
    if (first.status !== 'imported') throw new Error(first.status);
    const data = (await repos.exportProject(first.projectId)).envelope.data;
    expect(sameRows(file.data, data)).toEqual([]);
    expect(data.projects.map((p) => p.scheme)).toEqual(['先進医療']);

    // The same file again: beside it under new ids, the documents following their filings (and the
    // 変更申請 its baseline) with every other value kept, the first untouched.
    const second = await applyImport(repos, read.envelope, 'project-file.json');
    if (second.status !== 'imported') throw new Error(second.status);
    const copy = (await repos.exportProject(second.projectId)).envelope.data;
    expect(copy.filings.map((f) => f.id).filter((id) => data.filings.some((g) => g.id === id))).toEqual([]);
    const kindOf = (filings: typeof copy.filings, id: string) => filings.find((f) => f.id === id)?.kind;
    const docs = (d: typeof copy) =>
      d.filingDocs
        .map((r) => ({ kind: kindOf(d.filings, r.filingId), rev: r.rev, content: r.content.kind === 'change' ? { ...r.content, baselineFilingId: kindOf(d.filings, r.content.baselineFilingId) } : r.content }))
        .sort((a, b) => String(a.kind).localeCompare(String(b.kind)));
    expect(docs(copy)).toEqual(docs(data));
    expect(docs(copy).map((d) => d.kind)).toEqual(['change', 'inquiry-response']);
    expect(files(copy.filedCopies).map((f) => f.sha256).sort()).toEqual(files(data.filedCopies).map((f) => f.sha256).sort());
    expect(sameRows(file.data, (await repos.exportProject(first.projectId)).envelope.data)).toEqual([]);
    opened.db.close();
  });
});
