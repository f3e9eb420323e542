/**
 * Issue 17: PDF streams are compressed by the platform's native zlib where there is one (Node's in
 * the bench and the command-line tools, the browser's CompressionStream in the app). Whichever
 * compressor wrote it, the printed form is the same: the same text, the same pixels, and each
 * compressor writes the same bytes every time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { para } from '../../../shared/document/model';
import { JS_DEFLATE, compressionStreamDeflate, installPdfDeflate, type PdfDeflate } from '../../../shared/render/pdf/deflate';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { NODE_DEFLATE } from '../../../cli/node-deflate';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, renderGray } from '../../helpers/pdf';

const { bytes, metrics } = bundledFonts();
const at = new Date('2026-12-01T00:00:00Z');
const laid = layoutDocument(
  {
    title: '様式第3号',
    margins: { top: 56, right: 56, bottom: 56, left: 56 },
    sections: [{ title: '様式第3号', blocks: [para('６．治療計画', 12), para('本試験は、切除不能な進行再発胃癌患者を対象とする（登録期間：令和９年４月１日から２年間）。髙橋𠮷田　花子'.repeat(80), 10.5)] }],
  },
  metrics,
);

/** The compressor, counting what went through it. */
function counting(inner: PdfDeflate): PdfDeflate & { calls: { sync: number; many: number } } {
  const calls = { sync: 0, many: 0 };
  return {
    calls,
    sync: (b) => (calls.sync++, inner.sync(b)),
    many: (list) => ((calls.many += list.length), inner.many(list)),
  };
}

afterEach(() => installPdfDeflate(undefined));

describe('PDF stream compression (issue 17)', () => {
  it('prints the same form with Node\'s zlib, the browser\'s CompressionStream and fflate: same text, same pixels', async () => {
    const written: Uint8Array[] = [];
    for (const deflate of [JS_DEFLATE, NODE_DEFLATE, compressionStreamDeflate()]) {
      if (!deflate) throw new Error('CompressionStream missing in this Node');
      const c = counting(deflate);
      installPdfDeflate(c);
      written.push(await renderPdf(laid, bytes, { title: '様式第3号', createdAt: at }));
      // Every page's contents, the font file and its ToUnicode map went through it.
      expect(c.calls.many).toBe(laid.pages.length);
      expect(c.calls.sync).toBeGreaterThanOrEqual(2);
    }
    const [js, node, web] = written;
    if (!js || !node || !web) throw new Error('not written');
    expect(laid.pages.length).toBeGreaterThan(1);
    const texts = await Promise.all(written.map(async (pdf) => (await readPdf(pdf)).pages.map((p) => p.text)));
    expect(texts[1]).toEqual(texts[0]);
    expect(texts[2]).toEqual(texts[0]);
    // The fallback face's 𠮷 and the primary's 髙 both print.
    expect(texts[0]?.join('')).toMatch(/髙橋.*𠮷田/);
    for (const pdf of [node, web]) expect(renderGray(pdf, 50, 2).data).toEqual(renderGray(js, 50, 2).data);
  });

  it('writes the same bytes for the same document each time, with each compressor', async () => {
    for (const deflate of [JS_DEFLATE, NODE_DEFLATE]) {
      installPdfDeflate(deflate);
      const a = await renderPdf(laid, bytes, { title: 't', createdAt: at });
      const b = await renderPdf(laid, bytes, { title: 't', createdAt: at });
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    }
  });

  it('gives streams any reader inflates (zlib format): the page contents come back as written', async () => {
    const raw = new TextEncoder().encode('BT /F1 10.5 Tf 56 785 Td <0001> Tj ET\n'.repeat(200));
    for (const deflate of [JS_DEFLATE, NODE_DEFLATE, compressionStreamDeflate()]) {
      if (!deflate) throw new Error('CompressionStream missing in this Node');
      const [packed] = await deflate.many([raw]);
      expect(packed && packed.length < raw.length / 10).toBe(true);
      expect(new Uint8Array(inflateSync(packed ?? new Uint8Array(0)))).toEqual(raw);
      expect(new Uint8Array(inflateSync(deflate.sync(raw)))).toEqual(raw);
    }
  });
});
