/**
 * Issue 15 item 5 in the database: a filing's attached PDFs are stored only when they pass the
 * checks (DATA-15), keep their filing order through 上へ/下へ, are taken off with their bytes, cannot
 * change once the filing is 提出済み, and travel in backups and project files (DATA-14, export
 * format 5) with every byte; a format 4 file still imports (no attachments).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { importBytes, readImportFile } from '../../../renderer/db/import-file';
import { Repositories } from '../../../renderer/db/repositories';
import { filedBytes } from '../../../shared/filings/files';
import { freezeContext, freezeFiling, resolveFiling } from '../../../shared/filings/freeze';
import { printFiling } from '../../../shared/filings/print';
import { EXPORT_FORMAT_VERSION, envelopeJson } from '../../../shared/io/envelope';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';
import { encryptedPdf, plainPdf } from '../../helpers/attachment-pdfs';

const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);

async function fresh() {
  const db = openDatabase(`attachments-${crypto.randomUUID()}`);
  await db.open();
  const repos = new Repositories(db);
  const project = await repos.importSample(loadSample());
  const [filing] = (await repos.filings.list(project.id)).filings;
  if (!filing) throw new Error('no first filing');
  return { db, repos, projectId: project.id, filingId: filing.id };
}

describe('a filing’s attached PDFs in the database (issue 15 item 5)', () => {
  it('stores them in filing order, moves, renames and takes them off, and stores nothing for a hostile file', async () => {
    const { db, repos, filingId } = await fresh();
    await repos.filings.attachments.add(filingId, { title: '試験実施計画書', kind: '試験実施計画書', fileName: 'protocol.pdf', bytes: await plainPdf('PROTOCOL', 3) });
    await repos.filings.attachments.add(filingId, { title: '概略図', kind: '', fileName: 'schema.pdf', bytes: await plainPdf('SCHEMA', 1) });
    await expect(repos.filings.attachments.add(filingId, { title: '承認通知', kind: '', fileName: 'locked.pdf', bytes: await encryptedPdf('LOCKED') })).rejects.toThrow('暗号化されているため添付できません');
    expect(await db.attachmentFiles.count()).toBe(2);
    let filing = await repos.filings.get(filingId);
    expect(filing.attachments?.map((a) => a.title)).toEqual(['試験実施計画書', '概略図']);
    const [first, second] = filing.attachments ?? [];
    filing = await repos.filings.attachments.move(filingId, second!.id, -1);
    expect(filing.attachments?.map((a) => a.title)).toEqual(['概略図', '試験実施計画書']);
    expect((await repos.filings.attachments.files(filing)).map((f) => f.pages)).toEqual([1, 3]);
    filing = await repos.filings.attachments.rename(filingId, second!.id, '概略図（第2版）');
    expect(filing.attachments?.map((a) => a.title)).toEqual(['概略図（第2版）', '試験実施計画書']);
    await expect(repos.filings.attachments.rename(filingId, second!.id, '  ')).rejects.toThrow('添付書類の名称を入力してください');
    filing = await repos.filings.attachments.remove(filingId, first!.id);
    expect(filing.attachments?.map((a) => a.title)).toEqual(['概略図（第2版）']);
    expect(await db.attachmentFiles.get(first!.id)).toBeUndefined();
  });

  it('freezes them with the filing; a 提出済み filing refuses any change and re-prints byte-identical', async () => {
    const { repos, projectId, filingId } = await fresh();
    await repos.filings.attachments.add(filingId, { title: '説明同意文書', kind: '説明同意文書', fileName: 'consent.pdf', bytes: await plainPdf('CONSENT', 2) });
    const filing = await repos.filings.get(filingId);
    const records = await repos.projectRecords(projectId, { copies: true });
    const copy = await freezeFiling(resolveFiling(records, filing, '2027-04-05', { filedOn: '2027-04-05', method: '郵送' }), filingId, bundledFonts(), '2027-04-05T01:00:00.000Z', undefined, freezeContext(records, filing));
    await repos.filings.move(filingId, { status: 'filed', date: '2027-04-05', method: '郵送', note: '' }, copy);
    const pdf = copy.files.find((f) => f.name.endsWith('.pdf'))!;
    expect((await readPdf(filedBytes(pdf))).pages.map((p) => p.text).slice(-2)).toEqual(['CONSENT p1', 'CONSENT p2']);
    const id = filing.attachments![0]!.id;
    await expect(repos.filings.attachments.remove(filingId, id)).rejects.toThrow('提出済み');
    await expect(repos.filings.attachments.add(filingId, { title: '文献', kind: '', fileName: 'paper.pdf', bytes: await plainPdf('PAPER', 1) })).rejects.toThrow('提出済み');
    const printed = await printFiling(await repos.projectRecords(projectId, { copies: true }), await repos.filings.get(filingId), bundledFonts(), '2027-06-01', '2027-06-01T00:00:00.000Z');
    expect(printed.files.map((f) => f.sha256)).toEqual(copy.files.map((f) => f.sha256));
  });

  it('travels in a backup (format 5 and later) with every byte, and in a project file imported beside itself', async () => {
    const { repos, projectId, filingId } = await fresh();
    const protocol = await plainPdf('PROTOCOL', 2);
    await repos.filings.attachments.add(filingId, { title: '試験実施計画書', kind: '試験実施計画書', fileName: 'protocol.pdf', bytes: protocol });
    await repos.filings.attachments.setCopy(filingId, 'submission', true);
    const { envelope } = await repos.exportWorkspace();
    expect(envelope.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    expect(EXPORT_FORMAT_VERSION).toBeGreaterThanOrEqual(5);
    expect(envelope.data.attachmentFiles).toHaveLength(1);

    const other = await fresh();
    expect(await importBytes(other.repos, bytesOf(envelopeJson(envelope)), 'backup.json')).toEqual({ status: 'restored' });
    const back = await other.repos.filings.get(filingId);
    expect(back).toMatchObject({ copy: 'submission', pageNumbers: true, attachments: [{ title: '試験実施計画書', kind: '試験実施計画書' }] });
    const [file] = await other.repos.filings.attachments.files(back);
    expect(filedBytes(file!)).toEqual(protocol);

    // The same project imported beside itself: its filing and attachment get new ids, still linked.
    const projectFile = (await repos.exportProject(projectId)).envelope;
    expect(await importBytes(repos, bytesOf(envelopeJson(projectFile)), 'project.json', 'add')).toMatchObject({ status: 'imported' });
    const { projects } = await repos.listProjects();
    const copyProject = projects.find((p) => p.id !== projectId);
    const [copied] = (await repos.filings.list(copyProject!.id)).filings.filter((f) => f.kind === 'new');
    expect(copied!.id).not.toBe(filingId);
    const [copiedFile] = await repos.filings.attachments.files(copied!);
    expect(copiedFile?.filingId).toBe(copied!.id);
    expect(filedBytes(copiedFile!)).toEqual(protocol);
  });

  it('reads a format 4 file (before attachments) with every value, and refuses an attachment whose bytes were changed', async () => {
    const { repos, filingId } = await fresh();
    const { envelope } = await repos.exportWorkspace();
    const { attachmentFiles, ...v4data } = envelope.data;
    expect(attachmentFiles).toEqual([]);
    const v4 = readImportFile(bytesOf(JSON.stringify({ ...envelope, formatVersion: 4, data: v4data })));
    expect(v4.ok && v4.upgradedFrom).toBe(4);
    expect(v4.ok && v4.envelope.data).toEqual(envelope.data);

    await repos.filings.attachments.add(filingId, { title: '文献', kind: '', fileName: 'paper.pdf', bytes: await plainPdf('PAPER', 1) });
    const withFile = (await repos.exportWorkspace()).envelope;
    const forged = { ...withFile, data: { ...withFile.data, attachmentFiles: withFile.data.attachmentFiles.map((f) => ({ ...f, base64: btoa('%PDF-1.7 forged') })) } };
    const read = readImportFile(bytesOf(JSON.stringify(forged)));
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toContain('添付したPDF');
  });
});
