/**
 * Issue 13 item 1, spec §3.18: 「先進医療Bの試験実施計画の変更について」 as printed (PDF and Word) from
 * the sample's change — the headings exactly as in §3.18 and in order, 【実施期間】/【予定症例数】 as
 * approved (R-CH-1), each item with ＜変更前＞/＜変更後＞ (the period with its extension), its 理由
 * (1:1) and its 承認状況 by committee name (R-CH-2), never an id, and one date format (R-F-4).
 */
import { describe, expect, it } from 'vitest';
import { CHANGE_HEADINGS, NOT_ENTERED, PRODUCT_HEADERS, changeDocument } from '../../../shared/changes/change-document';
import { diffFilings } from '../../../shared/changes/field-diff';
import { HOSPITAL_DATES, restyleDates } from '../../../shared/dates/date-style';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { documentText, MIN_FONT_SIZE } from '../../../shared/document/model';
import type { ResolvedFiling } from '../../../shared/filings/as-filed';
import type { ChangeDoc } from '../../../shared/filings/filing-doc';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { docxText, libreOfficeToPdf } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { ink, readPdf, renderGray, squash } from '../../helpers/pdf';
import { BURDEN_AFTER, BURDEN_BEFORE, NEW_DEVICE, PERIOD_AFTER, PERIOD_BEFORE, answersOf, baseline, working } from './fixture';

const { bytes, metrics } = bundledFonts();

/** The working copy with a 告示番号 history: renumbered once, and a number not yet in force on the 届出日 (2028-10-01). */
function workingWithNotices(): ResolvedFiling {
  const w = working();
  const notices = [
    { id: 'n1', number: '２', validFrom: '2027-06-01', note: '告示' },
    { id: 'n2', number: '１０(１)', validFrom: '2028-04-01', note: '番号の繰り上げ' },
    { id: 'n3', number: '７', validFrom: '2029-04-01', note: '次の繰り上げ（予定）' },
  ];
  return { ...w, project: { ...w.project, notices } };
}

const REASON_PERIOD =
  '当初の登録期間（3年）では予定症例数に到達しない見込みとなったため。令和10年9月30日時点の登録は２症例であり、協力医療機関の追加（架空赤十字病院）とあわせて登録期間を3年延長する。\n' +
  'なお、追跡期間（5年）に変更はない。';
const REASON_BURDEN = '研究費（架空財団研究助成、２０２８年度で終了）による負担が困難となったため、先進医療に係る費用を患者負担とする（照会回答1－3参照）。同意説明文書も改訂する。';
const REASON_DEVICE = '使用している蛍光観察用腹腔鏡システム（FL-3000）の製造販売が2028年3月末で終了し、保守部品の供給も終了するため、後継機種に変更する。';

/** A 変更申請 as a coordinator writes it: three items grouped from the generated diff, the third not yet approved. */
function changeDoc(w: ResolvedFiling): ChangeDoc {
  const device = diffFilings(baseline(), w).find((i) => i.id === 'besshi1/yoshiki3/devices/sample-product-fl>product-vi5000');
  if (!device) throw new Error('the device change is not generated');
  return {
    kind: 'change',
    baselineFilingId: 'filing-approved',
    items: [
      { id: 'item-period', sourceIds: ['besshi1/yoshiki3/period'], text: '予定試験期間の延長', before: PERIOD_BEFORE, after: PERIOD_AFTER, reason: REASON_PERIOD, approval: { committeeId: 'sample-committee', date: '2028-09-10' } },
      { id: 'item-burden', sourceIds: ['besshi1/yoshiki3/patientBurden', 'cost/burden'], text: '患者負担の変更（研究費による負担から患者負担へ）', before: BURDEN_BEFORE, after: BURDEN_AFTER, reason: REASON_BURDEN, approval: { committeeId: 'sample-committee', date: '2028-09-10' } },
      { id: 'item-device', sourceIds: [device.id], text: '①使用する医療機器の変更', before: device.before, after: device.after, reason: REASON_DEVICE, approval: { committeeId: '', date: '' } },
    ],
    registration: { count: '2症例', asOf: '2028-09-30' },
    summary: '',
  };
}

/** The text between two headings of the document (squashed). */
function between(all: string, from: string, to: string): string {
  const a = all.indexOf(squash(from));
  const b = all.indexOf(squash(to), a + 1);
  return a < 0 || b < 0 ? '' : all.slice(a + squash(from).length, b);
}

const heading = (n: number): string => CHANGE_HEADINGS[n] ?? '';
const western = (s: string): string => squash(restyleDates(s, HOSPITAL_DATES));

describe('先進医療Bの試験実施計画の変更について (§3.18) of the sample’s change', () => {
  const w = workingWithNotices();
  const doc = changeDoc(w);
  const model = changeDocument(doc, w, baseline());

  it('PDF: A4, no text under 9 pt, the §3.18 headings in order, every item with 変更前／変更後, 理由 and 承認状況, no id, 西暦 throughout', async () => {
    const laid = layoutDocument(model, metrics);
    const pdf = await renderPdf(laid, bytes, { title: model.title, createdAt: new Date('2028-10-01T00:00:00Z') });
    const { pages } = await readPdf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => Math.round(p.width) === 595 && Math.round(p.height) === 842)).toBe(true);
    expect(Math.min(...pages.flatMap((p) => p.fontSizes))).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    const all = squash(pages.map((p) => p.bodyText).join(''));
    // Nothing clipped: every character of the model is on a page.
    expect(all.length).toBe(squash(documentText(model)).length);

    expect(all.startsWith('先進医療Bの試験実施計画の変更について')).toBe(true);
    const at = CHANGE_HEADINGS.map((h) => all.indexOf(squash(h)));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));

    expect(between(all, heading(0), heading(1))).toBe('架空大学医学部附属病院');
    // The newest 告示番号 in force on the 届出日, not the first one nor one still to come (R-ID-4).
    expect(between(all, heading(1), heading(2))).toBe(squash(`大臣告示番号　１０(１)${w.project.technologyName}`));
    expect(between(all, heading(2), heading(3))).toBe(squash(w.project.indication));
    // 【試験の概要】 left to the 様式: 様式第5号's （概要）.
    expect(between(all, heading(3), heading(4))).toBe(western(String(answersOf(w, 'besshi1/yoshiki5').outline)));
    // The products the package prints, as the working copy picks them (the new device, the ICG).
    const products = between(all, heading(4), heading(5));
    for (const h of PRODUCT_HEADERS) expect(products).toContain(h);
    for (const s of [NEW_DEVICE.name, NEW_DEVICE.maker, NEW_DEVICE.approvalNumber, '適応内', 'インドシアニングリーン注射用25mg', '22200AMX00554000', '適応外']) expect(products).toContain(squash(s));
    // R-CH-1: the approved values, not the changed ones.
    expect(between(all, heading(5), heading(6))).toBe(squash(PERIOD_BEFORE));
    expect(between(all, heading(6), heading(7))).toBe('120例');
    expect(between(all, heading(7), heading(8))).toBe('2症例（2028年9月30日現在）');

    const changes = between(all, heading(8), heading(9));
    let from = 0;
    doc.items.forEach((item, i) => {
      // Numbered １．２．３．, each with its 変更前 then its 変更後, in order.
      const parts = [`${'１２３'[i] ?? ''}．${item.text}`, '＜変更前＞', item.before, '＜変更後＞', item.after].map(western);
      for (const p of parts) {
        const k = changes.indexOf(p, from);
        expect(k, p).toBeGreaterThanOrEqual(from);
        from = k + p.length;
      }
    });
    // The period extension after the new period (R-P-4), and only there.
    expect(changes).toContain(squash(`${PERIOD_AFTER}（36か月延長）`));
    expect(changes.match(/延長）/g)).toHaveLength(1);

    // 理由 1:1 with the items, typed dates in 西暦 (「令和10年9月30日」 → 「2028年9月30日」, 「２０２８年度」 → 「2028年度」).
    expect(between(all, heading(9), heading(10))).toBe(squash(`１．${western(REASON_PERIOD)}２．${western(REASON_BURDEN)}３．${western(REASON_DEVICE)}`));
    expect(all).toContain('2028年9月30日時点の登録は２症例');
    // 承認状況 by the committee's name; the item not approved yet says so.
    const approvals = all.slice(all.indexOf(squash(heading(10))) + squash(heading(10)).length);
    expect(approvals).toBe(squash(`１．架空大学医学部附属病院 倫理審査委員会　2028年9月10日承認２．架空大学医学部附属病院 倫理審査委員会　2028年9月10日承認３．${NOT_ENTERED}　${NOT_ENTERED}`));

    // Never an id.
    for (const id of ['sample-committee', 'product-vi5000', 'sample-product', 'item-period', 'filing-approved', 'besshi1', 'n2']) expect(all).not.toContain(id);
    // One date format: 西暦 with ASCII digits (R-F-4).
    expect(all).not.toMatch(/令和|平成|[０-９]+年|年[０-９]+月/);
    expect(all.match(/\d{4}年\d{1,2}月\d{1,2}日/g)?.length).toBeGreaterThanOrEqual(6);

    // The first page as a reader sees it: drawn, with ink in the title band.
    const page1 = renderGray(pdf, 72, 1);
    expect(ink(page1, 60, 50, 480, 30)).toBeGreaterThan(100);
  }, 60_000);

  it('【試験の概要】 written for the filing replaces the 様式’s; an item with nothing before prints （記載なし）', () => {
    const own = changeDocument(
      { ...doc, summary: '本試験は、早期胃がん患者を対象に、ＩＣＧ蛍光法によるセンチネルリンパ節生検を併用した縮小胃切除術の有効性と安全性を評価する多施設共同単群試験である。', items: [{ ...doc.items[0]!, before: '', text: '協力医療機関の追加' }] },
      w,
      baseline(),
    );
    const all = squash(documentText(own));
    expect(between(all, heading(3), heading(4))).toContain('多施設共同単群試験である。');
    expect(all).not.toContain(squash(String(answersOf(w, 'besshi1/yoshiki5').outline)));
    expect(between(all, heading(8), heading(9))).toContain('＜変更前＞（記載なし）＜変更後＞');
    // No period extension can be said without a 変更前.
    expect(all).not.toContain('延長）');
  });

  it('Word: every heading and item; LibreOffice opens it and prints them in order', async () => {
    const docx = await renderDocx(model, { fonts: metrics });
    const text = squash(await docxText(docx));
    for (const h of CHANGE_HEADINGS) expect(text).toContain(squash(h));
    for (const item of doc.items) for (const s of [item.before, item.after, item.reason]) expect(text).toContain(western(s));
    const lo = squash((await readPdf(libreOfficeToPdf(docx))).pages.map((p) => p.bodyText).join(''));
    const at = CHANGE_HEADINGS.map((h) => lo.indexOf(squash(h)));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const item of doc.items) for (const s of [item.before, item.after, item.reason]) expect(lo).toContain(western(s));
    expect(lo).toContain('架空大学医学部附属病院倫理審査委員会2028年9月10日承認');
  }, 120_000);
});
