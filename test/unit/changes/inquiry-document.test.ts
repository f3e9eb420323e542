/**
 * Issue 13 item 3, spec §3.17: one round of 「先進医療審査の照会事項に対する回答」 as printed (PDF and
 * Word) — the title with its round in full-width digits (or the 事前照会 variant), the 技術名, the date
 * (「2028年 9月 12日」), the responder by 所属・氏名 (never an id), the fixed note, the items in number
 * order with the 照会 exactly as pasted, line by line, and the 【回答】, then 以上 at the right.
 * A long answer runs onto the following pages with nothing lost.
 */
import { describe, expect, it } from 'vitest';
import { HOSPITAL_DATES, restyleDates } from '../../../shared/dates/date-style';
import { ANSWER_HEADING, CLOSING, INQUIRY_NOTE, inquiryResponseDocument, inquiryTitle } from '../../../shared/changes/inquiry-document';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { A4, documentText, MIN_FONT_SIZE } from '../../../shared/document/model';
import type { InquiryDoc } from '../../../shared/filings/filing-doc';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { docxText, libreOfficeToPdf } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { pdfLines } from '../../helpers/pdf-lines';
import { working } from './fixture';

const { bytes, metrics } = bundledFonts();

/** 照会 as the reviewers send them: several lines, numbered sub-points, a 和暦 date — pasted verbatim. */
const INQUIRY_1 = '登録期間の延長について、以下の点を説明されたい。\n（１）当初の登録見込みと実績の乖離の理由\n（２）令和10年4月1日以降の登録促進策';
const INQUIRY_2 = '患者負担への変更に伴い、同意説明文書の改訂版（変更履歴付き）を提出されたい。';
const INQUIRY_3 = '新たに使用する医療機器（ＶＩ－５０００）について、従来機種との性能の同等性を示す資料を示されたい。';

const ANSWER_1 =
  'ご指摘ありがとうございます。\n（１）当初は年間20例の登録を見込んでいましたが、令和10年9月30日時点の登録は２症例にとどまっています。' +
  '術前診断でcT1N0M0と判断される症例のうち、内視鏡治療の適応拡大により外科治療に回る症例が想定より少なかったことが主な理由です。\n' +
  '（２）2028年10月から協力医療機関（架空赤十字病院）を追加し、地域連携室を通じた紹介体制を整備します。';
const ANSWER_2 = '同意説明文書を改訂し、変更履歴付きの版を添付いたしました（別添資料２、照会回答1－3参照）。';
/** An answer longer than a page: it must flow onto the next pages, nothing clipped. */
const ANSWER_3 = Array.from(
  { length: 40 },
  (_, i) =>
    `${i + 1}．性能比較試験（第${i + 1}項）：近赤外蛍光の検出感度、視野角、画像遅延時間について、ＶＩ－５０００は従来機種ＦＬ－３０００と同等以上であることを製造販売業者の試験成績書（2028年3月15日付）により確認しました。`,
).join('\n');

/** Round 2, items saved out of order (a later item added, then an earlier one written). */
const round: InquiryDoc = {
  kind: 'inquiry-response',
  date: '2028-09-12',
  responderPersonId: 'sample-takahashi',
  variantMember: '',
  items: [
    { id: 'q3', number: 3, inquiry: INQUIRY_3, answer: ANSWER_3, changeItemIds: ['item-device'] },
    { id: 'q1', number: 1, inquiry: INQUIRY_1, answer: ANSWER_1, changeItemIds: ['item-period'] },
    { id: 'q2', number: 2, inquiry: INQUIRY_2, answer: ANSWER_2, changeItemIds: [] },
  ],
};

const western = (s: string): string => squash(restyleDates(s, HOSPITAL_DATES));

describe('先進医療審査の照会事項に対する回答 (§3.17), round 2 of the sample’s change', () => {
  const w = working();
  const model = inquiryResponseDocument(round, 2, w);

  it('titles: the round in full-width digits; the 事前照会 variant names the 構成員', () => {
    expect(inquiryTitle(2)).toBe('先進医療審査の照会事項に対する回答２');
    expect(inquiryTitle(12)).toBe('先進医療審査の照会事項に対する回答１２');
    expect(inquiryTitle(1, '山田構成員')).toBe('先進医療審査の事前照会事項（山田構成員）に対する回答１');
    expect(inquiryTitle(1, '山田')).toBe('先進医療審査の事前照会事項（山田構成員）に対する回答１');
    expect(squash(documentText(inquiryResponseDocument({ ...round, variantMember: '佐藤構成員' }, 1, w)))).toContain('先進医療審査の事前照会事項（佐藤構成員）に対する回答１');
  });

  it('PDF: A4, ≥ 9 pt, header, note, items in number order with the 照会 verbatim line by line, the long answer across pages, 以上 at the right', async () => {
    const laid = layoutDocument(model, metrics);
    const pdf = await renderPdf(laid, bytes, { title: model.title, createdAt: new Date('2028-09-12T00:00:00Z') });
    const { pages } = await readPdf(pdf);
    expect(pages.every((p) => Math.round(p.width) === 595 && Math.round(p.height) === 842)).toBe(true);
    expect(Math.min(...pages.flatMap((p) => p.fontSizes))).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    // The third answer alone is longer than a page: it runs onto the next ones, every character printed.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const all = squash(pages.map((p) => p.bodyText).join(''));
    expect(all.length).toBe(squash(documentText(model)).length);
    expect(all).toContain(western(ANSWER_3));

    // The header block, in order.
    const header = [
      '先進医療審査の照会事項に対する回答２',
      `先進医療技術名：${w.project.technologyName}`,
      '2028年9月12日',
      '所属・氏名：架空大学医学部附属病院消化器外科教授髙橋誠一',
      INQUIRY_NOTE,
    ].map(squash);
    let from = 0;
    for (const h of header) {
      const k = all.indexOf(h, from);
      expect(k, h).toBeGreaterThanOrEqual(from);
      from = k + h.length;
    }
    expect(all).not.toContain('sample-takahashi');
    expect(all).not.toMatch(/\bq[123]\b|item-/);

    // Items 1, 2, 3 in order: 「１．」 + the 照会 as pasted (its 和暦 untouched), then 【回答】 and the answer (dates in 西暦).
    for (const [n, q, a] of [['１', INQUIRY_1, ANSWER_1], ['２', INQUIRY_2, ANSWER_2], ['３', INQUIRY_3, ANSWER_3]] as const) {
      for (const part of [`${n}．${q}`, ANSWER_HEADING, western(a)].map(squash)) {
        const k = all.indexOf(part, from);
        expect(k, part.slice(0, 40)).toBeGreaterThanOrEqual(from);
        from = k + part.length;
      }
    }
    expect(all).toContain('令和10年4月1日以降の登録促進策');
    expect(all).toContain('2028年9月30日時点の登録は２症例');
    expect(all.endsWith(CLOSING)).toBe(true);

    // Each pasted line of a 照会 is a printed line of its own.
    const lines = (await pdfLines(pdf)).flat().map((l) => squash(l.text));
    expect(lines).toContain('１．登録期間の延長について、以下の点を説明されたい。');
    expect(lines).toContain('（１）当初の登録見込みと実績の乖離の理由');
    expect(lines).toContain('（２）令和10年4月1日以降の登録促進策');
    // The date line spaced as the template (「2028年 9月 12日」), flush right like 以上.
    const items = laid.pages.flatMap((p) => p.ops).filter((op) => op.kind === 'text');
    const right = A4.width - FORM_MARGINS.right;
    for (const s of ['2028年 9月 12日', CLOSING]) {
      const op = items.find((o) => o.kind === 'text' && o.text === s);
      expect(op, s).toBeDefined();
      if (op?.kind === 'text') expect(Math.abs(op.x + op.width - right)).toBeLessThan(1);
    }
  }, 60_000);

  it('a responder not chosen or no longer in the 職員名簿 prints as such, never as an id', () => {
    const none = squash(documentText(inquiryResponseDocument({ ...round, responderPersonId: '' }, 2, w)));
    expect(none).toContain('所属・氏名：（未記入）');
    const gone = squash(documentText(inquiryResponseDocument({ ...round, responderPersonId: 'person-retired-0042', date: '' }, 2, w)));
    expect(gone).toContain('所属・氏名：（台帳にない項目）');
    expect(gone).not.toContain('person-retired-0042');
  });

  it('Word: every item; LibreOffice opens it and prints the long answer whole', async () => {
    const docx = await renderDocx(model, { fonts: metrics });
    const text = squash(await docxText(docx));
    for (const s of [INQUIRY_NOTE, INQUIRY_1, INQUIRY_2, INQUIRY_3, ANSWER_HEADING, CLOSING]) expect(text).toContain(squash(s));
    for (const a of [ANSWER_1, ANSWER_2, ANSWER_3]) expect(text).toContain(western(a));
    const lo = await readPdf(libreOfficeToPdf(docx));
    expect(lo.pages.length).toBeGreaterThanOrEqual(3);
    const all = squash(lo.pages.map((p) => p.bodyText).join(''));
    expect(all).toContain('先進医療審査の照会事項に対する回答２');
    for (const a of [ANSWER_1, ANSWER_2, ANSWER_3]) expect(all).toContain(western(a));
  }, 120_000);
});
