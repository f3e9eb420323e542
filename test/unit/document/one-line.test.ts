/**
 * Issue 17: a paragraph of one unmarked run that fits on one line — most table cells — is laid out
 * without the line breaker. What prints must not change: the boxes are the breaker's, number for
 * number, for any text (fallback-only characters, surrogate pairs, characters XML cannot hold),
 * size, indent, alignment and width, right up to the width where the text no longer fits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../shared/document/model';
import { layoutParagraphByBreaker, layoutParagraphUncached, textWidth } from '../../../shared/document/layout/paragraph';
import { bundledFonts } from '../../helpers/fonts';

const { metrics } = bundledFonts();

describe('one-line paragraphs (issue 17)', () => {
  it('are laid out exactly as the line breaker lays them out (property)', () => {
    // 「㐂」 and 「𠮷」 print from the fallback face; \u0001 prints nowhere; tabs and spaces stay.
    const chars = fc.constantFrom(...Array.from('ＰＥＧ－イントロン　ペグインターフェロン 44,384円（税込）髙橋㐂𠮷ABCabc-123.、。「」\u0001\t'));
    const arb = fc.record({
      text: fc.array(chars, { maxLength: 30 }).map((a) => a.join('')),
      size: fc.constantFrom(9, 10, 10.5, 12),
      indent: fc.constantFrom(undefined, 0, 10.5),
      align: fc.constantFrom(undefined, 'left' as const, 'center' as const, 'right' as const),
      leading: fc.constantFrom(undefined, 1.2, 2),
      space: fc.constantFrom(undefined, 4),
      width: fc.integer({ min: 20, max: 500 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const p: Paragraph = {
          type: 'paragraph',
          size: a.size,
          runs: [{ text: a.text }],
          ...(a.indent !== undefined ? { indent: a.indent } : {}),
          ...(a.align ? { align: a.align } : {}),
          ...(a.leading ? { leading: a.leading } : {}),
          ...(a.space ? { spaceBefore: a.space, spaceAfter: a.space } : {}),
        };
        expect(layoutParagraphUncached(p, a.width, metrics)).toEqual(layoutParagraphByBreaker(p, a.width, metrics));
      }),
      { numRuns: 500 },
    );
  });

  it('still breaks a cell whose text is a hair too wide, and keeps one that exactly fits on one line', () => {
    const text = '株式会社メディカルテクノロジー製 超音波凝固切開装置';
    const exact = textWidth(metrics, text, 10.5);
    const p: Paragraph = { type: 'paragraph', size: 10.5, runs: [{ text }] };
    const fits = layoutParagraphUncached(p, exact, metrics);
    expect(fits).toHaveLength(1);
    expect(fits).toEqual(layoutParagraphByBreaker(p, exact, metrics));
    const tooWide = layoutParagraphUncached(p, exact - 0.5, metrics);
    expect(tooWide.length).toBeGreaterThan(1);
    expect(tooWide).toEqual(layoutParagraphByBreaker(p, exact - 0.5, metrics));
  });
});
