/**
 * Issue 14 items 1–2 (spec §3.12–3.13, R-R-6, R-R-10, R-F-4): 別紙7 様式第1号 先進医療に係る定期・総括報告書
 * and its 別添 実績報告 as printed — read back from the PDF (pdf.js) and the Word file.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { documentText, MIN_FONT_SIZE } from '../../../shared/document/model';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { emptyReportDoc, type ReportDoc } from '../../../shared/reports/model';
import { NO_CASES, OVERVIEW_NOTE, REPORT_TITLE, reportDocument, reportPeriodLabel, reportYearText, shortWareki } from '../../../shared/reports/report-document';
import { docxParts, docxText, xmlProblems } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { FISCAL_YEAR, periodicReport, reportWorking, twelveCases, zeroReport } from '../../helpers/report-docs';

const { bytes, metrics } = bundledFonts();
const PERIODIC = { kind: 'periodic-report', fiscalYear: FISCAL_YEAR } as const;

async function pdfPages(doc: ReportDoc, filing: { kind: ReportDoc['kind']; fiscalYear?: number } = PERIODIC, category: 'A' | 'B' = 'B') {
  const w = reportWorking();
  const model = reportDocument(doc, { ...w, project: { ...w.project, category } }, filing);
  const pdf = await renderPdf(layoutDocument(model, metrics), bytes, { title: model.title, createdAt: new Date('2025-08-20T00:00:00Z') });
  return { model, pages: (await readPdf(pdf)).pages };
}

describe('labels', () => {
  it('報告期間 as MHLW writes it: 「令和７年度（令和６年７月１日～令和７年６月30日）」; table dates abbreviated', () => {
    expect(reportYearText(2025)).toBe('令和７年度');
    expect(reportPeriodLabel(2025)).toBe('令和７年度（令和６年７月１日～令和７年６月30日）');
    expect(reportPeriodLabel(2029)).toBe('令和11年度（令和10年７月１日～令和11年６月30日）');
    expect(shortWareki('2024-12-01')).toBe('令６.12.１');
    expect(shortWareki('2019-05-01')).toBe('令１.５.１');
    expect(shortWareki('2019-04-30')).toBe('平31.４.30');
  });
});

describe('the 12-case 令和７年度 定期報告 (先進医療B)', () => {
  it('PDF: A4, ≥ 9 pt; 様式第1号 with the header, 報告期間, 1．標題, 2．概要 with ①–④ and the ratios; no 総括-only parts (R-R-6)', async () => {
    const { pages } = await pdfPages(periodicReport());
    expect(pages.every((p) => Math.round(p.width) === 595 && Math.round(p.height) === 842)).toBe(true);
    expect(Math.min(...pages.flatMap((p) => p.fontSizes))).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    const first = squash(pages[0]?.text ?? '');
    expect(first).toContain('様式第1号');
    expect(first).toContain(REPORT_TITLE);
    expect(first).toContain(squash('報告期間：令和７年度（令和６年７月１日～令和７年６月30日）'));
    expect(first).toContain('先進医療名ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術');
    expect(first).toContain('実施医療機関名架空大学医学部附属病院');
    // 先進医療承認日 and 報告書作成日 in 和暦 with full-width digits (R-F-4); 終了日 typed in ASCII, printed full-width.
    expect(first).toContain('先進医療承認日令和５年６月１日');
    expect(first).toContain('報告書作成日令和７年８月２０日');
    expect(first).toContain('終了日令和１０年３月３１日');
    expect(first).toContain('実施者：消化器外科教授髙橋誠一');
    expect(first).toContain(squash('問い合わせ先（担当者の役職及び氏名）：臨床研究推進センター　佐藤 花子'));
    expect(first).toContain('Tel：03-0000-1234');
    expect(first).toContain(squash(OVERVIEW_NOTE));
    const all = squash(pages.map((p) => p.text).join(''));
    expect(all).toContain('1．標題ＩＣＧ蛍光法');
    expect(all).toContain('患者数計画時（①）：120人中間報告／終了時（②）：38人');
    expect(all).toContain('【②/③：0.1未満％、②/④：0.3％】');
    expect(all).toContain('日本国内における当該疾病患者数（③）：125,000人（患者数の根拠：令和２年患者調査（胃の悪性新生物））');
    expect(all).toContain('添付書類：（別添）実績報告、概略図');
    for (const absent of ['診断及び主要な組入れ基準', '評価基準', '結果の一覧']) expect(all).not.toContain(absent);
  });

  it('別添 実績報告: every case with its values, dates abbreviated in 和暦, and the totals row (hand sums in aggregates.test.ts)', async () => {
    const { pages, model } = await pdfPages(periodicReport());
    const start = pages.findIndex((p) => p.text.includes('様式第1号（別添）'));
    expect(start).toBeGreaterThan(0);
    const table = squash(pages.slice(start).map((p) => p.text).join(''));
    expect(table).toContain(squash('報告対象期間：令和７年度（令和６年７月１日～令和７年６月30日）'));
    expect(table).toContain('コード番号：1234－12－B');
    for (const h of ['整理番号', '診断名', '初回実施日', '入院期間（日）', '実施回数', '転帰', '保険外併用療養費分（円）', '保険外併用療養費分に係る一部負担金（円）', '先進医療費用（患者負担）（円）', '先進医療費用（その他）（円）', '評価結果', 'コード番号']) {
      expect(table).toContain(h);
    }
    // Case 005 (死亡), case 006 (保険外併用療養費分 typed 「１，２８７，９００円」), case 012 (継続, 6/19).
    expect(table).toContain('005');
    expect(table).toContain('令６.11.21');
    expect(table).toContain('31');
    expect(table).toContain('死亡');
    expect(table).toContain('2,873,560');
    expect(table).toContain('287,356');
    expect(table).toContain('15,000');
    expect(table).toContain('1,287,900');
    expect(table).toContain('令７.６.19');
    expect(table).toContain('継続');
    for (const c of twelveCases()) expect(table).toContain(squash(c.caseNumber));
    // Totals: 148 days, 12 procedures, 16,627,710 / 4,133,131 / 263,256 / 15,000 円.
    expect(table).toContain(squash('合計（１２例）148121'));
    expect(table).toContain('16,627,7104,133,131263,25615,000');
    // Under the table, MHLW's aggregates (R-R-9): 148 ÷ 12 = 12.33… → 12.3 日; 263,256 + 15,000; 16,627,710 + 4,133,131 + 278,256.
    expect(table).toContain(squash('年間実施件数：12件　平均入院期間：12.3日　先進医療総額：278,256円　総合計：21,039,097円'));
    // Every character of the document is printed (nothing clipped).
    expect(squash(pages.map((p) => p.bodyText).join('')).length).toBe(squash(documentText(model)).length);
  });

  it('Word: well-formed, the same totals and cases, the header row marked to repeat', async () => {
    const model = reportDocument(periodicReport(), reportWorking(), PERIODIC);
    const docx = await renderDocx(model, { draft: false, fonts: metrics });
    for (const [name, part] of Object.entries(docxParts(docx))) if (name.endsWith('.xml')) expect(xmlProblems(part), name).toEqual([]);
    const text = squash(await docxText(docx));
    expect(text).toContain(REPORT_TITLE);
    expect(text).toContain('16,627,710');
    expect(text).toContain('合計（１２例）');
    expect(text).toContain('1,287,900');
    const xml = new TextDecoder().decode(docxParts(docx)['word/document.xml']);
    // The 別添's header row is the one row marked to repeat on each page (w:tblHeader on, not w:val="off").
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });
});

describe('many cases, 0件, 総括報告', () => {
  it('a 60-case report flows over several pages, the header row repeated on each', async () => {
    const cases = Array.from({ length: 5 }, (_, k) => twelveCases().map((c) => ({ ...c, id: `${c.id}-${k}`, caseNumber: `${k + 1}-${c.caseNumber}` }))).flat();
    expect(cases).toHaveLength(60);
    const { pages } = await pdfPages(periodicReport({ cases }));
    const start = pages.findIndex((p) => p.text.includes('様式第1号（別添）'));
    const tablePages = pages.slice(start);
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const p of tablePages) expect(squash(p.text)).toContain('保険外併用療養費分に係る一部負担金（円）');
    const all = squash(tablePages.map((p) => p.text).join(''));
    for (const c of cases) expect(all).toContain(c.caseNumber);
    expect(all).toContain('合計（６０例）');
    // 5 × 148 days, 5 × 16,627,710 円.
    expect(all).toContain('740');
    expect(all).toContain('83,138,550');
  });

  it('0件: 「該当症例なし（０件）」, 「０件の理由」 and 「医療機関の今後の対応方針」 printed (R-R-10)', async () => {
    const { pages } = await pdfPages(zeroReport());
    const all = squash(pages.map((p) => p.text).join(''));
    expect(all).toContain(squash(NO_CASES));
    expect(all).toContain('合計（０例）');
    expect(all).toContain('０件の理由：対象となる患者の紹介がなかったため。');
    expect(all).toContain('医療機関の今後の対応方針：地域の医療機関への周知を継続し、次年度の実施を目指す。');
  });

  it('a 先進医療B 総括報告 prints every part; a 先進医療A report only 1–2 (R-R-6)', async () => {
    const summary = { ...periodicReport(), ...emptyReportDoc('final-report'), kind: 'final-report' as const };
    const doc: ReportDoc = {
      ...periodicReport(),
      kind: 'final-report',
      targetDisease: '早期胃がん',
      inclusionCriteria: '術前診断でcT1N0M0',
      exclusionCriteria: '重篤な合併症を有する者',
      primarySafety: '術後合併症の発生割合',
      primaryEfficacy: '5年無再発生存割合',
      secondarySafety: '有害事象',
      secondaryEfficacy: '術後QOL',
      results: '登録38例、主要評価項目を達成した。',
    };
    expect(summary.kind).toBe('final-report');
    const b = squash((await pdfPages(doc, { kind: 'final-report' })).pages.map((p) => p.text).join(''));
    for (const s of ['診断及び主要な組入れ基準', '［対象疾患］：早期胃がん', '［選択基準］：術前診断でcT1N0M0', '［主要評価項目］', '有効性評価：5年無再発生存割合', '結果の一覧：登録38例、主要評価項目を達成した。']) expect(b).toContain(squash(s));
    expect(b).not.toContain('報告期間');
    const a = squash((await pdfPages(doc, { kind: 'final-report' }, 'A')).pages.map((p) => p.text).join(''));
    expect(a).not.toContain('結果の一覧');
    expect(a).not.toContain('早期胃がん［');
  });
});
