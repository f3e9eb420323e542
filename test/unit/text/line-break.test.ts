import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, canBreakBetween } from '../../../shared/text/line-break';

// Every character 1 unit wide, so widths are easy to reason about.
const unit = (): number => 1;

/*
 * The kinsoku oracle, written here from JIS X 4051 character classes — not the module's own
 * isNoLineStart / isNoLineEnd, which would make the tests agree with whatever the module lists.
 */
const CLOSING_BRACKETS = '」』）］｝〕〉》】'; // cl-02
const HYPHENS = '‐〜゠–'; // cl-03
const DIVIDING_PUNCTUATION = '！？'; // cl-04
const MIDDLE_DOTS = '・：；'; // cl-05
const FULL_STOPS = '。．'; // cl-06
const COMMAS = '、，'; // cl-07
const ITERATION_MARKS = 'ゝゞヽヾ々'; // cl-09
const PROLONGED_SOUND_MARK = 'ー'; // cl-10
const SMALL_KANA = 'ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ'; // cl-11
/** 行頭禁則: must not start a line. */
const JIS_NO_LINE_START = new Set(Array.from(CLOSING_BRACKETS + HYPHENS + DIVIDING_PUNCTUATION + MIDDLE_DOTS + FULL_STOPS + COMMAS + ITERATION_MARKS + PROLONGED_SOUND_MARK + SMALL_KANA));
/** 行末禁則: must not end a line (cl-01 opening brackets). */
const OPENING_BRACKETS = '「『（［｛〔〈《【';
const JIS_NO_LINE_END = new Set(Array.from(OPENING_BRACKETS));
const noStart = (ch: string | undefined): boolean => ch !== undefined && JIS_NO_LINE_START.has(ch);
const noEnd = (ch: string | undefined): boolean => ch !== undefined && JIS_NO_LINE_END.has(ch);
const first = (line: string): string | undefined => Array.from(line)[0];
const last = (line: string): string | undefined => Array.from(line).at(-1);

describe('kinsoku line breaking', () => {
  it('never starts a line with 、。）」 — the character is carried with its predecessor (追い出し)', () => {
    // 5 per line: "あいうえお。" would put 。 at the start of line 2.
    const lines = breakLines('あいうえお。かきくけこ', 5, unit);
    expect(lines).toEqual(['あいうえ', 'お。かきく', 'けこ']);
    for (const l of lines) expect(noStart(first(l)), l).toBe(false);
  });

  it('never ends a line with 「（', () => {
    const lines = breakLines('あいうえ「かきくけこ」さしすせそ', 5, unit);
    expect(lines.join('')).toBe('あいうえ「かきくけこ」さしすせそ');
    for (const l of lines) expect(noEnd(last(l)), l).toBe(false);
    expect(lines[0]).toBe('あいうえ');
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

describe('kinsoku over generated text (property, JIS X 4051 oracle)', () => {
  // Half-width for ASCII, as BIZ UD明朝 sets it; everything else one em.
  const width = (ch: string): number => (/^[\x20-\x7e]$/.test(ch) ? 0.5 : 1);
  /** Latin words and numbers are kept together; full-width digits and ，． may join them (1，000). */
  const latin = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z0-9０-９，．]$/.test(ch);
  /** A break between a and b that any kinsoku implementation must allow (spaces left out: see below). */
  const surelyLegal = (a: string | undefined, b: string | undefined): boolean =>
    a !== undefined && b !== undefined && a !== ' ' && b !== ' ' && !noEnd(a) && !noStart(b) && !(latin(a) && latin(b));

  const pick = (chars: string) => fc.constantFrom(...Array.from(chars));
  const kanji = pick('先進医療技術申請患者費用保険診療実施責任腹膜播種');
  const kana = pick('あいうえおかきくけこのはをにがでカテルシスムアイウ　');
  const run = (g: fc.Arbitrary<string>, max: number) => fc.array(g, { minLength: 1, maxLength: max }).map((a) => a.join(''));
  const token = fc.oneof(
    { weight: 4, arbitrary: run(fc.oneof(kanji, kana), 8) },
    // One JIS class at a time, so that rare classes (、。) come up as often as the long ones.
    { weight: 4, arbitrary: fc.oneof(...[CLOSING_BRACKETS, HYPHENS, DIVIDING_PUNCTUATION, MIDDLE_DOTS, FULL_STOPS, COMMAS, ITERATION_MARKS, PROLONGED_SOUND_MARK, SMALL_KANA].map(pick)) },
    { weight: 2, arbitrary: pick(OPENING_BRACKETS) },
    { weight: 2, arbitrary: fc.tuple(pick(OPENING_BRACKETS), run(fc.oneof(kanji, kana), 6), pick(CLOSING_BRACKETS)).map((t) => t.join('')) },
    { weight: 2, arbitrary: fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,9}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')) },
    { weight: 1, arbitrary: run(pick('０１２３４５６７８９，．'), 6) },
    { weight: 1, arbitrary: fc.constant('\n') },
    // ASCII spaces anywhere, also next to brackets and punctuation (a break inside spaces must
    // respect the characters on either side once the spaces are swallowed).
    { weight: 2, arbitrary: fc.constantFrom(' ', '  ') },
  );
  const text = fc.array(token, { maxLength: 50, size: 'max' }).map((t) => t.join(''));
  // 1 to 15 em in half-em steps: narrow enough that most texts wrap many times.
  const maxWidth = fc.integer({ min: 2, max: 30 }).map((n) => n / 2);

  it('no line starts with 行頭禁則 or ends with 行末禁則 unless the line has no legal break; nothing is lost; lines fit', () => {
    fc.assert(
      fc.property(text, maxWidth, (t, w) => {
        const lines = breakLines(t, w, width);
        // Walk the text: each line is the next stretch of it; between two lines only the spaces of a
        // soft break or one hard break (\n) — so joining the lines gives the text back.
        let pos = 0;
        lines.forEach((line, k) => {
          expect(t.startsWith(line, pos), `line ${k} 「${line}」 at ${pos}`).toBe(true);
          pos += line.length;
          if (k === lines.length - 1) return;
          // Spaces before a hard break are swallowed with it.
          const sep = /^( *\n| *)/.exec(t.slice(pos))?.[0] ?? '';
          pos += sep.length;
          if (sep.endsWith('\n')) return;
          const next = lines[k + 1] ?? '';
          const chars = Array.from(line);
          // A soft break: kinsoku holds, or no legal break was left inside the line (cut by width).
          const legal = !noEnd(last(line)) && !noStart(first(next)) && !(sep === '' && latin(last(line)) && latin(first(next)));
          const alternative = chars.findIndex((c, j) => j > 0 && surelyLegal(chars[j - 1], c));
          if (!legal) expect(alternative, `「${line}」 | 「${next}」 could break before index ${alternative}`).toBe(-1);
        });
        // Only spaces a soft break swallowed may be left after the last line.
        expect(t.slice(pos), 'characters left over').toMatch(/^ *$/);
        for (const line of lines) expect(Array.from(line).reduce((a, c) => a + width(c), 0), line).toBeLessThanOrEqual(w + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a run with no legal break by width (the documented exception), and otherwise carries full stops with the kanji', () => {
    // 「。。。。。」 has no legal break at all: cutting it by width is the documented last resort.
    expect(breakLines('。。。。。', 2, unit)).toEqual(['。。', '。。', '。']);
    // With kanji before them, the full stops go with the kanji (追い出し), never to a line start.
    for (const l of breakLines('医療。。。医療。。。', 4, unit)) expect(noStart(first(l)), l).toBe(false);
  });
});

describe('kinsoku details (review findings)', () => {
  it('never starts a line with the iteration marks ヽヾ (JIS X 4051 cl-09)', () => {
    expect(breakLines('あいうヽかき', 3, unit)).toEqual(['あい', 'うヽか', 'き']);
  });
  it('judges a break at a space by the characters around the spaces: no 」 at a line start, no 「 at a line end', () => {
    const half = (ch: string): number => (/^[\x20-\x7e]$/.test(ch) ? 0.5 : 1);
    for (const l of breakLines('あab 」いう', 4, half).slice(1)) expect(noStart(first(l)), l).toBe(false);
    for (const l of breakLines('あ「 いう', 3, half)) expect(noEnd(last(l)), l).toBe(false);
  });
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
