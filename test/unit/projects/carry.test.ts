/**
 * Issue 19 item 1: 「この案件をもとに新しい案件を作る」 — what a new project carries from the sample,
 * what it never carries, and the 要確認 flag on everything carried.
 */
import { describe, expect, it } from 'vitest';
import { projectSchema, type Project } from '../../../shared/model/project';
import { siteSchema } from '../../../shared/model/site';
import { COST_FLAG, SITES_FLAG, carryParts, deriveProject, formFlag, formFlags, productPicks, type CarryChoice, type CarrySource } from '../../../shared/projects/carry';
import { loadSample } from '../../helpers/sample';

const sample = loadSample();
const AT = '2026-12-02T09:00:00.000Z';
const PLAN = 'besshi1/yoshiki3';
const STAFF = 'besshi1/yoshiki8-1';

function source(): CarrySource {
  const project: Project = projectSchema.parse({
    id: 'old-project',
    name: 'ICG蛍光法（令和７年届出）',
    technologyName: sample.project.technologyName,
    indication: '早期胃癌（ｃＴ１Ｎ０Ｍ０）',
    category: 'A',
    scheme: '患者申出療養',
    filingDate: '2025-04-01',
    responsiblePhysicianId: 'person-1',
    notices: [{ id: 'n1', number: '１０（１）', validFrom: '2025-06-01', note: '' }],
    filer: { name: '協力病院', address: '', founderName: '' },
    createdAt: AT,
    updatedAt: AT,
  });
  const site = siteSchema.parse({ id: 'site-1', projectId: project.id, role: '協力医療機関', name: '〇〇大学病院', address: '東京都文京区１－２－３', responsiblePhysician: '鈴木　一郎（外科）', createdAt: AT, updatedAt: AT });
  return { project, forms: sample.forms, cost: sample.cost, sites: [site] };
}

let n = 0;
const ctx = { newId: () => `new-${++n}`, now: AT };
const part = (formId: string, heading: string): string => {
  const found = carryParts(source()).find((p) => p.formId === formId && p.heading === heading);
  if (!found) throw new Error(`no part ${heading}`);
  return found.id;
};
const choice = (over: Partial<CarryChoice> = {}): CarryChoice => ({ name: '新しい技術', parts: [], products: false, cost: false, sites: false, ...over });
const plan = (s: CarrySource) => s.forms.get(PLAN) ?? {};

describe('issue 19: a new project from an earlier one', () => {
  it('carries exactly the three chosen sections, each field flagged 要確認, as the coordinator wrote it', () => {
    const src = source();
    const parts = [part(PLAN, '６．治療計画'), part(PLAN, '１３．個人情報保護の方法'), part(PLAN, '８．モニタリング体制及び実施方法')];
    const d = deriveProject(src, choice({ parts }), ctx);
    const carried = d.forms.find((f) => f.formId === PLAN)?.answers ?? {};
    expect(Object.keys(carried).sort()).toEqual(['monitoring', 'privacy', 'treatmentPlan']);
    // Character for character: 和暦, full-width digits and notes in parentheses are left as typed.
    expect(carried.treatmentPlan).toBe(plan(src).treatmentPlan);
    expect(carried.privacy).toBe(plan(src).privacy);
    expect(d.project.unconfirmed.sort()).toEqual([formFlag(PLAN, 'monitoring'), formFlag(PLAN, 'privacy'), formFlag(PLAN, 'treatmentPlan')]);
    expect([...formFlags(d.project, PLAN)].sort()).toEqual(['monitoring', 'privacy', 'treatmentPlan']);
    expect(d.forms).toHaveLength(1);
    expect(d.cost).toBeUndefined();
    expect(d.sites).toEqual([]);
  });

  it('never carries the technology: 名称, 適応症, 区分・制度, 告示番号, 届出日, 実施責任医師 start as in a new project; the origin is recorded', () => {
    const d = deriveProject(source(), choice({ parts: carryParts(source()).map((p) => p.id), products: true, cost: true, sites: true }), ctx);
    expect(d.project).toMatchObject({ name: '新しい技術', technologyName: '', indication: '', filingDate: '', responsiblePhysicianId: '', notices: [], acknowledgements: [], category: 'B', scheme: '先進医療' });
    // A site's 実施責任医師, and 様式第2号's column of them, are this technology's too.
    expect(d.sites.map((x) => x.responsiblePhysician)).toEqual(['']);
    const yoshiki2Sites = d.forms.find((f) => f.formId === 'besshi1/yoshiki2')?.answers.sites;
    expect((yoshiki2Sites as Array<Record<string, string>>).map((r) => [r.name, r.physician])).toEqual([
      ['架空市立総合病院', ''],
      ['架空県立がんセンター', ''],
    ]);
    expect(d.project.filer).toEqual({ name: '', address: '', founderName: '' });
    expect(d.project.origin).toEqual({ projectId: 'old-project', projectName: 'ICG蛍光法（令和７年届出）', at: AT });
    expect(projectSchema.safeParse(d.project).success).toBe(true);
  });

  it('never carries dates, case counts, the cases done, experience in the technology or the trial period, even with every section chosen', () => {
    const physicians = [
      { name: '山田　太郎', role: '実施責任医師', department: '消化器外科', qualification: '日本外科学会専門医（平成２０年取得）', yearsDept: '１８年', yearsTech: '５年', casesOperator: '３０例', casesAssistant: '１２例' },
      { name: '佐藤 花子', role: '実施者', department: '消化器外科', qualification: '', yearsDept: '9年', yearsTech: '2年', casesOperator: '8例', casesAssistant: '' },
    ];
    const base = source();
    const src: CarrySource = { ...base, forms: new Map([...base.forms, [STAFF, { ...base.forms.get(STAFF), physicians }]]) };
    const d = deriveProject(src, choice({ parts: carryParts(src).map((p) => p.id) }), ctx);
    const carried = d.forms.find((f) => f.formId === PLAN)?.answers ?? {};
    for (const key of ['period', 'plannedCases', 'casesDone', 'casesEffective', 'caseRecords', 'rationale']) expect(carried, key).not.toHaveProperty(key);
    expect(d.forms.find((f) => f.formId === 'besshi1/yoshiki2')?.answers).not.toHaveProperty('approvedOn');
    expect(d.forms.find((f) => f.formId === 'besshi1/yoshiki9')?.answers).not.toHaveProperty('instCases');
    // A staff table keeps its rows, but each physician's experience in this technology is emptied.
    const staffRows = d.forms.find((f) => f.formId === STAFF)?.answers.physicians;
    expect(staffRows).toEqual(physicians.map((r) => ({ ...r, yearsTech: '', casesOperator: '', casesAssistant: '' })));
    expect(src.forms.get(STAFF)?.physicians).toEqual(physicians);
  });

  it('carries the picked 医薬品・医療機器 only with 「医薬品・医療機器」, not with their section', () => {
    const src = source();
    expect(productPicks(src).map((p) => p.key)).toEqual(['devices', 'materials']);
    const devicesSection = part(PLAN, '２－１．使用する医薬品、医療機器又は再生医療等製品について');
    const without = deriveProject(src, choice({ parts: [devicesSection] }), ctx).forms.find((f) => f.formId === PLAN)?.answers ?? {};
    expect(without).not.toHaveProperty('devices');
    const withProducts = deriveProject(src, choice({ products: true }), ctx);
    expect(withProducts.forms.find((f) => f.formId === PLAN)?.answers.devices).toEqual(plan(src).devices);
    expect(withProducts.project.unconfirmed).toContain(formFlag(PLAN, 'devices'));
  });

  it('carries the cost model and the sites as new rows of the new project, each flagged 要確認', () => {
    const src = source();
    const d = deriveProject(src, choice({ cost: true, sites: true }), ctx);
    expect(d.cost).toEqual(src.cost);
    expect(d.cost).not.toBe(src.cost);
    expect(d.sites).toHaveLength(1);
    expect(d.sites[0]).toMatchObject({ projectId: d.project.id, name: '〇〇大学病院', address: '東京都文京区１－２－３', responsiblePhysician: '', rev: 0 });
    expect(d.sites[0]?.id).not.toBe('site-1');
    expect(d.project.unconfirmed).toEqual([COST_FLAG, SITES_FLAG]);
  });

  it('leaves the earlier project exactly as it was', () => {
    const src = source();
    const before = structuredClone({ project: src.project, forms: [...src.forms], cost: src.cost, sites: src.sites });
    const d = deriveProject(src, choice({ parts: carryParts(src).map((p) => p.id), products: true, cost: true, sites: true }), ctx);
    // Changing what was carried does not reach the source either.
    (d.forms.find((f) => f.formId === PLAN)?.answers.devices as unknown[] | undefined)?.splice(0);
    expect({ project: src.project, forms: [...src.forms], cost: src.cost, sites: src.sites }).toEqual(before);
  });

  it('lists the parts by the headings the editor shows, and says which the source has written', () => {
    const parts = carryParts(source()).filter((p) => p.formId === PLAN);
    expect(parts.map((p) => p.heading)).toContain('６．治療計画');
    // ７－２ (period, case counts, the cases done, their rationale) has nothing to offer.
    expect(parts.some((p) => p.heading.startsWith('７－２．'))).toBe(false);
    expect(parts.every((p) => p.filled)).toBe(true);
    const empty = carryParts({ forms: new Map() });
    expect(empty.every((p) => !p.filled)).toBe(true);
  });

  it('carries text typed in a 要・不要 row whose choice is not made yet (nothing typed is dropped)', () => {
    const base = source();
    const src: CarrySource = { ...base, forms: new Map([...base.forms, ['besshi1/yoshiki9', { ...base.forms.get('besshi1/yoshiki9'), instStaff: { need: '', value: '臨床工学技士１名以上（夜間はオンコール）' } }]]) };
    const part = carryParts(src).find((p) => p.formId === 'besshi1/yoshiki9' && p.keys.includes('instStaff'));
    const d = deriveProject(src, choice({ parts: [part?.id ?? ''] }), ctx);
    expect(d.forms.find((f) => f.formId === 'besshi1/yoshiki9')?.answers.instStaff).toEqual({ need: '', value: '臨床工学技士１名以上（夜間はオンコール）' });
    expect(d.project.unconfirmed).toContain(formFlag('besshi1/yoshiki9', 'instStaff'));
  });

  it('records the as-filed copy it was started from', () => {
    const d = deriveProject({ ...source(), filing: { id: 'filing-9', label: '新規届出（先進医療B）提出済みの控え（2025-04-01）' } }, choice(), ctx);
    expect(d.project.origin).toMatchObject({ filingId: 'filing-9', filingLabel: '新規届出（先進医療B）提出済みの控え（2025-04-01）' });
    expect(d.project.unconfirmed).toEqual([]);
  });
});
