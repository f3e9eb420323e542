/**
 * Issue 12: the CLI on hostile files. The real bundle of cli/main.ts (as scripts/check.mjs builds
 * it) runs under `node --max-old-space-size=512` on the 255 KB zip bomb: before the JSON scan it
 * went past 6 GB and aborted out of memory; now it refuses in Japanese with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleCheckCli } from '../../helpers/cli-bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRefused, runCheck } from '../../../cli/check';
import { readFileChecked, type ReadFs } from '../../../cli/read-file';
import { MAX_IMPORT_BYTES } from '../../../shared/io/read-import';
import { tinyItemsZipBomb } from '../../helpers/json-bomb';

const root = path.resolve(import.meta.dirname, '../../..');
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cli-hostile-'));
  await bundleCheckCli(dir);
  writeFileSync(path.join(dir, 'bomb.zip'), tinyItemsZipBomb());
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check on hostile files (issue 12)', () => {
  it('refuses the 255 KB zip bomb in Japanese with exit code 2, within a 512 MB heap', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=512', path.join(dir, 'check.mjs'), path.join(dir, 'bomb.zip')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.signal).toBeNull();
    expect(r.stderr).toMatch(/このファイルは点検できません.*\n.*項目が多すぎます（上限 1,000,000 個）/);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('checks the size the file system reports before reading a byte (fs.stat, then read)', () => {
    const calls: string[] = [];
    const fs = (size: number): ReadFs => ({
      statSync: (p) => (calls.push(`stat ${p}`), { size, isFile: () => true }),
      readFileSync: (p) => (calls.push(`read ${p}`), new Uint8Array([0x7b, 0x7d])),
    });
    expect(() => readFileChecked('big.zip', fs(MAX_IMPORT_BYTES + 1))).toThrow(/ファイルが大きすぎます（256\.0 MB、上限 256\.0 MB）/);
    expect(() => readFileChecked('empty.json', fs(0))).toThrow(FileRefused);
    expect(calls).toEqual(['stat big.zip', 'stat empty.json']);
    expect(readFileChecked('ok.json', fs(2))).toEqual(new Uint8Array([0x7b, 0x7d]));
  });

  it('prints the refusal of an oversized file with the file name, exit code 2', () => {
    const out = runCheck(['big.zip'], () => {
      throw new FileRefused('ファイルが大きすぎます（300.0 MB、上限 256.0 MB）。');
    });
    expect(out).toEqual({ code: 2, stdout: '', stderr: 'このファイルは点検できません（big.zip）。\nファイルが大きすぎます（300.0 MB、上限 256.0 MB）。\n' });
  });
});
