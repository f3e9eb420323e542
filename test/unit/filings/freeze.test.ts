import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { parseResolved, type FiledCopy } from '../../../shared/filings/as-filed';
import { filedBytes, sha256Hex } from '../../../shared/filings/files';
import { freezeFiling, resolveFiling, withSentPdf } from '../../../shared/filings/freeze';
import { printFiling } from '../../../shared/filings/print';
import { TEMPLATE_SETS, type TemplateSet } from '../../../shared/filings/template-sets';
import { PACKAGES } from '../../../shared/forms/packages';
import { yoshiki9 } from '../../../shared/forms/besshi1/yoshiki9';
import { siteSchema } from '../../../shared/model/site';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';

const pdfText = async (bytes: Uint8Array): Promise<string> => squash((await readPdf(bytes)).pages.map((p) => p.text).join(''));
import { loadSample } from '../../helpers/sample';

const FILED_ON = '2027-04-05';

async function filedSample(): Promise<{ repos: Repositories; projectId: string; filingId: string; copy: FiledCopy }> {
  const db = openDatabase(`freeze-${crypto.randomUUID()}`);
  await db.open();
  const repos = new Repositories(db);
  await repos.saveInstitution({ ...(await repos.getInstitution()), institutionName: '架空大学医学部附属病院', contactName: '山﨑 花子', tel: '03-1234-5678' });
  const project = await repos.importSample(loadSample());
  const [filing] = (await repos.filings.list(project.id)).filings;
  if (!filing) throw new Error('no first filing');
  const records = await repos.projectRecords(project.id);
  const copy = await freezeFiling(resolveFiling(records, filing, FILED_ON, { filedOn: FILED_ON, method: '郵送' }), filing.id, bundledFonts(), '2027-04-05T01:00:00.000Z');
  await repos.filings.move(filing.id, { status: 'filed', date: FILED_ON, method: '郵送', note: '簡易書留' }, copy);
  return { repos, projectId: project.id, filingId: filing.id, copy };
}

async function printNow(repos: Repositories, projectId: string, filingId: string, sets: readonly TemplateSet[] = TEMPLATE_SETS) {
  const filing = await repos.filings.get(filingId);
  return printFiling(await repos.projectRecords(projectId, { copies: true }), filing, bundledFonts(), '2027-06-01', new Date().toISOString(), sets);
}

describe('a filing marked 提出済み (issue 11)', () => {
  it('re-prints byte-identical after the roster, a committee, 設定, the cost model and a new template version change', async () => {
    const { repos, projectId, filingId, copy } = await filedSample();
    const before = (await printNow(repos, projectId, filingId)).files.map((f) => f.sha256);
    expect(before).toEqual(copy.files.map((f) => f.sha256));
    const pdf = copy.files.find((f) => f.name.endsWith('.pdf'));
    if (!pdf) throw new Error('no pdf');
    const printed = await pdfText(filedBytes(pdf));
    const physician = loadSample().people.find((p) => p.id === loadSample().project.responsiblePhysicianId);
    expect(printed).toContain(squash(physician?.name ?? '—'));

    // Everything it printed changes afterwards.
    const people = await repos.getRoster();
    await repos.saveRoster(people.map((p) => ({ ...p, name: `${p.name}（改姓）`, casesOperator: '999例' })));
    const committees = await repos.getMasterList('committees');
    await repos.saveMasterList('committees', committees.map((c) => ({ ...c, name: `${c.name}（改組）`, members: c.members.slice(1) })));
    await repos.saveInstitution({ ...(await repos.getInstitution()), institutionName: '架空大学病院（名称変更）', founderName: '新しい学長' });
    const cost = await repos.getCostModel(projectId);
    await repos.saveCostModel(projectId, { ...cost, others: [...cost.others, { id: 'x', name: '追加の検査', amount: 12_345 }] });
    const newer: TemplateSet = { id: 'notice-2027-04', label: '令和9年4月改正（試験）', validFrom: '2027-04-01', forms: TEMPLATE_SETS.at(-1)?.forms ?? {}, packages: PACKAGES.map((p) => ({ ...p, copies: '正本1・副本2' })), note: '' };

    // The new set is in force for what is drafted now (its copy counts print), not for what was filed.
    const draft = await repos.filings.create(projectId, 'cooperating');
    const drafted = await printNow(repos, projectId, draft.id, [...TEMPLATE_SETS, newer]);
    expect(await pdfText(filedBytes(drafted.files.find((f) => f.name.endsWith('.pdf')) ?? { base64: '' }))).toContain('部数：正本1・副本2');
    const after = await printNow(repos, projectId, filingId, [...TEMPLATE_SETS, newer]);
    expect(after.frozen).toBe(true);
    expect(after.files.map((f) => f.sha256)).toEqual(before);
    expect(after.files.map((f) => sha256Hex(filedBytes(f)))).toEqual(before);
    expect(await pdfText(filedBytes(after.files[0] ?? pdf))).not.toContain('（改姓）');
    expect(await pdfText(filedBytes(after.files[0] ?? pdf))).not.toContain('副本2');
  }, 120_000);

  it('a filing still 作成中 prints what the documents say now (so the test above can tell the difference)', async () => {
    const { repos, projectId } = await filedSample();
    const draft = await repos.filings.create(projectId, 'cooperating');
    const first = await printNow(repos, projectId, draft.id);
    expect(first.frozen).toBe(false);
    const people = await repos.getRoster();
    await repos.saveRoster(people.map((p) => ({ ...p, name: `${p.name}（改姓）` })));
    const second = await printNow(repos, projectId, draft.id);
    const pdf = second.files.find((f) => f.name.endsWith('.pdf'));
    expect(await pdfText(filedBytes(pdf ?? { base64: '' }))).toContain('（改姓）');
    expect(second.files.map((f) => f.sha256)).not.toEqual(first.files.map((f) => f.sha256));
  }, 120_000);

  it('keeps its copy: a second 提出済み, a move back to 作成中 and a second copy are refused', async () => {
    const { repos, filingId, copy } = await filedSample();
    await expect(repos.filings.move(filingId, { status: 'filed', date: FILED_ON, method: 'FAX', note: '' }, copy)).rejects.toMatchObject({ code: 'invalid' });
    await expect(repos.filings.move(filingId, { status: 'draft', date: FILED_ON, note: '' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('変更できません') as unknown });
    await expect(repos.filings.move(filingId, { status: 'accepted', date: '2027-04-01', note: '' })).rejects.toMatchObject({ message: expect.stringContaining('前の状態の日付') as unknown });
    const accepted = await repos.filings.move(filingId, { status: 'accepted', date: '2027-04-20', note: '' });
    const approved = await repos.filings.move(filingId, { status: 'approved', date: '2027-07-01', note: '告示' });
    expect(accepted.status).toBe('accepted');
    expect(approved.events.map((e) => e.status)).toEqual(['filed', 'accepted', 'approved']);
    expect((await repos.filings.copy(filingId))?.files.map((f) => f.sha256)).toEqual(copy.files.map((f) => f.sha256));
  }, 120_000);

  it('stores what it printed: the 設定, masters, cost model and answers of that day, with the template set', async () => {
    const { copy } = await filedSample();
    const resolved = parseResolved(copy);
    if (!resolved) throw new Error('resolved does not read');
    expect(copy.templateSetId).toBe('notice-2024-04-v2');
    expect(resolved).toMatchObject({ kind: 'new', packageId: 'new-b', filedOn: FILED_ON, method: '郵送', templateSetId: 'notice-2024-04-v2', filingDate: '2027-04-05' });
    expect(resolved.institution.institutionName).toBe('架空大学医学部附属病院');
    expect(resolved.masters.people.length).toBe(loadSample().people.length);
    expect(resolved.forms.find((f) => f.formId === 'besshi1/yoshiki5')?.answers).toMatchObject(loadSample().forms.get('besshi1/yoshiki5') ?? {});
    expect(copy.files.map((f) => f.name)).toContainEqual(expect.stringMatching(/新規届出（先進医療B）\.pdf$/));
    expect(copy.files.every((f) => f.pages > 0)).toBe(true);
  }, 120_000);
});

describe('a 協力医療機関の追加 filing for a registered site (issue 11 item 5)', () => {
  it('prints the site as the filer, with its 開設者 on the 届出日, and its own copy of 様式第9号', async () => {
    const db = openDatabase(`coop-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const project = await repos.importSample(loadSample());
    await repos.sites.saveAll(project.id, [
      siteSchema.parse({
        id: 'coop1', projectId: project.id, role: '協力医療機関', name: '架空県立がんセンター', address: '架空県架空市南町２丁目３番地の４',
        officers: [{ id: 'o1', role: '開設者', name: '架空県知事　旧任　太郎', validFrom: '' }, { id: 'o2', role: '開設者', name: '架空県知事　新任　次郎', validFrom: '2027-04-01' }],
        createdAt: 'x', updatedAt: 'x',
      }),
    ]);
    const y9 = await repos.getFormAnswers(project.id, yoshiki9);
    await repos.sites.saveAnswers(project.id, 'coop1', yoshiki9, { ...y9, instOther: '協力医療機関の写し（令和９年３月　受領）' });
    const filing = await repos.filings.create(project.id, 'cooperating', { siteId: 'coop1', title: '架空県立がんセンター' });
    const printed = await printNow(repos, project.id, filing.id);
    const pdf = printed.files.find((f) => f.name.endsWith('.pdf'));
    const text = await pdfText(filedBytes(pdf ?? { base64: '' }));
    expect(text).toContain('架空県立がんセンター');
    expect(text).toContain(squash('架空県知事　新任　次郎'));
    expect(text).not.toContain(squash('架空県知事　旧任　太郎'));
    expect(text).toContain(squash('協力医療機関の写し（令和９年３月　受領）'));
  }, 120_000);
});

describe('what a filing will not freeze', () => {
  it('refuses to print (and so to freeze) a 様式 whose stored answers cannot be read, instead of a blank one', async () => {
    const db = openDatabase(`unreadable-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const project = await repos.importSample(loadSample());
    const row = await db.formAnswers.get([project.id, 'besshi1/yoshiki5']);
    if (!row) throw new Error('no 様式第5号');
    await db.formAnswers.put({ ...row, formVersion: 99 });
    const [filing] = (await repos.filings.list(project.id)).filings;
    if (!filing) throw new Error('no filing');
    const records = await repos.projectRecords(project.id);
    expect(() => resolveFiling(records, filing, FILED_ON, { filedOn: FILED_ON, method: '郵送' })).toThrow(/様式第5号のデータを読み取れないため.*新しい版/);
  });

  it('dates a later filing by the day it is sent, not by the 新規届出\u2019s 届出日', async () => {
    const { repos, projectId } = await filedSample();
    const later = await repos.filings.create(projectId, 'cooperating');
    const resolved = resolveFiling(await repos.projectRecords(projectId), later, '2029-05-01', { filedOn: '2029-05-10', method: 'FAX' });
    expect(resolved.filingDate).toBe('2029-05-10');
    expect(resolved.project.filingDate).toBe('2029-05-10');
  }, 60_000);
});

describe('the PDF actually sent', () => {
  it('is kept in the copy with its pages and hash; a file that is not a PDF is refused', async () => {
    const { copy } = await filedSample();
    const pdf = copy.files.find((f) => f.name.endsWith('.pdf'));
    const bytes = filedBytes(pdf ?? { base64: '' });
    const withSent = await withSentPdf(copy, 'スキャン（押印済み）.PDF', bytes);
    expect(withSent.files.at(-1)).toMatchObject({ name: '提出した原本/スキャン（押印済み）.pdf', pages: pdf?.pages, sha256: pdf?.sha256 });
    await expect(withSentPdf(copy, 'memo.pdf', new TextEncoder().encode('これはPDFではありません'))).rejects.toThrow(/PDFとして読み取れません/);
  }, 60_000);
});
