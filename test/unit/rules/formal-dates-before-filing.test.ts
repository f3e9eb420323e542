/**
 * Issue 16: what must come before the 届出日 (R-F-2: the 事前相談; R-F-6, our own rule: 様式第2号's
 * 承認年月日 and a committee approval stated in the 届出 prose), the committee's approval told apart from the
 * 病院長の permission in one sentence (R-CH-3), and the 事前相談申込書 while the consultation is still
 * being asked for (R-F-2, R-F-3). The sample's 届出日 is 2027-04-05 and its 承認年月日 2027-02-15.
 */
import { describe, expect, it } from 'vitest';
import { inquiryDraft, inquiryItem, changeDraft } from '../../helpers/change-docs';
import { findingsOf } from '../../helpers/rules';

const Y2 = 'besshi1/yoshiki2';
const Y3 = 'besshi1/yoshiki3';

describe('R-F-2 / R-F-6: the 事前相談 and the committee approval come before the 届出日', () => {
  it('a 事前相談の実施日 after the 届出日: an R-F-2 error quoting both dates (R-F-6 stays silent)', () => {
    expect(findingsOf({ consultation: { heldOn: '2027-04-12' } }, 'R-F-6')).toEqual([]);
    const hits = findingsOf({ consultation: { heldOn: '2027-04-12' } }, 'R-F-2');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.severity).toBe('error');
    expect(hits[0]?.message).toContain('事前相談の実施日（令和９年４月１２日）が届出日（令和９年４月５日）より後');
    expect(hits[0]?.locations.map((l) => `${l.doc} ${l.field ?? ''}`)).toEqual(['jizen-soudan heldOn', 'project filingDate']);
  });

  it('様式第2号の承認年月日 after the 届出日: an error', () => {
    const hits = findingsOf({ forms: { [Y2]: { approvedOn: '2027-05-12' } } }, 'R-F-6');
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('様式第2号の承認年月日（令和９年５月１２日）が届出日（令和９年４月５日）より後')]);
  });

  it('a committee approval in 様式第3号 dated after the 届出日: an error naming the sentence', () => {
    const hits = findingsOf({ forms: { [Y3]: { social: '倫理的問題はない。本試験は令和９年４月２０日開催の倫理審査委員会で承認された。' } } }, 'R-F-6');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toContain('「本試験は令和９年４月２０日開催の倫理審査委員会で承認された」という文');
    expect(hits[0]?.message).toContain('「令和９年４月２０日」');
  });

  it('a 病院長の permission after the 届出日 is not the committee approval: silent', () => {
    const social = '倫理的問題はない。本試験は令和９年２月１５日に倫理審査委員会の承認を受け、病院長の実施許可は令和９年４月１２日の予定である。';
    expect(findingsOf({ forms: { [Y3]: { social } } }, 'R-F-6')).toEqual([]);
  });

  it('everything before the 届出日, and a 事前相談 on the 届出日 itself: silent', () => {
    const edit = { consultation: { heldOn: '2027-04-05' }, forms: { [Y2]: { approvedOn: '2027-03-10' } } };
    expect(findingsOf(edit, 'R-F-6')).toEqual([]);
    expect(findingsOf(edit, 'R-F-2')).toEqual([]);
  });
});

describe('R-CH-3: only the date the sentence gives the committee\'s 承認 is its approval date', () => {
  const social = (text: string) => findingsOf({ forms: { [Y3]: { social: text } } }, 'R-CH-3');

  it('承認 on 2月15日 and the 病院長の 許可 on 3月1日 in one sentence: silent', () => {
    expect(social('令和９年２月１５日に倫理審査委員会の承認を受け、令和９年３月１日に病院長の実施許可を得た。')).toEqual([]);
  });

  it('承認（…）及び許可（…） in brackets, and 「承認日は…、許可日は…」: silent', () => {
    expect(social('倫理審査委員会の承認（２０２７年２月１５日）及び病院長の許可（２０２７年３月１日）を得ている。')).toEqual([]);
    expect(social('倫理審査委員会の承認日は令和９年２月１５日、病院長の許可日は令和９年３月１日である。')).toEqual([]);
  });

  it('the meeting date in brackets and the approval date after it: silent', () => {
    expect(social('本試験は倫理審査委員会（令和９年２月１０日開催）で審議され、令和９年２月１５日付で承認された。')).toEqual([]);
  });

  it('the approval date itself differs, next to a permission date: still a warning on that date only', () => {
    const hits = social('令和９年２月１０日に倫理審査委員会の承認を受け、令和９年２月１５日に病院長の実施許可を得た。');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toContain('委員会の承認日が「令和９年２月１０日」');
    expect(hits[0]?.message).toContain('という文');
  });

  it('a 照会回答 giving the 病院長の permission date next to the committee: silent', () => {
    const answer = inquiryItem(1, '費用負担の変更は倫理審査委員会の承認を得た後、令和９年３月２５日に病院長の実施許可を得ております。', ['item-5']);
    expect(findingsOf({ filingDocs: [changeDraft(), inquiryDraft([answer])] }, 'R-CH-3')).toEqual([]);
  });
});

describe('the 事前相談申込書 while the consultation is still asked for (R-F-2, R-F-3)', () => {
  type Slot = { date: string; start: string; end: string };
  const second: Slot = { date: '2027-04-15', start: '15:00', end: '16:30' };
  const third: Slot = { date: '2027-04-20', start: '14:00', end: '17:00' };
  const asking = { heldOn: '', slots: [{ date: '2027-04-13', start: '14:00', end: '15:00' }, second, third] satisfies [Slot, Slot, Slot] };

  it('希望日時 typed and no 実施日 yet: no R-F-2 reminder (the 6 months start once it is held)', () => {
    expect(findingsOf({ consultation: { ...asking, slots: asking.slots } }, 'R-F-2')).toEqual([]);
  });

  it('a slot on 昭和の日: the message says which slot, as typed', () => {
    const slots: [Slot, Slot, Slot] = [{ date: '2027-04-29', start: '14:00', end: '15:00' }, second, third];
    expect(findingsOf({ consultation: { heldOn: '', slots } }, 'R-F-3').map((f) => f.message)).toEqual(['第1希望（令和９年４月２９日 14:00〜15:00）：祝日（昭和の日）です。事前相談は原則として平日に行われます。']);
  });

  it('同行者 without the company handling the drug: a note naming them; with the company: silent', () => {
    const own = [{ name: '髙橋 誠一', affiliation: '架空大学医学部附属病院 消化器外科' }];
    const hits = findingsOf({ consultation: { ...asking, slots: asking.slots, visitors: own } }, 'R-F-3');
    expect(hits.map((h) => h.severity)).toEqual(['info']);
    expect(hits[0]?.message).toContain('髙橋 誠一（架空大学医学部附属病院 消化器外科）');
    const withCompany = [...own, { name: '架空 三郎', affiliation: '架空製薬（株） 薬事部' }];
    expect(findingsOf({ consultation: { ...asking, slots: asking.slots, visitors: withCompany } }, 'R-F-3')).toEqual([]);
  });
});
