/**
 * Checked pairs of docs/facts.md (issue 15 item 1): a fact the forms ask twice is compared as typed
 * — full-width digits, 和暦 dates and parenthesised notes — and 「この値に統一」 rewrites only the
 * stated number (or the whole sentence for free text).
 */
import { describe, expect, test } from 'vitest';
import { planUnify } from '../../../shared/rules/agreement';
import { wholeAnswerAgreement } from '../../../shared/rules/catalog/facts-pairs';
import type { Finding } from '../../../shared/rules/types';
import { findingsOf, sampleWith, type Change } from '../../helpers/rules';

const Y11 = 'besshi1/yoshiki1-1';
const Y2 = 'besshi1/yoshiki2';
const Y3 = 'besshi1/yoshiki3';
const Y82 = 'besshi1/yoshiki8-2';

/** The sample as a coordinator would leave it: the same その他の措置 in 第1-1号 and 第3号. */
const SAME_MEASURES = '本技術に起因する健康被害が生じた場合は、適切な医療を提供する。';
const base = (forms: Change['forms'] = {}): Change => ({ forms: { [Y11]: { otherMeasures: SAME_MEASURES }, ...forms } });

function only(change: Change, ruleId: string): Finding {
  const hits = findingsOf(change, ruleId);
  expect(hits, hits.map((h) => h.message).join('\n') || '(no finding)').toHaveLength(1);
  return hits[0]!;
}

/** What 「この値に統一」 writes when the user picks the place in `chosenDoc`. */
function unifiedTo(change: Change, ruleId: string, chosenDoc: string): Array<{ doc: string; after: string }> {
  const f = only(change, ruleId);
  const a = f.agreement!;
  const s = sampleWith(change);
  const chosen = a.places.find((p) => p.location.doc === chosenDoc)!;
  const plan = planUnify(a, chosen, (doc, field) => {
    const v = s.forms.get(doc)?.[field];
    return typeof v === 'string' ? v : '';
  });
  expect(plan.blocked).toEqual([]);
  expect(plan.stale).toEqual([]);
  return plan.edits.map((e) => ({ doc: e.doc, after: e.after }));
}

describe('R-P-6 既に実績のある症例数: 様式第3号 (7-2) and 様式第8-2号', () => {
  test('20 vs ２２ (full-width, 和暦 as-of note) is flagged at both fields', () => {
    const change = base({ [Y3]: { casesDone: '20例（令和８年３月３１日現在）' }, [Y82]: { casesDone: '２２例' } });
    const f = only(change, 'R-P-6');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('「20例」');
    expect(f.message).toContain('「２２例」');
    expect(f.locations.map((l) => `${l.doc}:${l.field ?? ''}`)).toEqual([`${Y3}:casesDone`, `${Y82}:casesDone`]);
  });

  test('この値に統一 rewrites only the digits and keeps the 和暦 note as typed', () => {
    const change = base({ [Y3]: { casesDone: '20例（令和８年３月３１日現在）' }, [Y82]: { casesDone: '２２例' } });
    expect(unifiedTo(change, 'R-P-6', Y82)).toEqual([{ doc: Y3, after: '22例（令和８年３月３１日現在）' }]);
    // 「２２例」 was typed in full-width digits: it stays full-width.
    expect(unifiedTo(change, 'R-P-6', Y3)).toEqual([{ doc: Y82, after: '２０例' }]);
  });

  test('silent when the same count is written in full-width digits with a parenthesised breakdown', () => {
    const change = base({ [Y3]: { casesDone: '２２例（うち３例は他院で実施）' }, [Y82]: { casesDone: '22例' } });
    expect(findingsOf(change, 'R-P-6')).toEqual([]);
  });
});

describe('R-ID-11 当直体制: 様式第2号 and 様式第8-2号', () => {
  test('３名 vs 2名 is flagged; a count inside a note is not read as the number of the sentence', () => {
    const change = base({ [Y2]: { applicantDuty: '外科系当直医師 ３名（消化器外科1名を含む）' }, [Y82]: { nightDuty: '外科系当直医師 2名' } });
    const f = only(change, 'R-ID-11');
    expect(f.message).toContain('「３名」');
    expect(f.message).not.toContain('「1名」');
    expect(unifiedTo(change, 'R-ID-11', Y82)).toEqual([{ doc: Y2, after: '外科系当直医師 ２名（消化器外科1名を含む）' }]);
  });

  test('silent when the totals agree (「内科1名、外科2名」 = 「当直医師 ３名」)', () => {
    const change = base({ [Y2]: { applicantDuty: '内科1名、外科2名' }, [Y82]: { nightDuty: '当直医師 ３名（令和７年４月１日から）' } });
    expect(findingsOf(change, 'R-ID-11')).toEqual([]);
  });

  test('several counts on one side: flagged without a rewrite that would guess which number to change', () => {
    const f = only(base({ [Y2]: { applicantDuty: '内科1名、外科1名' }, [Y82]: { nightDuty: '当直医師 ３名' } }), 'R-ID-11');
    expect(f.agreement).toBeUndefined();
  });
});

describe('R-ID-10 その他の措置: 様式第1-1号 and 様式第3号(9)', () => {
  test('two different sentences are flagged, and この値に統一 copies the chosen sentence', () => {
    const other = '本技術に起因する健康被害が生じた場合は、通常の保険診療の範囲で適切な医療を提供する。';
    const change: Change = { forms: { [Y11]: { otherMeasures: other }, [Y3]: { otherMeasures: SAME_MEASURES } } };
    const f = only(change, 'R-ID-10');
    expect(f.locations.map((l) => l.doc)).toEqual([Y11, Y3]);
    expect(unifiedTo(change, 'R-ID-10', Y11)).toEqual([{ doc: Y3, after: other }]);
  });

  test('silent when only spaces, width or the final 「。」 differ', () => {
    const change: Change = { forms: { [Y11]: { otherMeasures: '健康被害には 適切な医療を提供する（費用は当院負担）' }, [Y3]: { otherMeasures: '健康被害には適切な医療を提供する(費用は当院負担)。' } } };
    expect(findingsOf(change, 'R-ID-10')).toEqual([]);
  });
});

describe('wholeAnswerAgreement (for R-X-4 補償の有無・保険への加入の有無)', () => {
  test('choosing 様式第3号の「有」 rewrites 様式第1-1号の「無」, and nothing else', () => {
    const a = wholeAnswerAgreement('補償の有無', [
      { location: { doc: Y11, field: 'compensation', label: '様式第1-1号「補償の有無」' }, text: '無' },
      { location: { doc: Y3, field: 'compensation', label: '様式第3号「補償の有無」' }, text: '有' },
    ]);
    const stored: Record<string, string> = { [Y11]: '無', [Y3]: '有' };
    const plan = planUnify(a, a.places[1]!, (doc) => stored[doc] ?? '');
    expect(plan.edits).toEqual([{ doc: Y11, field: 'compensation', before: '無', after: '有' }]);
  });
});
