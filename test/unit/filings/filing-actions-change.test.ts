/**
 * Issue 13, the filings card's actions: 「提出済み」 on a 変更申請 (moveFiling) freezes its 変更申請 and
 * 新旧対照表 against the baseline's as-filed copy, and 「書類を保存（ZIP）」 (saveFilingFiles) writes a
 * draft 変更申請's files. The app's font loader fetches same-origin URLs; here it gets the bundled fonts.
 */
import 'fake-indexeddb/auto';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { moveFiling, saveFilingFiles } from '../../../renderer/features/filings/filing-actions';
import type { Platform } from '../../../renderer/platform/platform';
import { filedBytes } from '../../../shared/filings/files';
import { yoshiki3 } from '../../../shared/forms/besshi1/yoshiki3';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';

vi.mock('../../../renderer/fonts/fonts', () => ({ loadFonts: () => Promise.resolve(bundledFonts()) }));

const TECH = loadSample().project.technologyName;
const PERIOD_AFTER = '告示日から2040年6月30日まで（登録期間8年、追跡期間5年）';

describe('the filings card on a 変更申請 (issue 13)', () => {
  it('「提出済み」 stores the 変更申請 and 新旧対照表 compared with the approved copy; 「書類を保存（ZIP）」 of a draft writes the same files', async () => {
    const db = openDatabase(`actions-change-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const project = await repos.importSample(loadSample(), bundledFonts());
    const answers = await repos.getFormAnswers(project.id, yoshiki3);
    await repos.saveFormAnswers(project.id, yoshiki3, { ...answers, period: PERIOD_AFTER });
    const item = { id: 'item-period', sourceIds: ['besshi1/yoshiki3/period'], text: '予定試験期間の延長', before: answers.period, after: PERIOD_AFTER, reason: '登録が遅れているため。', approval: { committeeId: 'sample-committee', date: '2028-09-10' } };
    const create = async () => {
      const f = await repos.filings.create(project.id, 'change');
      const read = await repos.filings.getDoc(f.id);
      if (read.content.kind === 'change') await repos.filings.saveDoc(f.id, { ...read.content, items: [item] }, read.rev);
      return repos.filings.get(f.id);
    };

    const draft = await create();
    const saved: Uint8Array[] = [];
    const platform = { kind: 'browser', saveFile: (_name: string, _kind: string, data: Uint8Array) => (saved.push(data), Promise.resolve({ status: 'saved', fileName: 'x.zip' })) } as unknown as Platform;
    expect(await saveFilingFiles(repos, platform, draft, project.name)).toMatchObject({ status: 'saved' });
    const zip = unzipSync(saved[0] ?? new Uint8Array());
    expect(Object.keys(zip).sort()).toEqual([`${TECH}_変更申請.docx`, `${TECH}_変更申請.pdf`, `${TECH}_新旧対照表.docx`, `${TECH}_新旧対照表.pdf`, 'manifest.json'].sort());

    const filed = await moveFiling(repos, await create(), { status: 'filed', date: '2028-10-01', method: '電子メール', note: '' });
    expect(filed.status).toBe('filed');
    const copy = await repos.filings.copy(filed.id);
    expect(copy?.files.map((f) => f.name)).toEqual([`${TECH}_変更申請.pdf`, `${TECH}_変更申請.docx`, `${TECH}_新旧対照表.pdf`, `${TECH}_新旧対照表.docx`]);
    const table = copy?.files.find((f) => f.name.endsWith('新旧対照表.pdf'));
    if (!table) throw new Error('no 新旧対照表');
    const text = squash((await readPdf(filedBytes(table))).pages.map((p) => p.text).join(''));
    expect(text).toContain(squash('2037年6月30日'));
    expect(text).toContain(squash('2040年6月30日'));
    db.close();
  }, 180_000);
});
