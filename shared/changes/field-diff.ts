/**
 * 【主な変更内容】 generated (issue 13 item 1, spec §3.18): every printed fact that differs between the
 * approved baseline (parseResolved of its as-filed copy) and the working copy (resolveFiling of the
 * change filing), one item per changed field — per changed cell of a table or picked record, per
 * added or removed row — with its ＜変更前＞ and ＜変更後＞ exactly as typed and its place by official
 * names. Values are compared as printed (compare.ts): a change of digit width or of 和暦／西暦
 * spelling is no change. Unchanged facts never appear.
 *
 * Item ids are stable across regenerations, so the user's wording, grouping and 理由 can be kept:
 *   '<factId>'                          a field (「besshi1/yoshiki3/period」, 「cost/total」)
 *   '<factId>/<rowKey>/<cellKey>'       a cell of a picked record or site (rowKey = its id)
 *   '<factId>/<rowKey>'                 a record added or removed
 *   '<factId>/<oldKey>><newKey>'        a record replaced by another (a device replaced)
 *   '<factId>/row<n>[/<cellKey>]'       a row typed on the form (n = its number among the typed rows of 変更後)
 *   '<factId>/was-row<n>'               a typed row removed (n = its number among the typed rows of 変更前)
 */
import { diffArrays } from 'diff';
import type { ResolvedFiling } from '../filings/as-filed';
import { FORMS } from '../forms/registry';
import { isEmptyPrinted, samePrinted } from './compare';
import { periodDeltas } from './period';
import { printedFacts, type PrintedFact, type PrintedOptions, type PrintedRow } from './printed';

export interface DiffItem {
  readonly id: string;
  /** 'added': nothing printed before (a site joins); 'removed': nothing printed after. */
  readonly kind: 'changed' | 'added' | 'removed';
  /** The 様式 by official number: 「別紙1 様式第3号」, 「別紙1 様式第3号・第5号・第6号・第7-1号・第7-2号」, 「全様式」. */
  readonly place: string;
  /** The field's official name: 「予定試験期間」, 「①使用する医療機器」, 「先進医療にかかる費用（1症例当たり）」. */
  readonly field: string;
  /** Which record and column, when the field is a table: 「架空市立総合病院：実施責任医師」; '' for a plain field. */
  readonly detail: string;
  /** ＜変更前＞ as printed (typed text as typed); '' when added. */
  readonly before: string;
  /** ＜変更後＞ as printed; '' when removed. */
  readonly after: string;
  /** The 様式 whose print changes (the documents to revise, R-CH-4). */
  readonly formIds: readonly string[];
}

/**
 * The first wording of an item under 【主な変更内容】 (the user rewrites it): 「予定試験期間の延長」,
 * 「①使用する医療機器の変更」, 「実施医療機関（架空赤十字病院）の追加」, 「倫理審査委員会の構成員（山本 浩）の削除」.
 */
export function changeWording(item: Pick<DiffItem, 'kind' | 'field' | 'detail' | 'before' | 'after'>): string {
  const what = item.detail === '' ? item.field : `${item.field}（${item.detail}）`;
  if (item.kind !== 'changed') return `${what}の${item.kind === 'added' ? '追加' : '削除'}`;
  const deltas = /期間/.test(what) ? periodDeltas(item.before, item.after) : [];
  const signs = new Set(deltas.map((d) => Math.sign(d.months ?? d.days ?? 0)));
  const how = signs.size === 1 ? (signs.has(1) ? '延長' : '短縮') : '変更';
  return `${what}の${how}`;
}

/** 「別紙1 様式第3号　予定試験期間」, 「…　①使用する医療機器（蛍光観察用腹腔鏡システム：型式）」: the 変更箇所 column. */
export function changeLocation(item: Pick<DiffItem, 'place' | 'field' | 'detail'>): string {
  const where = item.detail === '' ? item.field : `${item.field}（${item.detail}）`;
  return item.place === '' ? where : `${item.place}　${where}`;
}

function kindOf(before: string, after: string): DiffItem['kind'] {
  return isEmptyPrinted(before) ? 'added' : isEmptyPrinted(after) ? 'removed' : 'changed';
}

/** A whole row as one value: 「医療機器名：…\n型式：…」 (blank cells left out). */
export function rowText(row: PrintedRow): string {
  return row.cells
    .filter((c) => !isEmptyPrinted(c.value))
    .map((c) => `${c.label}：${c.value}`)
    .join('\n');
}

const sameRow = (a: PrintedRow, b: PrintedRow): boolean => a.cells.length === b.cells.length && a.cells.every((c, i) => samePrinted(c.value, b.cells[i]?.value ?? ''));

type Base = Pick<DiffItem, 'place' | 'field' | 'formIds'>;

function cellItems(base: Base, id: string, name: string, a: PrintedRow, b: PrintedRow): DiffItem[] {
  const out: DiffItem[] = [];
  for (const cb of b.cells) {
    const before = a.cells.find((c) => c.key === cb.key)?.value ?? '';
    if (samePrinted(before, cb.value)) continue;
    out.push({ ...base, id: `${id}/${cb.key}`, kind: kindOf(before, cb.value), detail: name === '' ? cb.label : `${name}：${cb.label}`, before, after: cb.value });
  }
  return out;
}

function wholeRow(base: Base, id: string, a: PrintedRow | undefined, b: PrintedRow | undefined, name: string): DiffItem {
  const before = a ? rowText(a) : '';
  const after = b ? rowText(b) : '';
  return { ...base, id, kind: kindOf(before, after), detail: name, before, after };
}

/** Records picked by id (products, people, sites, members, cost lines): matched by id, whatever their order. */
function keyedItems(id: string, base: Base, a: readonly PrintedRow[], b: readonly PrintedRow[]): DiffItem[] {
  const out: DiffItem[] = [];
  const removed = a.filter((x) => !b.some((y) => y.key === x.key));
  const added = b.filter((y) => !a.some((x) => x.key === y.key));
  for (const y of b) {
    const x = a.find((r) => r.key === y.key);
    if (x) out.push(...cellItems(base, `${id}/${y.key}`, y.name || x.name, x, y));
  }
  // One record taken out and another put in: a replacement (a device replaced), one item.
  const pairs = Math.min(removed.length, added.length);
  for (let i = 0; i < pairs; i++) {
    const x = removed[i];
    const y = added[i];
    if (x && y) out.push(wholeRow(base, `${id}/${x.key}>${y.key}`, x, y, ''));
  }
  for (const x of removed.slice(pairs)) out.push(wholeRow(base, `${id}/${x.key}`, x, undefined, x.name));
  for (const y of added.slice(pairs)) out.push(wholeRow(base, `${id}/${y.key}`, undefined, y, y.name));
  return out;
}

/** How a typed row is named in a label: its 名称／氏名 column, else its first written cell (「架空県立がんセンター」). */
function rowName(r: PrintedRow, n: number): string {
  const named = r.cells.find((c) => c.key === 'name' && !isEmptyPrinted(c.value)) ?? r.cells.find((c) => !isEmptyPrinted(c.value));
  return named?.value.split('\n')[0]?.slice(0, 40) ?? `${n}行目`;
}

const sharedCells = (a: PrintedRow, b: PrintedRow): number => a.cells.filter((c, i) => !isEmptyPrinted(c.value) && samePrinted(c.value, b.cells[i]?.value ?? '')).length;

/**
 * Rows taken out and put in at one place, paired as edits of the same row: each new row with the
 * following old row it shares most written cells with (none shared: a row added, not edited).
 */
function pairRows(removed: readonly PrintedRow[], added: readonly PrintedRow[]): Array<readonly [number, number]> {
  const pairs: Array<readonly [number, number]> = [];
  let from = 0;
  added.forEach((y, j) => {
    let best = -1;
    let score = 0;
    for (let i = from; i < removed.length; i++) {
      const x = removed[i];
      const s = x ? sharedCells(x, y) : 0;
      if (s > score) [best, score] = [i, s];
    }
    if (best >= 0) {
      pairs.push([best, j]);
      from = best + 1;
    }
  });
  return pairs;
}

/** Rows typed on a form, matched by position (jsdiff over the rows): rows edited in place give cell items. */
function typedItems(id: string, base: Base, a: readonly PrintedRow[], b: readonly PrintedRow[]): DiffItem[] {
  const out: DiffItem[] = [];
  const changes = diffArrays([...a], [...b], { comparator: sameRow });
  let i = 0;
  let j = 0;
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k];
    if (!c) continue;
    if (!c.added && !c.removed) {
      i += c.count;
      j += c.count;
      continue;
    }
    const next = changes[k + 1];
    const removed = c.removed ? a.slice(i, i + c.count) : [];
    const added = c.added ? b.slice(j, j + c.count) : c.removed && next?.added ? b.slice(j, j + next.count) : [];
    if (c.removed && next?.added) k++;
    const pairs = pairRows(removed, added);
    removed.forEach((x, p) => {
      if (!pairs.some(([r]) => r === p)) out.push(wholeRow(base, `${id}/was-row${i + p + 1}`, x, undefined, rowName(x, i + p + 1)));
    });
    added.forEach((y, p) => {
      const n = j + p + 1;
      const pair = pairs.find(([, q]) => q === p);
      const x = pair ? removed[pair[0]] : undefined;
      out.push(...(x ? cellItems(base, `${id}/row${n}`, rowName(y, n), x, y) : [wholeRow(base, `${id}/row${n}`, undefined, y, rowName(y, n))]));
    });
    i += removed.length;
    j += added.length;
  }
  return out;
}

function rowsOf(f: PrintedFact | undefined): readonly PrintedRow[] {
  return f?.kind === 'rows' ? f.rows : [];
}

function textOf(f: PrintedFact | undefined): string {
  return f?.kind === 'text' ? f.value : '';
}

/** The changes between two lists of printed facts, in the order of 変更後 (facts only in 変更前 last). */
export function diffFacts(before: readonly PrintedFact[], after: readonly PrintedFact[]): DiffItem[] {
  const byId = new Map(before.map((f) => [f.id, f]));
  const ids = new Set(after.map((f) => f.id));
  const out: DiffItem[] = [];
  for (const f of [...after, ...before.filter((x) => !ids.has(x.id))]) {
    const a = byId.get(f.id);
    const b = ids.has(f.id) ? f : undefined;
    const base: Base = { place: f.place, field: f.field, formIds: [...new Set([...(a?.formIds ?? []), ...(b?.formIds ?? [])])] };
    if (f.kind === 'text') {
      const x = textOf(a);
      const y = textOf(b);
      if (!samePrinted(x, y)) out.push({ ...base, id: f.id, kind: kindOf(x, y), detail: '', before: x, after: y });
      continue;
    }
    const x = rowsOf(a);
    const y = rowsOf(b);
    out.push(...keyedItems(f.id, base, x.filter((r) => r.key !== ''), y.filter((r) => r.key !== '')));
    out.push(...typedItems(f.id, base, x.filter((r) => r.key === ''), y.filter((r) => r.key === '')));
  }
  return out;
}

/**
 * Every printed fact that changed from the approved baseline to the working copy, labelled by
 * official names. Both are resolved filings (the baseline read from its frozen copy, so it prints
 * with the masters it was filed with).
 */
export function diffFilings(baseline: ResolvedFiling, working: ResolvedFiling, options: PrintedOptions = {}): DiffItem[] {
  return diffFacts(printedFacts(baseline, options), printedFacts(working, options));
}

/** The 様式 to revise for a set of change items (R-CH-4's list of documents), in filing order. */
export function formsToRevise(items: readonly Pick<DiffItem, 'formIds'>[]): string[] {
  const ids = new Set(items.flatMap((i) => i.formIds));
  return FORMS.filter((f) => ids.has(f.id)).map((f) => f.id);
}
