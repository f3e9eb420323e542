import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, canBreakBetween, isNoLineEnd, isNoLineStart } from '../../../shared/text/line-break';

// Every character 1 unit wide, so widths are easy to reason about.
const unit = (): number => 1;

describe('kinsoku line breaking', () => {
  it('never starts a line with 、。）」 — the character is carried with its predecessor (追い出し)', () => {
    // 5 per line: "あいうえお。" would put 。 at the start of line 2.
    const lines = breakLines('あいうえお。かきくけこ', 5, unit);
    for (const l of lines) expect(isNoLineStart(Array.from(l)[0] ?? '')).toBe(false);
    expect(lines.join('')).toBe('あいうえお。かきくけこ');
  });

  it('never ends a line with 「（', () => {
    const lines = breakLines('あいうえ「かきくけこ」さしすせそ', 5, unit);
    for (const l of lines) expect(isNoLineEnd(Array.from(l).at(-1) ?? '')).toBe(false);
    expect(lines.join('')).toBe('あいうえ「かきくけこ」さしすせそ');
  });

  it('keeps a Latin word or number together when it fits', () => {
    // The 10-character word does not fit after 「あいう」 on a 10-wide line: it moves down whole.
    const lines = breakLines('あいう1,000mg/m2を投与', 10, unit);
    expect(lines[0]).toBe('あいう');
    expect(lines[1]).toBe('1,000mg/m2');
  });

  it('cuts an unbreakable run wider than the line by width instead of clipping it', () => {
    const long = 'x'.repeat(25);
    const lines = breakLines(long, 10, unit);
    expect(lines.length).toBe(3);
    expect(lines.join('')).toBe(long);
  });

  it('treats 𠮷 (outside the BMP) as one character', () => {
    const lines = breakLines('𠮷田𠮷田𠮷田', 2, unit);
    expect(lines).toEqual(['𠮷田', '𠮷田', '𠮷田']);
  });

  it('keeps hard line breaks and empty lines', () => {
    expect(breakLines('一行目\n\n三行目', 10, unit)).toEqual(['一行目', '', '三行目']);
  });

  it('loses no text over a long random Japanese passage', () => {
    const source = '先進医療は、保険診療との併用が認められた医療技術である。（注）「実施責任医師」は、常勤の医師とする。'.repeat(30);
    const lines = breakLines(source, 23, unit);
    expect(lines.join('')).toBe(source);
    for (const l of lines) {
      expect(Array.from(l).length).toBeLessThanOrEqual(23);
      expect(isNoLineStart(Array.from(l)[0] ?? '')).toBe(false);
      expect(isNoLineEnd(Array.from(l).at(-1) ?? '')).toBe(false);
    }
  });

  it('allows a break between two kanji but not before a small kana', () => {
    expect(canBreakBetween('医', '療')).toBe(true);
    expect(canBreakBetween('シ', 'ョ')).toBe(false);
  });
});

describe('no character is ever lost (property)', () => {
  const alphabet = ['あ', '医', '。', '、', '「', '」', '（', '）', ' ', '　', '\n', '\r\n', 'a', 'B', '1', '１', '𠮷', '髙', 'ー', 'ッ', '\t', '.', '℃'];
  const visible = (s: string) => s.replace(/[ \t\r\n]/g, '');

  it('joining the lines gives the input back, minus ASCII spaces/tabs at soft breaks and the hard breaks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (parts, width) => {
        const text = parts.join('');
        const lines = breakLines(text, width, unit);
        expect(visible(lines.join(''))).toBe(visible(text));
        for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(Math.max(width, 1));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the ideographic space that indents a Japanese paragraph', () => {
    expect(breakLines('　使用方法：腹腔内に投与する。', 40, unit)).toEqual(['　使用方法：腹腔内に投与する。']);
    expect(breakLines('一般名：パクリタキセル\n　\n　使用方法', 40, unit)).toEqual(['一般名：パクリタキセル', '　', '　使用方法']);
  });
});

describe('kinsoku details (review findings)', () => {
  it('keeps full-width numbers together and units with their number', () => {
    expect(breakLines('あいうえ１２３４５', 6, unit)).toEqual(['あいうえ', '１２３４５']);
    expect(breakLines('体温は37.5℃', 7, unit)).toEqual(['体温は', '37.5℃']);
    expect(breakLines('成功率50％', 5, unit)).toEqual(['成功率', '50％']);
  });
  it('never ends a line with a currency sign', () => {
    expect(breakLines('費用は合計¥21,938', 6, unit)[0]).toBe('費用は合計');
  });
  it('keeps a variation selector with its base character', () => {
    const lines = breakLines('葛\u{E0100}葛\u{E0100}葛\u{E0100}', 2, unit);
    for (const l of lines) expect(l.codePointAt(0)).not.toBe(0xe0100);
  });
});
