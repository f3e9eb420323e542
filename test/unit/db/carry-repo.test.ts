/**
 * Issue 19 in the database: a project started from the sample (and from its as-filed copy) is
 * written whole with its 要確認 flags, which go when confirmed or edited; a project file carries the
 * 定型文 the project used, and importing it adds the missing ones without overwriting any.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { yoshiki3 } from '../../../shared/forms/besshi1/yoshiki3';
import type { Phrase } from '../../../shared/model/phrase';
import { COST_FLAG, carryParts, deriveProject, formFlag } from '../../../shared/projects/carry';
import { bundledFonts } from '../../helpers/fonts';
import { loadSample } from '../../helpers/sample';

async function fresh(): Promise<Repositories> {
  const db = openDatabase(`carry-${crypto.randomUUID()}`);
  await db.open();
  return new Repositories(db);
}

const AT = '2026-12-02T09:00:00.000Z';
const ctx = { newId: () => crypto.randomUUID(), now: AT };
const PLAN = yoshiki3.id;

describe('issue 19: a new project from the sample, stored', () => {
  it('is written with its carried answers, cost model and first filing; the sample stays as it was; flags go when confirmed or edited', async () => {
    const repos = await fresh();
    const sample = await repos.importSample(loadSample());
    const before = await repos.exportProject(sample.id);
    const src = await repos.carry.source(sample.id);
    const parts = carryParts(src).filter((p) => p.formId === PLAN && ['６．治療計画', '１３．個人情報保護の方法'].includes(p.heading)).map((p) => p.id);
    const created = await repos.carry.create(deriveProject(src, { name: '次の技術', parts, products: false, cost: true, sites: false }, ctx));

    const plan = await repos.getFormAnswers(created.id, yoshiki3);
    const samplePlan = await repos.getFormAnswers(sample.id, yoshiki3);
    expect(plan.treatmentPlan).toBe(samplePlan.treatmentPlan);
    expect(plan.privacy).toBe(samplePlan.privacy);
    expect(plan.monitoring).toBe('');
    expect(await repos.getCostModel(created.id)).toEqual(await repos.getCostModel(sample.id));
    expect((await repos.filings.list(created.id)).filings.map((f) => [f.kind, f.status])).toEqual([['new', 'draft']]);
    const stored = await repos.getProject(created.id);
    expect(stored.technologyName).toBe('');
    expect(stored.unconfirmed.sort()).toEqual([COST_FLAG, formFlag(PLAN, 'privacy'), formFlag(PLAN, 'treatmentPlan')].sort());
    expect(stored.origin?.projectId).toBe(sample.id);
    // The sample exported again is what it was (nothing written to it).
    expect(JSON.stringify((await repos.exportProject(sample.id)).envelope.data)).toBe(JSON.stringify(before.envelope.data));

    expect((await repos.carry.confirm(created.id, [formFlag(PLAN, 'treatmentPlan')])).unconfirmed.sort()).toEqual([COST_FLAG, formFlag(PLAN, 'privacy')].sort());
    // Editing the carried cost model confirms it.
    const cost = await repos.getCostModel(created.id);
    await repos.saveCostModel(created.id, { ...cost, others: [...cost.others, { id: 'o1', name: '文書料', amount: 3300 }] });
    expect((await repos.getProject(created.id)).unconfirmed).toEqual([formFlag(PLAN, 'privacy')]);
  });

  it('starts from the as-filed copy of the sample’s 新規届出: its plan as it was filed, not as it is now', async () => {
    const repos = await fresh();
    const sample = await repos.importSample(loadSample(), bundledFonts());
    const copies = await repos.carry.copies(sample.id);
    const first = copies.find((c) => c.label.startsWith('新規届出'));
    expect(first?.label).toMatch(/^新規届出（先進医療B）　提出済みの控え（\d{4}-\d{2}-\d{2}）$/);
    const src = await repos.carry.source(sample.id, first?.filingId);
    const filed = (await repos.filings.copy(first?.filingId ?? ''))?.resolved as { forms: Array<{ formId: string; answers: Record<string, unknown> }> };
    expect(src.forms.get(PLAN)?.treatmentPlan).toBe(filed.forms.find((f) => f.formId === PLAN)?.answers.treatmentPlan);
    // The sample's plan changed after it was filed (FL-2000 → FL-3000): the copy's picks are the filed ones.
    const now = await repos.getFormAnswers(sample.id, yoshiki3);
    expect(src.forms.get(PLAN)?.devices).toEqual(filed.forms.find((f) => f.formId === PLAN)?.answers.devices);
    expect(src.forms.get(PLAN)?.devices).not.toEqual(now.devices);
    const d = deriveProject(src, { name: '控えから', parts: [], products: true, cost: false, sites: false }, ctx);
    expect(d.project.origin).toMatchObject({ projectId: sample.id, filingId: first?.filingId, filingLabel: first?.label });
  });
});

describe('issue 19 item 4: project files carry the 定型文 they used', () => {
  const phrase = (id: string, name: string, text: string): Phrase => ({ id, name, text, fields: [`${PLAN}:privacy`], updatedAt: AT });

  it('exports only the used ones; importing adds those missing and never overwrites one already here', async () => {
    const here = await fresh();
    const p = await here.createProject('定型文を使った案件');
    await here.saveMasterList('phrases', [phrase('ph-1', '個人情報（院内保管）', '{医療機関名}の規程に従い保管する。'), phrase('ph-2', '当直体制', '外科系当直医師３名'), phrase('ph-3', '未使用', 'x')]);
    await here.carry.notePhraseUsed(p.id, 'ph-1');
    await here.carry.notePhraseUsed(p.id, 'ph-2');
    await here.carry.notePhraseUsed(p.id, 'ph-1');
    expect((await here.getProject(p.id)).phrasesUsed).toEqual(['ph-1', 'ph-2']);
    const file = (await here.exportProject(p.id)).envelope;
    const carried = file.data.settings.find((s) => s.key === 'phrases');
    expect(carried?.key === 'phrases' ? carried.value.map((x) => x.id) : []).toEqual(['ph-1', 'ph-2']);

    const there = await fresh();
    await there.saveMasterList('phrases', [phrase('ph-2', '当直体制（先方で直した）', '外科系当直医師２名'), phrase('ph-9', '先方の定型文', 'y')]);
    await there.importProject(file, 'add', 'project.json');
    const library = await there.getMasterList('phrases');
    expect(library.map((x) => [x.id, x.name])).toEqual([
      ['ph-2', '当直体制（先方で直した）'],
      ['ph-9', '先方の定型文'],
      ['ph-1', '個人情報（院内保管）'],
    ]);
  });
});
