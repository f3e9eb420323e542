/**
 * Issue 13 item 1 / R-P-4: a period extension computed from the two texts as coordinators type them
 * and printed after 変更後 — 「（18か月延長）」.
 */
import { describe, expect, it } from 'vitest';
import { periodDeltas, periodEnds, periodNote } from '../../../shared/changes/period';

describe('period extension of a 変更申請', () => {
  it.each([
    ['2031年3月31日まで', '2032年9月30日まで', '（18か月延長）'],
    ['令和13年3月31日', '令和14年9月30日', '（18か月延長）'],
    ['令和１３年３月３１日まで', '2032年9月30日まで', '（18か月延長）'],
    // spec R-P-4: 「～2024年9月末 → 2026年3月末」 is an 18-month extension.
    ['～2024年9月末', '～2026年3月末', '（18か月延長）'],
    ['告示日から3年間', '告示日から4年間', '（12か月延長）'],
    ['告示日から３年間', '告示日から2年6か月間', '（6か月短縮）'],
    ['2031年3月31日まで', '2030年9月30日まで', '（6か月短縮）'],
    ['2027年4月1日から5年間', '2027年4月1日から6年間', '（12か月延長）'],
    ['2030年度末まで', '令和14年度末まで', '（24か月延長）'],
    ['2026年7月18日まで', '2026年8月31日まで', '（44日延長）'],
    // The sample: 登録期間 and 研究期間 both 3 years longer.
    ['告示日から2031年3月31日まで（登録期間3年、追跡期間5年）', '告示日から2034年3月31日まで（登録期間6年、追跡期間5年）', '（36か月延長）'],
    ['2027年4月1日～2031年3月31日（登録期間：～2029年3月31日）', '2027年4月1日～2031年3月31日（登録期間：～2030年9月30日）', '（18か月延長）'],
    ['研究期間：2027年4月1日～2031年3月31日、被験者登録期間：2027年4月1日～2029年3月31日', '研究期間：2027年4月1日～2032年3月31日、被験者登録期間：2027年4月1日～2030年9月30日', '（研究期間12か月延長、登録期間18か月延長）'],
  ])('%s → %s: %s', (before, after, note) => {
    expect(periodNote(before, after)).toBe(note);
  });

  it.each([
    // R-P-3: another anchor cannot be compared.
    ['告示日から3年間', 'jRCT初回公表日から4年間'],
    // A date against a length from an anchor whose day is not known.
    ['2031年3月31日まで', '告示日から5年間'],
    ['未定', '2031年3月31日まで'],
    ['保険収載まで', '保険収載まで'],
    // The same day written in 和暦: no change.
    ['2031年3月31日まで', '令和13年3月31日まで'],
  ])('%s → %s: nothing is said', (before, after) => {
    expect(periodNote(before, after)).toBe('');
  });

  it('reads each period of a text under its own name, a start date never taken for an end', () => {
    expect(periodEnds('告示日から2031年3月31日まで（登録期間3年、追跡期間5年）')).toEqual([
      { label: '研究期間', end: { kind: 'date', ymd: { year: 2031, month: 3, day: 31 } } },
      { label: '登録期間', end: { kind: 'length', anchor: '', months: 36 } },
      { label: '追跡期間', end: { kind: 'length', anchor: '', months: 60 } },
    ]);
    expect(periodEnds('2027年4月1日から')).toEqual([]);
    // 「X から N年間」 ends the day before the same date N years on (R-P-4).
    expect(periodEnds('2021年7月19日から5年間')).toEqual([{ label: '研究期間', end: { kind: 'date', ymd: { year: 2026, month: 7, day: 18 } } }]);
  });

  it('reports each changed period with its amount, leaving out those that did not change', () => {
    expect(periodDeltas('告示日から2031年3月31日まで（登録期間3年、追跡期間5年）', '告示日から2031年3月31日まで（登録期間4年、追跡期間5年）')).toEqual([{ label: '登録期間', months: 12 }]);
  });
});
