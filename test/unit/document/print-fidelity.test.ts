/**
 * Printed pages (issue 12): what the layout engine puts on paper, checked on its drawing ops the way
 * a reader sees the sheet — line starts, headings at page feet, rings around chosen words, labels,
 * names and numbers kept whole. Text is what coordinators type: 和暦, full-width digits, long prose,
 * notes in brackets, names with 𠮷 and 髙.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { charWidth, type LaidOutDocument } from '../../../shared/document/layout/types';
import { A4, cell, para, runsPara, type Block, type DocumentModel, type Paragraph, type TextRun } from '../../../shared/document/model';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { FORMS } from '../../../shared/forms/registry';
import { NO_LINE_START_CHARS } from '../../../shared/text/line-break';
import { bundledFonts } from '../../helpers/fonts';
import { loadSample, sampleFacts } from '../../helpers/sample';

const { metrics } = bundledFonts();
const SIZE = 10.5;
const margins = { top: 50, right: 50, bottom: 50, left: 50 };
const contentWidth = A4.width - margins.left - margins.right;

/** A printed line: its characters with their left and right edges, in reading order. */
interface Line {
  readonly page: number;
  readonly y: number;
  readonly glyphs: ReadonlyArray<{ readonly ch: string; readonly x0: number; readonly x1: number; readonly size: number }>;
  readonly text: string;
}

/** The printed lines of a document: text ops grouped by page and baseline, left to right. */
function printedLines(doc: LaidOutDocument): Line[] {
  const out: Line[] = [];
  doc.pages.forEach((p, page) => {
    const byY = new Map<number, Array<{ ch: string; x0: number; x1: number; size: number }>>();
    for (const op of p.ops) {
      if (op.kind !== 'text') continue;
      const key = Math.round(op.y * 100) / 100;
      const row = byY.get(key) ?? [];
      let x = op.x;
      for (const ch of op.text) {
        const w = charWidth(metrics, ch, op.size);
        row.push({ ch, x0: x, x1: x + w, size: op.size });
        x += w;
      }
      byY.set(key, row);
    }
    for (const [y, glyphs] of [...byY.entries()].sort((a, b) => a[0] - b[0])) {
      glyphs.sort((a, b) => a.x0 - b.x0);
      out.push({ page, y, glyphs, text: glyphs.map((g) => g.ch).join('') });
    }
  });
  return out;
}

const doc = (blocks: readonly Block[]): DocumentModel => ({ title: 't', margins, sections: [{ title: 's', blocks }] });

/** A paragraph laid out `width` pt wide, at the top level (by indenting it) or alone in a table cell. */
function laidAt(p: Paragraph, width: number, where: 'paragraph' | 'cell'): Line[] {
  if (where === 'paragraph') return printedLines(layoutDocument(doc([{ ...p, indent: contentWidth - width }]), metrics));
  const padding = 3;
  const col = width + 2 * padding;
  return printedLines(layoutDocument(doc([{ type: 'table', columns: [col, contentWidth - col], rows: [{ cells: [cell(p, { padding }), cell(para('', SIZE))] }] }]), metrics));
}

// ─── 1. Kinsoku ────────────────────────────────────────────────────────────────────────────────

/** What must never start a line (JIS X 4051 cl-02 … cl-11, as issue 12 lists them). */
const CLOSING_BRACKETS = '」』）］｝〕〉》】';
const SMALL_KANA = 'ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ';
const PROLONGED_AND_ITERATION = 'ーゝゞヽヾ';
const PUNCTUATION = '、。，．・：；！？';
const KINSOKU = Array.from(CLOSING_BRACKETS + SMALL_KANA + PROLONGED_AND_ITERATION + PUNCTUATION);

/** Pieces of what coordinators type into the forms. */
const FRAGMENTS = [
  '本技術は腹膜播種を伴う胃がんに対して化学療法を腹腔内と静脈内から併用するものである',
  '令和９年２月１５日',
  '令和７年４月１０日～４月２０日',
  '予定症例数１２０例',
  '先進医療にかかる費用（１症例当たり）：44,384円',
  '２５，０００，０００円',
  '医薬品医療機器法承認又は認証上の適応（注１）',
  '承認番号30200BZX00289000',
  'インドシアニングリーン注射用25mg',
  'ディスポーザブル',
  '消化器外科 教授 髙橋 誠一',
  '𠮷田　花子',
  '［それに加え、助手又は術者として（　10　）例以上',
  '不要',
];

describe('kinsoku: no printed line starts with a closing bracket, small kana or kinsoku punctuation (issue 12)', () => {
  it('the exported set (for the Word backend) holds every character of the JIS classes', () => {
    for (const ch of KINSOKU) expect(NO_LINE_START_CHARS, ch).toContain(ch);
  });

  // Realistic text with the character under test after a fragment (「不要」＋「］」, 「ショ」＋「ッ」 …),
  // sometimes with a circled choice, laid out at widths from 4 em (the widest run that cannot be
  // broken without a line starting with one, 「１）；」」) to a whole page.
  const text = (ch: string) =>
    fc
      .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.boolean(), fc.constantFrom('', '。', '」')), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.map(([f, withCh, after]) => (withCh ? f + ch + after : f)).join(''));
  const paragraph = (ch: string) =>
    fc.tuple(text(ch), fc.boolean(), fc.constantFrom('有', '無', '要', '不要' + ch)).map(([t, circled, choice]): Paragraph =>
      circled ? runsPara([{ text: t }, { text: choice, mark: 'circle' }, { text: '・' }, { text: ch === '」' ? '不要］' : '不要' + ch }], SIZE) : para(t, SIZE),
    );

  for (const ch of KINSOKU) {
    it(`「${ch}」 never starts a line, in paragraphs and table cells, at any width`, () => {
      fc.assert(
        fc.property(paragraph(ch), fc.integer({ min: 4, max: 44 }), fc.constantFrom('paragraph' as const, 'cell' as const), (p, em, where) => {
          const lines = laidAt(p, em * SIZE, where);
          for (const [k, line] of lines.entries()) {
            if (k === 0) continue;
            expect(KINSOKU.includes(line.glyphs[0]?.ch ?? ''), `${where} ${em} em, line ${k}: 「${lines[k - 1]?.text}」|「${line.text}」`).toBe(false);
          }
        }),
        { numRuns: 12 },
      );
    });
  }

  it('様式第9号: 「不要］」 stays whole and 「］」 never starts a line of the value column', () => {
    const runs: TextRun[] = [{ text: '［それに加え、助手又は術者として（　10　）例以上' }, { text: '・' }, { text: '不要］', mark: 'circle' }];
    for (let em = 3; em <= 32; em++) {
      const lines = laidAt(runsPara(runs, SIZE, { leading: 1.9 }), em * SIZE, 'cell');
      for (const line of lines) expect(line.text.startsWith('］'), `${em} em: ${lines.map((l) => l.text).join('|')}`).toBe(false);
      expect(lines.some((l) => l.text.includes('不要］')), `${em} em: ${lines.map((l) => l.text).join('|')}`).toBe(true);
    }
  });
});

// ─── 2. Headings ───────────────────────────────────────────────────────────────────────────────

describe('a heading is kept with at least two lines of what follows (様式第3号 ９, issue 12)', () => {
  const heading = para('９．被験者等に対して重大な事態が生じた場合の対処方法及び補償内容', SIZE, { spaceBefore: 6, leading: 1.6 });
  const answers = [
    runsPara([{ text: '補償の有無　　' }, { text: '有' }, { text: '・' }, { text: '無', mark: 'circle' }], SIZE, { indent: SIZE * 1.5, leading: 1.8 }),
    runsPara([{ text: '保険への加入の有無　　' }, { text: '有', mark: 'circle' }, { text: '・' }, { text: '無' }], SIZE, { indent: SIZE * 1.5, leading: 1.8 }),
    para('保険の内容：臨床研究保険（架空損害保険株式会社）に加入する。', SIZE, { indent: SIZE * 1.5, leading: 1.7 }),
  ];
  const prose = para('臨床研究推進センターのモニタリング担当者が、登録開始後６か月ごとに協力医療機関を含む全施設の原資料との照合を行う。', SIZE, { indent: SIZE * 1.5, leading: 1.7 });

  it('moves the heading to the next page wherever the page foot falls', () => {
    // Enough filler to walk the heading through every position near the foot of page 1.
    for (let filler = 20; filler <= 27; filler++) {
      const lines = printedLines(layoutDocument(doc([...Array.from({ length: filler }, () => prose), heading, ...answers]), metrics));
      const at = lines.findIndex((l) => l.text.startsWith('９．'));
      const page = lines[at]?.page;
      const after = lines.slice(at + 1).filter((l) => l.page === page);
      expect(after.length, `filler ${filler}: ${lines.slice(at).map((l) => `p${l.page} ${l.text}`).join(' / ')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps a heading with the header and first row of the table it introduces', () => {
    for (let filler = 20; filler <= 27; filler++) {
      const table: Block = {
        type: 'table',
        columns: [1, 3],
        headerRows: 1,
        rows: [
          { cells: [cell(para('医療機器名', 9)), cell(para('製造販売業者名及び連絡先', 9))] },
          { cells: [cell(para('蛍光観察用腹腔鏡システム', 9)), cell(para('架空メディカル株式会社（03-0000-0000）', 9))] },
        ],
      };
      const lines = printedLines(layoutDocument(doc([...Array.from({ length: filler }, () => prose), para('２－１．使用する医薬品、医療機器又は再生医療等製品について', SIZE, { spaceBefore: 6 }), table]), metrics));
      const at = lines.findIndex((l) => l.text.startsWith('２－１．'));
      const rest = lines.slice(at + 1).filter((l) => l.page === lines[at]?.page).map((l) => l.text).join('');
      expect(rest, `filler ${filler}`).toContain('蛍光観察');
    }
  });

  it('the sample\'s 様式第3号 prints item ９ on the page of its answers', () => {
    const sample = loadSample();
    const form = FORMS.find((f) => f.number === '様式第3号');
    if (!form) throw new Error('様式第3号 missing');
    const section = form.build(sampleFacts(sample), form.answers.parse(sample.forms.get(form.id) ?? {}));
    const lines = printedLines(layoutDocument({ title: 't', margins: FORM_MARGINS, sections: [section] }, metrics));
    const at = lines.findIndex((l) => l.text.startsWith('９．'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]?.page).toBe(lines[at]?.page);
    expect(lines[at + 2]?.page).toBe(lines[at]?.page);
  });
});

// ─── 3. Circled choices ────────────────────────────────────────────────────────────────────────

/** Ink boxes of BIZ UD明朝's glyphs (em units, y up from the baseline), read with fontkit here. */
const face = create(readFileSync(path.resolve(import.meta.dirname, '../../../assets/fonts/BIZUDMincho-Regular.ttf')));
function ink(ch: string): { x0: number; x1: number; y0: number; y1: number } {
  // fontkit's glyphs have a bbox; the project's fontkit typings (shared/types) list only what the app uses.
  const { bbox: b } = face.glyphForCodePoint(ch.codePointAt(0) ?? 0) as unknown as { bbox: { minX: number; maxX: number; minY: number; maxY: number } };
  const u = face.unitsPerEm;
  return { x0: b.minX / u, x1: b.maxX / u, y0: b.minY / u, y1: b.maxY / u };
}

describe('circled choices: the ring hugs the chosen word, never covers the 「・」, and choices line up (issue 12)', () => {
  const sample = loadSample();
  const facts = sampleFacts(sample);
  const forms = ['様式第3号', '様式第8-2号', '様式第9号'].map((n) => {
    const form = FORMS.find((f) => f.number === n);
    if (!form) throw new Error(`${n} missing`);
    return { n, laid: layoutDocument({ title: 't', margins: FORM_MARGINS, sections: [form.build(facts, form.answers.parse(sample.forms.get(form.id) ?? {}))] }, metrics) };
  });

  it('no ring reaches the ink of a 「・」 on its line, and every ring contains the ink of the words it circles', () => {
    let rings = 0;
    let dots = 0;
    for (const { n, laid } of forms) {
      const lines = printedLines(laid);
      laid.pages.forEach((p, page) => {
        for (const op of p.ops) {
          if (op.kind !== 'ellipse' && op.kind !== 'pill') continue;
          rings++;
          const [left, right, top, bottom] = op.kind === 'ellipse' ? [op.cx - op.rx, op.cx + op.rx, op.cy - op.ry, op.cy + op.ry] : [op.x, op.x + op.w, op.y, op.y + op.h];
          const line = lines.find((l) => l.page === page && l.y > top && l.y < bottom + 0.3 * SIZE);
          expect(line, `${n}: a ring with no text`).toBeDefined();
          for (const g of line?.glyphs ?? []) {
            const box = ink(g.ch);
            const gx0 = g.x0 + box.x0 * g.size;
            const gx1 = g.x0 + box.x1 * g.size;
            if (g.ch === '・') {
              dots++;
              // The ring's stroke (half its width each side) stays clear of the dot.
              const clear = gx1 < left - op.width / 2 || gx0 > right + op.width / 2;
              expect(clear, `${n} p${page + 1}: the ring over 「${line?.text}」 covers its 「・」 (dot ${gx0.toFixed(1)}–${gx1.toFixed(1)}, ring ${left.toFixed(1)}–${right.toFixed(1)})`).toBe(true);
            } else if (g.x0 >= left && g.x1 <= right && g.ch.trim() !== '') {
              // A circled character: every corner of its ink lies inside the ring.
              const baseline = line?.y ?? 0;
              for (const [x, y] of [[gx0, baseline - box.y1 * g.size], [gx1, baseline - box.y1 * g.size], [gx0, baseline - box.y0 * g.size], [gx1, baseline - box.y0 * g.size]] as const) {
                expect(inside(op, x, y), `${n}: 「${g.ch}」 pokes out of its ring`).toBe(true);
              }
            }
          }
        }
      });
    }
    expect(rings).toBeGreaterThan(15);
    expect(dots).toBeGreaterThan(15);
  });

  it('lines up 有・無 of 「補償の有無」 and 「保険への加入の有無」 (様式第3号): the same choice at the same x', () => {
    const laid = forms[0]?.laid;
    if (!laid) throw new Error('様式第3号 missing');
    const lines = printedLines(laid).filter((l) => l.text.startsWith('補償の有無') || l.text.startsWith('保険への加入の有無'));
    expect(lines).toHaveLength(2);
    const xOf = (l: Line, ch: string): number => l.glyphs.filter((g) => g.ch === ch).at(-1)?.x0 ?? NaN;
    expect(xOf(lines[0]!, '有')).toBeCloseTo(xOf(lines[1]!, '有'), 2);
    expect(xOf(lines[0]!, '無')).toBeCloseTo(xOf(lines[1]!, '無'), 2);
  });
});

/** Whether (x, y) lies inside an ellipse or a rounded pill op. */
function inside(op: { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number } | { kind: 'pill'; x: number; y: number; w: number; h: number; r?: number }, x: number, y: number): boolean {
  if (op.kind === 'ellipse') return ((x - op.cx) / op.rx) ** 2 + ((y - op.cy) / op.ry) ** 2 <= 1;
  const r = Math.min(op.r ?? op.h / 2, op.h / 2);
  if (x < op.x || x > op.x + op.w || y < op.y || y > op.y + op.h) return false;
  const cx = Math.min(Math.max(x, op.x + r), op.x + op.w - r);
  const cy = Math.min(Math.max(y, op.y + r), op.y + op.h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// ─── 4. Labels ─────────────────────────────────────────────────────────────────────────────────

/**
 * Labels of the forms (shared/forms) and the words in each that must not be split — the test's
 * own word list, not the engine's segmenter.
 */
const LABELS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['医療機器名', ['医療', '機器']],
  ['先進医療の名称', ['先進', '医療', '名称']],
  ['先進医療にかかる費用', ['先進', '医療', '費用']],
  ['製造販売業者名及び連絡先', ['製造', '販売', '業者', '連絡']],
  ['医薬品医療機器法承認又は認証番号（16桁）', ['医薬品', '医療', '機器', '承認', '認証', '番号', '（16桁）']],
  ['医薬品医療機器法承認又は認証上の適応（注１）', ['医薬品', '医療', '機器', '承認', '認証', '適応', '（注１）']],
  ['倫理審査委員会による審査体制', ['倫理', '審査', '委員', '体制']],
  ['実施責任医師／実施者', ['実施', '責任', '医師']],
];

describe('labels break between words and never leave one character alone (「医療機／器」「先／進医療」, issue 12)', () => {
  for (const [label, words] of LABELS) {
    it(label, () => {
      // From 3 em: at 2 em 「医療機器名」 cannot keep its words and avoid a lone 「名」 both.
      for (let em = 3; em <= Array.from(label).length; em++) {
        for (const size of [9, SIZE]) {
          const lines = laidAt(para(label, size, { leading: 1.4 }), em * size, 'cell').map((l) => l.text);
          const shown = lines.join('|');
          expect(lines.join(''), shown).toBe(label);
          for (const w of words) {
            if (Array.from(w).length > em) continue;
            expect(lines.some((l) => l.includes(w)), `${em} em: 「${w}」 split in ${shown}`).toBe(true);
          }
          if (lines.length > 1) expect(Array.from(lines.at(-1) ?? '').length, `${em} em: ${shown}`).toBeGreaterThan(1);
        }
      }
    });
  }
});

// ─── 5. Names, amounts, codes, dates ──────────────────────────────────────────────────────────

describe('names, amounts, 承認番号 and dates never break inside when they fit (「髙橋 誠／一」, issue 12)', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['消化器外科 教授 髙橋 誠一', '髙橋 誠一'],
    ['部長 𠮷田 太郎', '𠮷田 太郎'],
    ['臨床研究推進センター 先進医療支援室 山﨑 花子', '山﨑 花子'],
    ['購入価格：25,000,000円', '25,000,000円'],
    ['購入価格：２５，０００，０００円', '２５，０００，０００円'],
    ['承認番号：30200BZX00289000', '30200BZX00289000'],
    ['承認年月日：令和９年２月１５日', '令和９年２月１５日'],
    // 「～」 may not start a line, so it goes with the date before it.
    ['入院期間 2025年4月10日～4月20日 転帰 軽快', '2025年4月10日～'],
    ['予定試験期間：告示日から令和１３年３月３１日まで', '令和１３年３月３１日'],
  ];
  for (const [text, atom] of cases) {
    it(`「${atom}」 in 「${text}」`, () => {
      const atomWidth = Array.from(atom).reduce((w, ch) => w + charWidth(metrics, ch, SIZE), 0);
      for (let width = Math.ceil(atomWidth); width <= 30 * SIZE; width += SIZE / 2) {
        for (const where of ['paragraph', 'cell'] as const) {
          const lines = laidAt(para(text, SIZE), width, where).map((l) => l.text);
          expect(lines.some((l) => l.includes(atom)), `${where} ${(width / SIZE).toFixed(1)} em: ${lines.join('|')}`).toBe(true);
        }
      }
    });
  }
});
