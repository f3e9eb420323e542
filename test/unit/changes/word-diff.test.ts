/**
 * Issue 13 item 2: the 新旧対照表 underlines the changed words of 変更前 and 変更後 — a word-level
 * Japanese diff (jsdiff over Intl.Segmenter words, numbers kept with their counters).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTokens, markedWords, wordDiff } from '../../../shared/changes/word-diff';

const joined = (runs: ReadonlyArray<{ readonly text: string }>): string => runs.map((r) => r.text).join('');

/** Coordinator-like text: kanji and kana words, 和暦 and 西暦 dates, full-width and ASCII numbers, brackets, spaces, line breaks. */
const piece = fc.constantFrom(
  '先進医療', 'にかかる', '費用', 'は', '患者負担', '研究費', 'とする', '。', '、', '登録期間', '研究期間', '告示日', 'から', 'まで',
  '2031年3月31日', '令和１３年３月３１日', '令和元年5月1日', '36か月', '３年間', '120例', '１２０例', '67,685円', '（', '）', '「', '」',
  ' ', '　', '\n', 'ICG', 'FL-3000', '𠮷田', '髙橋', '㈱', '①', 'ｱｲｳ', 'é',
);
const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

describe('word-level diff of Japanese text', () => {
  it('joining the runs gives back each text exactly (property)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = wordDiff(a, b);
        return joined(d.before) === a && joined(d.after) === b;
      }),
      { numRuns: 500 },
    );
  });

  it('also for any string at all, surrogate pairs and controls included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), (a, b) => {
        const d = wordDiff(a, b);
        return joined(d.before) === a && joined(d.after) === b && diffTokens(a).join('') === a;
      }),
      { numRuns: 150 },
    );
  });

  it('identical texts have no marks (property), nor texts that differ only in digit width', () => {
    fc.assert(
      fc.property(text, (a) => {
        const d = wordDiff(a, a);
        return markedWords(d.before).length === 0 && markedWords(d.after).length === 0;
      }),
      { numRuns: 300 },
    );
    const d = wordDiff('登録期間3年、120例', '登録期間３年、１２０例');
    expect(markedWords(d.before)).toEqual([]);
    expect(markedWords(d.after)).toEqual([]);
  });

  it('a text compared with an unrelated one is marked wherever it differs, and only there (property)', () => {
    fc.assert(
      fc.property(text, text, text, (common, a, b) => {
        // The shared head is never marked on either side.
        const d = wordDiff(`${common}【区切り】${a}`, `${common}【区切り】${b}`);
        const head = (runs: ReturnType<typeof wordDiff>['before']): string => {
          let s = '';
          for (const r of runs) {
            if (r.mark === 'underline') break;
            s += r.text;
          }
          return s;
        };
        return head(d.before).startsWith(`${common}【区切り】`) && head(d.after).startsWith(`${common}【区切り】`);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a number with its counter and a date whole: 「36か月」「2031年3月31日」「令和１３年３月３１日」「3年6か月」', () => {
    expect(diffTokens('登録期間：2027年4月1日から2031年3月31日まで（36か月）')).toEqual(['登録', '期間', '：', '2027年4月1日', 'から', '2031年3月31日', 'まで', '（', '36か月', '）']);
    expect(diffTokens('令和１３年３月３１日まで')).toEqual(['令和１３年３月３１日', 'まで']);
    expect(diffTokens('令和元年5月1日')).toEqual(['令和元年5月1日']);
    expect(diffTokens('3年6か月間')).toEqual(['3年6か月間']);
    expect(diffTokens('費用：67,685円')).toContain('67,685円');
    // 「1日2回」 is a dose: two words, not a date.
    expect(diffTokens('1日2回')).toEqual(['1日', '2回']);
  });

  it('underlines exactly the changed words of a period and a cost-bearer sentence', () => {
    const period = wordDiff('告示日から2031年3月31日まで（登録期間3年、追跡期間5年）', '告示日から2034年3月31日まで（登録期間6年、追跡期間5年）');
    expect(markedWords(period.before)).toEqual(['2031年3月31日', '3年']);
    expect(markedWords(period.after)).toEqual(['2034年3月31日', '6年']);
    const burden = wordDiff('先進医療にかかる費用は研究費で負担し、患者には請求しない。', '先進医療にかかる費用は患者負担とする。');
    // The shared head stays plain; what was said of the bearer is marked on both sides.
    expect(burden.before[0]).toEqual({ text: '先進医療にかかる費用は' });
    expect(burden.after[0]).toEqual({ text: '先進医療にかかる費用は' });
    expect(markedWords(burden.before)).toEqual(['研究費で負担し、患者には請求しない']);
    expect(markedWords(burden.after)).toEqual(['患者負担とする']);
  });

  it('a new text (nothing before) is marked whole; white space is never underlined', () => {
    const d = wordDiff('', '架空赤十字病院　消化器外科');
    expect(d.before).toEqual([]);
    expect(markedWords(d.after).join('')).toBe('架空赤十字病院消化器外科');
  });

  it('long prose rewritten throughout (a whole 治療計画) still gives back both texts', () => {
    const para = (seed: string) => Array.from({ length: 400 }, (_, i) => `${seed}${i}例目の手術では腫瘍周囲の粘膜下にインドシアニングリーンを局注し、`).join('');
    const d = wordDiff(para('前'), para('後'));
    expect(joined(d.before)).toBe(para('前'));
    expect(joined(d.after)).toBe(para('後'));
  });
});
