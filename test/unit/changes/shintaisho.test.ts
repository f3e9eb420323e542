/**
 * Issue 13 item 2: the 新旧対照表 as PDF and as an editable Word table — 変更箇所（様式・項目） | 変更前 |
 * 変更後 | 備考, one row per change, the changed words underlined; read back, every change appears
 * with its 変更前 and 変更後 and nothing unchanged does. The Word file opens in LibreOffice and its
 * underlines (w:u) mark exactly the changed words.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { diffFilings } from '../../../shared/changes/field-diff';
import { NOTHING_WRITTEN, SHINTAISHO_HEADERS, shintaishoDocument, shintaishoRows, type ShintaishoRow } from '../../../shared/changes/shintaisho';
import { markedWords, wordDiff } from '../../../shared/changes/word-diff';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { charWidth, type FontSet, type LaidOutDocument } from '../../../shared/document/layout/types';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { A4 } from '../../../shared/document/model';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { docxXml, libreOfficeToPdf } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { baseline, working } from './fixture';

const { bytes, metrics } = bundledFonts();
const HEADING = ['先進医療の名称：ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術', '申請医療機関：架空大学医学部附属病院'];

/** What a reader sees underlined on the laid-out pages: the characters standing on each underline, line by line. */
function underlinedTexts(doc: LaidOutDocument, fonts: FontSet): string[] {
  const out: string[] = [];
  for (const page of doc.pages) {
    const glyphs = page.ops.flatMap((op) => {
      if (op.kind !== 'text') return [];
      let x = op.x;
      return Array.from(op.text, (ch) => {
        const w = charWidth(fonts, ch, op.size);
        const g = { ch, x0: x, x1: x + w, bottom: op.y + 0.12 * op.size };
        x += w;
        return g;
      });
    });
    for (const op of page.ops) {
      // An underline: a horizontal stroke at the foot of the characters above it (table rules are further away).
      if (op.kind !== 'line' || op.y1 !== op.y2) continue;
      const on = glyphs.filter((g) => Math.abs(g.bottom - op.y1) < 0.5 && g.x0 >= op.x1 - 0.01 && g.x1 <= op.x2 + 0.01);
      if (on.length > 0) out.push(on.map((g) => g.ch).join(''));
    }
  }
  return out;
}

/** The table's column edges on the page (pt from the left), from the document's own column widths. */
function columnEdges(model: ReturnType<typeof shintaishoDocument>): number[] {
  const table = model.sections[0]?.blocks.find((b) => b.type === 'table');
  const widths = table?.type === 'table' ? table.columns : [];
  const sum = widths.reduce((a, b) => a + b, 0);
  const inner = A4.width - FORM_MARGINS.left - FORM_MARGINS.right;
  return widths.reduce<number[]>((acc, w) => [...acc, (acc[acc.length - 1] ?? 0) + (w / sum) * inner], [FORM_MARGINS.left]);
}

/**
 * The text of each column of the table as a reader reads it down the pages (pdf.js), the header
 * row left out: a cell that runs onto the next page reads on after the repeated header.
 */
async function columnTexts(pdf: Uint8Array, edges: readonly number[]): Promise<string[]> {
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const cols = edges.slice(1).map(() => '');
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items.flatMap((i) => ('str' in i && i.str.trim() !== '' ? [{ s: i.str, x: Number(i.transform[4]), y: Number(i.transform[5]) }] : []));
    // Below the header row (whose last line is the column's heading) and above the page number.
    const headerY = Math.min(...items.filter((i) => SHINTAISHO_HEADERS.some((h) => squash(i.s) === h)).map((i) => i.y));
    for (const i of items.filter((t) => t.y < headerY - 2 && t.y > 40).sort((a, b) => b.y - a.y || a.x - b.x)) {
      const c = edges.findIndex((e, k) => i.x >= e - 1 && i.x < (edges[k + 1] ?? 0) - 1);
      if (c >= 0 && c < cols.length) cols[c] += i.s;
    }
  }
  await doc.destroy();
  return cols.map(squash);
}

/** Every word a row's 変更前 and 変更後 should have underlined, in reading order. */
const expectedMarks = (rows: readonly ShintaishoRow[]): string[] =>
  rows.flatMap((r) => {
    const d = wordDiff(r.before, r.after);
    return [...markedWords(d.before), ...markedWords(d.after)];
  });

/** Facts of the sample that the change leaves alone: none may appear in the table. */
const UNCHANGED = ['早期胃がん（術前診断でcT1N0M0のものに限る。）', '日本消化器外科学会専門医制度修練施設', '中村 和夫', '架空市立総合病院', 'インドシアニングリーン注射用25mg', '120例', '45例', '術中迅速病理標本作製装置'];

describe('新旧対照表 of the sample’s change (cost bearer, device, periods, a 協力医療機関)', () => {
  const items = diffFilings(baseline(), working());
  const rows = shintaishoRows(items);
  const model = shintaishoDocument(rows, { heading: HEADING });

  it('has one row per change item, the period row noting its extension', () => {
    expect(rows).toHaveLength(items.length);
    expect(rows.find((r) => r.location === '別紙1 様式第3号　予定試験期間')?.note).toBe('（36か月延長）');
    expect(rows.filter((r) => (r.note ?? '') !== '')).toHaveLength(1);
  });

  it('PDF: every change with its 変更前 and 変更後, header repeated, the changed words underlined, nothing unchanged', async () => {
    const laid = layoutDocument(model, metrics);
    const pdf = await renderPdf(laid, bytes, { title: '新旧対照表', createdAt: new Date('2028-10-01T00:00:00Z') });
    const { pages } = await readPdf(pdf);
    expect(pages.every((p) => Math.round(p.width) === 595 && Math.round(p.height) === 842)).toBe(true);
    const all = squash(pages.map((p) => p.text).join(''));
    expect(all).toContain('新旧対照表');
    // Each change in its column: where, 変更前, 変更後, 備考.
    const [where, before, after, note] = await columnTexts(pdf, columnEdges(model));
    for (const r of rows) {
      expect(where).toContain(squash(r.location));
      expect(before).toContain(squash(r.before === '' ? NOTHING_WRITTEN : r.before));
      expect(after).toContain(squash(r.after === '' ? NOTHING_WRITTEN : r.after));
    }
    expect(note).toBe('（36か月延長）');
    for (const u of UNCHANGED) expect(all).not.toContain(squash(u));
    // The header row on every page of the table.
    for (const p of pages) for (const h of SHINTAISHO_HEADERS) expect(squash(p.text)).toContain(h);
    expect(pages.length).toBeGreaterThan(1);
    // Underlines stand under exactly the changed words, in order.
    expect(squash(underlinedTexts(laid, metrics).join(''))).toBe(squash(expectedMarks(rows).join('')));
    expect(underlinedTexts(laid, metrics)).toEqual(expect.arrayContaining(['2031年3月31日', '2034年3月31日', '3年', '6年']));
  }, 60_000);

  it('Word: the table with underline (w:u) on exactly the changed words; LibreOffice opens it and prints every change', async () => {
    const docx = await renderDocx(model, { fonts: metrics });
    const xml = await docxXml(docx);
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((m) => ({ underlined: /<w:u\b/.test(m[1] ?? ''), text: [...(m[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join('') }));
    const underlined = runs.filter((r) => r.underlined).map((r) => r.text.replace(/&amp;/g, '&'));
    expect(underlined.join('')).toBe(expectedMarks(rows).join(''));
    expect(underlined).toEqual(expect.arrayContaining(['2031年3月31日', '2034年3月31日']));
    // A real, editable table whose header row repeats on each page.
    expect(xml).toContain('<w:tblHeader/>');
    for (const h of SHINTAISHO_HEADERS) expect(xml).toContain(h);

    const lo = libreOfficeToPdf(docx);
    const all = squash((await readPdf(lo)).pages.map((p) => p.text).join(''));
    const [, before, after] = await columnTexts(lo, columnEdges(model));
    for (const r of rows) {
      expect(before).toContain(squash(r.before === '' ? NOTHING_WRITTEN : r.before));
      expect(after).toContain(squash(r.after === '' ? NOTHING_WRITTEN : r.after));
    }
    for (const u of UNCHANGED) expect(all).not.toContain(squash(u));
  }, 120_000);
});
