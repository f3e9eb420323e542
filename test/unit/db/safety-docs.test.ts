import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { importBytes } from '../../../renderer/db/import-file';
import { Repositories } from '../../../renderer/db/repositories';
import { envelopeJson } from '../../../shared/io/envelope';
import { filingDocContentSchema, hasDoc } from '../../../shared/filings/filing-doc';
import { emptyHealthRiskDoc, emptySeriousAdverseEventDoc } from '../../../shared/reports/safety';

/**
 * Issue 14 item 5: a 重篤な有害事象等報告 and a 健康危険情報 are filings with a document of their own,
 * created empty with the filing, saved while 作成中 (revision-checked like every document) and
 * read-only once 提出済み.
 */
async function project() {
  const db = openDatabase(`safety-docs-${crypto.randomUUID()}`);
  await db.open();
  const a = new Repositories(db);
  const p = await a.createProject('安全性報告のある案件');
  return { a, projectId: p.id };
}

describe('safety reports as filings with their own document', () => {
  it('a 重篤な有害事象等報告 starts with an empty report, saves what was typed, and refuses a save over a newer revision', async () => {
    const { a, projectId } = await project();
    const f = await a.filings.create(projectId, 'serious-adverse-event', { title: 'SLN-012' });
    expect(hasDoc(f.kind)).toBe(true);
    expect(await a.filings.getDoc(f.id)).toEqual({ content: emptySeriousAdverseEventDoc(), rev: 0, frozen: false });
    const typed = { ...emptySeriousAdverseEventDoc(), law: '臨床研究法' as const, seriousness: ['死亡' as const], learnedOn: '2028-03-01', delayReason: '判断が遅れたため。' };
    const saved = await a.filings.saveDoc(f.id, typed, 0);
    expect(saved.rev).toBe(1);
    expect((await a.filings.getDoc(f.id)).content).toEqual(typed);
    await expect(a.filings.saveDoc(f.id, emptySeriousAdverseEventDoc(), 0)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a 健康危険情報 keeps the grade the user chose and the helper’s answers; 提出済み makes it read-only', async () => {
    const { a, projectId } = await project();
    const f = await a.filings.create(projectId, 'health-risk');
    const read = await a.filings.getDoc(f.id);
    expect(read.content).toEqual(emptyHealthRiskDoc());
    const typed = { ...emptyHealthRiskDoc(), grade: 'C' as const, answers: { ...emptyHealthRiskDoc().answers, known: '既知の情報である' as const } };
    await a.filings.saveDoc(f.id, typed, 0);
    const copy = { filingId: f.id, projectId, frozenAt: '2028-05-10T00:00:00.000Z', templateSetId: 'notice-2024-04', resolved: {}, files: [], copies: '', addressee: '' };
    await a.filings.move(f.id, { status: 'filed', date: '2028-05-10', method: '郵送', note: '' }, copy);
    expect(await a.filings.getDoc(f.id)).toMatchObject({ content: typed, frozen: true });
    await expect(a.filings.saveDoc(f.id, emptyHealthRiskDoc(), 1)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('both reports travel in a project file (export format 4) with everything typed', async () => {
    const { a, projectId } = await project();
    const sae = await a.filings.create(projectId, 'serious-adverse-event');
    const typed = { ...emptySeriousAdverseEventDoc(), reportType: '続報' as const, law: '再生医療等安全性確保法' as const, seriousness: ['障害' as const, '先天異常' as const], learnedOn: '2028-03-01', reportDate: '2028-03-30', delayReason: '判断が遅れたため。' };
    await a.filings.saveDoc(sae.id, typed, 0);
    const hr = await a.filings.create(projectId, 'health-risk');
    const info = { ...emptyHealthRiskDoc(), grade: 'A' as const, summary: '国外で重篤な副作用の警告。' };
    await a.filings.saveDoc(hr.id, info, 0);
    const outcome = await importBytes(a, new TextEncoder().encode(envelopeJson((await a.exportProject(projectId)).envelope)), '案件ファイル');
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const copies = (await a.filings.list(outcome.projectId)).filings;
    const copiedSae = copies.find((f) => f.kind === 'serious-adverse-event');
    const copiedHr = copies.find((f) => f.kind === 'health-risk');
    if (!copiedSae || !copiedHr) throw new Error('reports not copied');
    expect((await a.filings.getDoc(copiedSae.id)).content).toEqual(typed);
    expect((await a.filings.getDoc(copiedHr.id)).content).toEqual(info);
  });

  it('a report naming a reason twice, or a grade that is not A/B/C, is refused with a Japanese message', () => {
    const twice = filingDocContentSchema.safeParse({ ...emptySeriousAdverseEventDoc(), seriousness: ['死亡', '死亡'] });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('重篤と判断した理由が重複しています');
    expect(filingDocContentSchema.safeParse({ ...emptyHealthRiskDoc(), grade: 'D' }).success).toBe(false);
  });
});
