import { describe, expect, it } from 'vitest';
import type { DiffItem } from '../../../shared/changes';
import type { ChangeItem } from '../../../shared/filings/filing-doc';
import { mergeItems, shintaishoRowsOf, uncoveredItems } from '../../../shared/changes/change-items';

const period: DiffItem = {
  id: 'besshi1/yoshiki3/period',
  kind: 'changed',
  place: '別紙1 様式第3号',
  field: '予定試験期間',
  detail: '',
  before: '告示日から2030年3月31日まで',
  after: '告示日から2031年9月30日まで',
  formIds: ['besshi1/yoshiki3'],
};
const cost: DiffItem = { id: 'cost/total', kind: 'changed', place: '別紙1 様式第3号・第5号', field: '先進医療にかかる費用（1症例当たり）', detail: '', before: '44,384円', after: '45,384円', formIds: [] };

let n = 0;
const newId = (): string => `item-${++n}`;

describe('変更申請の項目（issue 13）', () => {
  it('変更箇所を読み込むと、まだ項目にない変更だけが文言・変更前・変更後つきで加わる（書き直した文言は残る）', () => {
    const first = uncoveredItems([], [period], newId);
    expect(first).toEqual([{ id: 'item-1', sourceIds: [period.id], text: '予定試験期間の延長', before: period.before, after: period.after, reason: '', approval: { committeeId: '', date: '' } }]);
    const edited: ChangeItem[] = first.map((i) => ({ ...i, text: '登録期間を18か月延長する', reason: '登録が遅れているため' }));
    const again = uncoveredItems(edited, [period, cost], newId);
    expect(again.map((i) => i.sourceIds)).toEqual([[cost.id]]);
    expect(again[0]?.text).toBe('先進医療にかかる費用（1症例当たり）の変更');
  });

  it('前の項目とまとめると、元の変更箇所・文言・変更前後・理由がつながり、再読み込みでも重複しない', () => {
    const [a, b] = uncoveredItems([], [period, cost], newId);
    if (!a || !b) throw new Error('items');
    const merged = mergeItems({ ...a, reason: '理由A' }, { ...b, reason: '理由B', approval: { committeeId: 'c1', date: '2027-08-01' } });
    expect(merged.sourceIds).toEqual([period.id, cost.id]);
    expect(merged.text).toBe('予定試験期間の延長\n先進医療にかかる費用（1症例当たり）の変更');
    expect(merged.before).toBe(`${period.before}\n${cost.before}`);
    expect(merged.after).toBe(`${period.after}\n${cost.after}`);
    expect(merged.reason).toBe('理由A\n理由B');
    expect(merged.approval).toEqual({ committeeId: 'c1', date: '2027-08-01' });
    expect(uncoveredItems([merged], [period, cost], newId)).toEqual([]);
  });

  it('新旧対照表の行は、変更箇所を正式名称で、変更前・変更後を利用者が直した値で示し、期間の延長を備考に書く', () => {
    const [a, b] = uncoveredItems([], [period, cost], newId);
    if (!a || !b) throw new Error('items');
    const hand: ChangeItem = { ...a, id: 'hand', sourceIds: [], text: '協力医療機関の追加', before: '', after: '架空赤十字病院' };
    const rows = shintaishoRowsOf([a, { ...b, after: '45,384円（税込）' }, hand], [period, cost]);
    expect(rows).toEqual([
      { location: '別紙1 様式第3号　予定試験期間', before: period.before, after: period.after, note: '（18か月延長）' },
      { location: '別紙1 様式第3号・第5号　先進医療にかかる費用（1症例当たり）', before: '44,384円', after: '45,384円（税込）', note: '' },
      { location: '協力医療機関の追加', before: '', after: '架空赤十字病院', note: '' },
    ]);
  });
});
