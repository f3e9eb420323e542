/** The engine is total: a broken rule never hides the others (architecture pattern 2). */
import { expect, test } from 'vitest';
import { evaluate } from '../../../shared/rules/engine';
import type { Rule } from '../../../shared/rules/types';
import { sampleWith } from '../../helpers/rules';

const broken: Rule = { id: 'R-TEST-1', title: '壊れた規則', severity: 'error', basis: '記載要領', check: () => { throw new Error('boom'); } };
const fine: Rule = { id: 'R-TEST-2', title: '規則', severity: { A: 'warning', B: 'error' }, basis: '記載要領', check: () => [{ message: 'いつも出る', locations: [] }] };
const onlyA: Rule = { ...fine, id: 'R-TEST-3', applies: { categories: ['A'] } };

test('a rule that throws becomes an 情報 finding and the other rules still run', () => {
  const f = evaluate([broken, fine, onlyA], sampleWith());
  expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['R-TEST-2', 'error'], ['R-TEST-1', 'info']]);
  expect(f[1]?.message).toContain('点検できませんでした');
});

test('severity follows the 区分 and applicability is honoured', () => {
  const f = evaluate([fine, onlyA], sampleWith({ project: { category: 'A' }, forms: { 'besshi1/yoshiki3': { materials: [] } } }));
  expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['R-TEST-2', 'warning'], ['R-TEST-3', 'warning']]);
});

test('finding keys are stable and unique', () => {
  const f = evaluate([fine, fine], sampleWith());
  expect(new Set(f.map((x) => x.key)).size).toBe(2);
  expect(evaluate([fine], sampleWith())[0]?.key).toBe(f[0]?.key);
});
