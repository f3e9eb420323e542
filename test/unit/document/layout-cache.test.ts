/**
 * Issue 17: laid-out paragraphs are cached, so that after a keystroke only the changed paragraph
 * is broken into lines again. The cache must never show stale text: what a coordinator sees after
 * an edit is exactly what a fresh layout gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearParagraphCache, layoutParagraph, layoutParagraphUncached } from '../../../shared/document/layout/paragraph';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import type { DrawOp } from '../../../shared/document/layout/types';
import { cell, para, type DocumentModel, type Paragraph } from '../../../shared/document/model';
import { bundledFonts } from '../../helpers/fonts';

const { metrics } = bundledFonts();
const textOf = (ops: readonly DrawOp[]): string => ops.flatMap((o) => (o.kind === 'text' ? [o.text] : [])).join('');

const plan = (treatment: string): DocumentModel => ({
  title: '様式第3号',
  margins: { top: 50, right: 50, bottom: 50, left: 50 },
  sections: [
    {
      title: '様式第3号',
      formNumber: '様式第3号',
      pageNumbers: true,
      blocks: [
        { type: 'table', columns: [1, 3], rows: [
          { cells: [cell(para('(1) 有効性', 10.5)), cell(para('腹腔内投与により腹膜播種の制御が期待される。'.repeat(40), 10.5))] },
          { cells: [cell(para('(6) 治療計画', 10.5)), cell(para(treatment, 10.5))] },
          { cells: [cell(para('(9) 記録の保管', 10.5)), cell(para('診療録及び症例報告書は研究終了後５年間保管する。'.repeat(30), 10.5))] },
        ] },
      ],
    },
  ],
});

describe('paragraph cache (issue 17)', () => {
  it('after one character is typed, the preview shows it, and pages before the change stay as they were', () => {
    const before = '登録後２週間以内に初回投与を開始する（第１版の手順書に従う）。'.repeat(120);
    const after = `${before.slice(0, 1500)}Ｘ${before.slice(1500)}`;
    const a = layoutDocument(plan(before), metrics);
    const b = layoutDocument(plan(after), metrics);
    clearParagraphCache(metrics);
    const fresh = layoutDocument(plan(after), metrics);
    expect(b).toEqual(fresh);
    expect(b.pages.map((p) => textOf(p.ops)).join('')).toContain('Ｘ');
    expect(a.pages.map((p) => textOf(p.ops)).join('')).not.toContain('Ｘ');
    // The first page holds only 有効性 and the start of 治療計画, before the typed character.
    expect(b.pages[0]).toEqual(a.pages[0]);
  });

  it('a cached paragraph equals a freshly laid-out one, for any text, marks, width and indent (property)', () => {
    const chars = fc.constantFrom(...Array.from('先進医療の費用は４４，３８４円。「有」・（注１）令和９年４月１日ABC 123　、ー𠮷\n'));
    const runArb = fc.record({ text: fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), mark: fc.constantFrom(undefined, 'circle' as const, 'underline' as const) });
    const paraArb = fc.record({
      runs: fc.array(runArb, { minLength: 1, maxLength: 4 }),
      size: fc.constantFrom(9, 10.5, 12),
      indent: fc.constantFrom(undefined, 0, 10.5, 21),
      align: fc.constantFrom(undefined, 'left' as const, 'center' as const, 'right' as const),
    });
    fc.assert(
      fc.property(fc.array(paraArb, { minLength: 2, maxLength: 6 }), fc.integer({ min: 60, max: 480 }), (ps, width) => {
        const paragraphs: Paragraph[] = ps.map((p) => ({
          type: 'paragraph',
          size: p.size,
          runs: p.runs.map((r) => (r.mark ? { text: r.text, mark: r.mark } : { text: r.text })),
          ...(p.indent !== undefined ? { indent: p.indent } : {}),
          ...(p.align !== undefined ? { align: p.align } : {}),
        }));
        // Warm the cache with every paragraph and with near twins of it (one attribute changed),
        // then compare each one with a cold layout.
        const twins = (p: Paragraph): Paragraph[] => [
          { ...p, runs: p.runs.map((r, i) => (i === 0 ? { text: r.text, mark: r.mark === 'circle' ? ('underline' as const) : ('circle' as const) } : r)) },
          { ...p, runs: p.runs.map((r) => ({ text: r.text })) },
          { ...p, runs: [{ text: p.runs.map((r) => r.text).join('') }] },
          { ...p, indent: (p.indent ?? 0) + 5 },
          { ...p, align: p.align === 'center' ? 'right' : 'center' },
          { ...p, leading: 2 },
          { ...p, spaceBefore: 6, spaceAfter: 3 },
        ];
        for (const p of paragraphs) for (const q of [...twins(p), p]) layoutParagraph(q, width, metrics);
        const warm = paragraphs.map((p) => layoutParagraph(p, width, metrics));
        clearParagraphCache(metrics);
        const cold = paragraphs.map((p) => layoutParagraph(p, width, metrics));
        expect(warm).toEqual(cold);
      }),
      { numRuns: 150 },
    );
  });

  it('long prose laid out line by line (hard breaks) equals the whole paragraph laid out at once (property)', () => {
    // Two shapes a random text rarely hits: a short line after a long one (breaks anywhere, as the
    // whole paragraph is prose, never between words as a label would), and a control character
    // between \r and \n (it prints nowhere: one break, not two).
    const cases: Array<[string, number]> = [
      [`${'腹腔鏡下にセンチネルリンパ節を同定し、転移の有無を術中迅速病理診断で確認する。'.repeat(2)}\n責任医師 教授 髙橋 誠一（消化器外科）`, 100],
      [`${'登録期間は告示日から２年間とする。'.repeat(5)}\r\u0001\n追跡期間は５年間。`, 200],
    ];
    for (const [text, width] of cases) {
      const p: Paragraph = { type: 'paragraph', size: 10.5, runs: [{ text }] };
      clearParagraphCache(metrics);
      expect(layoutParagraph(p, width, metrics), text).toEqual(layoutParagraphUncached(p, width, metrics));
    }
    const pieces = fc.constantFrom('先進医療', 'にかかる費用は', '４４，３８４円', '（税込）', '。', '、', '\n', '\r\n', '\r', '\n\n', ' ', '　', 'ABC-123', '令和９年４月１日', '\u0001', '𠮷', '「有」');
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 60 }), fc.integer({ min: 60, max: 480 }), fc.constantFrom(undefined, 6), (parts, width, space) => {
        const p: Paragraph = { type: 'paragraph', size: 10.5, runs: [{ text: parts.join('') }], ...(space ? { spaceBefore: space, spaceAfter: space } : {}) };
        clearParagraphCache(metrics);
        expect(layoutParagraph(p, width, metrics)).toEqual(layoutParagraphUncached(p, width, metrics));
      }),
      { numRuns: 300 },
    );
  });

  it('the same words at another width, size or indent are laid out again, not taken from the cache', () => {
    const p = para('先進医療にかかる費用は４４，３８４円であり、その全額を患者負担とする。', 10.5);
    const narrow = layoutParagraph(p, 120, metrics);
    const wide = layoutParagraph(p, 480, metrics);
    expect(narrow.length).toBeGreaterThan(wide.length);
    expect(layoutParagraph({ ...p, size: 12 }, 480, metrics)).not.toEqual(wide);
    expect(layoutParagraph({ ...p, indent: 21 }, 480, metrics)).not.toEqual(wide);
  });
});
