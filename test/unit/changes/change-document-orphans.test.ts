/**
 * Issue 13, 変更申請 (spec §3.18) as printed: an item of 【主な変更内容】 never starts on the last
 * line of a page with the rest of it on the next. Its first line (「３．」 and its wording) and the
 * ＜変更前＞／＜変更後＞ labels each share their page with at least the two lines that follow —
 * wherever the foot of the page falls.
 */
import { describe, expect, it } from 'vitest';
import { changeDocument } from '../../../shared/changes/change-document';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import type { LaidOutDocument } from '../../../shared/document/layout/types';
import { A4 } from '../../../shared/document/model';
import type { ChangeDoc, ChangeItem } from '../../../shared/filings/filing-doc';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { bundledFonts } from '../../helpers/fonts';
import { docxXml } from '../../helpers/docx';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { baseline, working } from './fixture';

const { metrics } = bundledFonts();

interface Line {
  readonly page: number;
  readonly text: string;
}

/** The body lines as printed, page by page, top to bottom (the page number left out). */
function printedLines(laid: LaidOutDocument): Line[] {
  const foot = A4.height - FORM_MARGINS.bottom;
  return laid.pages.flatMap((p, page) => {
    const byY = new Map<number, Array<{ x: number; text: string }>>();
    for (const op of p.ops) {
      if (op.kind !== 'text' || op.y > foot) continue;
      const y = Math.round(op.y * 100) / 100;
      byY.set(y, [...(byY.get(y) ?? []), { x: op.x, text: op.text }]);
    }
    return [...byY.entries()].sort((a, b) => a[0] - b[0]).map(([, ops]) => ({ page, text: ops.sort((a, b) => a.x - b.x).map((o) => o.text).join('') }));
  });
}

const item = (n: number, text: string, before: string, after: string): ChangeItem => ({
  id: `item-${n}`,
  sourceIds: [],
  text,
  before,
  after,
  reason: '研究の進捗に合わせて変更する。',
  approval: { committeeId: 'sample-committee', date: '2028-09-10' },
});

/** Items as coordinators word them: wording long enough to wrap, wording typed on two lines, short ones. */
const ITEMS: ChangeItem[] = [
  item(1, '予定試験期間の延長', '告示日から2031年3月31日まで', '告示日から2034年3月31日まで'),
  item(2, '患者負担の変更（研究費による負担から患者負担へ変更し、同意説明文書の費用に関する記載をあわせて改訂する）', '研究費で負担する。', '患者負担とする。'),
  item(3, '使用する医療機器の変更\n（製造販売終了に伴う後継機種への切替え）', '蛍光観察用腹腔鏡システム', '近赤外蛍光イメージングシステム'),
  item(4, '協力医療機関の追加（架空赤十字病院、架空市民病院及び架空県立中央病院の三施設を協力医療機関として追加する）', '（なし）', '架空赤十字病院\n架空市民病院\n架空県立中央病院'),
  item(5, '研究事務局の所在地の変更\n（組織改編に伴う移転）\n（連絡先電話番号の変更を含む）', '架空大学医学部附属病院 臨床研究推進センター', '架空大学医学部附属病院 臨床研究推進本部'),
];

/** The change document with `filler` extra lines in 【試験の概要】, which walk the items down past the foot of page 1. */
function laidOut(filler: number): Line[] {
  const doc: ChangeDoc = {
    kind: 'change',
    baselineFilingId: 'filing-approved',
    items: ITEMS,
    registration: { count: '2症例', asOf: '2028-09-30' },
    summary: ['早期胃がんに対するセンチネルリンパ節生検を併用した縮小胃切除術の多施設共同単群試験である。', ...Array.from({ length: filler }, (_, i) => `概要の補足${i + 1}`)].join('\n'),
  };
  return printedLines(layoutDocument(changeDocument(doc, working(), baseline()), metrics));
}

/** An item's first line (「３．…」), inside 【主な変更内容】. */
const isItemStart = (text: string): boolean => /^[１-９][０-９]*．/.test(text);
const isLabel = (text: string): boolean => text === '＜変更前＞' || text === '＜変更後＞';

/**
 * The lines a heading introduces, up to `to`: an item's — its wording, labels and values — up to
 * the next item; a label's up to the next label or item.
 */
function body(lines: readonly Line[], k: number, to: number): Line[] {
  const head = lines[k]?.text ?? '';
  const out: Line[] = [];
  for (let j = k + 1; j < to; j++) {
    const t = lines[j]?.text ?? '';
    if (isItemStart(t) || (isLabel(head) && isLabel(t))) break;
    const line = lines[j];
    if (line) out.push(line);
  }
  return out;
}

describe('変更申請: an item of 【主な変更内容】 is never cut after its first line', () => {
  it('keeps each item’s first line and each ＜変更前＞／＜変更後＞ with (up to) two lines of what it introduces, wherever the page foot falls', () => {
    let headingsNearFoot = 0;
    // One more line of 概要 per round: across a whole page of positions.
    for (let filler = 0; filler <= 44; filler++) {
      const lines = laidOut(filler);
      const from = lines.findIndex((l) => l.text === '【主な変更内容】');
      const to = lines.findIndex((l) => l.text.startsWith('【変更申請する理由】'));
      expect(from, `filler ${filler}`).toBeGreaterThan(0);
      for (let k = from + 1; k < to; k++) {
        const line = lines[k];
        if (!line || !(isItemStart(line.text) || isLabel(line.text))) continue;
        const next = body(lines, k, to).slice(0, 2);
        expect(next.length, `filler ${filler}: 「${line.text}」 introduces nothing`).toBeGreaterThan(0);
        if (lines[k - 1]?.page !== line.page || lines[k + 3]?.page !== line.page) headingsNearFoot++;
        expect(
          next.every((l) => l.page === line.page),
          `filler ${filler}: p${line.page + 1} 「${line.text}」 then ${next.map((l) => `p${l.page + 1} 「${l.text}」`).join(' ')}`,
        ).toBe(true);
      }
    }
    // The test walked item headings through the foot (and the top) of a page, not only mid-page.
    expect(headingsNearFoot).toBeGreaterThan(5);
  });
});

describe('変更申請 as Word: the same paragraphs keep with the next (w:keepNext)', () => {
  it('each item’s first line and each ＜変更前＞／＜変更後＞ label carries keepNext; the 理由 text does not', async () => {
    const doc: ChangeDoc = { kind: 'change', baselineFilingId: 'new-1', items: ITEMS, registration: { count: '２症例', asOf: '2028-09-01' }, summary: '' };
    const xml = await docxXml(await renderDocx(changeDocument(doc, working(), baseline()), { fonts: metrics }));
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const text = (p: string): string => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const kept = paragraphs.filter((p) => p.includes('<w:keepNext/>')).map(text);
    expect(kept.filter((t) => t === '＜変更前＞')).toHaveLength(ITEMS.length);
    expect(kept.filter((t) => t === '＜変更後＞')).toHaveLength(ITEMS.length);
    expect(kept.some((t) => t.includes('予定試験期間の延長'))).toBe(true);
    expect(kept.some((t) => t.includes('研究の進捗に合わせて変更する。'))).toBe(false);
  });
});
