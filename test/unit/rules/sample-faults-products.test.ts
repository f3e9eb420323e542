/**
 * Issue 16: two faults a reviewer found in the old sample, and the checks added for them.
 * - R-X-4: 補償 無 while 保険 有, with nothing saying why (a 臨床研究保険 normally funds the 補償).
 * - R-X-6: a 実施医療機関 whose 実施診療科 is none of 様式第9号's 「診療科」 for the 実施責任医師.
 */
import { describe, expect, test } from 'vitest';
import { departmentAlternatives, explainsNoCompensation } from '../../../shared/rules/catalog/products';
import { findingsOf, siteOf } from '../../helpers/rules';

const Y11 = 'besshi1/yoshiki1-1';
const Y2 = 'besshi1/yoshiki2';
const Y3 = 'besshi1/yoshiki3';
const Y9 = 'besshi1/yoshiki9';

const OLD_DETAIL = '臨床研究保険（架空損害保険株式会社）に加入する。';
const OLD_MEASURES = '本技術に起因する健康被害が生じた場合は、通常の保険診療の範囲で適切な医療を提供する。';
const noCompensation = (detail: string, measures: string) => ({
  forms: { [Y11]: { compensation: '無', insurance: '有', otherMeasures: measures }, 'besshi1/yoshiki1-2': { compensation: '無' }, [Y3]: { compensation: '無', insurance: '有', insuranceDetail: detail, otherMeasures: measures } },
});
const unexplained = (f: ReturnType<typeof findingsOf>) => f.filter((x) => x.message.includes('補償を行わない理由'));

describe('R-X-4: 補償 無・保険 有 needs the reason (issue 16)', () => {
  test('the old sample (insurance named, 措置 only 保険診療) is a warning quoting the 保険の内容, at both forms\' 補償の有無', () => {
    const f = unexplained(findingsOf(noCompensation(OLD_DETAIL, OLD_MEASURES), 'R-X-4'));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain(`保険の内容「${OLD_DETAIL}」`);
    expect(f[0]?.locations).toEqual(expect.arrayContaining([expect.objectContaining({ doc: Y3, field: 'compensation' }), expect.objectContaining({ doc: Y11, field: 'compensation' }), expect.objectContaining({ doc: Y3, field: 'insuranceDetail' })]));
  });

  test('the shipped sample (補償 有, the insurance described) and 補償 無・保険 無 are not flagged', () => {
    expect(findingsOf({}, 'R-X-4')).toEqual([]);
    const none = { forms: { [Y11]: { compensation: '無', insurance: '無' }, 'besshi1/yoshiki1-2': { compensation: '無', insurance: '無' }, [Y3]: { compensation: '無', insurance: '無', insuranceDetail: '' } } };
    expect(findingsOf(none, 'R-X-4')).toEqual([]);
  });

  test('a 賠償責任 only insurance, or 補償 declined in the その他の措置, explains it', () => {
    expect(unexplained(findingsOf(noCompensation('賠償責任保険（架空損害保険株式会社）に加入する。', OLD_MEASURES), 'R-X-4'))).toEqual([]);
    expect(unexplained(findingsOf(noCompensation(OLD_DETAIL, `健康被害に対する補償金の支払は行わない。${OLD_MEASURES}`), 'R-X-4'))).toEqual([]);
  });

  test.each([
    ['臨床研究保険に加入する（対象は法律上の賠償責任のみ）。', true],
    ['補償は行わない。', true],
    ['補償金は支払わず、医療の提供で対応する。', true],
    ['健康被害は補償の対象外とする。', true],
    ['臨床研究保険に加入する。', false],
    ['補償責任保険及び賠償責任保険を付保する。', false],
    ['賠償責任保険に加入し、補償金も支払う。', false],
    ['補償金の対象とならない健康被害が生じた場合も、適切な医療を提供する。', false],
  ])('「%s」 explains 補償 無 with 保険 有: %s', (text, explains) => {
    expect(explainsNoCompensation(text)).toBe(explains);
  });
});

const sitesWith = (department: string) => ({
  forms: { [Y2]: { sites: [{ role: '協力医療機関', name: '架空市立総合病院', department: '外科', physician: '部長 𠮷田 太郎', duty: '', safety: '' }, { role: '協力医療機関', name: '架空県立がんセンター', department, physician: '部長 佐藤 三郎', duty: '', safety: '' }] } },
});
const outside = (f: ReturnType<typeof findingsOf>) => f.filter((x) => x.message.includes('のどれにも当たりません'));

describe('R-X-6: the 実施診療科 of each 実施医療機関 and 様式第9号 (issue 16)', () => {
  test('a 協力医療機関 typed with 「胃外科」 against 「消化器外科又は外科」 is a warning at its row, quoting both', () => {
    const f = outside(findingsOf(sitesWith('胃外科'), 'R-X-6'));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('架空県立がんセンターの実施診療科「胃外科」');
    expect(f[0]?.message).toContain('「消化器外科又は外科」');
    expect(f[0]?.locations).toEqual([expect.objectContaining({ doc: Y2, field: 'sites', row: 1 }), expect.objectContaining({ doc: Y9, field: 'physDept' })]);
  });

  test('either alternative, written with spaces or a parenthesised note, passes; so does the shipped sample', () => {
    expect(findingsOf({}, 'R-X-6')).toEqual([]);
    for (const d of ['外科', '消化器外科', '消化器　外科', '外科（上部消化管）', '外科 ']) expect(outside(findingsOf(sitesWith(d), 'R-X-6')), d).toEqual([]);
  });

  test('a registered 協力医療機関 (sites) and the 実施責任医師\'s own 診療科 are checked too', () => {
    const sites = [siteOf({ id: 'site-eye', role: '協力医療機関', name: '架空眼科病院', department: '眼科' })];
    const f = outside(findingsOf({ sites }, 'R-X-6'));
    expect(f.map((x) => x.locations[0])).toEqual([expect.objectContaining({ doc: 'sites', entryId: 'site-eye' })]);
    const physician = outside(findingsOf({ masters: (m) => ({ ...m, people: m.people.map((p) => (p.id === 'sample-takahashi' ? { ...p, department: '胃腸科' } : p)) }) }, 'R-X-6'));
    expect(physician.map((x) => x.message)).toEqual([expect.stringContaining('架空大学医学部附属病院の実施診療科「胃腸科」')]);
  });

  test('not when 様式第9号 does not require a 診療科, or names an open set (「外科系」「…等」)', () => {
    for (const physDept of [{ need: '不要', value: '' }, { need: '要', value: '外科系診療科' }, { need: '要', value: '消化器外科等' }]) {
      expect(outside(findingsOf({ forms: { ...sitesWith('胃外科').forms, [Y9]: { physDept } } }, 'R-X-6')), physDept.value).toEqual([]);
    }
  });

  test.each([
    ['消化器外科又は外科', ['消化器外科', '外科']],
    ['消化器外科、外科若しくは小児外科', ['消化器外科', '外科', '小児外科']],
    ['呼吸器外科・心臓血管外科', ['呼吸器外科', '心臓血管外科']],
    ['Surgery or Gastroenterology', ['Surgery', 'Gastroenterology']],
    ['外科系', undefined],
    ['消化器外科及び病理診断科', undefined],
    ['', undefined],
  ])('「%s」 allows %j', (value, alts) => {
    expect(departmentAlternatives(value)).toEqual(alts);
  });
});
