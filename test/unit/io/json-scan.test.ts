import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS, JsonScanner, scanJson } from '../../../shared/io/json-scan';

/** Issue 12 / DATA-15: the count before JSON.parse refuses bombs and nothing a user could type. */
const small = { maxBytes: 1000, maxValues: 10, maxDepth: 3 };

describe('JSON scan before parsing (DATA-15)', () => {
  it('counts values and nesting outside strings only: commas, brackets and escaped quotes in text are text', () => {
    // What a coordinator may type: 「A,B,C」, brackets, a quoted 「\"」 and a trailing backslash.
    const typed = JSON.stringify({ note: `${'、,[{'.repeat(5000)}"引用"\\`, list: ['a', 'b'] });
    expect(scanJson(strToU8(typed), { ...small, maxBytes: 100_000 })).toBeUndefined();
  });

  it('refuses past the value, depth and size limits', () => {
    expect(scanJson(strToU8(`[${'1,'.repeat(10)}1]`), small)).toBe('too-many-values');
    expect(scanJson(strToU8('[[[[1]]]]'), small)).toBe('too-deep');
    expect(scanJson(strToU8(`"${'x'.repeat(1000)}"`), small)).toBe('too-large');
  });

  it('gives the same answer fed one byte at a time (as a zip entry inflates)', () => {
    const cases = [`{"a":"x\\",[,{","b":[1,2,3]}`, `[${'{},'.repeat(20)}{}]`, '[[[[0]]]]', '{"k":"\\\\","n":[1,2,3,4,5,6,7,8,9,10,11]}'];
    for (const text of cases) {
      const scanner = new JsonScanner(small);
      let result;
      for (const b of strToU8(text)) result ??= scanner.push(Uint8Array.of(b));
      expect(result, text).toBe(scanJson(strToU8(text), small));
    }
  });

  it('the limits leave room for the largest real workspace many times over', () => {
    // bench: 20 projects each with an as-filed copy = 10.9 MB, 21,144 values, nesting 10.
    expect(JSON_LIMITS.maxBytes).toBeGreaterThanOrEqual(10 * 10.9 * 1024 * 1024);
    expect(JSON_LIMITS.maxValues).toBeGreaterThanOrEqual(40 * 21_144);
    expect(JSON_LIMITS.maxDepth).toBeGreaterThanOrEqual(4 * 10);
  });
});
