/**
 * Issue 14 item 1 end to end: a 定期報告 (令和７年度) of the sample marked 提出済み the way the app does
 * it (resolveFiling → freezeFiling with freezeContext → stored with the move) re-prints the same bytes
 * after its cases and 設定 change; a draft prints what its document says now.
 *
 * The filing names its package ('new-b') itself: resolveFiling gives report kinds none yet
 * (shared/filings/resolve.ts filingPackage — a change asked of the lead).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import type { FiledFile } from '../../../shared/filings/as-filed';
import type { Filing } from '../../../shared/filings/filing';
import { filedBytes } from '../../../shared/filings/files';
import { freezeContext, freezeFiling, resolveFiling } from '../../../shared/filings/freeze';
import { printFiling } from '../../../shared/filings/print';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';
import { FISCAL_YEAR, periodicReport } from '../../helpers/report-docs';

const FILED_ON = '2025-08-25';
const TECH = loadSample().project.technologyName;

async function sampleWithReport(): Promise<{ repos: Repositories; filing: Filing; close: () => void }> {
  const db = openDatabase(`report-filed-${crypto.randomUUID()}`);
  await db.open();
  const repos = new Repositories(db);
  const project = await repos.importSample(loadSample(), bundledFonts());
  const filing = await repos.filings.create(project.id, 'periodic-report', { fiscalYear: FISCAL_YEAR, packageId: 'new-b' });
  const read = await repos.filings.getDoc(filing.id);
  await repos.filings.saveDoc(filing.id, periodicReport(), read.rev);
  return { repos, filing: await repos.filings.get(filing.id), close: () => db.close() };
}

async function markFiled(repos: Repositories, filing: Filing): Promise<Filing> {
  const records = await repos.projectRecords(filing.projectId, { copies: true });
  const copy = await freezeFiling(resolveFiling(records, filing, FILED_ON, { filedOn: FILED_ON, method: '郵送' }), filing.id, bundledFonts(), `${FILED_ON}T09:00:00.000Z`, undefined, freezeContext(records, filing));
  return repos.filings.move(filing.id, { status: 'filed', date: FILED_ON, method: '郵送', note: '' }, copy);
}

const printNow = async (repos: Repositories, filing: Filing) => printFiling(await repos.projectRecords(filing.projectId, { copies: true }), await repos.filings.get(filing.id), bundledFonts(), FILED_ON, new Date().toISOString());

describe('a 定期報告 marked 提出済み', () => {
  it('freezes 「…_定期報告（令和７年度）」 and re-prints it byte-identical after 設定 changes', async () => {
    const { repos, filing, close } = await sampleWithReport();
    const draft = await printNow(repos, filing);
    expect(draft.frozen).toBe(false);
    expect(draft.files.map((f) => f.name)).toEqual([`${TECH}_定期報告（令和７年度）.pdf`, `${TECH}_定期報告（令和７年度）.docx`]);

    const filed = await markFiled(repos, filing);
    const copy = await repos.filings.copy(filed.id);
    if (!copy) throw new Error('no copy');
    const text = squash((await readPdf(filedBytes(copy.files[0] as FiledFile))).pages.map((p) => p.text).join(''));
    expect(text).toContain('合計（１２例）');
    expect(text).toContain('16,627,710');

    // 設定 changes after it was sent: the filed report still prints as sent.
    const settings = await repos.getInstitution();
    await repos.saveInstitution({ ...settings, institutionName: '架空大学病院（改称）', tel: '03-9999-9999' });
    const again = await printNow(repos, filed);
    expect(again.frozen).toBe(true);
    expect(again.files.map((f) => f.sha256)).toEqual(copy.files.map((f) => f.sha256));
    // A draft printed the same way now says what the 設定 says now.
    const other = await repos.filings.create(filed.projectId, 'periodic-report', { fiscalYear: FISCAL_YEAR + 1, packageId: 'new-b' });
    await repos.filings.saveDoc(other.id, periodicReport(), (await repos.filings.getDoc(other.id)).rev);
    const now = await printNow(repos, other);
    expect(squash((await readPdf(filedBytes(now.files[0] as FiledFile))).pages.map((p) => p.text).join(''))).toContain('03-9999-9999');
    close();
  }, 120_000);
});
