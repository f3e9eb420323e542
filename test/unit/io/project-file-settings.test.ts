import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { reported, runCheck, type ReportedFinding } from '../../../cli/check';
import { openDatabase } from '../../../renderer/db/database';
import { importBytes } from '../../../renderer/db/import-file';
import { Repositories } from '../../../renderer/db/repositories';
import { checkDataOf, computeFindings } from '../../../renderer/features/check/check-data';
import { envelopeJson, type ExportEnvelope } from '../../../shared/io/envelope';
import { loadSample } from '../../helpers/sample';
import { yoshiki9 } from '../../../shared/forms/besshi1/yoshiki9';
import { siteSchema } from '../../../shared/model/site';

/**
 * Issue 11 item 6: a project file carries the 設定 it prints (医療機関情報 with the dated 開設者・管理者,
 * FAXの宛先), so `npm run check` on another PC reports what the app's チェック結果 reports.
 */
async function projectRelyingOnSettings(): Promise<{ repos: Repositories; projectId: string }> {
  const db = openDatabase(`settings-${crypto.randomUUID()}`);
  await db.open();
  const repos = new Repositories(db);
  await repos.saveInstitution({
    institutionName: '架空県立中央病院',
    contactAffiliation: '臨床研究支援センター',
    contactName: '佐々木　由美',
    tel: '０９８−１２３−４５６７',
    fax: '098-123-4568',
    email: 'senshin@kakuu-chuo.example.jp',
    address: '架空県架空市中央一丁目１番１号',
    founderName: '',
    officers: [
      { id: 'o1', role: '開設者', name: '架空県知事　架空　太郎', validFrom: '' },
      { id: 'o2', role: '開設者', name: '架空県知事　新任　次郎', validFrom: '2027-04-01' },
    ],
    filerIsManager: false,
  });
  const project = await repos.importSample(loadSample());
  // This project is filed by the institution in 設定: no per-project filer.
  await repos.getProject(project.id);
  await repos.saveTechnology(project.id, { ...project, filer: { name: '', address: '', founderName: '' } });
  return { repos, projectId: project.id };
}

const keyed = (fs: readonly ReportedFinding[]): string[] => fs.map((f) => `${f.ruleId} ${f.message}`).sort();

function cliFindings(file: ExportEnvelope): ReportedFinding[] {
  const out = runCheck(['p.json'], () => new TextEncoder().encode(envelopeJson(file)));
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as ReportedFinding[];
}

describe('a project file is self-contained (issue 11)', () => {
  it('npm run check on the exported file gives the findings of the app’s チェック結果', async () => {
    const { repos, projectId } = await projectRelyingOnSettings();
    // A 協力医療機関 whose copy of 様式第9号 differs in one row: R-ID-7 must come through the file too.
    await repos.sites.saveAll(projectId, [siteSchema.parse({ id: 'coop', projectId, role: '協力医療機関', name: '架空市立総合病院', address: '', createdAt: 'x', updatedAt: 'x' })]);
    const y9 = await repos.getFormAnswers(projectId, yoshiki9);
    await repos.sites.saveAnswers(projectId, 'coop', yoshiki9, { ...y9, instBeds: { need: '要', value: '４００' } });
    const app = computeFindings(checkDataOf(await repos.projectRecords(projectId), projectId, { journals: false })).map(reported);
    const file = (await repos.exportProject(projectId)).envelope;
    expect(file.data.settings.map((s) => s.key)).toEqual(expect.arrayContaining(['institution']));
    expect(keyed(cliFindings(file))).toEqual(keyed(app));
    expect(app.map((f) => f.ruleId)).toContain('R-ID-7');

    // Without the 設定 the same file would be checked differently (what format 1 did).
    const bare = { ...file, data: { ...file.data, settings: file.data.settings.filter((s) => s.key !== 'institution') } };
    expect(keyed(cliFindings(bare))).not.toEqual(keyed(app));
  });

  it('importing it on a PC with its own 設定 keeps that PC’s 設定; on an empty PC it brings them', async () => {
    const { repos, projectId } = await projectRelyingOnSettings();
    const bytes = new TextEncoder().encode(envelopeJson((await repos.exportProject(projectId)).envelope));

    const empty = openDatabase(`empty-${crypto.randomUUID()}`);
    await empty.open();
    const there = new Repositories(empty);
    expect((await importBytes(there, bytes, 'p.json')).status).toBe('imported');
    expect(await there.getInstitution()).toMatchObject({ institutionName: '架空県立中央病院', officers: [{ name: '架空県知事　架空　太郎' }, { name: '架空県知事　新任　次郎' }] });

    const other = openDatabase(`other-${crypto.randomUUID()}`);
    await other.open();
    const mine = new Repositories(other);
    await mine.saveInstitution({ ...(await mine.getInstitution()), institutionName: '協力病院' });
    expect((await importBytes(mine, bytes, 'p.json')).status).toBe('imported');
    expect((await mine.getInstitution()).institutionName).toBe('協力病院');
  });
});
