import { describe, expect, it } from 'vitest';
import { documentText } from '../../../shared/document/model';
import { MIN_FONT_SIZE } from '../../../shared/document/model';
import { checkSubmission, checkWithFonts } from '../../../shared/rules';
import { glyphCoverage } from '../../../shared/rules/catalog/preflight';
import { CHECK_REPORT_TITLE, checkReportDocument, checkReportPdf, groupOrder, type Acknowledgement } from '../../../shared/rules/report';
import type { Submission } from '../../../shared/rules/submission';
import type { Finding } from '../../../shared/rules/types';
import { sampleSubmission } from '../../../shared/samples/sample';
import { bundledFonts } from '../../helpers/fonts';
import { ink, readPdf, renderGray, squash } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';
import { sampleWith } from '../../helpers/rules';

const fonts = bundledFonts();
const glyphs = glyphCoverage(fonts.metrics);
const base = sampleSubmission(loadSample());
const today = { year: 2027, month: 3, day: 1 };
const Y1 = 'besshi1/yoshiki1-1';
const Y3 = 'besshi1/yoshiki3';

/**
 * The sample with a 機種依存文字, 半角カナ and a long one-line answer planted in two forms, and a
 * 告示番号 that is not a number in the project's own 基本情報 (R-ID-4, listed under 'project').
 */
function planted(): Submission {
  const forms = new Map(base.forms);
  forms.set(Y1, { ...base.forms.get(Y1), clerkName: `㈱メディカル総務課 ${'長い所属名'.repeat(20)}` });
  forms.set(Y3, { ...base.forms.get(Y3), period: 'ｶﾞｰｾﾞ交換を含め2027年4月～2030年3月' });
  const project = { ...base.project, notices: [{ id: 'n1', number: '第十号', validFrom: '2027-04-01', note: '' }] };
  return { ...base, project, forms };
}

const s = planted();
const findings = checkWithFonts(s, glyphs);
const kishu = findings.find((f) => f.ruleId === 'PRE-KISHU');
const ack: Acknowledgement = { key: kishu?.key ?? '', ruleId: 'PRE-KISHU', reason: '法人名の正式表記のため', at: '2027-02-27T10:15:00.000Z' };

describe('チェック結果報告書', () => {
  it('is built from the findings: summary, counts, one table per place in package order', () => {
    expect(kishu).toBeDefined();
    const doc = checkReportDocument({ submission: s, findings, acknowledgements: [ack], today });
    const text = squash(documentText(doc));
    expect(text).toContain(CHECK_REPORT_TITLE);
    expect(text).toContain(squash(s.project.technologyName));
    expect(text).toContain('先進医療B');
    expect(text).toContain('新規届出（先進医療B）');
    expect(text).toContain('2027年3月1日');
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    expect(text).toContain(squash(`エラー ${errors}件　警告 ${warnings}件`));
    expect(text).toContain('うち確認済み1件');
    expect(text).toContain('確認済み：法人名の正式表記のため（2027年2月27日）');
    // 様式第1-1号 comes before 様式第3号, forms before the project's own places.
    const order = groupOrder(s, findings);
    expect(order.indexOf(Y1)).toBeLessThan(order.indexOf(Y3));
    expect(findings.find((f) => f.ruleId === 'R-ID-4')?.locations[0]?.doc).toBe('project');
    expect(order).toContain('project');
    expect(order.indexOf(Y3)).toBeLessThan(order.indexOf('project'));
    expect(text.indexOf('■別紙1様式第1-1号')).toBeGreaterThan(0);
    expect(text.indexOf('■別紙1様式第1-1号')).toBeLessThan(text.indexOf('■別紙1様式第3号'));
    expect(text.indexOf('■別紙1様式第3号')).toBeLessThan(text.indexOf('■案件の基本情報'));
  });

  it('says so when there is nothing to report', () => {
    const text = documentText(checkReportDocument({ submission: base, findings: [], acknowledgements: [], today }));
    expect(text).toContain('指摘事項はありません。');
    expect(text).toContain('エラー 0件');
  });

  it('renders to A4 PDF with the bundled fonts: messages, rule ids, bases and the reason are in the text', async () => {
    const pdf = await checkReportPdf({ submission: s, findings, acknowledgements: [ack], today }, fonts, new Date('2027-03-01T00:00:00Z'));
    const { pages } = await readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(595.28, 1);
      expect(p.height).toBeCloseTo(841.89, 1);
      for (const size of p.fontSizes) expect(size).toBeGreaterThanOrEqual(MIN_FONT_SIZE - 0.01);
    }
    const all = squash(pages.map((p) => p.bodyText).join(''));
    expect(all).toContain(CHECK_REPORT_TITLE);
    const pre: Finding[] = findings.filter((f) => f.ruleId.startsWith('PRE-'));
    expect(pre.map((f) => f.ruleId).sort()).toEqual(['PRE-FIT', 'PRE-HANKANA', 'PRE-KISHU']);
    for (const f of pre) {
      expect(all, f.ruleId).toContain(f.ruleId);
      expect(all, f.ruleId).toContain(squash(f.message));
    }
    expect(all).toContain(squash(kishu?.basis ?? '-'));
    expect(all).toContain('確認済み：法人名の正式表記のため');
    // Every finding of the check is in the report, however many pages it takes.
    for (const f of findings) expect(all, f.key).toContain(squash(f.message));
  });

  it('page 1 is black text on white (pdftoppm)', async () => {
    const pdf = await checkReportPdf({ submission: s, findings, acknowledgements: [ack], today }, fonts);
    const img = renderGray(pdf, 50);
    expect(img.width).toBeGreaterThan(400);
    const dark = ink(img);
    expect(dark).toBeGreaterThan(2000);
    // No tinted fills: almost every pixel is either ink or paper.
    let grey = 0;
    for (const v of img.data) if (v > 64 && v < 192) grey++;
    expect(grey / img.data.length).toBeLessThan(0.1);
  });
});

describe('acknowledgements in the report', () => {
  it('never mark an エラー as 確認済み, even with a matching key (errors cannot be silenced)', () => {
    const err = sampleWith({ forms: { 'besshi1/yoshiki5': { costText: '先進医療にかかる費用は22,000円。' } } });
    const errFindings = checkSubmission(err).filter((f) => f.severity === 'error');
    expect(errFindings.length).toBeGreaterThan(0);
    const acks = errFindings.map((f) => ({ key: f.key, ruleId: f.ruleId, reason: '確認した', at: '2027-02-27' }));
    const text = documentText(checkReportDocument({ submission: err, findings: errFindings, acknowledgements: acks, today }));
    expect(text).not.toContain('確認済み：');
  });
});
