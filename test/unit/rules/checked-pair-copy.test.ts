/**
 * Issue 15, 「each fact typed once」: a checked pair of docs/facts.md (補償の有無, 保険への加入の有無,
 * その他の措置, 当直体制, 既に実績のある症例数) left blank on its second form is not typed again: its
 * 未記入 finding offers 「この値に統一」, which writes the other form's answer into it. A blank place
 * is never the value (choosing it would erase the typed one).
 */
import { describe, expect, test } from 'vitest';
import { planUnify } from '../../../shared/rules/agreement';
import type { Finding } from '../../../shared/rules/types';
import { findingsOf, sampleWith, type Change } from '../../helpers/rules';

const Y11 = 'besshi1/yoshiki1-1';
const Y2 = 'besshi1/yoshiki2';
const Y3 = 'besshi1/yoshiki3';
const Y82 = 'besshi1/yoshiki8-2';

function missing(change: Change, doc: string, field: string): Finding {
  const hits = findingsOf(change, 'R-REQ').filter((f) => f.locations[0]?.doc === doc && f.locations[0].field === field);
  expect(hits).toHaveLength(1);
  return hits[0]!;
}

/** What 「この値に統一」 writes when the place in `chosenDoc` is chosen. */
function copied(change: Change, f: Finding, chosenDoc: string) {
  const s = sampleWith(change);
  const a = f.agreement!;
  const chosen = a.places.find((p) => p.location.doc === chosenDoc)!;
  return planUnify(a, chosen, (doc, field) => {
    const v = s.forms.get(doc)?.[field];
    return typeof v === 'string' ? v : '';
  });
}

describe('a checked pair typed on one form only', () => {
  test.each([
    ['補償の有無', Y3, 'compensation', Y11, '有', '様式第1-1号「補償の有無」'],
    ['保険への加入の有無', Y3, 'insurance', Y11, '有', '様式第1-1号「保険への加入の有無」'],
    ['その他の措置', Y3, 'otherMeasures', Y11, '補償金の対象とならない健康被害が生じた場合も、通常の保険診療の範囲で適切な医療を提供する。', '様式第1-1号「その他の措置」'],
    ['当直体制', Y82, 'nightDuty', Y2, '外科系当直医師 3名（消化器外科1名を含む）', '様式第2号「当直体制（申請医療機関）」'],
    ['既に実績のある症例数', Y82, 'casesDone', Y3, '45例', '様式第3号「既に実績のある症例数」'],
  ])('%s: the 未記入 finding says where it is typed and 「この値に統一」 copies it', (fact, doc, field, from, value, where) => {
    const change: Change = { forms: { [doc]: { [field]: '' } } };
    const f = missing(change, doc, field);
    expect(f.severity).toBe('error');
    expect(f.message).toContain(`${where}に同じ事実が記入されています（「この値に統一」で写せます）。`);
    expect(f.agreement?.fact).toBe(fact);
    expect(f.agreement?.places.map((p) => [p.location.doc, p.value])).toEqual([
      [from, value],
      [doc, ''],
    ]);
    const plan = copied(change, f, from);
    expect(plan.stale).toEqual([]);
    expect(plan.edits).toEqual([{ doc, field, before: '', after: value }]);
  });

  test('the blank place is never the value: choosing it writes nothing (the typed answer stays)', () => {
    const change: Change = { forms: { [Y3]: { otherMeasures: '' } } };
    const f = missing(change, Y3, 'otherMeasures');
    expect(copied(change, f, Y3).edits).toEqual([]);
  });

  test('both blank: the plain 未記入, nothing to copy', () => {
    const change: Change = { forms: { [Y11]: { otherMeasures: '' }, [Y3]: { otherMeasures: '' } } };
    const f = missing(change, Y3, 'otherMeasures');
    expect(f.message).toBe('様式第3号「その他の措置」が未記入です。');
    expect(f.agreement).toBeUndefined();
  });
});
