import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYen, parseYen } from '../../../shared/money/yen';

describe('円 input', () => {
  it.each([
    ['10000000', 10_000_000],
    ['10,000,000', 10_000_000],
    ['１０，０００，０００', 10_000_000],
    ['１０、０００円', 10_000],
    ['¥21,938', 21_938],
    [' 67,685 円 ', 67_685],
    ['0', 0],
    // 万 with up to 4 digits after it, as 様式 prose writes amounts (h-b-y6-04).
    ['７２万７，０６９円', 727_069],
    ['72万7069円', 727_069],
    ['５０万円', 500_000],
    ['¥1,234万5,678', 12_345_678],
    ['72万69円', 720_069],
  ])('reads %s as %i yen', (input, value) => {
    expect(parseYen(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', '金額を入力'],
    ['-500', '負の金額'],
    ['1,000.5', '円未満'],
    ['千円', '数字で'],
    ['99999999999999999', '大きすぎ'],
    ['約72万円', '概数'],
    ['72万円程度', '概数'],
    ['72.7万円', '概数'],
    ['72万70690円', '4桁まで'],
    ['万円', '数字で'],
    ['1億円', '数字で'],
  ])('explains why %s is not an amount', (input, msg) => {
    const r = parseYen(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(msg);
  });

  it('prints with commas', () => {
    expect(formatYen(67_685)).toBe('67,685');
    expect(formatYen(1_234_567.9)).toBe('1,234,567');
  });

  it('prints every amount exactly as the earlier toLocaleString did (cost tables of filings made before keep their wording)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e12, max: 1e15 }), fc.double({ min: -1e12, max: 1e15, noNaN: true })), (n) => {
        expect(formatYen(n)).toBe(Math.trunc(n).toLocaleString('ja-JP'));
      }),
      { numRuns: 500 },
    );
  });
});
