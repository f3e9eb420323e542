import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { para } from '../../../shared/document/model';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { bundledFonts } from '../../helpers/fonts';
import { ink, readPdf, renderGray } from '../../helpers/pdf';

const { bytes, metrics } = bundledFonts();
const margins = { top: 40, right: 40, bottom: 40, left: 40 };

async function pdfOf(text: string, size = 10.5): Promise<Uint8Array> {
  const laid = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [para(text, size)] }] }, metrics);
  return renderPdf(laid, bytes, { title: 't', createdAt: new Date('2026-11-21T00:00:00Z') });
}

describe('PDF backend', () => {
  it('writes A4 pages whose Japanese text can be extracted', async () => {
    const pdf = await pdfOf('先進医療に係る事前相談申込書　髙橋 﨑子　𠮷田 太郎');
    const { pages } = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.width).toBeCloseTo(595.28, 1);
    expect(pages[0]!.height).toBeCloseTo(841.89, 1);
    expect(pages[0]!.text.replace(/\s/g, '')).toBe('先進医療に係る事前相談申込書髙橋﨑子𠮷田太郎');
  });

  it('embeds subset fonts: small files, the fallback only when needed', async () => {
    const plain = await pdfOf('先進医療');
    const withRare = await pdfOf('先進医療𠮷');
    expect(plain.byteLength).toBeLessThan(120_000);
    expect((await readPdf(plain)).fonts.some((f) => f.includes('NotoSerifJP'))).toBe(false);
    expect((await readPdf(withRare)).fonts.some((f) => f.includes('NotoSerifJP'))).toBe(true);
  });

  // A glyph missing from the fonts prints as .notdef (tofu). Compare each name character, drawn
  // large and rendered by pdftoppm, with the tofu of a character no bundled font has.
  it('draws 髙, 﨑 and 𠮷 as real glyphs, not tofu (pdftoppm)', async () => {
    const tofu = renderGray(await pdfOf('\u{10FFFD}', 72), 36);
    for (const ch of ['髙', '﨑', '𠮷']) {
      const img = renderGray(await pdfOf(ch, 72), 36);
      const dark = ink(img);
      expect(dark, ch).toBeGreaterThan(150);
      let differing = 0;
      for (let i = 0; i < img.data.length; i++) if ((img.data[i]! < 128) !== (tofu.data[i]! < 128)) differing++;
      expect(differing, ch).toBeGreaterThan(100);
    }
  });
});
