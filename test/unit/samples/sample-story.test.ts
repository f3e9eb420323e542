/**
 * Issue 13 item 7: the sample's history — its 新規届出 approved with the plan as it was then (費用は
 * 研究費, 蛍光観察用腹腔鏡システム FL-2000, 研究期間は2035年6月30日まで・登録期間3年), a 変更申請 to the plan the
 * sample's 様式 now hold (患者負担, FL-3000, 2037年6月30日まで・登録期間5年) and the 照会回答 round that followed —
 * written by `npm run -s export -- --sample` as sent. Issue 14 item 7: its first 定期報告, 令和10年度
 * (the 年度 after its approval on 2027-07-01), with 12 cases in its 実績報告. The working copy (様式, 積算, masters) is the
 * same with or without the story.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport, type ExportIo } from '../../../cli/export';
import { uncoveredItems } from '../../../shared/changes/change-items';
import { diffFilings } from '../../../shared/changes/field-diff';
import { SHINTAISHO_HEADERS } from '../../../shared/changes/shintaisho';
import { parseResolved } from '../../../shared/filings/as-filed';
import type { FilingKind } from '../../../shared/filings/filing';
import { resolveFiling } from '../../../shared/filings/freeze';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { toAsciiDigits } from '../../../shared/dates/wareki';
import { reportTotals } from '../../../shared/reports/aggregates';
import { formatYen } from '../../../shared/money/yen';
import { checkSubmission } from '../../../shared/rules';
import { submissionsOf } from '../../../shared/rules/from-records';
import type { WorkspaceData } from '../../../shared/io/tables';
import { parseSample } from '../../../shared/samples/sample';
import { sampleWorkspaceData } from '../../../shared/samples/sample-export';
import { withSampleFilings } from '../../../shared/samples/sample-filing';
import { docxText } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';

const root = path.resolve(import.meta.dirname, '../../..');
const TECH = loadSample().project.technologyName;
const AT = '2027-01-01T00:00:00.000Z';

let story: Promise<WorkspaceData> | undefined;
/** The sample as 「サンプルを開く」 stores it with the fonts (made once for the tests of this file). */
function sampleWithStory(): Promise<WorkspaceData> {
  story ??= withSampleFilings(sampleWorkspaceData(loadSample(), 'sample', AT), loadSample(), bundledFonts(), AT);
  return story;
}

function memoryIo(): ExportIo & { readonly written: Map<string, Uint8Array> } {
  const written = new Map<string, Uint8Array>();
  return { written, readFile: (p) => new Uint8Array(readFileSync(path.join(root, p))), writeFile: (p, bytes) => void written.set(p, bytes), fonts: () => bundledFonts() };
}

const pdfText = async (bytes: Uint8Array | undefined): Promise<string> => squash((await readPdf(bytes ?? new Uint8Array())).pages.map((p) => p.text).join(''));

/** `parts` found in `text` in this order (each after the one before). */
function inOrder(text: string, parts: readonly string[]): boolean {
  let from = 0;
  for (const p of parts) {
    const at = text.indexOf(squash(p), from);
    if (at < 0) return false;
    from = at + squash(p).length;
  }
  return true;
}

/** ＜変更前＞ then ＜変更後＞ words of each change of the sample, as the 新旧対照表 prints them. */
const CHANGES = [
  { what: '費用負担', before: ['研究費（架空医学研究財団 臨床研究助成）で負担し、患者には請求しない。', '患者に請求する額：0円'], after: ['先進医療にかかる費用は患者負担とする。', '全額を患者に請求する'] },
  { what: '医療機器', before: ['型式：FL-2000', '22700BZX00105000'], after: ['型式：FL-3000', '30200BZX00289000'] },
  { what: '研究期間', before: ['告示日から2035年6月30日まで', '登録期間3年'], after: ['告示日から2037年6月30日まで', '登録期間5年', '（24か月延長）'] },
] as const;

describe('the sample tells its 変更申請 and 照会回答 (issue 13 item 7)', () => {
  it('`npm run -s export -- --sample` writes the 変更申請, its 新旧対照表 and the 照会回答, PDF and Word, as sent', async () => {
    const io = memoryIo();
    const out = await runExport(['--sample', '--out', 'OUT'], io);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const data = await sampleWithStory();
    const dirOf = (kind: FilingKind): string => `OUT/sample/${data.filings.find((f) => f.kind === kind)?.id ?? ''}`;
    const file = (kind: FilingKind, name: string): Uint8Array | undefined => io.written.get(`${dirOf(kind)}/${TECH}_${name}`);
    for (const name of ['変更申請.pdf', '変更申請.docx', '新旧対照表.pdf', '新旧対照表.docx']) expect(file('change', name), name).toBeDefined();
    for (const name of ['照会事項に対する回答1.pdf', '照会事項に対する回答1.docx']) expect(file('inquiry-response', name), name).toBeDefined();
    // Each filed one writes the files of its as-filed copy, and nothing else.
    const written = (id: string): string[] => [...io.written.keys()].filter((k) => k.startsWith(`OUT/sample/${id}/`) && !k.endsWith('/manifest.json')).sort();
    for (const copy of data.filedCopies) expect(written(copy.filingId)).toEqual(copy.files.map((f) => `OUT/sample/${copy.filingId}/${f.name}`).sort());

    // The 新旧対照表: each of the three changes with its 変更前 before its 変更後; nothing that did not change.
    const table = await pdfText(file('change', '新旧対照表.pdf'));
    const word = squash(await docxText(file('change', '新旧対照表.docx') ?? new Uint8Array()));
    for (const text of [table, word]) {
      expect(inOrder(text, SHINTAISHO_HEADERS)).toBe(true);
      for (const c of CHANGES) expect(inOrder(text, [...c.before, ...c.after]), c.what).toBe(true);
      for (const unchanged of ['予定症例数', '120例', '実施責任医師', '職種', '適応症', '選択基準', 'インドシアニングリーン']) expect(text, unchanged).not.toContain(unchanged);
    }

    // The 変更申請: the three items as worded, each approved by the committee on one day; the 登録状況.
    const change = await pdfText(file('change', '変更申請.pdf'));
    expect(inOrder(change, ['【実施期間】', '告示日から2035年6月30日まで', '【現在の登録状況】', '9症例（2028年1月31日現在）', '【主な変更内容】'])).toBe(true);
    expect(inOrder(change, ['１．先進医療費用の研究費から患者負担への変更', '＜変更前＞', '＜変更後＞', '２．使用する医療機器の変更', '＜変更前＞', '＜変更後＞', '３．登録期間及び研究期間の延長（24か月延長）', '＜変更前＞', '＜変更後＞'])).toBe(true);
    const approval = '架空大学医学部附属病院 倫理審査委員会 2028年1月18日承認';
    expect(inOrder(change, ['【試験実施計画の変更承認状況】', `１．${approval}`, `２．${approval}`, `３．${approval}`])).toBe(true);

    // The 照会回答: every 照会 as pasted, line by line, its 【回答】, the committee's date as in the 変更申請.
    const inquiry = await pdfText(file('inquiry-response', '照会事項に対する回答1.pdf'));
    const sample = loadSample();
    const items = sample.filings.find((f) => f.kind === 'inquiry-response')?.inquiry?.items ?? [];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(inquiry).toContain('先進医療審査の照会事項に対する回答１');
    for (const item of items) for (const line of item.inquiry.split('\n')) expect(inquiry, line).toContain(squash(line));
    expect(inquiry).toContain(squash('2028年1月18日に架空大学医学部附属病院 倫理審査委員会で承認'));
    expect(inquiry).toContain('照会回答１－１');
  }, 120_000);

  it('keeps the working copy as it is: the story changes only the filings and their copies', async () => {
    const plain = sampleWorkspaceData(loadSample(), 'sample', AT);
    const data = await sampleWithStory();
    for (const table of ['projects', 'consultations', 'formAnswers', 'costModels', 'settings', 'sites', 'siteAnswers'] as const) expect(data[table], table).toEqual(plain[table]);
    expect(plain.filings.map((f) => [f.kind, f.status])).toEqual([['new', 'draft']]);
    expect(plain.filingDocs).toEqual([]);
  }, 120_000);

  it('the 新規届出 was filed with the plan as approved, and the 変更申請 covers every difference to the working copy', async () => {
    const data = await sampleWithStory();
    const [first, change, inquiry] = data.filings;
    expect(data.filings.map((f) => [f.kind, f.status, f.round])).toEqual([
      ['new', 'approved', undefined],
      ['change', 'filed', undefined],
      ['inquiry-response', 'filed', 1],
      ['periodic-report', 'filed', undefined],
    ]);
    const copyOf = (id: string | undefined) => {
      const copy = data.filedCopies.find((c) => c.filingId === id);
      const resolved = copy && parseResolved(copy);
      if (!resolved) throw new Error(`no readable copy of ${id ?? '?'}`);
      return resolved;
    };
    const approved = copyOf(first?.id);
    expect(approved.forms.find((f) => f.formId === 'besshi1/yoshiki3')?.answers).toMatchObject({ period: '告示日から2035年6月30日まで（登録期間3年、追跡期間5年）', devices: ['sample-product-fl2000'] });
    expect(approved.cost.patientPays).toEqual({ mode: 'part', patientCharge: 0 });
    expect(approved.masters.products.find((p) => p.id === 'sample-product-fl2000')?.spec).toBe('FL-2000');
    // The old device lives only in the copy: the masters the sample opens with are today's.
    expect(loadSample().masters.products.map((p) => p.id)).not.toContain('sample-product-fl2000');

    // Dates in order: approved, then the committee approves the change, it is counted, sent; then the answers.
    const day = (f: typeof first, status: string): string => f?.events.find((e) => e.status === status)?.date ?? '';
    const doc = data.filingDocs.find((d) => d.filingId === change?.id)?.content;
    const answers = data.filingDocs.find((d) => d.filingId === inquiry?.id)?.content;
    if (doc?.kind !== 'change' || answers?.kind !== 'inquiry-response') throw new Error('no documents');
    expect(doc.baselineFilingId).toBe(first?.id);
    // One committee of the sample's masters approved every item, on one day.
    const approvals = [...new Set(doc.items.map((i) => JSON.stringify(i.approval)))];
    expect(approvals).toEqual([JSON.stringify({ committeeId: 'sample-committee', date: '2028-01-18' })]);
    expect(loadSample().masters.committees.map((c) => c.id)).toContain('sample-committee');
    const sequence = [day(first, 'approved'), doc.items[0]?.approval.date ?? '', doc.registration.asOf, day(change, 'filed'), answers.date, day(inquiry, 'filed')];
    expect([...sequence].sort()).toEqual(sequence);
    expect(Number(/\d+/.exec(doc.registration.count)?.[0])).toBeLessThanOrEqual(120);

    // Every generated change is in an item (「変更箇所を読み込む」 would add nothing), each item has its reason.
    const diff = diffFilings(approved, copyOf(change?.id));
    expect(diff.length).toBeGreaterThan(doc.items.length);
    expect(uncoveredItems(doc.items, diff, () => 'x')).toEqual([]);
    expect(doc.items.map((i) => i.text)).toEqual(['先進医療費用の研究費から患者負担への変更', '使用する医療機器の変更（蛍光観察用腹腔鏡システム FL-2000 から後継機種 FL-3000 への変更）', '登録期間及び研究期間の延長（24か月延長）']);
    for (const i of doc.items) expect(i.reason.length, i.text).toBeGreaterThan(20);
    // The 変更申請 was sent from the working copy the sample opens with: a new draft compares the same way.
    if (!change) throw new Error('no 変更申請');
    const working = resolveFiling(data, { ...change, status: 'draft', events: [] }, day(change, 'filed'));
    expect(diffFilings(approved, working)).toEqual(diff);

    // The 照会回答 answer that changed the plan is linked to the 変更申請's item; citations name answers that exist.
    expect(answers.items.filter((i) => i.changeItemIds.length > 0).map((i) => i.changeItemIds)).toEqual([['sample-change-cost']]);
    const cited = answers.items.flatMap((i) => [...toAsciiDigits(i.answer).matchAll(/照会回答(\d+)－(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
    expect(cited).toEqual([[1, 1]]);
    expect(answers.items.map((i) => i.number)).toContain(1);
  }, 120_000);

  it('raises no finding: as sent, and — but for R-CH-4 — even read as documents still being written (R-CH-1 … R-CH-6, R-P-5)', async () => {
    const data = await sampleWithStory();
    const today = parseIsoDate(loadSample().project.filingDate);
    if (!today) throw new Error('no 届出日');
    const findings = (d: WorkspaceData): string[] => submissionsOf(d, today).flatMap((s) => checkSubmission(s)).map((f) => `${f.ruleId} ${f.message}`);
    expect(findings(data)).toEqual([]);
    // Still 作成中 (dated as sent), each document is checked in full: ＜変更前＞ as approved, a reason and the
    // committee's approval per item, one date for the committee's approval in the 変更申請 and the 照会回答,
    // the 登録状況 within 予定症例数 and before it was sent, citations of answers that exist. R-CH-4 would
    // ask the 変更申請's reason to cite 照会回答１－１, which came a month after it was sent.
    const drafts = { ...data, filings: data.filings.map((f) => (f.kind === 'new' ? f : { ...f, status: 'draft' as const })) };
    expect(findings(drafts).filter((f) => !f.startsWith('R-CH-4 '))).toEqual([]);
    expect(findings(drafts).filter((f) => f.startsWith('R-CH-4 '))).toHaveLength(1);
  }, 120_000);

  it('reads a sample file without the story as before (its 新規届出 alone), and refuses a story that names what the sample does not have', async () => {
    const raw = JSON.parse(readFileSync(path.join(root, 'assets/samples/sample-project.json'), 'utf8')) as { filings: Array<Record<string, unknown>> };
    const old = { ...raw, filings: raw.filings.slice(0, 1).map(({ asFiled: _, ...f }) => f) };
    const parsed = parseSample(old);
    if (!parsed.ok) throw new Error(parsed.message);
    const data = await withSampleFilings(sampleWorkspaceData(parsed.sample, 'old', AT), parsed.sample, bundledFonts(), AT);
    expect(data.filings.map((f) => [f.kind, f.status])).toEqual([['new', 'approved']]);
    expect(data.filingDocs).toEqual([]);

    const broken = JSON.parse(JSON.stringify(raw)) as { filings: Array<{ change?: { items: Array<{ approval: { committeeId: string } }> } }> };
    const item = broken.filings[1]?.change?.items[0];
    if (!item) throw new Error('fixture: no change item');
    item.approval.committeeId = 'no-such-committee';
    expect(parseSample(broken)).toEqual({ ok: false, message: 'サンプルの2件目の届出の内容が正しくありません。' });
    // The 定期報告 (issue 14 item 7): its 実施者 must be a person of the sample, and it needs its 年度.
    const report = raw.filings.findIndex((f) => f['kind'] === 'periodic-report');
    expect(report).toBeGreaterThan(0);
    const unknownPerson = JSON.parse(JSON.stringify(raw)) as { filings: Array<{ report?: { reporterPersonId: string }; fiscalYear?: number }> };
    const story = unknownPerson.filings[report];
    if (!story?.report) throw new Error('fixture: no report');
    story.report.reporterPersonId = 'no-such-person';
    expect(parseSample(unknownPerson)).toEqual({ ok: false, message: `サンプルの${report + 1}件目の届出の内容が正しくありません。` });
    const noYear = JSON.parse(JSON.stringify(raw)) as typeof unknownPerson;
    delete noYear.filings[report]?.fiscalYear;
    expect(parseSample(noYear)).toEqual({ ok: false, message: `サンプルの${report + 1}件目の届出の内容が正しくありません。` });
  }, 120_000);
});

describe('the sample files its first 定期報告: 令和10年度, 12 cases (issue 14 item 7)', () => {
  const reportOf = async () => {
    const data = await sampleWithStory();
    const filing = data.filings.find((f) => f.kind === 'periodic-report');
    const doc = data.filingDocs.find((d) => d.filingId === filing?.id)?.content;
    if (!filing || doc?.kind !== 'periodic-report') throw new Error('no 定期報告');
    return { data, filing, doc };
  };

  it('is the 年度 after the approval, filed by 8/31, its 12 cases in the period: one 死亡, one 継続 past 6/30, coded with the 告示番号', async () => {
    const { data, filing, doc } = await reportOf();
    const approved = data.filings[0]?.events.find((e) => e.status === 'approved')?.date;
    expect(approved).toBe('2027-07-01');
    // 令和10年度 = 2027-07-01 … 2028-06-30, the first full period after the 告示; sent by 8/31.
    expect(filing.fiscalYear).toBe(2028);
    expect(filing.events.map((e) => [e.status, e.date])).toEqual([['filed', '2028-08-25']]);
    expect(data.filedCopies.some((c) => c.filingId === filing.id)).toBe(true);
    expect(doc.cases).toHaveLength(12);
    for (const c of doc.cases) expect(c.firstDate >= '2027-07-01' && c.firstDate <= '2028-06-30', c.caseNumber).toBe(true);
    expect(doc.cases.filter((c) => c.outcome === '死亡')).toHaveLength(1);
    expect(doc.cases.filter((c) => c.outcome === '継続')).toHaveLength(1);
    expect(new Set(doc.cases.map((c) => c.caseNumber)).size).toBe(12);
    // 機関別番号－告示番号－B: the 告示番号 the sample got on its approval, the 区分 of the technology.
    const notice = data.projects[0]?.notices.find((n) => n.validFrom === approved)?.number;
    expect(notice).toBe('12');
    for (const c of doc.cases) expect(c.code.normalize('NFKC').replace(/[－-]/g, '-'), c.caseNumber).toBe(`3105-${notice}-${data.projects[0]?.category}`);
    // 先進医療費用: the 積算's amount per case, borne by 研究費・病院 (the change to 患者負担 is not approved yet).
    expect(new Set(doc.cases.map((c) => `${c.advancedPatient}/${c.advancedOther}`))).toEqual(new Set(['0/44384']));
    expect(doc.reportedPatients).toBe(12);
  }, 120_000);

  it('`npm run -s export -- --sample` writes its PDF and Word: the 12 cases and the totals of the 実績報告', async () => {
    const io = memoryIo();
    expect(await runExport(['--sample', '--out', 'OUT'], io)).toMatchObject({ code: 0, stderr: '' });
    const { filing, doc } = await reportOf();
    const name = (ext: string): string => `OUT/sample/${filing.id}/${TECH}_定期報告（令和10年度）.${ext}`;
    const pdf = io.written.get(name('pdf'));
    const word = io.written.get(name('docx'));
    expect(pdf).toBeDefined();
    expect(word).toBeDefined();
    const t = reportTotals(doc);
    const sums = [t.inpatientDays, t.procedures, t.insuredAmount, t.copayment, t.advancedPatient, t.advancedOther].map((x) => x.value);
    if (sums.some((v) => v === undefined)) throw new Error('a total does not read');
    const [days, times, ...yen] = sums as number[];
    const totalsRow = ['合計（１２例）', String(days), String(times), ...yen.map(formatYen)];
    for (const text of [await pdfText(pdf), squash(await docxText(word ?? new Uint8Array()))]) {
      expect(inOrder(text, ['報告対象期間', '令和10年度（令和９年７月１日～令和10年６月30日）'])).toBe(true);
      expect(inOrder(text, doc.cases.map((c) => c.caseNumber)), 'the 12 cases in order').toBe(true);
      expect(inOrder(text, ['KU-005', '早期胃癌（cT1N0M0）', '令９.11.25', '38', '1', '死亡'])).toBe(true);
      expect(inOrder(text, ['KU-012', '早期胃癌（cT1N0M0）', '令10.６.20', '11', '1', '継続'])).toBe(true);
      expect(inOrder(text, totalsRow), totalsRow.join(' ')).toBe(true);
    }
    // Hand sums of the sample's 12 rows: 157 days, 12 procedures, 44,384円 × 12 borne by others.
    expect([days, times, yen[2], yen[3]]).toEqual([157, 12, 0, 532_608]);
  }, 120_000);

  it('raises no report finding even read as a draft (R-R-1 … R-R-10), and the check does read it: a wrong 告示番号 is found', async () => {
    const { data, filing } = await reportOf();
    const today = parseIsoDate('2028-08-20');
    if (!today) throw new Error('no day');
    const asDraft = (d: WorkspaceData): WorkspaceData => ({ ...d, filings: d.filings.map((f) => (f.id === filing.id ? { ...f, status: 'draft' as const } : f)) });
    const reportFindings = (d: WorkspaceData): string[] =>
      submissionsOf(d, today)
        .flatMap((s) => checkSubmission(s))
        .filter((f) => f.ruleId.startsWith('R-R-'))
        .map((f) => `${f.ruleId} ${f.message}`);
    expect(reportFindings(asDraft(data))).toEqual([]);
    const wrong = {
      ...data,
      filingDocs: data.filingDocs.map((d) => (d.filingId === filing.id && d.content.kind === 'periodic-report' ? { ...d, content: { ...d.content, cases: d.content.cases.map((c, i) => (i === 0 ? { ...c, code: '3105－13－B' } : c)) } } : d)),
    };
    expect(reportFindings(asDraft(wrong))).toEqual([expect.stringMatching(/^R-R-3 .*1行目（整理番号 KU-001）.*告示番号「13」/)]);
    // As sent, it is as it was sent: nothing.
    expect(reportFindings(wrong)).toEqual([]);
  }, 120_000);
});
