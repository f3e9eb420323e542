import { describe, expect, it } from 'vitest';
import { buildJizenSoudanDocument } from '../../../shared/forms/jizen-soudan/layout';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { docxText, docxXml, libreOfficeToPdf } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { enteredValues, filledPrint } from '../../helpers/jizen-fixture';
import { ink, readPdf, renderGray, squash } from '../../helpers/pdf';

const { bytes, metrics } = bundledFonts();

async function exportPdf(print = filledPrint()) {
  const doc = buildJizenSoudanDocument(print, metrics);
  const pdf = await renderPdf(doc.laidOut, bytes, { title: doc.model.title });
  return { doc, pdf, read: await readPdf(pdf) };
}

describe('事前相談申込書 PDF', () => {
  it('is exactly one A4 page with every entered value, the FAX number and the 宛先', async () => {
    const print = filledPrint();
    const { read } = await exportPdf(print);
    expect(read.pages).toHaveLength(1);
    const page = read.pages[0]!;
    expect(page.width).toBeCloseTo(595.28, 1);
    expect(page.height).toBeCloseTo(841.89, 1);
    const text = squash(page.text);
    for (const v of enteredValues(print)) expect(text, v).toContain(squash(v));
    expect(text).toContain('ＦＡＸ：03-3503-0595');
    expect(text).toContain('厚生労働省医政局研究開発政策課');
  });

  it('prints the slots with weekday and times, and the official labels', async () => {
    const text = squash((await exportPdf()).read.pages[0]!.text);
    expect(text).toContain('第1希望１月１２日（火）１４時～１６時');
    expect(text).toContain('第2希望１月１３日（水）１４時３０分～１７時');
    for (const label of ['医療機関名', '担当者の所属及び氏名', '連絡先', '医療技術名', '使用する医薬品又は医療機器', '相談希望日時', '訪問予定者の氏名', '保険医療機関が想定する先進医療の区分']) {
      expect(text).toContain(label);
    }
  });

  it('has no text under 9 pt and puts the FAX line at the top of the page', async () => {
    const { doc, read } = await exportPdf();
    expect(Math.min(...read.pages[0]!.fontSizes)).toBeGreaterThanOrEqual(9);
    const texts = doc.laidOut.pages[0]!.ops.filter((o) => o.kind === 'text');
    const topmost = texts.reduce((a, b) => (b.y < a.y ? b : a));
    expect(topmost.text).toContain('ＦＡＸ');
  });

  it('circles the chosen 区分 (an ellipse around 先進医療B)', async () => {
    const { doc } = await exportPdf();
    const ops = doc.laidOut.pages[0]!.ops;
    const b = ops.find((o) => o.kind === 'text' && o.text.includes('先進医療B'));
    const ellipses = ops.filter((o) => o.kind === 'ellipse');
    expect(ellipses).toHaveLength(1);
    const e = ellipses[0]!;
    expect(b && b.kind === 'text').toBe(true);
    if (b?.kind === 'text' && e.kind === 'ellipse') {
      const idx = b.text.indexOf('先進医療B');
      expect(e.cx).toBeGreaterThan(b.x + (idx / b.text.length) * b.width);
    }
  });

  it('renders black on white with visible ink and no tinted fills (pdftoppm)', async () => {
    const { pdf } = await exportPdf();
    const img = renderGray(pdf, 100);
    expect(ink(img)).toBeGreaterThan(10_000);
    // A tint shows up as mid-grey pixels surrounded by mid-grey; anti-aliased strokes do not.
    const grey = (x: number, y: number) => {
      const v = img.data[y * img.width + x] ?? 255;
      return v > 60 && v < 200;
    };
    let filled = 0;
    for (let y = 2; y < img.height - 2; y++) {
      for (let x = 2; x < img.width - 2; x++) {
        let all = true;
        for (let dy = -2; dy <= 2 && all; dy++) for (let dx = -2; dx <= 2 && all; dx++) all = grey(x + dx, y + dy);
        if (all) filled++;
      }
    }
    expect(filled).toBeLessThan(img.width * img.height * 0.001);
  });

  it('shrinks long answers to no less than 9 pt, then moves them to a 別紙 — nothing is clipped', async () => {
    const products = '一般名：テストマイシン（製品名：テスト注、企業名：架空製薬株式会社）。使用方法：1日1回静注。'.repeat(60);
    const print = filledPrint({ products });
    const { doc, read } = await exportPdf(print);
    expect(doc.annexed).toEqual(['使用する医薬品又は医療機器']);
    expect(doc.laidOut.sectionPageCounts[0]).toBe(1);
    const first = squash(read.pages[0]!.text);
    expect(first).toContain('別紙のとおり');
    const all = squash(read.pages.map((p) => p.bodyText).join(''));
    expect(all.includes(squash(products))).toBe(true);
    for (const p of read.pages) expect(Math.min(...p.fontSizes)).toBeGreaterThanOrEqual(9);
  });

  it('keeps a moderately long answer on the one sheet by shrinking it', async () => {
    const products = '一般名：パクリタキセル（製品名：タキソール注射液、企業名：架空製薬株式会社）、腹腔内投与は適応外。'.repeat(6);
    const { doc, read } = await exportPdf(filledPrint({ products }));
    expect(read.pages).toHaveLength(1);
    expect(doc.annexed).toEqual([]);
    expect(squash(read.pages[0]!.text)).toContain(squash(products));
  });
});

describe('事前相談申込書 DOCX', () => {
  it('is A4 with BIZ UD明朝 (the PDF\'s face) as the East Asian face and contains every entered value', async () => {
    const print = filledPrint();
    const docx = await renderDocx(buildJizenSoudanDocument(print, metrics).model);
    const xml = await docxXml(docx);
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    expect(xml).toContain('w:eastAsia="BIZ UD明朝 Medium"');
    expect(xml).toMatch(/w:vMerge/);
    const text = squash(await docxText(docx));
    for (const v of enteredValues(print)) expect(text, v).toContain(squash(v));
  });

  it('opens in LibreOffice without error and shows the same content', async () => {
    const print = filledPrint();
    const docx = await renderDocx(buildJizenSoudanDocument(print, metrics).model);
    const pdf = libreOfficeToPdf(docx);
    const { pages } = await readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages[0]!.width).toBeCloseTo(595.3, 0);
    const text = squash(pages.map((p) => p.text).join(''));
    // 𠮷 is checked in the DOCX XML above: LibreOffice here has no font with that glyph.
    for (const v of [print.institutionName, print.contactName, print.technologyName, print.email, '山﨑 花子', print.destination.addressee]) expect(text, v).toContain(squash(v));
  }, 180_000);
});

describe('DOCX choices', () => {
  it('prints a ticked box as ☑ and leaves an unticked one as □', async () => {
    const { checkbox, runsPara } = await import('../../../shared/document/model');
    const docx = await renderDocx({ title: 't', margins: { top: 50, right: 50, bottom: 50, left: 50 }, sections: [{ title: 's', blocks: [runsPara([...checkbox('有', true), ...checkbox('無', false)], 10.5)] }] });
    expect(await docxText(docx)).toBe('☑有□無');
  });
});
