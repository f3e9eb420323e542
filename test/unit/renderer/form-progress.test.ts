/**
 * Honest progress (issue 15 item 3): the form tree and the project page list only the package the
 * project's 新規届出 prints, say why each form is needed, never count a form with an error as done,
 * and show forms with nothing to type by where they come from — never a green 「0/0」.
 */
import { describe, expect, test } from 'vitest';
import type { Filing } from '../../../shared/filings/filing';
import { packageForms } from '../../../shared/forms/package-document';
import { formById } from '../../../shared/rules/submission';
import { checkSubmission } from '../../../shared/rules';
import { formNeed, formProgress, packageProgress, progressSpoken, projectPackage } from '../../../renderer/forms/form-sources';
import { sampleWith } from '../../helpers/rules';

const B = { category: 'B' as const, filingDate: '2027-04-05' };
const filing = (over: Partial<Filing>): Pick<Filing, 'kind' | 'packageId' | 'status'> => ({ kind: 'new', status: 'draft', ...over });
const form = (id: string) => {
  const f = formById(id);
  if (!f) throw new Error(id);
  return f;
};

describe('the project package (the 新規届出 filing’s, as it prints)', () => {
  test('a 先進医療B project lists the 10 forms of 新規届出（先進医療B）: not 様式第1-2号, 第4号 or 別紙2', () => {
    const pkg = projectPackage([filing({ packageId: 'new-b' })], B, '2027-01-01');
    expect(pkg.id).toBe('new-b');
    const numbers = packageForms(pkg).map((f) => f.number);
    expect(numbers).toEqual(['様式第1-1号', '様式第2号', '様式第3号', '様式第5号', '様式第6号', '様式第7-1号', '様式第7-2号', '様式第8-1号', '様式第8-2号', '様式第9号']);
  });

  test('the draft 新規届出 decides (an approved older one does not), else the newest, else the 区分', () => {
    expect(projectPackage([filing({ packageId: 'new-b', status: 'approved' }), filing({ packageId: 'outsourcing' })], B, '2027-01-01').id).toBe('outsourcing');
    expect(projectPackage([filing({ packageId: 'new-a', status: 'approved' }), filing({ kind: 'change', packageId: 'new-b' })], B, '2027-01-01').id).toBe('new-a');
    expect(projectPackage([filing({ packageId: 'new-b', status: 'withdrawn' })], { category: 'A', filingDate: '' }, '2027-01-01').id).toBe('new-a');
    expect(projectPackage([], B, '2027-01-01').id).toBe('new-b');
  });

  test('each form says why it is needed: 様式第6号 and 第8-2号 with what they state', () => {
    const pkg = projectPackage([], B, '2027-01-01');
    const y6 = formNeed(form('besshi1/yoshiki6'), pkg);
    expect(y6.neededFor).toBe('先進医療Bの新規届出に必要');
    expect(y6.long).toContain('保険外併用療養費分');
    expect(formNeed(form('besshi1/yoshiki8-2'), pkg).long).toContain('診療科別の常勤医師数');
    expect(formNeed(form('besshi1/yoshiki8-2'), { id: 'cooperating' }).neededFor).toBe('協力医療機関の届出に必要');
  });
});

describe('where a form stands', () => {
  test('the sample: every counted form is done, and nothing is green without items to type', () => {
    const s = sampleWith();
    const findings = checkSubmission(s);
    const progress = packageForms(projectPackage([], B, '2027-01-01')).map((f) => formProgress(f, s.forms.get(f.id) ?? {}, 'B', 'p1', findings));
    expect(packageProgress(progress)).toEqual({ done: 7, counted: 7 });
    const byKind = progress.map((p) => p.kind);
    expect(byKind.filter((k) => k === 'from')).toHaveLength(2); // 7-1, 7-2
    expect(byKind.filter((k) => k === 'printed')).toHaveLength(1); // 8-1
    expect(progress.filter((p) => p.kind !== 'count').every((p) => !p.done)).toBe(true);
  });

  test('a form whose required items are all filled but with an error is not done (「3/3」 no longer green)', () => {
    const s = sampleWith({ forms: { 'besshi1/yoshiki5': { costText: '先進医療にかかる費用は、１人当たり２２，０００円である。' } } });
    const findings = checkSubmission(s);
    const p = formProgress(form('besshi1/yoshiki5'), s.forms.get('besshi1/yoshiki5') ?? {}, 'B', 'p1', findings);
    expect(p).toMatchObject({ kind: 'count', required: 3, filled: 3, done: false });
    expect(p.errors).toBeGreaterThan(0);
    expect(progressSpoken(p)).toMatch(/^必須3項目中3項目入力済み、エラー\d+件$/);
  });

  test('blank required items are the count, not errors too (R-REQ is not counted twice)', () => {
    const s = sampleWith({ forms: { 'besshi1/yoshiki5': { advancement: '', outline: '', effect: '' } } });
    const p = formProgress(form('besshi1/yoshiki5'), s.forms.get('besshi1/yoshiki5') ?? {}, 'B', 'p1', checkSubmission(s));
    expect(p).toMatchObject({ kind: 'count', required: 3, filled: 0, errors: 0, done: false });
  });

  test('様式第7-1号・第7-2号 come from 費用の計算 and 第8-1号 from the 職員名簿 — never 「必須 0/0」', () => {
    const p71 = formProgress(form('besshi1/yoshiki7-1'), {}, 'B', 'p1', []);
    expect(p71).toMatchObject({ kind: 'from', screen: '費用の計算', href: '/projects/p1/cost', done: false });
    expect(progressSpoken(p71)).toBe('費用の計算から作成');
    const p81 = formProgress(form('besshi1/yoshiki8-1'), {}, 'B', 'p1', []);
    expect(p81).toMatchObject({ kind: 'printed', screen: '職員名簿', done: false });
    expect(progressSpoken(p81)).not.toMatch(/0\/0|0項目/);
  });

  test('before the check has run, a filled form is counted by its items only', () => {
    const s = sampleWith();
    expect(formProgress(form('besshi1/yoshiki6'), s.forms.get('besshi1/yoshiki6') ?? {}, 'B', 'p1', undefined)).toMatchObject({ done: true, errors: 0 });
  });
});
