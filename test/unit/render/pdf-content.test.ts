/**
 * Issue 17: the PDF writer draws each page as one content stream of its own operators, encodes
 * text one glyph per character with the fonts parsed once, and decodes each glyph once. These
 * tests hold what a reader of the printed form would notice: lines, rings and pills are where the
 * preview draws them, text still extracts as typed, and printing the same document again gives
 * the same file whatever was printed in between.
 */
import { describe, expect, it } from 'vitest';
import type { LaidOutDocument } from '../../../shared/document/layout/types';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { para } from '../../../shared/document/model';
import { num } from '../../../shared/render/pdf/content-stream';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { bundledFonts } from '../../helpers/fonts';
import { ink, readPdf, renderGray } from '../../helpers/pdf';

const { bytes, metrics } = bundledFonts();
const A4 = { width: 595.28, height: 841.89 };
const at = new Date('2026-12-01T00:00:00Z');

/** One A4 page drawn from ops (pt, from the top-left as the layout gives them). */
const page = (ops: LaidOutDocument['pages'][number]['ops']): LaidOutDocument => ({ ...A4, pages: [{ sectionIndex: 0, pageInSection: 1, ops }], sectionPageCounts: [1] });

describe('PDF content streams (issue 17)', () => {
  it('draws a line, a ring and a pill where the layout put them, and nothing elsewhere (pdftoppm)', async () => {
    const pdf = await renderPdf(
      page([
        { kind: 'line', x1: 100, y1: 100, x2: 300, y2: 100, width: 1 },
        { kind: 'ellipse', cx: 200, cy: 300, rx: 40, ry: 20, width: 1 },
        { kind: 'pill', x: 100, y: 500, w: 200, h: 30, r: 10, width: 1 },
      ]),
      bytes,
      { title: 't', createdAt: at },
    );
    // 72 dpi: one pixel per point.
    const img = renderGray(pdf, 72);
    expect(ink(img, 100, 98, 200, 4)).toBeGreaterThan(150);
    // The ring: ink at its left, right, top and bottom, none at its centre.
    expect(ink(img, 158, 296, 4, 8)).toBeGreaterThan(3);
    expect(ink(img, 238, 296, 4, 8)).toBeGreaterThan(3);
    expect(ink(img, 196, 278, 8, 4)).toBeGreaterThan(3);
    expect(ink(img, 196, 318, 8, 4)).toBeGreaterThan(3);
    expect(ink(img, 190, 292, 20, 16)).toBe(0);
    // The pill: its long sides and its ends, empty inside, the corners rounded (no ink at the very corner).
    expect(ink(img, 150, 498, 100, 4)).toBeGreaterThan(80);
    expect(ink(img, 150, 528, 100, 4)).toBeGreaterThan(80);
    expect(ink(img, 98, 510, 4, 10)).toBeGreaterThan(5);
    expect(ink(img, 298, 510, 4, 10)).toBeGreaterThan(5);
    expect(ink(img, 110, 506, 180, 18)).toBe(0);
    expect(ink(img, 99, 499, 2, 2)).toBe(0);
    // Nothing else on the page.
    expect(ink(img, 0, 0, img.width, 90) + ink(img, 0, 560, img.width, img.height - 560)).toBe(0);
  });

  it('prints each character as typed, a variation selector with its character, and the text extracts whole', async () => {
    const text = '葛\u{E0100}城市の髙橋　𠮷田（２０２７年４月１日）';
    const laid = layoutDocument({ title: 't', margins: { top: 40, right: 40, bottom: 40, left: 40 }, sections: [{ title: 's', blocks: [para(text, 10.5)] }] }, metrics);
    const { pages } = await readPdf(await renderPdf(laid, bytes, { title: 't', createdAt: at }));
    const read = (pages[0]?.text ?? '').replace(/\s/g, '');
    expect(read.replace(/\u{E0100}/u, '')).toBe(text.replace(/\u{E0100}/u, '').replace(/\s|　/g, ''));
  });

  it('prints the same document to the same bytes, whatever was printed before it', async () => {
    const doc = (t: string) => layoutDocument({ title: 't', margins: { top: 40, right: 40, bottom: 40, left: 40 }, sections: [{ title: 's', blocks: [para(t, 10.5)] }] }, metrics);
    const a = doc('実施責任医師　架空 太郎（消化器外科）。費用は４４，３８４円。');
    const first = await renderPdf(a, bytes, { title: 't', createdAt: at });
    // Another document sharing some glyphs, and one with the fallback face, in between.
    await renderPdf(doc('架空病院の倫理審査委員会は令和９年２月１５日に承認した。'), bytes, { title: 'u', createdAt: at });
    await renderPdf(doc('𠮷田 花子'), bytes, { title: 'v', createdAt: at });
    const again = await renderPdf(a, bytes, { title: 't', createdAt: at });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('writes coordinates with at most three decimals and never as an exponent', () => {
    expect(num(56.692913)).toBe('56.693');
    expect(num(841.89)).toBe('841.89');
    expect(num(-0.0000001)).toBe('0');
    expect(num(1e-7)).toBe('0');
    expect(num(12)).toBe('12');
    expect(num(0.1 + 0.2)).toBe('0.3');
  });
});
