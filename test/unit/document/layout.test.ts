import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import type { DrawOp } from '../../../shared/document/layout/types';
import { A4, MIN_FONT_SIZE, cell, para, type DocumentModel } from '../../../shared/document/model';
import { buildJizenSoudanDocument } from '../../../shared/forms/jizen-soudan/layout';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { bundledFonts } from '../../helpers/fonts';
import { filledPrint } from '../../helpers/jizen-fixture';
import { readPdf } from '../../helpers/pdf';

const { bytes, metrics } = bundledFonts();
const margins = { top: 50, right: 50, bottom: 50, left: 50 };
const textOf = (ops: readonly DrawOp[]) => ops.flatMap((o) => (o.kind === 'text' ? [o.text] : [])).join('');

describe('A4 layout', () => {
  const longAnswer = '本技術は、腹膜播種を伴う胃がんに対して、化学療法を腹腔内と静脈内から併用するものである。'.repeat(200);
  const doc: DocumentModel = {
    title: 't',
    margins,
    sections: [
      {
        title: '様式第3号',
        formNumber: '様式第3号',
        pageNumbers: true,
        blocks: [
          { type: 'table', columns: [1, 3], headerRows: 1, rows: [
            { cells: [cell(para('項目', 10.5)), cell(para('内容', 10.5))] },
            { cells: [cell(para('(6) 治療計画', 10.5)), cell(para(longAnswer, 10.5))] },
          ] },
        ],
      },
    ],
  };
  const laid = layoutDocument(doc, metrics);

  it('flows a long table cell across pages and loses no character', () => {
    expect(laid.pages.length).toBeGreaterThan(2);
    // The answer column starts a quarter of the way across; the footer holds the page numbers.
    const columnX = margins.left + (A4.width - margins.left - margins.right) / 4;
    const answer = laid.pages
      .flatMap((p) => p.ops)
      .flatMap((o) => (o.kind === 'text' && o.x >= columnX && o.y < A4.height - margins.bottom && o.text !== '内容' ? [o.text] : []))
      .join('');
    expect(answer.length).toBe(longAnswer.length);
    expect(answer === longAnswer).toBe(true);
  });

  it('keeps every drawing inside the A4 page and every text op inside the margins', () => {
    for (const p of laid.pages) {
      for (const op of p.ops) {
        if (op.kind === 'text') {
          expect(op.x).toBeGreaterThanOrEqual(margins.left - 0.01);
          expect(op.x + op.width).toBeLessThanOrEqual(A4.width - margins.right + 0.01);
          expect(op.y).toBeLessThanOrEqual(A4.height);
        }
      }
    }
  });

  it('prints no text under 9 pt (the PDF of this 10.5 pt document)', async () => {
    const { pages } = await readPdf(await renderPdf(laid, bytes, { title: 't' }));
    const sizes = pages.flatMap((p) => p.fontSizes);
    expect(sizes.length).toBeGreaterThan(100);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_FONT_SIZE - 0.01);
  });

  it('repeats the header row and numbers the pages of the form', () => {
    for (const [i, p] of laid.pages.entries()) {
      const t = textOf(p.ops);
      expect(t).toContain('項目');
      expect(t.endsWith(String(i + 1))).toBe(true);
    }
  });

  it('chooses the fallback face only for glyphs the primary lacks (𠮷)', () => {
    const one = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [para('𠮷田と髙﨑', 12)] }] }, metrics);
    const ops = one.pages[0]!.ops.filter((o) => o.kind === 'text');
    expect(ops.map((o) => [o.text, o.font])).toEqual([
      ['𠮷', 'fallback'],
      ['田と髙﨑', 'primary'],
    ]);
  });

  it('keeps rows merged with rowSpan on one page', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ minHeight: 20, cells: [cell(para(`行${i}`, 10))] }));
    const merged = {
      minHeight: 20,
      cells: [cell(para('結合', 10), { rowSpan: 3 }), cell(para('a', 10))],
    };
    const d = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [
      { type: 'table', columns: [1], rows: rows.slice(0, 35) },
      { type: 'table', columns: [1, 1], rows: [merged, { cells: [cell(para('b', 10))] }, { cells: [cell(para('c', 10))] }] },
    ] }] }, metrics);
    const pageOf = (s: string) => d.pages.findIndex((p) => textOf(p.ops).includes(s));
    expect(pageOf('結合')).toBe(pageOf('c'));
    expect(pageOf('結合')).toBe(pageOf('a'));
  });
});

describe('no text under 9 pt where long answers shrink (事前相談申込書)', () => {
  // The sheet shrinks its long-text boxes 10.5 → 10 → 9.5 → 9 pt to stay on one page, then moves
  // the longest answer to a 別紙 (shared/forms/jizen-soudan/layout.ts). Lengths from a short
  // answer to one that no longer fits walk every step; each step is printed and read back.
  const sentence = '本技術は腹膜播種を伴う胃がんに対する併用療法である。';
  const steps = new Map<string, ReturnType<typeof buildJizenSoudanDocument>>();
  const add = (doc: ReturnType<typeof buildJizenSoudanDocument>): void => {
    const key = `${doc.longTextSize} pt${doc.annexed.length > 0 ? ` + 別紙×${doc.annexed.length}` : ''}`;
    if (!steps.has(key)) steps.set(key, doc);
  };
  for (let n = 300; n <= 800; n += 20) add(buildJizenSoudanDocument(filledPrint({ products: sentence.repeat(40).slice(0, n) }), metrics));
  // Both long answers past the sheet: both go to 別紙 pages.
  const visitors = Array.from({ length: 40 }, (_, i) => ({ name: `訪問者${i}`, affiliation: '架空大学医学部附属病院 消化器外科' }));
  add(buildJizenSoudanDocument(filledPrint({ products: sentence.repeat(40), visitors }), metrics));

  it('walks every shrink step', () => {
    expect([...steps.keys()]).toEqual(['10.5 pt', '10 pt', '9.5 pt', '9 pt', '9 pt + 別紙×1', '9 pt + 別紙×2']);
  });

  for (const [step, doc] of steps) {
    it(`${step}: every text run of the PDF is at least 9 pt`, async () => {
      const { pages } = await readPdf(await renderPdf(doc.laidOut, bytes, { title: doc.model.title }));
      const sizes = pages.flatMap((p) => p.fontSizes);
      // The read-back sees the shrunk box: its size is among the printed sizes.
      if (doc.annexed.length === 0) expect(sizes.some((x) => Math.abs(x - doc.longTextSize) < 0.01), `${doc.longTextSize} pt printed`).toBe(true);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_FONT_SIZE - 0.01);
    });
  }
});

describe('choices', () => {
  it('ticks a checked box with a レ mark inside the □, and leaves an unchecked one empty', async () => {
    const { checkbox, runsPara } = await import('../../../shared/document/model');
    const laid = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [runsPara([...checkbox('有', true), { text: '　' }, ...checkbox('無', false)], 10.5)] }] }, metrics);
    const ops = laid.pages[0]!.ops;
    const box = ops.find((o) => o.kind === 'text' && o.text.startsWith('□'));
    const ticks = ops.filter((o) => o.kind === 'line');
    expect(ticks).toHaveLength(2);
    if (box?.kind !== 'text') throw new Error('no box');
    for (const t of ticks) {
      if (t.kind !== 'line') continue;
      // Both strokes lie within the first □ (one em wide), not the second.
      expect(Math.max(t.x1, t.x2)).toBeLessThanOrEqual(box.x + 10.5);
      expect(Math.min(t.x1, t.x2)).toBeGreaterThanOrEqual(box.x);
    }
  });
});

describe('paragraph layout prints every character (review finding)', () => {
  const printed = (text: string) => {
    const d = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [para(text, 10.5)] }] }, metrics);
    return d.pages.flatMap((p) => p.ops).flatMap((o) => (o.kind === 'text' ? [o.text] : [])).join('');
  };
  const visible = (s: string) => s.replace(/[ \t\r\n]/g, '');

  it('keeps text after blank lines and 「　」-indented lines', () => {
    const text = '一般名：パクリタキセル\n　\n　使用方法：腹腔内に投与する。適応外使用である。';
    expect(printed(text)).toBe('一般名：パクリタキセル　　使用方法：腹腔内に投与する。適応外使用である。');
    expect(printed('foo \n bar')).toBe('foo  bar'); // spaces around a hard break are kept as typed
  });

  it('never draws a line break character', () => {
    for (const o of layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [para('a \n\n b\r\nc', 10.5)] }] }, metrics).pages[0]!.ops) {
      if (o.kind === 'text') expect(o.text).not.toMatch(/[\r\n]/);
    }
  });

  it('prints random mixed text completely (property)', async () => {
    const fc = (await import('fast-check')).default;
    const alphabet = ['あ', '医', '。', '「', '」', ' ', '　', '\n', 'a', '1', '𠮷', '髙', '﨑', 'ッ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }), (parts) => {
        const text = parts.join('');
        expect(visible(printed(text))).toBe(visible(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('table pagination edge cases (review findings)', () => {
  const textOps = (d: ReturnType<typeof layoutDocument>) => d.pages.map((p) => p.ops.flatMap((o) => (o.kind === 'text' ? [o] : [])));

  it('keeps a merged cell taller than a page inside the pages, flowing its text', () => {
    const long = '長い結合セルの本文。'.repeat(600);
    const d = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [
      { type: 'table', columns: [1, 1], rows: [
        { cells: [cell(para(long, 10.5), { rowSpan: 2 }), cell(para('右上', 10.5))] },
        { cells: [cell(para('右下', 10.5))] },
      ] },
    ] }] }, metrics);
    expect(d.pages.length).toBeGreaterThan(2);
    for (const ops of textOps(d)) for (const o of ops) expect(o.y).toBeLessThanOrEqual(A4.height - margins.bottom + 1);
    const leftColumn = textOps(d).flat().filter((o) => o.x < A4.width / 2 && !o.text.startsWith('右')).map((o) => o.text).join('');
    expect(leftColumn === long).toBe(true);
  });

  it('never leaves a header row alone at the foot of a page, nor prints it twice', () => {
    for (let filler = 25; filler <= 40; filler++) {
      const d = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [
        ...Array.from({ length: filler }, () => para('前の段落', 10.5)),
        { type: 'table', columns: [1, 3], headerRows: 1, rows: [
          { cells: [cell(para('見出し', 10.5)), cell(para('内容見出し', 10.5))] },
          { cells: [cell(para('本文', 10.5)), cell(para('本文の内容。'.repeat(150), 10.5))] },
        ] },
      ] }] }, metrics);
      for (const ops of textOps(d)) {
        const headers = ops.filter((o) => o.text === '見出し');
        expect(headers.length, `filler ${filler}`).toBeLessThanOrEqual(1);
        if (headers.length === 1) {
          // Something of the body follows the header on the same page.
          expect(ops.some((o) => o.y > headers[0]!.y && o.text.includes('本文')), `filler ${filler}`).toBe(true);
        }
      }
    }
  });
});

describe('circled choices', () => {
  it('never splits a short circled choice between two lines', async () => {
    const { runsPara } = await import('../../../shared/document/model');
    for (let pad = 0; pad < 30; pad++) {
      const d = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [runsPara([{ text: 'あ'.repeat(pad) + '要（　）例以上・' }, { text: '不要', mark: 'circle' }], 10.5)] }] }, metrics);
      const shapes = d.pages[0]!.ops.filter((o) => o.kind === 'ellipse' || o.kind === 'pill');
      expect(shapes, `pad ${pad}`).toHaveLength(1);
    }
  });

  it('uses a pill that hugs a long circled phrase instead of a wide ellipse', async () => {
    const { runsPara } = await import('../../../shared/document/model');
    const d = layoutDocument({ title: 't', margins, sections: [{ title: 's', blocks: [runsPara([{ text: '要（消化器外科又は消化器内科）', mark: 'circle' }, { text: '・不要' }], 10.5)] }] }, metrics);
    const pill = d.pages[0]!.ops.find((o) => o.kind === 'pill');
    const text = d.pages[0]!.ops.find((o) => o.kind === 'text');
    if (pill?.kind !== 'pill' || text?.kind !== 'text') throw new Error('missing');
    expect(pill.x).toBeGreaterThan(margins.left - 4);
    expect(pill.x + pill.w).toBeLessThan(text.x + 16 * 10.5 + 4);
  });
});
