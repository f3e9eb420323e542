import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORM_DATES, HOSPITAL_DATES, blankDate, formatDate, printDate, restyleDates, restyleDatesWhole } from '../../../shared/dates/date-style';

describe('one date format per document (R-F-4)', () => {
  it('formats a stored date as MHLW forms print it (和暦, full-width digits) or in 西暦', () => {
    expect(formatDate({ year: 2027, month: 4, day: 5 }, FORM_DATES)).toBe('令和９年４月５日');
    expect(formatDate({ year: 2019, month: 5, day: 1 }, FORM_DATES)).toBe('令和元年５月１日');
    expect(formatDate({ year: 2019, month: 4, day: 30 }, FORM_DATES)).toBe('平成３１年４月３０日');
    expect(formatDate({ year: 2027, month: 4, day: 5 }, HOSPITAL_DATES)).toBe('2027年4月5日');
    expect(printDate('2027-02-15', FORM_DATES)).toBe('令和９年２月１５日');
    expect(printDate('来年2月ごろ', FORM_DATES)).toBe('来年2月ごろ');
    expect(blankDate(FORM_DATES)).toBe('令和　　年　　月　　日');
  });

  it('rewrites dates typed in prose to the document\'s style: 西暦 and 和暦, ASCII and full-width digits, 年月日 and slashes', () => {
    expect(restyleDates('告示日から2031年3月31日まで（登録期間3年、追跡期間5年）', FORM_DATES)).toBe('告示日から令和１３年３月３１日まで（登録期間3年、追跡期間5年）');
    expect(restyleDates('入院期間 2025年4月10日～4月20日 転帰 軽快', FORM_DATES)).toBe('入院期間 令和７年４月１０日～４月２０日 転帰 軽快');
    expect(restyleDates('令和7年4月10日に承認', FORM_DATES)).toBe('令和７年４月１０日に承認');
    expect(restyleDates('令和 7 年 4 月 1 日', FORM_DATES)).toBe('令和７年４月１日');
    expect(restyleDates('２０２５年４月１０日', FORM_DATES)).toBe('令和７年４月１０日');
    expect(restyleDates('2025/4/10、2025-04-10、2025.4.10', FORM_DATES)).toBe('令和７年４月１０日、令和７年４月１０日、令和７年４月１０日');
    expect(restyleDates('2027年4月～2030年3月', FORM_DATES)).toBe('令和９年４月～令和１２年３月');
    expect(restyleDates('2019年4月と2019年5月', FORM_DATES)).toBe('平成３１年４月と令和元年５月');
    expect(restyleDates('2019年度、平成31年度', FORM_DATES)).toBe('令和元年度、平成３１年度');
  });

  it('rewrites them to 西暦 for a document written in 西暦', () => {
    expect(restyleDates('令和７年４月１０日に承認、平成22年5月1日設置、令和元年度', HOSPITAL_DATES)).toBe('2025年4月10日に承認、2010年5月1日設置、2019年度');
    expect(restyleDates('２０２５年４月１０日～４月２０日', HOSPITAL_DATES)).toBe('2025年4月10日～4月20日');
  });

  it('leaves codes, versions, numbers, history and a year said to be 西暦 as typed (review of issue 12)', () => {
    for (const t of ['西暦2025年に開始', 'ソフトウェア v2025.1.3', 'ロット LOT2024-01-15', '受付番号：第2024-5-1号', '約1600年前', '1500年頃', '2024年間の平均', 'No.2024-01-15-A']) {
      expect(restyleDates(t, FORM_DATES), t).toBe(t);
    }
    // …while dates next to them still follow the document.
    expect(restyleDates('ロット LOT2024-01-15（製造日 2024-01-15）', FORM_DATES)).toBe('ロット LOT2024-01-15（製造日 令和６年１月１５日）');
    expect(restyleDates('1990年頃に始まり2030年に終了', FORM_DATES)).toBe('1990年頃に始まり令和１２年に終了');
  });

  it('leaves what is no date alone: durations, counts, phone numbers, versions, and days that do not exist in the era typed', () => {
    for (const s of ['10年間、術後1年時、6月間又は10症例', 'TEL 03-1234-5678', 'CTCAE v5.0', '30200BZX00289000', '25,000,000円', '令和元年4月1日', '平成32年1月1日', '2027年2月30日']) {
      expect(restyleDates(s, FORM_DATES), s).toBe(s);
    }
  });
});

describe('long prose is restyled line by line (issue 17: a keystroke restyles only its line)', () => {
  const pieces = ['2025年4月10日', '令和7年4月', '平成31年度', '2019年5月', '4月20日', '2025/4/10', '２０２５．４．１', '西暦', '西暦 ', 'LOT', '第', '号', '前', '年', '月', '日', '\n', '\r\n', '\n\n', ' ', '　', '7', '１２', '-', '本試験は、切除不能な進行再発胃癌患者を対象とする。', '（登録期間3年）'];
  const prose = fc.array(fc.constantFrom(...pieces), { minLength: 40, maxLength: 400 }).map((parts) => parts.join(''));

  it('gives exactly what restyling the whole text at once gives, for any text with line breaks, in both styles', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom(FORM_DATES, HOSPITAL_DATES), (text, style) => {
        expect(restyleDates(text, style)).toBe(restyleDatesWhole(text, style));
      }),
      { numRuns: 300 },
    );
  });

  it('still rewrites a date at the very start and end of a line of a 10,000-character plan', () => {
    const line = '本試験は、切除不能な進行再発胃癌患者を対象として、本技術を併用した場合の有効性を検討する。';
    const text = `${'2027年4月1日'}${line.repeat(60)}\n${line.repeat(60)}令和9年3月31日\n西暦\n2025年4月10日`;
    expect(text.length).toBeGreaterThan(400);
    const out = restyleDates(text, FORM_DATES).split('\n');
    expect(out[0]?.startsWith('令和９年４月１日本試験')).toBe(true);
    expect(out[1]?.endsWith('令和９年３月３１日')).toBe(true);
    expect(out[3]).toBe('令和７年４月１０日');
  });
});
