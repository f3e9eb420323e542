/**
 * Issue 14 item 4 through the repository: 「次年度の報告を作成」 stores the next 年度's 定期報告 and
 * its rolled-forward document in one write; the previous 年度's document stays as it was; a second
 * report of the same 年度 is refused; the status dialog reads the 要確認 count of a stored report.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { rollForward, unconfirmedCount } from '../../../shared/reports/roll-forward';
import { emptyCase, emptyReportDoc, type ReportDoc } from '../../../shared/reports/model';
import { loadSample } from '../../helpers/sample';
import { bundledFonts } from '../../helpers/fonts';

const report = (): ReportDoc => ({
  ...emptyReportDoc('periodic-report'),
  title: '架空胃切除術',
  cases: [
    { ...emptyCase('keep'), caseNumber: 'R-1', outcome: '継続', firstDate: '2025-06-01', procedures: 3 },
    { ...emptyCase('done'), caseNumber: 'R-2', outcome: '治癒', firstDate: '2024-10-01', procedures: 1 },
  ],
});

async function setUp() {
  const db = openDatabase(`roll-forward-${crypto.randomUUID()}`);
  await db.open();
  const repos = new Repositories(db);
  const project = await repos.importSample(loadSample(), bundledFonts());
  const previous = await repos.filings.create(project.id, 'periodic-report', { fiscalYear: 2025 });
  await repos.filings.saveDoc(previous.id, report(), (await repos.filings.getDoc(previous.id)).rev);
  return { repos, project, previous, close: () => db.close() };
}

describe('createReportWithDoc (次年度の報告を作成)', () => {
  it('creates the 定期報告 of the next 年度 with the rolled-forward document; the previous one is unchanged', async () => {
    const { repos, project, previous, close } = await setUp();
    const before = await repos.filings.getDoc(previous.id);
    if (before.content.kind !== 'periodic-report') throw new Error('not a report');
    const next = await repos.filings.createReportWithDoc(project.id, 2026, rollForward(before.content));
    expect(next).toMatchObject({ kind: 'periodic-report', fiscalYear: 2026, status: 'draft' });
    const doc = (await repos.filings.getDoc(next.id)).content;
    if (doc.kind !== 'periodic-report') throw new Error('not a report');
    expect(doc.cases.map((c) => [c.id, c.firstDate, c.procedures])).toEqual([['keep', '2025-06-01', '']]);
    expect(doc.unconfirmed).toContain('title');
    expect(await repos.filings.getDoc(previous.id)).toEqual(before);
    // With the sample's own 定期報告 of 令和10年度 (issue 14 item 7).
    expect((await repos.filings.list(project.id)).filings.filter((f) => f.kind === 'periodic-report').map((f) => f.fiscalYear).sort()).toEqual([2025, 2026, 2028]);
    close();
  });

  it('refuses a second 定期報告 of the same 年度 and stores nothing', async () => {
    const { repos, project, close } = await setUp();
    await expect(repos.filings.createReportWithDoc(project.id, 2025, rollForward(report()))).rejects.toThrow('定期報告（令和7年度）はすでにあります');
    expect((await repos.filings.list(project.id)).filings.filter((f) => f.kind === 'periodic-report' && f.fiscalYear === 2025)).toHaveLength(1);
    close();
  });

  it('「届出・報告を追加」 of a 定期報告 whose 年度 already has one is refused too (the cases would be split between two reports)', async () => {
    const { repos, project, close } = await setUp();
    await expect(repos.filings.create(project.id, 'periodic-report', { fiscalYear: 2025 })).rejects.toThrow('定期報告（令和7年度）はすでにあります');
    expect((await repos.filings.list(project.id)).filings.filter((f) => f.kind === 'periodic-report' && f.fiscalYear === 2025)).toHaveLength(1);
    await repos.filings.create(project.id, 'periodic-report', { fiscalYear: 2026 });
    close();
  });

  it('peekDoc reads the stored report: 1 report field and 3 case values 要確認 (整理番号, 初回実施日, 転帰)', async () => {
    const { repos, project, close } = await setUp();
    const next = await repos.filings.createReportWithDoc(project.id, 2026, rollForward(report()));
    const peeked = await repos.filings.peekDoc(next.id);
    expect(peeked?.kind === 'periodic-report' ? unconfirmedCount(peeked) : -1).toBe(1 + 3);
    close();
  });
});
