/**
 * Issue 16 item 5: `npm run -s check` runs the same rule set as the app, PRE-GLYPH included with the
 * bundled fonts. The process itself (cli/main.ts, bundled as scripts/check.mjs bundles it) is run on
 * the exported sample with a character neither bundled font has.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleCheckCli } from '../../helpers/cli-bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PATH, exportedSampleBytes, type ReportedFinding } from '../../../cli/check';
import { exportEnvelopeSchema } from '../../../shared/io/envelope';

const root = path.resolve(import.meta.dirname, '../../..');
let dir = '';

/** The exported sample, its 事務担当者 named with 𰻞 (U+30EDE) when `odd`. */
function sampleFile(odd: boolean): string {
  const bytes = exportedSampleBytes(new Uint8Array(readFileSync(path.join(root, SAMPLE_PATH))), '2027-03-01T00:00:00.000Z');
  if (typeof bytes === 'string') throw new Error(bytes);
  const env = exportEnvelopeSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
  if (odd) env.data.formAnswers = env.data.formAnswers.map((r) => (r.formId === 'besshi1/yoshiki1-1' ? { ...r, answers: { ...r.answers, clerkName: '臨床研究推進センター 𰻞 花子' } } : r));
  const file = path.join(dir, odd ? 'odd.json' : 'plain.json');
  writeFileSync(file, JSON.stringify(env));
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cli-glyph-'));
  await bundleCheckCli(dir);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (file: string) => spawnSync(process.execPath, [path.join(dir, 'check.mjs'), file, '--severity', 'error', '--today', '2027-04-05', '--fail-on', 'error'], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('npm run check and the bundled fonts (PRE-GLYPH)', () => {
  it('reports a character neither bundled font has as a PRE-GLYPH error, and exits 1 with --fail-on error', () => {
    const r = check(sampleFile(true));
    expect(r.stderr).toBe('');
    const found = JSON.parse(r.stdout) as ReportedFinding[];
    expect(found.map((f) => f.ruleId)).toEqual(['PRE-GLYPH']);
    expect(found[0]?.message).toContain('U+30EDE');
    expect(found[0]?.locations[0]).toMatchObject({ doc: 'besshi1/yoshiki1-1', field: 'clerkName' });
    expect(r.status).toBe(1);
  }, 120_000);

  it('prints no error for the sample as shipped', () => {
    const r = check(sampleFile(false));
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  }, 120_000);
});
