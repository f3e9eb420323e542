/**
 * Issue 14 item 5 (spec §3.14–3.15, form-layouts §5.3–5.4, R-F-4, R-F-5): the printed 別紙7 様式第2号
 * and 様式第3号 read back from the PDF (and the Word file) — A4, nothing under 9 pt, 和暦 dates, the
 * technology, 告示番号, 区分, 医療機関名 and 実施責任医師 from the project, every typed value; a report
 * made after its deadline is followed by a 遅延理由書 addressed to the 地方厚生局, one in time is not.
 */
import { describe, expect, it } from 'vitest';
import { documentText, MIN_FONT_SIZE } from '../../../shared/document/model';
import type { ResolvedFiling } from '../../../shared/filings/as-filed';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { emptyHealthRiskDoc, emptySeriousAdverseEventDoc, type HealthRiskDoc, type SeriousAdverseEventDoc } from '../../../shared/reports/safety';
import { DELAY_TITLE, healthRiskDocument, safetyLayout, seriousAdverseEventDocument } from '../../../shared/reports/safety-document';
import { SAFETY_ADDRESSEE, safetyAddressee, safetyFiles } from '../../../shared/reports/safety-files';
import { docxText } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { baseline } from '../changes/fixture';

const fonts = bundledFonts();

/** The sample's project (先進医療B, 実施責任医師 髙橋 誠一) with its 告示番号 in force. */
function working(kind: ResolvedFiling['kind'], doc: ResolvedFiling['doc'], filedOn = ''): ResolvedFiling {
  const b = baseline();
  return { ...b, kind, filingDate: '2028-03-20', filedOn, project: { ...b.project, notices: [{ id: 'n1', number: '10(1)', validFrom: '2027-06-01', note: '' }] }, ...(doc ? { doc } : {}) };
}

const COURSE = '術後3日目に発熱（38.9℃）を認め、2028年3月1日にCTで縫合不全と診断した。\n同日、ドレナージ術を施行し、抗菌薬投与を開始した。';
const DELAY = '主治医が学会出張中で、症例の重篤性の判断と報告書の作成が遅れたため。\n今後は副担当医が代行して報告する体制とした。';

/** Learned on 令和10年3月1日 under 臨床研究法 (未知・入院: 15 days → 3月16日), reported 3月21日 — 20 days later. */
const late: SeriousAdverseEventDoc = {
  ...emptySeriousAdverseEventDoc(),
  reportDate: '2028-03-21',
  reportType: '第1報',
  reporterPersonId: 'sample-takahashi',
  bureau: '関東信越厚生局',
  patientCode: 'SLN-012',
  patientAge: '68',
  patientSex: '男',
  primaryDisease: '早期胃癌（cT1N0M0）',
  performedOn: '2028-02-26',
  eventName: '縫合不全',
  onsetDate: '2028-02-29',
  learnedOn: '2028-03-01',
  seriousness: ['入院又は入院期間の延長'],
  expectedness: '未知',
  causality: '否定できない',
  causalityReason: '手術手技に関連する事象のため。',
  treatment: 'あり',
  treatmentDetail: 'ドレナージ術、抗菌薬投与',
  outcome: '軽快',
  outcomeDate: '2028-03-15',
  course: COURSE,
  plan: '同様の事象の発生に注意し、試験を継続する。',
  law: '臨床研究法',
  delayReason: DELAY,
};

async function pdfOf(model: Parameters<typeof safetyLayout>[0], draft = false) {
  const bytes = await renderPdf(safetyLayout(model, fonts.metrics, { draft }), fonts.bytes, { title: model.title, createdAt: new Date('2028-03-21T00:00:00Z') });
  return readPdf(bytes);
}

describe('別紙7 様式第2号 先進医療に係る重篤な有害事象等報告書', () => {
  it('期限後の報告: A4・9pt以上、報告書の項目と和暦の日付、続く「遅延理由書」に期限・報告日・遅延理由（地方厚生局長宛）', async () => {
    const model = seriousAdverseEventDocument(late, working('serious-adverse-event', late));
    expect(model.sections).toHaveLength(2);
    const { pages } = await pdfOf(model);
    expect(pages.every((p) => Math.round(p.width) === 595 && Math.round(p.height) === 842)).toBe(true);
    expect(Math.min(...pages.flatMap((p) => p.fontSizes))).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    const all = squash(pages.map((p) => p.bodyText).join(''));
    expect(all.length).toBe(squash(documentText(model)).length);

    const whole = squash(pages.map((p) => p.text).join(''));
    const report = whole.slice(0, whole.indexOf(DELAY_TITLE));
    for (const s of [
      '様式第2号',
      '先進医療に係る重篤な有害事象等報告書（第１報）',
      '報告日：令和１０年３月２１日',
      '関東信越厚生局長殿',
      '医療機関名：架空大学医学部附属病院',
      '実施責任医師：',
      '髙橋誠一',
      'ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術（告示番号：10(1)）',
      'SLN-012',
      '68歳',
      '早期胃癌（cT1N0M0）',
      '縫合不全',
      '令和１０年２月２６日',
      '令和１０年２月２９日',
      '知った日令和１０年３月１日',
      '入院又は入院期間の延長',
      '（判断理由）手術手技に関連する事象のため。',
      '（内容）ドレナージ術、抗菌薬投与',
      '転帰日：令和１０年３月１５日',
      // A date typed in the 経過 prints in the document's one style (R-F-4).
      'CTで縫合不全と診断した。',
      '令和１０年３月１日にCT',
      '臨床研究法',
    ])
      expect(report).toContain(squash(s));
    expect(report).not.toContain('2028年3月1日');

    expect(whole.indexOf(DELAY_TITLE)).toBeGreaterThan(0);
    const delay = whole.slice(whole.lastIndexOf('関東信越厚生局長殿'));
    expect(delay).toContain(DELAY_TITLE);
    expect(delay).toContain('関東信越厚生局長殿');
    expect(delay).toContain('４．知った日：令和１０年３月１日');
    expect(delay).toContain('５．報告期限：令和１０年３月１６日（知った日から15日、臨床研究法施行規則第54条）');
    expect(delay).toContain('６．報告日：令和１０年３月２１日');
    for (const line of DELAY.split('\n')) expect(delay).toContain(squash(line));
    expect(delay.lastIndexOf('以上')).toBeGreaterThan(delay.indexOf(squash(DELAY.split('\n')[1] ?? '')));
  });

  it('期限内の報告には遅延理由書を付けない', async () => {
    const inTime = { ...late, reportDate: '2028-03-16' };
    const model = seriousAdverseEventDocument(inTime, working('serious-adverse-event', inTime));
    expect(model.sections).toHaveLength(1);
    const { pages } = await pdfOf(model);
    expect(squash(pages.map((p) => p.text).join(''))).not.toContain(DELAY_TITLE);
  });

  it('報告日が期限内でも、提出した日が期限後なら遅延理由書を付ける', () => {
    const inTime = { ...late, reportDate: '2028-03-16' };
    expect(seriousAdverseEventDocument(inTime, working('serious-adverse-event', inTime), { filedOn: '2028-03-19' }).sections.map((s) => s.title)).toEqual(['別紙7 様式第2号 先進医療に係る重篤な有害事象等報告書', DELAY_TITLE]);
  });

  it('未入力の報告書は空欄を残す（宛先は様式第1-2号、なければ手書き用の空白）', () => {
    const empty = emptySeriousAdverseEventDoc();
    const w = working('serious-adverse-event', empty);
    const text = squash(documentText(seriousAdverseEventDocument(empty, w)));
    expect(text).toContain('先進医療に係る重篤な有害事象等報告書（第報）');
    expect(text).toContain('報告日：令和年月日');
    expect(text).toContain('関東信越厚生局長殿');
    expect(text).toContain('報告者：（未記入）');
    const noBureau = { ...w, forms: w.forms.map((f) => (f.formId === 'besshi1/yoshiki1-2' ? { ...f, answers: { ...f.answers, bureau: '' } } : f)) };
    expect(documentText(seriousAdverseEventDocument(empty, noBureau))).toContain('　　　　厚生（支）局長　殿');
  });

  it('下書きのPDFは様式のページに「推定様式」、遅延理由書（様式任意）には付けない', async () => {
    const { pages } = await pdfOf(seriousAdverseEventDocument(late, working('serious-adverse-event', late)), true);
    expect(pages[0]?.text).toContain('推定様式');
    expect(pages[0]?.text).toContain('案');
    expect(pages.at(-1)?.text).not.toContain('推定様式');
  });
});

describe('別紙7 様式第3号 先進医療に係る健康危険情報', () => {
  const info: HealthRiskDoc = {
    ...emptyHealthRiskDoc(),
    reportDate: '2028-05-10',
    reporterPersonId: 'sample-takahashi',
    summary: '米国食品医薬品庁が、インドシアニングリーン製剤の一部ロットでアナフィラキシーの報告が増えていると発表した。',
    source: '米国食品医薬品庁　Drug Safety Communication（2028年5月2日）',
    grade: 'B',
    comment: '本邦で使用している製剤は対象ロットではないが、経過を注視する。',
    answers: { impact: '可能性は低い', urgency: '高くない', basis: '国外の関係機関が重大な健康問題として警告している', known: '既知の情報ではない', measures: '国内対策は行われていない' },
  };

  it('PDF: A4・9pt以上、技術名・告示番号・医療機関・報告日（和暦）・報告者、概要・情報源・グレードの選択肢・コメント', async () => {
    const model = healthRiskDocument(info, working('health-risk', info));
    const { pages } = await pdfOf(model);
    expect(pages).toHaveLength(1);
    expect(Math.min(...pages.flatMap((p) => p.fontSizes))).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    const text = squash(pages[0]?.text ?? '');
    for (const s of [
      '様式第3号',
      '先進医療に係る健康危険情報',
      '（告示番号：10(1)）',
      '架空大学医学部附属病院',
      '令和１０年５月１０日',
      '髙橋誠一',
      info.summary,
      '米国食品医薬品庁　Drug Safety Communication（令和１０年５月２日）',
      'グレードA（重要情報）・グレードB（情報提供・経過注視）・グレードC（参考情報）',
      info.comment,
    ])
      expect(text).toContain(squash(s));
  });
});

describe('safetyFiles: 提出済みの控えになるファイル', () => {
  it('様式第2号は遅延理由書つきのPDFとWord、名前に報告区分', async () => {
    const files = await safetyFiles(working('serious-adverse-event', late, '2028-03-21'), fonts, { year: 2028, month: 3, day: 21 }, new Date('2028-03-21T00:00:00Z'));
    expect(files.map((f) => f.name.replace(/^.*_/, ''))).toEqual(['重篤な有害事象等報告書（第１報）.pdf', '重篤な有害事象等報告書（第１報）.docx']);
    expect(files[0]?.name.startsWith('ＩＣＧ蛍光法を用いたセンチネルリンパ節生検')).toBe(true);
    const [pdf, docx] = files;
    if (!pdf || !docx) throw new Error('files');
    expect(squash((await readPdf(pdf.bytes)).pages.map((p) => p.text).join(''))).toContain(DELAY_TITLE);
    expect(squash(await docxText(docx.bytes))).toContain(squash(DELAY.split('\n')[0] ?? ''));
    // The same record prints the same bytes (what freezing relies on).
    const again = await safetyFiles(working('serious-adverse-event', late, '2028-03-21'), fonts, { year: 2028, month: 3, day: 21 }, new Date('2028-03-21T00:00:00Z'));
    expect(again[0]?.bytes).toEqual(pdf.bytes);
  });

  it('控えの宛先は印刷した地方厚生局長（不明なら管轄の地方厚生（支）局）', () => {
    expect(safetyAddressee(working('serious-adverse-event', late))).toBe('関東信越厚生局長');
    const w = working('health-risk', emptyHealthRiskDoc());
    expect(safetyAddressee({ ...w, forms: w.forms.map((f) => (f.formId === 'besshi1/yoshiki1-2' ? { ...f, answers: { ...f.answers, bureau: '' } } : f)) })).toBe(SAFETY_ADDRESSEE);
  });

  it('報告書の内容がない控えは作らない', async () => {
    await expect(safetyFiles(working('health-risk', undefined), fonts, { year: 2028, month: 5, day: 10 }, new Date())).rejects.toThrow('報告書の内容がまだありません');
  });
});
