/**
 * 様式第3号 7-2 実績症例 (issue 15 item 8): the cases listed in its two tables (① 有効性が認められた
 * 事例, ② 認められなかった事例・安全上の問題が発生した事例) and their 「他　例」 make up the 既に実績の
 * ある症例数 stated above them (記載要領 第4(7-2)①②③). A proposed rule: R-P-7 (not in spec §4.3 yet).
 */
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { findCounts, numbersIn } from '../extract';
import { answerOf, atField, inPackage, textOf, type Submission } from '../submission';
import type { Hit, Rule } from '../types';

/** The first count a short typed value states: 「45例」, 「４５症例（うち当院40例）」 → 45; undefined when none. */
function statedCount(typed: string): number | undefined {
  return findCounts(typed)[0]?.value ?? numbersIn(typed)[0];
}

/** Every count of a 「他　例」 line: 「41例（早期胃がん）、3例（胃腺腫）」 → 44; a bare 「41」 → 41. */
function othersCount(typed: string): number {
  const counts = findCounts(typed);
  return counts.length > 0 ? counts.reduce((n, c) => n + c.value, 0) : (numbersIn(typed)[0] ?? 0);
}

const listed = (rows: readonly Readonly<Record<string, string>>[] | undefined): number => (rows ?? []).filter((r) => Object.values(r).some((v) => v.trim() !== '')).length;

function countHits(s: Submission): Hit[] {
  if (!inPackage(s, yoshiki3.id)) return [];
  const done = statedCount(textOf(s, yoshiki3, 'casesDone'));
  const one = listed(answerOf(s, yoshiki3, 'casesEffective'));
  const two = listed(answerOf(s, yoshiki3, 'casesIneffective'));
  const others = othersCount(textOf(s, yoshiki3, 'casesEffectiveOthers')) + othersCount(textOf(s, yoshiki3, 'casesIneffectiveOthers'));
  const total = one + two + others;
  // Nothing stated, or the 実績症例 still in the free text of template version 1: nothing to count.
  if (done === undefined || total === 0 || total === done) return [];
  const parts = [`①の表に${one}例`, `②の表に${two}例`, ...(others > 0 ? [`「他　例」に${others}例`] : [])].join('、');
  return [
    {
      message: `様式第3号の実績症例は合わせて${total}例（${parts}）ですが、既に実績のある症例数は「${textOf(s, yoshiki3, 'casesDone').trim()}」です。表と「他　例」に全症例が入っているか確認してください。`,
      locations: [atField(yoshiki3, 'casesDone'), atField(yoshiki3, 'casesEffective')],
    },
  ];
}

export const caseRecordRules: readonly Rule[] = [
  {
    id: 'R-P-7',
    title: '実績症例の数（様式第3号 7-2）',
    severity: 'warning',
    basis: '記載要領 第4(7-2)①②③：既に実績のある症例数と、実績症例（有効性が認められた事例、認められなかった事例・安全上の問題が発生した事例）',
    check: countHits,
  },
];
