/**
 * Issue 13: the rules over a project's 変更申請 and 照会回答 (R-CH-1 … R-CH-6, R-P-5) as a coordinator
 * meets them — the same committee approval dated differently in the change document and the 照会回答
 * (R-CH-3), a document already sent raising nothing, and the check reading a change filing straight
 * from stored records (what `npm run check` and the app do).
 */
import { describe, expect, it } from 'vitest';
import { freezeFiling } from '../../../shared/filings/freeze';
import { resolveFiling } from '../../../shared/filings/resolve';
import type { Filing } from '../../../shared/filings/filing';
import { sampleWorkspaceData } from '../../../shared/samples/sample-export';
import { submissionsOf } from '../../../shared/rules/from-records';
import { checkSubmission } from '../../../shared/rules';
import { changeDoc, changeDraft, completeItems, inquiryDraft, inquiryItem, withItem } from '../../helpers/change-docs';
import { bundledFonts } from '../../helpers/fonts';
import { findingsOf } from '../../helpers/rules';
import { loadSample } from '../../helpers/sample';

const filed = (check: ReturnType<typeof changeDraft>): ReturnType<typeof changeDraft> => ({
  ...check,
  filing: { ...check.filing, status: 'filed', events: [{ status: 'filed', date: '2027-03-20', method: '郵送', note: '', at: '2027-03-20T00:00:00.000Z' }] },
});

describe('R-CH-3: one committee approval, one date in every document', () => {
  const answer = (date: string) => inquiryItem(1, `ご指摘の費用負担の変更については、${date}開催の架空大学医学部附属病院 倫理審査委員会において承認を得ております。`, ['item-5']);

  it('the 照会回答 gives the meeting as 3月17日 while the 変更申請 says it approved on 3月10日: a warning at both places', () => {
    const hits = findingsOf({ filingDocs: [changeDraft(), inquiryDraft([answer('令和9年3月17日')])] }, 'R-CH-3');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.severity).toBe('warning');
    expect(hits[0]?.message).toContain('「令和9年3月17日」');
    expect(hits[0]?.message).toContain('2027年3月10日');
    expect(hits[0]?.locations.map((l) => `${l.doc} ${l.field ?? ''}`)).toEqual(['inquiry/inq-1 items.q-1.answer', 'change/chg-1 items.item-5.approval']);
    expect(hits[0]?.locations[1]?.label).toBe('変更申請（変更内容5の【試験実施計画の変更承認状況】）');
  });

  it('the 変更申請 was already sent: the draft 照会回答 is still told (it must repeat the date sent)', () => {
    const hits = findingsOf({ filingDocs: [filed(changeDraft()), inquiryDraft([answer('2027年3月17日')])] }, 'R-CH-3');
    expect(hits.map((h) => h.locations[0]?.doc)).toEqual(['inquiry/inq-1']);
  });

  it('a later meeting months apart, not linked to the change, is another event: no warning', () => {
    const later = inquiryItem(1, '継続審査として、２０２７年１１月２０日に架空大学医学部附属病院倫理審査委員会で承認を得た。');
    expect(findingsOf({ filingDocs: [changeDraft(), inquiryDraft([later])] }, 'R-CH-3')).toEqual([]);
  });

  it('the same date written 和暦 with full-width digits: no warning', () => {
    expect(findingsOf({ filingDocs: [changeDraft(), inquiryDraft([answer('令和９年３月１０日')])] }, 'R-CH-3')).toEqual([]);
  });
});

describe('documents already sent raise nothing of their own', () => {
  it('a filed 変更申請 without reasons is as it was sent: no R-CH-2', () => {
    const bare = changeDraft(changeDoc(completeItems().map((i) => ({ ...i, reason: '' }))));
    expect(findingsOf({ filingDocs: [bare] }, 'R-CH-2').length).toBeGreaterThan(0);
    expect(findingsOf({ filingDocs: [filed(bare)] }, 'R-CH-2')).toEqual([]);
  });
});

describe('R-CH-1: what the working 様式 say now', () => {
  it('an item whose change was undone on the 様式 is pointed out (warning), not left to be filed', () => {
    const stale = changeDraft(changeDoc(withItem(0, (i) => ({ ...i, sourceIds: ['besshi1/yoshiki3/plannedCases'] }))));
    const hits = findingsOf({ filingDocs: [stale] }, 'R-CH-1');
    expect(hits.map((h) => [h.severity, h.locations[0]?.field])).toEqual([['warning', 'items.item-1.text']]);
    expect(hits[0]?.message).toContain('承認済みの内容に戻っています');
  });

  it('＜変更後＞ left behind after the 様式 were edited again (warning)', () => {
    const hits = findingsOf({ filingDocs: [changeDraft(changeDoc(withItem(3, (i) => ({ ...i, after: '告示日から2033年3月31日まで（登録期間5年、追跡期間5年）' }))))] }, 'R-CH-1');
    expect(hits.map((h) => [h.severity, h.locations[0]?.field])).toEqual([['warning', 'items.item-4.after']]);
    expect(hits[0]?.message).toContain('告示日から2034年3月31日まで');
  });
});

describe('R-CH-4: an answer that changes the plan', () => {
  it('says it changed the plan but is linked to no change item (warning on the answer)', () => {
    const hits = findingsOf({ filingDocs: [changeDraft(), inquiryDraft([inquiryItem(2, 'ご指摘を踏まえ、選択基準を修正いたしました。')])] }, 'R-CH-4');
    expect(hits.map((h) => h.locations[0]?.field)).toEqual(['items.q-2.answer']);
    expect(hits[0]?.message).toContain('照会回答1－2の回答で変更・修正を述べていますが');
  });
});

describe('the check reads a 変更申請 from stored records (npm run check, the app)', () => {
  it('an approved 新規届出 with its as-filed copy and a draft 変更申請 without reasons: R-CH-2 and R-P-5 find them; R-CH-1 compares with the copy', async () => {
    const data = sampleWorkspaceData(loadSample(), 'p1', '2027-01-01T00:00:00.000Z');
    const first = data.filings[0];
    if (!first) throw new Error('the sample has its 新規届出');
    const copy = await freezeFiling(resolveFiling(data, first, '2027-04-05', { filedOn: '2027-04-05', method: '郵送' }), first.id, bundledFonts(), '2027-04-05T00:00:00.000Z');
    const approved: Filing = { ...first, status: 'approved', events: [{ status: 'filed', date: '2027-04-05', method: '郵送', note: '', at: '' }, { status: 'approved', date: '2027-07-01', note: '', at: '' }] };
    const change: Filing = { ...first, id: 'chg', kind: 'change', packageId: undefined, status: 'draft', events: [] };
    // The item claims a change of 予定症例数 the 様式 do not have: the copy is what it is compared with.
    const item = { id: 'i1', sourceIds: ['besshi1/yoshiki3/plannedCases'], text: '予定症例数の変更', before: '120例', after: '150例', reason: '', approval: { committeeId: '', date: '' } };
    const records = {
      ...data,
      filings: [approved, change],
      filedCopies: [copy],
      filingDocs: [{ filingId: 'chg', projectId: 'p1', rev: 0, updatedAt: '', content: { kind: 'change' as const, baselineFilingId: first.id, items: [item], registration: { count: '', asOf: '' }, summary: '' } }],
    };
    const [s] = submissionsOf(records, { year: 2028, month: 1, day: 10 });
    if (!s) throw new Error('one project');
    const found = checkSubmission(s).filter((f) => f.locations.some((l) => l.doc === 'change/chg'));
    expect(found.map((f) => `${f.ruleId} ${f.locations[0]?.field ?? ''}`).sort()).toEqual(['R-CH-1 items.i1.text', 'R-CH-2 items.i1.approval', 'R-CH-2 items.i1.approval', 'R-CH-2 items.i1.reason', 'R-P-5 registration']);
  });
});
