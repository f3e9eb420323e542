/**
 * Issue 13: `npm run -s export` writes a 変更申請 (its document and 新旧対照表) and a 照会回答 round
 * like any other filing — a filed one as sent, a draft from the file's documents compared with the
 * baseline's as-filed copy — and a draft not ready to print does not stop the others.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport, type ExportIo } from '../../../cli/export';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { sha256Hex } from '../../../shared/filings/files';
import { freezeContext, freezeFiling, resolveFiling } from '../../../shared/filings/freeze';
import { yoshiki3 } from '../../../shared/forms/besshi1/yoshiki3';
import { envelopeJson } from '../../../shared/io/envelope';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';

const root = path.resolve(import.meta.dirname, '../../..');
const TECH = loadSample().project.technologyName;
const PERIOD_AFTER = '告示日から2034年3月31日まで（登録期間6年、追跡期間5年）';

function memoryIo(inputs: Record<string, Uint8Array>): ExportIo & { readonly written: Map<string, Uint8Array> } {
  const written = new Map<string, Uint8Array>();
  return {
    written,
    readFile: (p) => inputs[p] ?? new Uint8Array(readFileSync(path.join(root, p))),
    writeFile: (p, bytes) => void written.set(p, bytes),
    fonts: () => bundledFonts(),
  };
}

interface ManifestJson {
  kind: string;
  status: string;
  files: Array<{ name: string; pages: number; sha256: string }>;
}

describe('npm run -s export with a 変更申請 and a 照会回答 (issue 13)', () => {
  it('writes the filed 変更申請 as sent, a draft 変更申請 and 照会回答 from the documents, and only a manifest for a 変更申請 with nothing written', async () => {
    const db = openDatabase(`export-change-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const project = await repos.importSample(loadSample(), bundledFonts());
    const answers = await repos.getFormAnswers(project.id, yoshiki3);
    await repos.saveFormAnswers(project.id, yoshiki3, { ...answers, period: PERIOD_AFTER });

    const item = { id: 'item-period', sourceIds: ['besshi1/yoshiki3/period'], text: '予定試験期間の延長', before: answers.period, after: PERIOD_AFTER, reason: '登録が遅れているため。', approval: { committeeId: 'sample-committee', date: '2028-09-10' } };
    const withItem = async (id: string): Promise<void> => {
      const read = await repos.filings.getDoc(id);
      if (read.content.kind === 'change') await repos.filings.saveDoc(id, { ...read.content, items: [item] }, read.rev);
    };
    const filed = await repos.filings.create(project.id, 'change');
    await withItem(filed.id);
    const records = await repos.projectRecords(project.id, { copies: true });
    const f = await repos.filings.get(filed.id);
    const copy = await freezeFiling(resolveFiling(records, f, '2028-10-01', { filedOn: '2028-10-01', method: '郵送' }), f.id, bundledFonts(), '2028-10-01T00:00:00.000Z', undefined, freezeContext(records, f));
    await repos.filings.move(f.id, { status: 'filed', date: '2028-10-01', method: '郵送', note: '' }, copy);
    const draft = await repos.filings.create(project.id, 'change');
    await withItem(draft.id);
    const inquiry = await repos.filings.create(project.id, 'inquiry-response');
    const unwritten = await repos.filings.create(project.id, 'change');

    const env = (await repos.exportProject(project.id)).envelope;
    // A 変更申請 made before issue 13 has no document of its own yet.
    const file = new TextEncoder().encode(envelopeJson({ ...env, data: { ...env.data, filingDocs: env.data.filingDocs.filter((d) => d.filingId !== unwritten.id) } }));
    db.close();

    const io = memoryIo({ 'project.json': file });
    const out = await runExport(['project.json', '--out', 'OUT', '--today', '2028-10-05'], io);
    expect(out.code).toBe(0);
    const manifest = (id: string): ManifestJson => JSON.parse(new TextDecoder().decode(io.written.get(`OUT/${project.id}/${id}/manifest.json`))) as ManifestJson;

    expect(manifest(filed.id).files.map((x) => x.sha256)).toEqual(copy.files.map((x) => x.sha256));
    expect(manifest(draft.id)).toMatchObject({ kind: 'change', status: 'draft' });
    expect(manifest(draft.id).files.map((x) => x.name)).toEqual([`${TECH}_変更申請.pdf`, `${TECH}_変更申請.docx`, `${TECH}_新旧対照表.pdf`, `${TECH}_新旧対照表.docx`]);
    for (const x of manifest(draft.id).files) expect(sha256Hex(io.written.get(`OUT/${project.id}/${draft.id}/${x.name}`) ?? new Uint8Array())).toBe(x.sha256);
    const table = await readPdf(io.written.get(`OUT/${project.id}/${draft.id}/${TECH}_新旧対照表.pdf`) ?? new Uint8Array());
    expect(squash(table.pages.map((p) => p.text).join(''))).toContain(squash('2034年3月31日'));
    // The sample answered a first round already (issue 13 item 7): this draft is round 2.
    expect(manifest(inquiry.id).files.map((x) => x.name)).toEqual([`${TECH}_照会事項に対する回答2.pdf`, `${TECH}_照会事項に対する回答2.docx`]);

    expect(manifest(unwritten.id)).toMatchObject({ kind: 'change', status: 'draft', files: [] });
    expect(out.stderr).toContain(`変更申請（${unwritten.id}）：まだ印刷できないため（変更申請の内容（主な変更内容など）がまだありません。`);
  }, 180_000);
});
