import { describe, expect, it } from 'vitest';
import { excelSerialToIso, type CellParse, isoToExcelSerial, parseCell, parseCellAmount, parseCellCount, parseCellDate } from '../../../shared/reports/import/cells';
import { columnOfHeading, headingKey } from '../../../shared/reports/import/headings';

/** Issue 14 item 3: each cell as hospitals type it → the 実績報告 value, or a Japanese message. */
describe('case import: dates', () => {
  it.each([
    ['2025/4/10', '2025-04-10'],
    ['2025-04-10', '2025-04-10'],
    ['2025.4.10', '2025-04-10'],
    ['2025年4月10日', '2025-04-10'],
    ['２０２５／４／１０', '2025-04-10'],
    ['令和7年4月10日', '2025-04-10'],
    ['令和７年４月１０日', '2025-04-10'],
    ['令和元年5月1日', '2019-05-01'],
    ['R7.4.10', '2025-04-10'],
    ['Ｒ７．４．１０', '2025-04-10'],
    ['r7/4/10', '2025-04-10'],
    ['H31.4.30', '2019-04-30'],
    ['20250410', '2025-04-10'],
    ['2025/4/10 0:00', '2025-04-10'],
    ['45757', '2025-04-10'],
    [' 2025/4/10　', '2025-04-10'],
    ['', ''],
    ['－', ''],
  ])('「%s」 reads as %s', (typed, iso) => {
    expect(parseCellDate(typed)).toEqual({ ok: true, value: iso });
  });

  it('an Excel serial and a date cell read as their day', () => {
    expect(parseCellDate(45757)).toEqual({ ok: true, value: '2025-04-10' });
    expect(parseCellDate({ date: '2025-04-10' })).toEqual({ ok: true, value: '2025-04-10' });
    expect(excelSerialToIso(60)).toBeUndefined(); // Excel's 1900-02-29 does not exist
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(isoToExcelSerial('2025-04-10')).toBe(45757);
  });

  it.each([
    ['R7.2.30', '暦にない日付'],
    ['2025/2/29', '暦にない日付'],
    ['令和7年13月1日', '暦にない日付'],
    ['令和元年4月1日', '令和の日付ではありません'],
    ['平成32年1月1日', '平成の日付ではありません'],
    ['来週', '日付として読めません'],
    ['2025/4', '日付として読めません'],
  ])('「%s」 is refused (%s)', (typed, message) => {
    const r = parseCellDate(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

/** The message of a refused cell ('' when it was read). */
const problem = (r: CellParse<unknown>): string => (r.ok ? '' : r.message);

describe('case import: counts, amounts and choices', () => {
  it('counts: full-width digits, commas and 日・回・歳 read; fractions, negatives and words do not', () => {
    expect(parseCellCount('１２日', '日')).toEqual({ ok: true, value: 12 });
    expect(parseCellCount('3回', '回')).toEqual({ ok: true, value: 3 });
    expect(parseCellCount('1,200', '日')).toEqual({ ok: true, value: 1200 });
    expect(parseCellCount(45, '歳')).toEqual({ ok: true, value: 45 });
    expect(parseCellCount('', '日')).toEqual({ ok: true, value: '' });
    expect(problem(parseCellCount('1.5', '日'))).toContain('整数');
    expect(problem(parseCellCount(2.5, '日'))).toContain('整数');
    expect(problem(parseCellCount('-1', '日'))).toContain('負の数');
    expect(problem(parseCellCount('約10日', '日'))).toContain('数字で入力');
    expect(problem(parseCellCount(200_000, '日'))).toContain('100,000日以下');
  });

  it('amounts: 「１２０，０００円」「¥1,000」 read as integer yen; 円未満 and words do not', () => {
    expect(parseCellAmount('１２０，０００円')).toEqual({ ok: true, value: 120_000 });
    expect(parseCellAmount('¥1,000')).toEqual({ ok: true, value: 1000 });
    expect(parseCellAmount(452_300)).toEqual({ ok: true, value: 452_300 });
    expect(parseCellAmount('－')).toEqual({ ok: true, value: '' });
    expect(problem(parseCellAmount(12.5))).toContain('円未満');
    expect(problem(parseCellAmount('約10万円'))).toContain('「約10万円」');
  });

  it('転帰・評価結果・性別 take their words (「男性」 is 男), and say which words when not', () => {
    expect(parseCell('sex', '男性')).toEqual({ ok: true, value: '男' });
    expect(parseCell('sex', 'F')).toEqual({ ok: true, value: '女' });
    expect(parseCell('outcome', ' 継続 ')).toEqual({ ok: true, value: '継続' });
    expect(parseCell('evaluation', '不明')).toEqual({ ok: true, value: '不明' });
    const bad = parseCell('outcome', '１２０,０００円');
    expect(bad).toEqual({ ok: false, message: '転帰は「治癒」「死亡」「中止」「継続」のいずれかで入力してください（いま「１２０,０００円」）。' });
    expect(problem(parseCell('evaluation', '著効'))).toContain('「有効」「無効」「不明」');
  });

  it('text keeps what was typed (numbers as text) within the stored length', () => {
    expect(parseCell('caseNumber', 101)).toEqual({ ok: true, value: '101' });
    expect(parseCell('note', '初回は外来\n2回目は入院')).toEqual({ ok: true, value: '初回は外来\n2回目は入院' });
    // A line break inside a CSV cell may be CRLF: kept as the app's text fields keep it (LF).
    expect(parseCell('note', '初回は外来\r\n2回目は入院')).toEqual({ ok: true, value: '初回は外来\n2回目は入院' });
    expect(problem(parseCell('code', 'x'.repeat(61)))).toContain('60文字以内');
  });
});

describe('case import: headings', () => {
  it.each([
    ['整理番号', 'caseNumber'],
    ['症例番号', 'caseNumber'],
    ['患者ID', 'caseNumber'],
    ['ID', 'caseNumber'],
    ['入院日数', 'inpatientDays'],
    ['入院期間（日）', 'inpatientDays'],
    ['保険外併用療養費', 'insuredAmount'],
    ['保険外併用療養費分（円）', 'insuredAmount'],
    ['一部負担金', 'copayment'],
    ['保険外併用療養費分に係る一部負担金', 'copayment'],
    ['患者負担額', 'advancedPatient'],
    ['先進医療費用\n（患者負担）', 'advancedPatient'],
    ['先進医療費用(その他)', 'advancedOther'],
    ['研究費', 'advancedOther'],
    ['初回実施日', 'firstDate'],
    ['コード番号', 'code'],
  ])('「%s」 names %s', (heading, column) => {
    expect(columnOfHeading(heading)).toBe(column);
  });

  it('a heading that names nothing maps to nothing', () => {
    expect(columnOfHeading('主治医')).toBeUndefined();
    expect(columnOfHeading('')).toBeUndefined();
    expect(headingKey('先進医療費用（患者負担）')).toBe(headingKey('先進医療費用 (患者負担)'));
  });
});
