import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PATH, exportedSampleBytes, runCheck, type ReportedFinding } from '../../../cli/check';
import { exportEnvelopeSchema, type ExportEnvelope } from '../../../shared/io/envelope';
import { glyphCoverage } from '../../../shared/rules/catalog/preflight';
import { bundledFonts } from '../../helpers/fonts';

const sampleJson = new Uint8Array(readFileSync(SAMPLE_PATH));
const AT = '2027-03-01T00:00:00.000Z';

function exportedSample(): ExportEnvelope {
  const bytes = exportedSampleBytes(sampleJson, AT);
  if (typeof bytes === 'string') throw new Error(bytes);
  return exportEnvelopeSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
}

const json = (v: unknown): Uint8Array => strToU8(JSON.stringify(v));

/** What the bundled fonts print, as cli/main.ts gives it to runCheck. */
const fonts = () => glyphCoverage(bundledFonts().metrics);

/** runCheck over an in-memory file system (the bundled sample is read from disk), with the bundled fonts as cli/main.ts runs it. */
function run(args: readonly string[], files: Readonly<Record<string, Uint8Array>> = {}, now = new Date(AT), glyphs: () => ReturnType<typeof fonts> = fonts) {
  return runCheck(
    args,
    (path) => {
      const f = files[path] ?? (path === SAMPLE_PATH ? sampleJson : undefined);
      if (!f) throw new Error(`ENOENT ${path}`);
      return f;
    },
    now,
    glyphs,
  );
}

const findings = (stdout: string): ReportedFinding[] => JSON.parse(stdout) as ReportedFinding[];

/** The exported sample with 様式第5号's 費用 text saying another amount. */
function planted(): ExportEnvelope {
  const env = exportedSample();
  const row = env.data.formAnswers.find((r) => r.formId === 'besshi1/yoshiki5');
  if (!row) throw new Error('no 様式第5号 in the exported sample');
  row.answers = { ...row.answers, costText: '先進医療にかかる費用は99,999円です。' };
  return env;
}

/** The exported sample with a 事務担当者 name holding 𰻞 (U+30EDE), which neither bundled font has. */
function unprintable(): ExportEnvelope {
  const env = exportedSample();
  const row = env.data.formAnswers.find((r) => r.formId === 'besshi1/yoshiki1-1');
  if (!row) throw new Error('no 様式第1-1号 in the exported sample');
  row.answers = { ...row.answers, clerkName: '臨床研究推進センター 先進医療支援室 𰻞 花子' };
  return env;
}

describe('npm run check (cli/check.ts runCheck)', () => {
  it('runs PRE-GLYPH with the bundled fonts, as the app does: a character neither font has is an error at its field', () => {
    const r = run(['u.json', '--severity', 'error', '--today', '2027-04-05'], { 'u.json': json(unprintable()) });
    expect(r.code).toBe(0);
    const glyph = findings(r.stdout).filter((f) => f.ruleId === 'PRE-GLYPH');
    expect(glyph).toHaveLength(1);
    expect(glyph[0]).toMatchObject({ severity: 'error', locations: [{ doc: 'besshi1/yoshiki1-1', field: 'clerkName' }] });
    expect(glyph[0]?.message).toContain('U+30EDE');
    // Only the fonts make the difference: without them the same file has no PRE-GLYPH.
    const bytes = json(unprintable());
    const without = runCheck(['u.json', '--severity', 'error', '--today', '2027-04-05'], () => bytes, new Date(AT));
    expect(without.code).toBe(0);
    expect(findings(without.stdout).some((f) => f.ruleId === 'PRE-GLYPH')).toBe(false);
  });

  it('refuses with exit code 2 when the bundled fonts cannot be read, instead of checking without PRE-GLYPH', () => {
    const r = run(['u.json', '--today', '2027-04-05'], { 'u.json': json(unprintable()) }, new Date(AT), () => {
      throw new Error('ENOENT assets/fonts/BIZUDMincho-Regular.ttf');
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/フォント/);
  });

  it('prints [] for the errors of the exported sample, and exits 0', () => {
    const r = run(['sample.json', '--severity', 'error', '--today', '2027-04-05'], { 'sample.json': json(exportedSample()) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('[]');
  });

  it('dates the check today in Japan when --today is not given: a 事前相談 that expires at midnight in Japan, not in UTC', () => {
    // No 届出日, so R-F-2 counts the 事前相談's 6 months to today. Held 2027-01-12, it may be relied
    // on until 2027-07-12. At 2027-07-12T15:30Z it is still the 12th in UTC but already the 13th in Japan.
    const env = exportedSample();
    env.data.projects = env.data.projects.map((p) => ({ ...p, filingDate: '' }));
    env.data.consultations = env.data.consultations.map((c) => ({ ...c, data: { ...c.data, heldOn: '2027-01-12' } }));
    const files = { 'sample.json': json(env) };
    const rf2 = (stdout: string) => findings(stdout).filter((f) => f.ruleId === 'R-F-2');
    const r = run(['sample.json', '--severity=error', '--fail-on', 'error'], files, new Date('2027-07-12T15:30:00.000Z'));
    expect(r.stderr).toBe('');
    expect(rf2(r.stdout)).toHaveLength(1);
    expect(rf2(r.stdout)[0]?.message).toContain('届出日（令和９年７月１３日）');
    expect(r.code).toBe(1);
    // The day before in Japan (the UTC date above), the same file has no R-F-2 error.
    const dayBefore = run(['sample.json', '--severity=error', '--fail-on', 'error'], files, new Date('2027-07-12T14:30:00.000Z'));
    expect(rf2(dayBefore.stdout)).toEqual([]);
    expect(run(['sample.json', '--severity=error', '--today', '2027-07-12'], files, new Date('2027-07-12T15:30:00.000Z')).stdout).toBe(dayBefore.stdout);
  });

  it('checks the exported sample in place with --sample, and --export-sample gives the same file to write', () => {
    const direct = run(['--sample', '--today', '2027-04-05']);
    expect(direct.code).toBe(0);
    const exported = run(['--export-sample', 'out.json']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    expect(exported.write?.path).toBe('out.json');
    const bytes = exported.write?.bytes ?? new Uint8Array();
    expect(exportEnvelopeSchema.parse(JSON.parse(new TextDecoder().decode(bytes))).kind).toBe('project');
    expect(run(['out.json', '--today', '2027-04-05'], { 'out.json': bytes }).stdout).toBe(direct.stdout);
  });

  it('reports a different amount planted in 様式第5号 as an R-C-1 error at its field', () => {
    const r = run(['planted.json', '--severity', 'error', '--today', '2027-04-05'], { 'planted.json': json(planted()) });
    expect(r.code).toBe(0);
    const errors = findings(r.stdout);
    const rc1 = errors.filter((f) => f.ruleId === 'R-C-1');
    expect(rc1).toHaveLength(1);
    expect(rc1[0]).toMatchObject({ severity: 'error', locations: [{ doc: 'besshi1/yoshiki5', field: 'costText' }] });
    expect(rc1[0]?.message).toContain('99,999円');
    expect(rc1[0]?.basis).toMatch(/記載要領/);
    expect(Object.keys(rc1[0] ?? {}).sort()).toEqual(['basis', 'locations', 'message', 'ruleId', 'severity']);
    expect(errors.every((f) => f.severity === 'error')).toBe(true);
  });

  it('exits 1 only with --fail-on when errors exist, and reads a zip like a .json', () => {
    const zip = zipSync({ 'senshin-desk.json': json(planted()) });
    expect(run(['p.zip', '--today', '2027-04-05'], { 'p.zip': zip }).code).toBe(0);
    const r = run(['p.zip', '--fail-on', 'error', '--today', '2027-04-05'], { 'p.zip': zip });
    expect(r.code).toBe(1);
    expect(findings(r.stdout).some((f) => f.ruleId === 'R-C-1')).toBe(true);
  });

  it('refuses a corrupt file with exit code 2 and a Japanese message, printing nothing on stdout', () => {
    const whole = JSON.stringify(exportedSample());
    const r = run(['broken.json'], { 'broken.json': strToU8(whole.slice(0, whole.length / 2)) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/点検できません/);
    expect(r.stderr).toMatch(/JSON形式ではありません/);
  });

  it('refuses a well-formed file whose records are invalid, a zip that is not one, and a missing file', () => {
    const env = exportedSample();
    const bad = { ...env, data: { ...env.data, costModels: [{ ...env.data.costModels[0], projectId: 'nowhere' }] } };
    const invalid = run(['bad.json'], { 'bad.json': json(bad) });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/正しくないデータ/);
    const zip = run(['x.zip'], { 'x.zip': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(zip.code).toBe(2);
    expect(zip.stderr).toMatch(/ZIP/);
    const missing = run(['nothing.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ファイルを開けません/);
  });

  it('refuses unknown options and values with exit code 2 and the usage', () => {
    for (const args of [['x.json', '--severity', 'fatal'], ['x.json', '--package', 'new-c'], ['x.json', '--today', '2027-02-30'], ['x.json', '--bogus'], []]) {
      const r = run(args, { 'x.json': json(exportedSample()) });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/使い方/);
    }
  });

  it('checks the chosen package, and prints one entry per project for a file of several', () => {
    // A 事前相談 more than 6 months before the 届出日 (2027-04-05): R-F-2 applies to the 新規届出
    // (the default for a 先進医療B project) but not to a 協力医療機関's filing.
    const env = exportedSample();
    const copy = (id: string) => ({
      projects: env.data.projects.map((p) => ({ ...p, id, name: `${p.name}（${id}）` })),
      consultations: env.data.consultations.map((r) => ({ ...r, projectId: id, data: { ...r.data, heldOn: '2026-09-01' } })),
      formAnswers: env.data.formAnswers.map((r) => ({ ...r, projectId: id })),
      costModels: env.data.costModels.map((r) => ({ ...r, projectId: id })),
      filings: env.data.filings.map((r) => ({ ...r, id: `${r.id}-${id}`, projectId: id })),
    });
    const a = copy('a');
    const b = copy('b');
    const workspace = { ...env, kind: 'workspace', data: { projects: [...a.projects, ...b.projects], consultations: [...a.consultations, ...b.consultations], formAnswers: [...a.formAnswers, ...b.formAnswers], costModels: [...a.costModels, ...b.costModels], settings: env.data.settings, filings: [...a.filings, ...b.filings], filedCopies: [], sites: [], siteAnswers: [], filingDocs: [], attachmentFiles: [] } };
    type PerProject = Array<{ projectId: string; name: string; findings: ReportedFinding[] }>;
    const check = (...extra: string[]): PerProject => {
      const r = run(['w.json', '--severity', 'error', '--today', '2027-04-05', ...extra], { 'w.json': json(workspace) });
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as PerProject;
    };
    const ids = (out: PerProject) => out.map((p) => ({ projectId: p.projectId, rules: p.findings.map((f) => f.ruleId) }));
    expect(ids(check())).toEqual([{ projectId: 'a', rules: ['R-F-2'] }, { projectId: 'b', rules: ['R-F-2'] }]);
    expect(ids(check('--package', 'new-b'))).toEqual(ids(check()));
    expect(ids(check('--package', 'cooperating'))).toEqual([{ projectId: 'a', rules: [] }, { projectId: 'b', rules: [] }]);
  });
});
