import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport, type ExportIo } from '../../../cli/export';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { sha256Hex } from '../../../shared/filings/files';
import { envelopeJson } from '../../../shared/io/envelope';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';

const root = path.resolve(import.meta.dirname, '../../..');

function memoryIo(inputs: Record<string, Uint8Array> = {}): ExportIo & { readonly written: Map<string, Uint8Array> } {
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

function manifests(written: ReadonlyMap<string, Uint8Array>): Array<{ dir: string; manifest: ManifestJson }> {
  return [...written.entries()].filter(([p]) => p.endsWith('/manifest.json')).map(([p, b]) => ({ dir: p.slice(0, -'/manifest.json'.length), manifest: JSON.parse(new TextDecoder().decode(b)) as ManifestJson }));
}

describe('npm run -s export (issue 11 item 9)', () => {
  it('--sample writes every filing with a manifest whose hashes match the files, each filed one as sent', async () => {
    const io = memoryIo();
    const out = await runExport(['--sample', '--out', 'OUT'], io);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const all = manifests(io.written);
    // The 新規届出 approved, then its 変更申請 and the 照会回答 round that followed, both sent (issue 13 item 7),
    // and its first 定期報告, 令和10年度, sent (issue 14 item 7).
    expect(all.map((m) => [m.manifest.kind, m.manifest.status, m.manifest.files.length])).toEqual([
      ['new', 'approved', 12],
      ['change', 'filed', 4],
      ['inquiry-response', 'filed', 2],
      ['periodic-report', 'filed', 2],
    ]);
    for (const { dir, manifest } of all) {
      expect(dir).toMatch(/^OUT\/sample\/filing-[0-9a-f]{32}$/);
      for (const f of manifest.files) {
        const bytes = io.written.get(`${dir}/${f.name}`);
        expect(bytes, f.name).toBeDefined();
        expect(sha256Hex(bytes ?? new Uint8Array())).toBe(f.sha256);
      }
    }
    // Nothing is written that the manifests do not list.
    expect([...io.written.keys()].filter((k) => !k.endsWith('/manifest.json')).sort()).toEqual(all.flatMap(({ dir, manifest }) => manifest.files.map((f) => `${dir}/${f.name}`)).sort());
    const [{ dir, manifest }] = all as [{ dir: string; manifest: ManifestJson }];
    const pdf = manifest.files.find((f) => f.name.endsWith('.pdf'));
    const read = await readPdf(io.written.get(`${dir}/${pdf?.name ?? ''}`) ?? new Uint8Array());
    expect(read.pages).toHaveLength(pdf?.pages ?? -1);
    expect(squash(read.pages.map((p) => p.text).join(''))).toContain(squash(loadSample().project.technologyName));
  }, 120_000);

  it('a project file from the app: its filed filing writes the frozen bytes, a new draft is printed from the documents', async () => {
    const db = openDatabase(`export-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const project = await repos.importSample(loadSample(), bundledFonts());
    const [filed] = (await repos.filings.list(project.id)).filings;
    const frozen = await repos.filings.copy(filed?.id ?? '');
    const draft = await repos.filings.create(project.id, 'cooperating');
    const file = new TextEncoder().encode(envelopeJson((await repos.exportProject(project.id)).envelope));
    // The roster changes after the file was written: nothing of it reaches the files.
    const io = memoryIo({ 'project.json': file });
    const out = await runExport(['project.json', '--out', 'OUT'], io);
    expect(out.code).toBe(0);
    const byId = new Map(manifests(io.written).map((m) => [m.dir.split('/').at(-1) ?? '', m.manifest]));
    expect(byId.get(filed?.id ?? '')?.files.map((f) => f.sha256)).toEqual(frozen?.files.map((f) => f.sha256));
    expect(byId.get(draft.id)).toMatchObject({ kind: 'cooperating', status: 'draft' });
    expect(byId.get(draft.id)?.files.map((f) => f.name)).toContainEqual(expect.stringMatching(/協力医療機関の届出（先進医療B）\.pdf$/));

    const one = memoryIo({ 'project.json': file });
    expect((await runExport(['project.json', '--out', 'OUT', '--filing', draft.id], one)).code).toBe(0);
    expect(manifests(one.written).map((m) => m.manifest.kind)).toEqual(['cooperating']);
  }, 120_000);

  it('refuses a file whose filed copy names a path outside the package folder, writing nothing', async () => {
    const db = openDatabase(`export-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const project = await repos.importSample(loadSample(), bundledFonts());
    const env = (await repos.exportProject(project.id)).envelope;
    const hostile = { ...env, data: { ...env.data, filedCopies: env.data.filedCopies.map((c) => ({ ...c, files: c.files.map((f, i) => (i === 0 ? { ...f, name: '../../evil.pdf' } : f)) })) } };
    const io = memoryIo({ 'evil.json': new TextEncoder().encode(JSON.stringify(hostile)) });
    const out = await runExport(['evil.json', '--out', 'OUT'], io);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('ファイル名が正しくありません');
    expect(io.written.size).toBe(0);
  }, 120_000);

  it('says what is wrong with its arguments', async () => {
    expect(await runExport(['--sample'], memoryIo())).toMatchObject({ code: 2, stderr: expect.stringContaining('--out') as unknown });
    expect(await runExport(['a.json', '--sample', '--out', 'x'], memoryIo())).toMatchObject({ code: 2 });
    expect(await runExport(['missing.json', '--out', 'x'], memoryIo({}))).toMatchObject({ code: 2, stderr: expect.stringContaining('ファイルを開けません') as unknown });
  });
});

describe('npm run -s export, as a coordinator types it', () => {
  it('--sample --out DIR writes the files and a manifest whose hashes match, from a shell', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(path.join(tmpdir(), 'export-'));
    try {
      const printed = execFileSync(process.execPath, ['scripts/export.mjs', '--sample', '--out', out], { cwd: root, encoding: 'utf8' });
      expect(printed).toContain('新規届出（先進医療B）\t承認・告示');
      expect(printed).toContain('変更申請\t提出済み');
      expect(printed).toContain('照会事項に対する回答（第1回）\t提出済み');
      expect(printed).toContain('定期報告（令和10年度）\t提出済み');
      const dirs = readdirSync(path.join(out, 'sample'));
      expect(dirs).toHaveLength(4);
      for (const filingDir of dirs) {
        const dir = path.join(out, 'sample', filingDir);
        const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ManifestJson;
        expect(manifest.files.length).toBeGreaterThan(0);
        for (const f of manifest.files) expect(sha256Hex(new Uint8Array(readFileSync(path.join(dir, f.name))))).toBe(f.sha256);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
