/**
 * 様式第3号 2-1 ④ (issue 15): the 一部変更申請状況 of each 適応外 品目 comes from the 医薬品・医療機器
 * 台帳, so its name is typed once; rows typed on the form in older projects still print after them.
 */
import { describe, expect, it } from 'vitest';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel } from '../../../shared/cost/model';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import type { Block } from '../../../shared/document/model';
import { productBlocks } from '../../../shared/forms/besshi1/yoshiki3';
import { yoshiki3 } from '../../../shared/forms/besshi1/yoshiki3';
import { EMPTY_MASTERS, emptyProduct, type Product } from '../../../shared/model/master';

const FOURTH = '④医療機器、医療材料、医薬品又は再生医療等製品が医薬品医療機器法上の適応外使用に該当する場合の医薬品医療機器法承認一部変更申請状況';

/** Every text a block prints, in order. */
function texts(x: unknown): string[] {
  if (Array.isArray(x)) return x.flatMap(texts);
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return [...(typeof o.text === 'string' ? [o.text] : []), ...Object.entries(o).filter(([k]) => k !== 'text').flatMap(([, v]) => texts(v))];
  }
  return [];
}

/** The body rows of the ④ table, each as its printed cells. */
function fourthRows(blocks: readonly Block[]): string[][] {
  const i = blocks.findIndex((b) => texts(b).join('') === FOURTH);
  const table = blocks[i + 1];
  if (i < 0 || table?.type !== 'table') throw new Error('no ④ table');
  return table.rows.slice(1).map((r) => r.cells.map((c) => texts(c).join('')));
}

const product = (id: string, over: Partial<Product>): Product => ({ ...emptyProduct(id), ...over });
const fl = product('fl', { kind: '医療機器', name: '蛍光観察用腹腔鏡システム', labelUse: '適応外', partialChangeStatus: '一部変更承認申請の予定なし（企業と協議中）' });
const scope = product('scope', { kind: '医療機器', name: '内視鏡', labelUse: '適応内', partialChangeStatus: '（適応内なので印刷されない）' });
const icg = product('icg', { kind: '医薬品', name: 'インドシアニングリーン注射用25mg', labelUse: '適応外', partialChangeStatus: '公知申請を検討中' });

function print(a: Partial<ReturnType<typeof yoshiki3.empty>>): string[][] {
  const facts = { masters: { ...EMPTY_MASTERS, products: [scope, icg, fl] }, technologyName: '技術', indication: '適応症', category: 'B' as const, cost: calculateCost(emptyCostModel(), parseIsoDate('2026-12-01')!) };
  return fourthRows(productBlocks(facts, { ...yoshiki3.empty(), ...a }));
}

describe('様式第3号 2-1 ④ 一部変更申請状況', () => {
  it('prints one row per picked 適応外 品目 from the 台帳 (in ①②③ order), then the rows typed on the form; 適応内 is not listed', () => {
    const rows = print({ devices: ['scope', 'fl'], materials: ['icg'], partialChange: [{ name: '追加の品目', status: '申請中' }] });
    expect(rows).toEqual([
      ['蛍光観察用腹腔鏡システム', '一部変更承認申請の予定なし（企業と協議中）'],
      ['インドシアニングリーン注射用25mg', '公知申請を検討中'],
      ['追加の品目', '申請中'],
    ]);
    expect(rows.flat().join('')).not.toContain('内視鏡');
  });

  it('keeps a row typed in an older project for a 品目 with no status in the 台帳, and does not print that 品目 twice', () => {
    const old = { ...icg, partialChangeStatus: undefined };
    const facts = { masters: { ...EMPTY_MASTERS, products: [old] }, technologyName: '技術', indication: '適応症', category: 'B' as const, cost: calculateCost(emptyCostModel(), parseIsoDate('2026-12-01')!) };
    const typed = [{ name: 'インドシアニングリーン注射用２５ｍｇ', status: '予定なし' }];
    expect(fourthRows(productBlocks(facts, { ...yoshiki3.empty(), materials: ['icg'], partialChange: typed }))).toEqual([['インドシアニングリーン注射用２５ｍｇ', '予定なし']]);
  });
});
