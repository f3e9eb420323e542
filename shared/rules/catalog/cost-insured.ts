/**
 * §4.1 R-C-6: 様式第6号's basis — the typical case, the 被保険者区分, and the 保険外併用療養費分 itemised
 * per 診療報酬点数 item whose 合計点数 × 10円 equals the amounts stated above it.
 */
import { yoshiki6 } from '../../forms/besshi1/yoshiki6';
import { formatPoints, insuredTotal, isPartTotal, YEN_PER_POINT } from '../../forms/besshi1/yoshiki6/insured-items';
import { formatYenWithUnit, parseYen } from '../../money/yen';
import { answerOf, atField, inPackage, textOf, type Submission } from '../submission';
import type { Hit, Rule } from '../types';

const readYen = (v: unknown): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const r = parseYen(v);
  return r.ok ? r.value : undefined;
};

/**
 * 様式第6号's 内訳 (R-C-6): each row an individual 点数 item whose 点数 and 回数 read, and the 合計点数 × 10円
 * equal to the amounts stated above it (保険外併用療養費（保険者負担）＋一部負担金).
 */
function insuredRowHits(s: Submission): Hit[] {
  const out: Hit[] = [];
  const rows = answerOf(s, yoshiki6, 'insuredRows') ?? [];
  const where = (row: number) => atField(yoshiki6, 'insuredRows', { row, label: `様式第6号（保険外併用療養費分の内訳 ${row + 1}行目）` });
  const total = insuredTotal(rows);
  for (const line of total.lines) {
    const item = rows[line.row]?.item ?? '';
    if (line.problems.length > 0) out.push({ message: `保険外併用療養費分の内訳の${line.row + 1}行目（${item.trim() || '項目名なし'}）：${line.problems.join('')}`, locations: [where(line.row)], discriminator: `row${line.row}:read` });
    if (item.trim() === '') out.push({ message: `保険外併用療養費分の内訳の${line.row + 1}行目に診療報酬項目がありません。`, locations: [where(line.row)], discriminator: `row${line.row}:item` });
    else if (isPartTotal(item)) out.push({ severity: 'warning', message: `保険外併用療養費分の内訳の${line.row + 1}行目「${item.trim()}」は部ごとの合計です。「検査」「手術」などの部ごとではなく、個々の診療報酬点数ごとに書いてください。`, locations: [where(line.row)], discriminator: `row${line.row}:part` });
  }
  const insurer = readYen(answerOf(s, yoshiki6, 'insurerShare'));
  const copay = readYen(answerOf(s, yoshiki6, 'copayment'));
  if (total.points !== undefined && insurer !== undefined && copay !== undefined && total.points * YEN_PER_POINT !== insurer + copay) {
    const yen = total.points * YEN_PER_POINT;
    out.push({
      message: `保険外併用療養費分の内訳の合計（${formatPoints(total.points)}＝${formatYenWithUnit(yen)}）が、保険外併用療養費（保険者負担）${formatYenWithUnit(insurer)}と一部負担金${formatYenWithUnit(copay)}の合計（${formatYenWithUnit(insurer + copay)}）と一致しません（差 ${formatYenWithUnit(Math.abs(yen - insurer - copay))}）。`,
      locations: [atField(yoshiki6, 'insuredRows', { label: '様式第6号（保険外併用療養費分の内訳の合計）' }), atField(yoshiki6, 'insurerShare'), atField(yoshiki6, 'copayment')],
      discriminator: 'total',
    });
  }
  return out;
}

export const insuredRules: readonly Rule[] = [
  {
    id: 'R-C-6',
    title: '様式第6号の算定の前提',
    severity: 'error',
    basis: '記載要領 第6(2)(3)(4)：典型的な症例で、健康保険被保険者本人として算定（他の場合はその旨）、保険外併用療養費分は点数の項目ごとに（合計点数×10円＝保険外併用療養費分）',
    check(s) {
      if (!inPackage(s, yoshiki6.id)) return [];
      const out: Hit[] = [...insuredRowHits(s)];
      if (textOf(s, yoshiki6, 'insuredBasis') === 'その他' && textOf(s, yoshiki6, 'insuredBasisNote').trim() === '') {
        out.push({ message: '健康保険被保険者本人以外で算定する場合は、その区分を「被保険者区分の説明」に記載してください。', locations: [atField(yoshiki6, 'insuredBasisNote')] });
      }
      for (const key of ['insurerShare', 'copayment'] as const) {
        const v = answerOf(s, yoshiki6, key);
        if (typeof v === 'string' && v.trim() !== '' && !parseYen(v).ok) out.push({ message: `${atField(yoshiki6, key).label}が金額として読み取れません（「${v}」）。`, locations: [atField(yoshiki6, key)] });
      }
      return out;
    },
  },
];
