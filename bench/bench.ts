/**
 * `npm run bench`: how long the sample package takes to produce, and how big it is, printed as a
 * table. When LibreOffice is installed, the same run also times its DOCX → PDF conversion of our
 * Word package, as a reference. The consistency check (issue 5 item 8) is timed on the sample and
 * on a stress project (bench/stress-project.ts), median and p95 of 200 runs each. Numbers are
 * printed, never asserted (no timed tests).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildJizenSoudanDocument, resolveJizenSoudan } from '../shared/forms/jizen-soudan/layout';
import { OFFICIAL_FAX_DESTINATION, emptyInstitutionProfile } from '../shared/forms/jizen-soudan/schema';
import { buildPackageDocument } from '../shared/forms/package-document';
import { clearParagraphCache } from '../shared/document/layout/paragraph';
import { clearRestyledDates } from '../shared/dates/date-style';
import { packageById } from '../shared/forms/packages';
import { FORMS } from '../shared/forms/registry';
import { renderDocx } from '../shared/render/docx/render-docx';
import { fontSet } from '../shared/render/font-metrics';
import { renderPdf } from '../shared/render/pdf/render-pdf';
import { parseSample, sampleFacts } from '../shared/samples/sample';
import { strToU8, zipSync } from 'fflate';
import { emptyWorkspaceData, envelopeJson, makeEnvelope, type WorkspaceData } from '../shared/io/envelope';
import { readImport } from '../shared/io/read-import';
import { projectSchema } from '../shared/model/project';
import { APP_VERSION } from '../shared/version';
import { parseIsoDate } from '../shared/dates/iso-date';
import { RULES, checkSubmission } from '../shared/rules';
import { submissionsOf } from '../shared/rules/from-records';
import { sampleWorkspaceData } from '../shared/samples/sample-export';
import { freezeFiling, resolveFiling } from '../shared/filings/freeze';
import { STRESS, stressProject } from './stress-project';
import { hostileImportRows } from './hostile-import';
import { caseImportRows } from './case-import';
import { searchRows } from './search';
import { percentiles } from './timing';
import { libreOfficeConvert } from './libreoffice';
import { realisticRows } from './realistic';
import { installPdfDeflate } from '../shared/render/pdf/deflate';
import { NODE_DEFLATE } from '../cli/node-deflate';

// PDF streams compressed by Node's native zlib, as the command-line tools do (the app: the browser's).
installPdfDeflate(NODE_DEFLATE);

const root = process.cwd();
const fonts = {
  primary: new Uint8Array(readFileSync(path.join(root, 'assets/fonts/BIZUDMincho-Regular.ttf'))),
  fallback: new Uint8Array(readFileSync(path.join(root, 'assets/fonts/NotoSerifJP-Regular.ttf'))),
};
const parsed = parseSample(JSON.parse(readFileSync(path.join(root, 'assets/samples/sample-project.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.message);
const sample = parsed.sample;

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function median<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? 0, value: value as T };
}

const t0 = performance.now();
const metrics = fontSet(fonts);
const fontLoadMs = performance.now() - t0;
const facts = sampleFacts(sample);
const answersOf = (f: (typeof FORMS)[number]) => sample.forms.get(f.id) ?? f.empty();
const pkg = packageById('new-b');

// Cold: the paragraph cache emptied first, as on the app's first export.
const layout = await median(() => {
  clearParagraphCache(metrics);
  clearRestyledDates();
  return buildPackageDocument(pkg, facts, answersOf, metrics, { draft: false });
});
const doc = layout.value;
const pdf = await median(() => renderPdf(doc.laidOut, fonts, { title: doc.model.title, bookmarks: doc.bookmarks }));
const docx = await median(() => renderDocx(doc.model, { fonts: metrics }));
const sheet = await median(async () => {
  const print = resolveJizenSoudan(sample.consultation, emptyInstitutionProfile(), sample.project.technologyName, OFFICIAL_FAX_DESTINATION);
  const d = buildJizenSoudanDocument(print, metrics);
  return renderPdf(d.laidOut, fonts, { title: 'x' });
});

// A backup of a busy workspace: the sample project 20 times over (DATA-13/14/15).
const workspace = ((): WorkspaceData => {
  const d = emptyWorkspaceData();
  const at = '2026-11-21T00:00:00.000Z';
  for (let i = 0; i < 20; i++) {
    const id = `p${i}`;
    d.projects.push(projectSchema.parse({ id, ...sample.project, name: `${sample.project.name} ${i}`, createdAt: at, updatedAt: at }));
    d.consultations.push({ projectId: id, data: sample.consultation, updatedAt: at });
    d.costModels.push({ projectId: id, model: sample.cost, updatedAt: at });
    for (const [formId, answers] of sample.forms) d.formAnswers.push({ projectId: id, formId, answers, formVersion: 1, updatedAt: at });
  }
  d.settings.push({ key: 'roster', value: [...sample.people] });
  return d;
})();
const backup = await median(() => zipSync({ 'senshin-desk.json': strToU8(envelopeJson(makeEnvelope('workspace', workspace, APP_VERSION, 'x'))) }, { level: 6 }));
const backupJson = envelopeJson(makeEnvelope('workspace', workspace, APP_VERSION, 'x')).length;
const check = await median(() => {
  const r = readImport(backup.value, (b) => new TextDecoder('utf-8', { fatal: true }).decode(b));
  if (!r.ok) throw new Error(r.message);
  return r;
});

// Issue 11: freezing the sample's 新規届出 (resolve, render PDF + Word files, SHA-256, base64) and
// reading a backup that holds the 20 projects each with such a copy.
const sampleRows = sampleWorkspaceData(sample, 'sample', '2027-01-01T00:00:00.000Z');
const firstFiling = sampleRows.filings[0];
if (!firstFiling) throw new Error('no filing');
const freeze = await median(() => freezeFiling(resolveFiling(sampleRows, firstFiling, '2027-04-05', { filedOn: '2027-04-05', method: '郵送' }), firstFiling.id, { bytes: fonts, metrics }, '2027-04-05T00:00:00.000Z'));
const frozenBytes = freeze.value.files.reduce((n, f) => n + f.size, 0);
const withCopies: WorkspaceData = {
  ...workspace,
  filings: workspace.projects.map((p) => ({ ...firstFiling, id: `f-${p.id}`, projectId: p.id, status: 'filed' as const, events: [{ status: 'filed' as const, date: '2027-04-05', method: '郵送' as const, note: '', at: 'x' }] })),
  filedCopies: workspace.projects.map((p) => ({ ...freeze.value, filingId: `f-${p.id}`, projectId: p.id, resolved: { ...freeze.value.resolved } })),
};
const copiesJson = envelopeJson(makeEnvelope('workspace', withCopies, APP_VERSION, 'x'));
const copiesRead = await median(() => {
  const r = readImport(strToU8(copiesJson), (b) => new TextDecoder('utf-8', { fatal: true }).decode(b));
  if (!r.ok) throw new Error(r.message);
  return r;
});

const CHECK_RUNS = 200;
const checkToday = parseIsoDate(sample.project.filingDate) ?? { year: 2027, month: 4, day: 5 };
const oneSubmission = (data: WorkspaceData) => {
  const s = submissionsOf(data, checkToday)[0];
  if (!s) throw new Error('no project');
  return s;
};
const sampleSub = oneSubmission(sampleWorkspaceData(sample, 'sample', '2027-01-01T00:00:00.000Z'));
// A fresh submission object per run, as after every edit: rules cache per submission, so reusing one would time the cache.
const sampleCheck = percentiles(CHECK_RUNS, () => checkSubmission({ ...sampleSub }));
const stressData = stressProject(sample, '2027-01-01T00:00:00.000Z');
const stressChars = stressData.formAnswers.reduce((n, r) => n + Object.values(r.answers).reduce<number>((m, v) => m + (typeof v === 'string' ? v.length : 0), 0), 0);
const stressBuild = percentiles(CHECK_RUNS, () => oneSubmission(stressData));
const stressCheck = percentiles(CHECK_RUNS, () => checkSubmission({ ...stressBuild.value }));

const lo = libreOfficeConvert(docx.value);
// Issue 17 item 1: the realistic ~50-page B package, and its ratio to LibreOffice.
const realistic = await realisticRows(sample, fonts, metrics, RUNS);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows: Array<[string, string, string]> = [
  ['font parsing (BIZ UD明朝 + Noto Serif JP, once per start)', `${fontLoadMs.toFixed(1)} ms`, ''],
  [`sample package layout, cold (${pkg.label}, ${doc.forms.length} forms, ${doc.laidOut.pages.length} pages)`, `${layout.ms.toFixed(1)} ms`, ''],
  ['sample package PDF (subset fonts, bookmarks)', `${pdf.ms.toFixed(1)} ms`, kb(pdf.value.byteLength)],
  ['sample package DOCX', `${docx.ms.toFixed(1)} ms`, kb(docx.value.byteLength)],
  ['事前相談申込書 (layout + PDF, 1 page)', `${sheet.ms.toFixed(1)} ms`, kb(sheet.value.byteLength)],
  [`backup file of 20 sample projects (export envelope → ZIP; JSON ${kb(backupJson)})`, `${backup.ms.toFixed(1)} ms`, kb(backup.value.byteLength)],
  ['reading that backup back (zip guard, JSON, __proto__ scan, every record and form schema)', `${check.ms.toFixed(1)} ms`, ''],
  [`提出済み: freezing the sample's 新規届出 (${freeze.value.files.length} files, SHA-256, base64)`, `${freeze.ms.toFixed(1)} ms`, kb(frozenBytes)],
  [`reading a backup of 20 projects each with its as-filed copy (JSON ${kb(copiesJson.length)}; hashes re-checked)`, `${copiesRead.ms.toFixed(1)} ms`, ''],
  [`consistency check, sample (${RULES.length} rules, median of ${CHECK_RUNS}; 目標 < 5 ms; ${sampleCheck.value.length} findings)`, `${sampleCheck.median.toFixed(2)} ms`, `p95 ${sampleCheck.p95.toFixed(2)} ms`],
  [`consistency check, stress project (${STRESS.sites} sites, ${STRESS.people} staff, ${STRESS.products} products, long texts; ${stressCheck.value.length} findings)`, `${stressCheck.median.toFixed(2)} ms`, `p95 ${stressCheck.p95.toFixed(2)} ms`],
  [`  stress submission from stored rows (schemas, facts; ${(stressChars / 1000).toFixed(0)}k chars of answers)`, `${stressBuild.median.toFixed(2)} ms`, `p95 ${stressBuild.p95.toFixed(2)} ms`],
];
rows.push(...hostileImportRows());
// Issue 14 item 3: 1,000 case rows import in under 1 s.
rows.push(...(await caseImportRows(RUNS)));
// Issue 19 item 3: a phrase found in a 100-project workspace in under 50 ms.
rows.push(...searchRows(sample, RUNS));
if (lo.ok) {
  rows.push([`LibreOffice DOCX → PDF of the same package (${lo.pages} pages, warm)`, `${lo.ms.toFixed(0)} ms`, '']);
  rows.push(['ratio (sample): LibreOffice conversion ÷ our layout + PDF', `${(lo.ms / (layout.ms + pdf.ms)).toFixed(1)} ×`, '']);
}
rows.push(...realistic.rows);
/** Terminal columns: full-width characters take two. */
const cols = (s: string): number => Array.from(s).reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - cols(s)));
const w0 = Math.max(...rows.map((r) => cols(r[0])));
console.log(`\nsenshin-desk bench — median of ${RUNS} runs, Node ${process.version}\n`);
console.log(`${pad('what', w0)}  ${'time'.padStart(10)}  ${'size / p95'.padStart(10)}`);
console.log(`${'-'.repeat(w0)}  ${'-'.repeat(10)}  ${'-'.repeat(10)}`);
for (const [a, b, c] of rows) console.log(`${pad(a, w0)}  ${b.padStart(10)}  ${c.padStart(10)}`);
console.log('');
if (!lo.ok) console.log(lo.note);
for (const note of realistic.notes) console.log(note);
