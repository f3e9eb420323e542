/**
 * Word-level diff of Japanese text for the 新旧対照表 (issue 13 item 2): which words of 変更前 and of
 * 変更後 changed, as runs with those words underlined (TextRun mark 'underline', drawn by the PDF
 * layout and written as w:u by the Word backend).
 *
 * Words come from Intl.Segmenter('ja', { granularity: 'word' }); a number is kept together with its
 * counter (「36か月」, 「120例」, 「67,685円」) and a date with its parts (「2031年3月31日」,
 * 「令和１３年３月３１日」), so a changed date is one underlined word, not three scattered digits. The
 * diff itself is jsdiff's diffArrays, over the lines first and then over the words of the lines that
 * changed (an unchanged line is never marked). Tokens are compared as printed (NFKC): a word that differs
 * only in full-width / half-width digits is not marked. Joining the runs gives back each text exactly.
 */
import { diffArrays } from 'diff';
import type { TextRun } from '../document/model';

let segmenter: Intl.Segmenter | undefined;

const NUMBER = /^[0-9０-９][0-9０-９,，.．]*$/;
const ERA = /^(令和|平成|昭和|大正|明治)$/;
/** Words that count what the number before them counts (the segmenter splits 「36か月」 as 36|か|月). */
const COUNTERS = new Set([
  '年', '年間', '年度', 'か', 'ヶ', 'ヵ', 'カ', 'ケ', '箇', '個', '月', '月間', 'か月', 'ヶ月', 'カ月', '箇月', '日', '日間', '週', '週間', '時間', '分', '秒',
  '円', '万', '万円', '億', '億円', '千', '例', '症例', '名', '人', '回', '歳', '件', '床', '施設', '台', '本', '枚', '部', '%', '％', '倍', '割',
  'mg', 'mL', 'ml', 'g', 'kg', 'cm', 'mm', '号', '条', '項', '号室',
]);
/** After a date or duration part, the next number belongs to the same one: 年 → 月 → 日, 「3年6か月」. */
const MONTHS = new Set(['月', 'か', 'ヶ', 'ヵ', 'カ', 'ケ', '箇', 'か月', 'ヶ月', 'カ月', '箇月']);
const CONTINUES: Readonly<Record<string, ReadonlySet<string>>> = { 年: MONTHS, 月: new Set(['日']) };

function words(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return Array.from(text);
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const isNumber = (s: string | undefined): boolean => s !== undefined && NUMBER.test(s);

/**
 * The words of `text` for the diff, in order; joined they are `text` exactly. A number keeps its
 * counters (「3年間」「36か月」), an era its year, and a date its month and day (「2031年3月31日」).
 */
export function diffTokens(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  let i = 0;
  while (i < w.length) {
    const first = w[i] ?? '';
    const startsNumber = isNumber(first) || (ERA.test(first) && (isNumber(w[i + 1]) || w[i + 1] === '元' || w[i + 1] === '元年'));
    if (!startsNumber) {
      out.push(first);
      i++;
      continue;
    }
    let token = first;
    let j = i + 1;
    let last = '';
    // 「令和元年」 is one word of the segmenter; 「令和13年」 is three.
    if (ERA.test(first) && w[j] === '元年') {
      token += w[j++] ?? '';
      last = '年';
    } else if (ERA.test(first)) token += w[j++] ?? '';
    // Counters after the number; then, after 年 or 月, the next part of the same date or duration.
    for (;;) {
      const next = CONTINUES[last];
      if (last !== '' && next !== undefined && isNumber(w[j]) && next.has(w[j + 1] ?? '')) token += w[j++] ?? '';
      else if (last !== '') break;
      last = '';
      while (j < w.length && COUNTERS.has(w[j] ?? '')) {
        last = w[j] ?? '';
        token += last;
        j++;
      }
      if (last === '') break;
    }
    out.push(token);
    i = j;
  }
  return out;
}

/** How two words are compared: as printed, so 「３６か月」 and 「36か月」 are the same word. */
const comparable = (s: string): string => s.normalize('NFKC');

/** More edits than this between two texts: the texts are marked as wholly changed (a rewrite, and the diff stays fast). */
const MAX_EDITS = 4000;

export interface WordDiff {
  /** 変更前 as runs: the words not in 変更後 are underlined. */
  readonly before: readonly TextRun[];
  /** 変更後 as runs: the words not in 変更前 are underlined. */
  readonly after: readonly TextRun[];
}

function pushRun(runs: TextRun[], text: string, marked: boolean): void {
  if (text === '') return;
  const last = runs[runs.length - 1];
  if (last && (last.mark === 'underline') === marked) runs[runs.length - 1] = marked ? { text: last.text + text, mark: 'underline' } : { text: last.text + text };
  else runs.push(marked ? { text, mark: 'underline' } : { text });
}

interface Op {
  readonly same: boolean;
  /** The tokens of 変更前 and of 変更後 this op covers (for a common op, each side's own spelling). */
  readonly a: readonly string[];
  readonly b: readonly string[];
}

const chars = (t: readonly string[]): number => t.reduce((n, s) => n + Array.from(s).length, 0);

/**
 * Semantic cleanup (as diff-match-patch's): a short common stretch between two changes is part of
 * the change — 「研究費で負担し、患者には請求しない」 → 「患者負担とする」 marks the two phrases, not
 * every piece around a chance common 「患者」. A stretch is kept when it is longer than the changes on
 * either side of it.
 */
function cleanup(ops: Op[]): Op[] {
  let list = ops;
  for (let changed = true; changed; ) {
    changed = false;
    const sizeAround = (from: number, step: number): number => {
      let a = 0;
      let b = 0;
      for (let k = from; k >= 0 && k < list.length && !list[k]?.same; k += step) {
        a += chars(list[k]?.a ?? []);
        b += chars(list[k]?.b ?? []);
      }
      return Math.max(a, b);
    };
    for (let k = 1; k < list.length - 1; k++) {
      const op = list[k];
      if (!op?.same || list[k - 1]?.same !== false || list[k + 1]?.same !== false) continue;
      const n = Math.max(chars(op.a), chars(op.b));
      if (n > sizeAround(k - 1, -1) || n > sizeAround(k + 1, 1)) continue;
      list = [...list.slice(0, k), { same: false, a: op.a, b: op.b }, ...list.slice(k + 1)];
      changed = true;
    }
    // Neighbouring changes become one.
    const merged: Op[] = [];
    for (const op of list) {
      const last = merged[merged.length - 1];
      if (last && !last.same && !op.same) merged[merged.length - 1] = { same: false, a: [...last.a, ...op.a], b: [...last.b, ...op.b] };
      else merged.push(op);
    }
    list = merged;
  }
  return list;
}

/** The ops of a word diff of two texts (jsdiff over their tokens), each side in its own spelling. */
function tokenOps(beforeText: string, afterText: string): Op[] {
  const a = diffTokens(beforeText);
  const b = diffTokens(afterText);
  const changes = diffArrays(a.map(comparable), b.map(comparable), { maxEditLength: MAX_EDITS });
  if (!changes) return [{ same: false, a, b }];
  // Walk both token lists by the counts of the changes: the ops carry each side's own spelling.
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const ta = c.added ? [] : a.slice(i, i + c.count);
    const tb = c.removed ? [] : b.slice(j, j + c.count);
    ops.push({ same: !c.added && !c.removed, a: ta, b: tb });
    i += ta.length;
    j += tb.length;
  }
  return ops;
}

/** The lines of a text, each with its line break; joined they are the text. */
const lines = (text: string): string[] => (text === '' ? [] : text.split(/(?<=\n)/));
/** How two lines are compared: as printed, whatever ends them. */
const lineKey = (line: string): string => comparable(line.replace(/\r?\n$/, ''));

/**
 * 変更前 and 変更後 with the changed words underlined. Identical texts (as printed) have no marks;
 * each side's runs join to that side's text exactly. White space that changed is not marked (an
 * underline under nothing tells the reader nothing).
 *
 * Lines are matched first (jsdiff over the lines): a line found unchanged in both is never marked,
 * and the words are diffed within each stretch of changed lines. Otherwise a removed line that
 * shares words with an unchanged one (「医薬品医療機器法承認又は認証上の適応：…」 beside 「医薬品
 * 医療機器法上の適応外使用の該当：適応内」, a device's row) could be matched across lines, and the
 * unchanged line underlined.
 */
export function wordDiff(beforeText: string, afterText: string): WordDiff {
  const la = lines(beforeText);
  const lb = lines(afterText);
  const before: TextRun[] = [];
  const after: TextRun[] = [];
  const emit = (ops: readonly Op[]): void => {
    for (const op of ops) {
      for (const t of op.a) pushRun(before, t, !op.same && t.trim() !== '');
      for (const t of op.b) pushRun(after, t, !op.same && t.trim() !== '');
    }
  };
  const changes = diffArrays(la.map(lineKey), lb.map(lineKey), { maxEditLength: MAX_EDITS });
  if (!changes) {
    emit(cleanup(tokenOps(beforeText, afterText)));
    return { before, after };
  }
  // A stretch of changed lines (removed, added or both) is diffed word by word at the next unchanged line.
  const removed: string[] = [];
  const added: string[] = [];
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) emit(cleanup(tokenOps(removed.join(''), added.join(''))));
    removed.length = 0;
    added.length = 0;
  };
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const a = c.added ? [] : la.slice(i, i + c.count);
    const b = c.removed ? [] : lb.slice(j, j + c.count);
    i += a.length;
    j += b.length;
    if (c.added || c.removed) {
      removed.push(...a);
      added.push(...b);
    } else {
      flush();
      emit([{ same: true, a, b }]);
    }
  }
  flush();
  return { before, after };
}

/** The underlined words of a side, in order (what a reader sees marked). */
export function markedWords(runs: readonly TextRun[]): string[] {
  return runs.filter((r) => r.mark === 'underline').map((r) => r.text);
}
