/** 「この値に統一」 rewrites only the typed amounts, in the style they were typed. */
import { expect, test } from 'vitest';
import { checkSubmission } from '../../../shared/rules';
import { planUnify } from '../../../shared/rules/agreement';
import { text } from '../../../shared/rules/submission';
import { sampleWith } from '../../helpers/rules';

const Y5 = 'besshi1/yoshiki5';
const Y3 = 'besshi1/yoshiki3';

test('R-C-1: unifying on the 積算 value rewrites both forms and the error goes away', () => {
  const change = { forms: { [Y5]: { costText: '先進医療にかかる費用は２２，０００円とする。' }, [Y3]: { patientBurden: '費用（¥22,000）は全額患者負担。' } } };
  const s = sampleWith(change);
  const errors = checkSubmission(s).filter((f) => f.ruleId === 'R-C-1');
  expect(errors).toHaveLength(2);
  const agreement = errors[0]?.agreement;
  if (!agreement) throw new Error('no agreement');
  expect(agreement.places.map((p) => p.location.doc)).toEqual(['cost', Y3, Y5]);
  const model = agreement.places.find((p) => !p.span);
  if (!model) throw new Error('no model place');
  const plan = planUnify(agreement, model, (doc, field) => text(s, doc, field));
  expect(plan.blocked).toEqual([]);
  const total = s.facts.cost.total.toLocaleString('ja-JP');
  const fw = total.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/,/g, '，');
  expect(plan.edits.map((e) => e.after)).toEqual([`費用（¥${total}）は全額患者負担。`, `先進医療にかかる費用は${fw}円とする。`]);

  const fixed = sampleWith({ forms: Object.fromEntries(plan.edits.map((e) => [e.doc, { [e.field]: e.after }])) });
  expect(checkSubmission(fixed).filter((f) => f.severity === 'error')).toEqual([]);
});

test('choosing a typed value that differs from the 積算 reports the 積算 as blocked, and a stale text is not overwritten', () => {
  const s = sampleWith({ forms: { [Y5]: { costText: '費用は22,000円。' }, [Y3]: { patientBurden: '費用は23,000円。' } } });
  const agreement = checkSubmission(s).find((f) => f.ruleId === 'R-C-1')?.agreement;
  const typed = agreement?.places.find((p) => p.value === '22000');
  if (!agreement || !typed) throw new Error('missing');
  const plan = planUnify(agreement, typed, (doc, field) => (doc === Y3 ? '書き換えられた本文' : text(s, doc, field)));
  expect(plan.blocked.map((p) => p.location.doc)).toEqual(['cost']);
  expect(plan.stale.map((p) => p.location.doc)).toEqual([Y3]);
  expect(plan.edits).toEqual([]);
});
