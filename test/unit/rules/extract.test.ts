/** Facts typed in prose are read as people type them (issue 5 §2). */
import { describe, expect, test } from 'vitest';
import { findCounts, findDates, findYen, formatYenLike, replaceSpans } from '../../../shared/rules/extract';

describe('findYen', () => {
  test.each([
    ['費用は21,938円である', 21_938],
    ['費用は２１，９３８円である', 21_938],
    ['費用は２１、９３８円である', 21_938],
    ['費用は¥21,938（税込）', 21_938],
    ['費用は2万1,938円', 21_938],
    ['費用は3万円', 30_000],
    ['費用は 21938 円', 21_938],
  ])('reads %s', (text, value) => {
    expect(findYen(text).map((f) => f.value)).toEqual([value]);
  });

  test('a number without 円 or ¥ is not an amount, nor is part of a code', () => {
    expect(findYen('様式第3号の7-2、症例数は120例、1、2、3の順')).toEqual([]);
  });

  test('says where the amount is, so only those characters are rewritten', () => {
    const s = '先進医療にかかる費用は２２，０００円とする。';
    const [f] = findYen(s);
    expect(f && s.slice(f.start, f.end)).toBe('２２，０００円');
    expect(f && replaceSpans(s, [{ start: f.start, end: f.end, text: formatYenLike(f.text, 44_384) }])).toBe('先進医療にかかる費用は４４，３８４円とする。');
  });
});

test('findDates reads 和暦 (元年, full-width) and 西暦', () => {
  const d = findDates('令和元年５月１日に開始し、2027/2/15に承認、平成31年4月30日まで。');
  expect(d.map((x) => `${x.value.era}:${x.value.ymd.year}-${x.value.ymd.month}-${x.value.ymd.day}`)).toEqual(['wareki:2019-5-1', 'seireki:2027-2-15', 'wareki:2019-4-30']);
});

test('findCounts reads 例 and 症例 but not either end of a range (16～20例 is not one count)', () => {
  expect(findCounts('予定症例数は１２０例（16～20例）').map((c) => c.value)).toEqual([120]);
});
