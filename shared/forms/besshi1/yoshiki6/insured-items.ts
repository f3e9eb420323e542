/**
 * 様式第6号 (別紙) 保険外併用療養費分の内訳 (記載要領 第6(4)): one row per 診療報酬点数 item, as on a
 * 診療報酬明細書 — 区分, 診療報酬項目, 点数, 回数 typed; 小計 = 点数 × 回数 and the 合計 computed. Numbers
 * are typed as people type them (「１，６５０点」, 「10日」); a cell that does not read is kept as typed
 * and said so (R-C-6), never dropped or guessed.
 */
import { toAsciiDigits } from '../../../dates/wareki';
import { formatYen, formatYenWithUnit } from '../../../money/yen';
import type { ComputedColumn, TableColumn, TableRowValue } from '../../field';

export const INSURED_COLUMNS: readonly TableColumn[] = [
  { key: 'part', label: '区分', width: 13 },
  { key: 'item', label: '診療報酬項目', width: 45 },
  { key: 'points', label: '点数', width: 13 },
  { key: 'times', label: '回数', width: 10 },
];

/** 1点 = 10円 (診療報酬の算定方法 平成20年厚生労働省告示第59号). */
export const YEN_PER_POINT = 10;

/** Far above any one typical case (1億点), safe for integer arithmetic. */
const MAX_COUNT = 100_000_000;

export type CountRead = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/**
 * An integer typed with full-width digits, commas and its unit: 「１，６５０点」, 「1650」, 「1,650点/日」,
 * 「10回」, 「10日」 (回数 of 入院料 are days). Anything else does not read.
 */
export function readCount(typed: string, what: '点数' | '回数'): CountRead {
  const compact = toAsciiDigits(typed).replace(/[\s　]/g, '');
  const s = (what === '点数' ? compact.replace(/[/／](?:日|回)$/, '').replace(/点$/, '') : compact.replace(/(?:回|日|本|個|枚)$/, '')).replace(/[,，、]/g, '');
  const example = what === '点数' ? '1,650点' : '10回';
  if (s === '') return { ok: false, message: `${what}がありません。` };
  if (/[.．]/.test(s)) return { ok: false, message: `${what}は整数で入力してください（例：${example}）。` };
  if (!/^\d+$/.test(s)) return { ok: false, message: `${what}「${typed}」を数として読み取れません（例：${example}）。入力はそのまま残っています。` };
  const value = Number(s);
  if (value > MAX_COUNT) return { ok: false, message: `${what}が大きすぎます。` };
  return { ok: true, value };
}

/**
 * A 回数 as written in the 内訳 (「×3」「×３回」「10日間」「3回分」) read as its count. The cell still prints as
 * typed (readCount alone decides how a cell prints).
 */
function readTimes(typed: string): CountRead {
  const r = readCount(typed, '回数');
  if (r.ok) return r;
  const bare = typed.trim().replace(/^[×xX✕＊*]\s*/, '').replace(/([回日本個枚])\s*[間分]$/, '$1');
  const again = bare === typed.trim() ? r : readCount(bare, '回数');
  return again.ok ? again : r;
}

/**
 * A 点数 cell that carries its count too (「64,120点×1回」): the 点数 and the count typed after the sign.
 * Undefined when the cell has no such sign.
 */
function splitPointsCell(typed: string): { readonly points: string; readonly times: string } | undefined {
  const m = /^(.*\d\s*点?(?:\s*[/／](?:日|回))?)\s*([×xX✕＊*]\s*[0-9０-９].*)$/.exec(typed.trim());
  return m?.[1] !== undefined && m[2] !== undefined ? { points: m[1], times: m[2] } : undefined;
}

/** A row with nothing typed: a row just added, not yet part of the 内訳. */
export function isBlankRow(row: Readonly<TableRowValue>): boolean {
  return Object.values(row).every((v) => v.trim() === '');
}

export interface InsuredLine {
  /** 0-based row of the table. */
  readonly row: number;
  /** 点数 × 回数, when both read. */
  readonly subtotal?: number;
  /** Why a cell does not read (点数 first). */
  readonly problems: readonly string[];
}

export interface InsuredTotal {
  readonly lines: readonly InsuredLine[];
  /** Sum of the subtotals; undefined while any row does not read or there is no row. */
  readonly points?: number;
}

/** The typed rows (blank rows left out) with their subtotals and the 合計. */
export function insuredTotal(rows: readonly Readonly<TableRowValue>[]): InsuredTotal {
  const lines: InsuredLine[] = [];
  rows.forEach((r, row) => {
    if (isBlankRow(r)) return;
    const typedTimes = (r.times ?? '').trim();
    const inPoints = splitPointsCell(r.points ?? '');
    const points = readCount(inPoints?.points ?? r.points ?? '', '点数');
    // 「64,120点×1回」 with the 回数 cell blank or saying the same count: one count, not two.
    const alsoInPoints = inPoints === undefined ? undefined : readTimes(inPoints.times);
    const times = alsoInPoints !== undefined && typedTimes === '' ? alsoInPoints : readTimes(typedTimes);
    const problems = [points, times].flatMap((x) => (x.ok ? [] : [x.message]));
    if (alsoInPoints?.ok === false && typedTimes !== '') problems.push(alsoInPoints.message);
    if (inPoints && alsoInPoints?.ok && times.ok && alsoInPoints.value !== times.value) problems.push(`点数欄の「${inPoints.times.trim()}」と回数「${typedTimes}」が異なります。回数はどちらか一方に書いてください。`);
    lines.push(points.ok && times.ok && problems.length === 0 ? { row, subtotal: points.value * times.value, problems } : { row, problems });
  });
  const readable = lines.length > 0 && lines.every((l) => l.subtotal !== undefined);
  return readable ? { lines, points: lines.reduce((sum, l) => sum + (l.subtotal ?? 0), 0) } : { lines };
}

/** 「64,120点」 */
export const formatPoints = (points: number): string => `${formatYen(points)}点`;

/** 小計 of one row: 「16,500点」, or '' while its 点数 or 回数 does not read. */
export const SUBTOTAL_COLUMN: ComputedColumn = {
  key: 'subtotal',
  label: '小計',
  width: 19,
  value(row) {
    const l = insuredTotal([row]).lines[0];
    return l?.subtotal === undefined ? '' : formatPoints(l.subtotal);
  },
};

/** The 合計 as printed and shown under the rows: 「合計 103,867点（1,038,670円）」. */
export function insuredSummary(rows: readonly Readonly<TableRowValue>[]): string {
  const t = insuredTotal(rows);
  if (t.lines.length === 0) return '';
  return t.points === undefined ? '合計　（点数・回数を確認してください）' : `合計　${formatPoints(t.points)}（${formatYenWithUnit(t.points * YEN_PER_POINT)}）`;
}

/** Only the 部 of the レセプト, not an item (「検査」「手術」): 記載要領 第6(4) wants each 点数 item. */
const PART_ONLY = /^(?:初・?再診料?|医学管理等?|在宅医療|検査|画像診断|投薬|注射|リハビリテーション|精神科専門療法|処置|手術|麻酔|放射線治療|病理診断|入院料等?|入院基本料|その他)(?:料)?(?:の?(?:合計|小計|計|一式))?$/;

/**
 * Why a 診療報酬項目 is not one 点数 item: 'part' for a 部 of the レセプト (「検査一式」「手術料」
 * 「入院料等（10日分）」), 'bundle' for several items lumped together (「血液検査一式」). Undefined for an item.
 */
export function lumpOf(item: string): 'part' | 'bundle' | undefined {
  const s = item.replace(/[\s　]/g, '').replace(/[（(][^（）()]*[）)]$/, '');
  if (PART_ONLY.test(s)) return 'part';
  if (/(?:一式|まとめて|等の合計|の合計)$/.test(s)) return 'bundle';
  return undefined;
}

/** An 入院料 item counted per day (A100 急性期一般入院料1, A301 特定集中治療室管理料); its 加算 are not the stay. */
const STAY_ITEM = /入院(?:基本)?料|入院医療管理料|治療室管理料|病棟(?:入院)?料/;

/**
 * The days of the stay the 内訳 bills: the sum of the 回数 of its 入院料 rows (a stay split between
 * wards has one row per ward; a lump such as 「入院料等（10日分）」 is not counted). Undefined when no
 * 入院料 row reads (an outpatient technology).
 */
export function stayDays(rows: readonly Readonly<TableRowValue>[]): number | undefined {
  let days: number | undefined;
  for (const r of rows) {
    const item = r.item ?? '';
    if (!STAY_ITEM.test(item) || /加算/.test(item) || lumpOf(item) !== undefined) continue;
    const t = readTimes(r.times ?? '');
    if (t.ok) days = (days ?? 0) + t.value;
  }
  return days;
}
