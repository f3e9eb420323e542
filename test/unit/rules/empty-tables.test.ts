/**
 * R-E-1 (issue 15 item 3): a table a 様式 prints where the 記載要領 wants content is a finding when it
 * prints empty — 様式第8-2号's 診療科別の常勤医師数 printed as an empty table with 0 errors before.
 */
import { describe, expect, test } from 'vitest';
import { yoshiki82 } from '../../../shared/forms/besshi1/yoshiki8';
import { findingsOf, sampleWith } from '../../helpers/rules';

const Y82 = 'besshi1/yoshiki8-2';
const noDepartments = { masters: <M extends { departments: readonly unknown[] }>(m: M): M => ({ ...m, departments: [] }) };

/** Every text the 様式 prints, joined (to see what the reader of the paper sees). */
function printedText(answers: Readonly<Record<string, unknown>>, departments: 'sample' | 'none'): string {
  const facts = sampleWith(departments === 'none' ? noDepartments : {}).facts;
  return JSON.stringify(yoshiki82.build(facts, yoshiki82.answers.parse({ ...yoshiki82.empty(), ...answers })));
}

describe('R-E-1 表の空欄（様式第8-2号 診療科別の常勤医師数）', () => {
  test('R-E-1 fires: no 診療科 in the マスタ and none typed — the table prints empty', () => {
    expect(printedText({}, 'none')).not.toContain('麻酔科');
    const hits = findingsOf(noDepartments, 'R-E-1');
    expect(hits.map((h) => [h.severity, h.message])).toEqual([['error', expect.stringContaining('様式第8-2号「診療科別の常勤医師数」が空欄のまま印刷されます')]]);
    // It leads to both places the table can be filled from.
    expect(hits[0]?.locations.map((l) => l.doc)).toEqual([Y82, 'masters/departments']);
  });

  test('R-E-1 fires: a typed table of blank rows prints nothing either', () => {
    const hits = findingsOf({ ...noDepartments, forms: { [Y82]: { doctorsByDept: [{ department: '', count: '' }, { department: '　', count: '' }] } } }, 'R-E-1');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.severity).toBe('error');
  });

  test('R-E-1 warns: a 診療科 printed without its 常勤医師数', () => {
    const hits = findingsOf({ masters: (m) => ({ ...m, departments: [...m.departments, { id: 'd-path', name: '輸血部', fullTimeDoctors: '' }] }) }, 'R-E-1');
    expect(hits.map((h) => [h.severity, h.message])).toEqual([['warning', '様式第8-2号「診療科別の常勤医師数」の5行目（輸血部）の常勤医師数が空欄です。']]);
  });

  test('R-E-1 is silent: the sample prints its 4 診療科 from the マスタ (nothing typed on the form)', () => {
    expect(sampleWith().forms.get(Y82)?.doctorsByDept).toEqual([]);
    expect(printedText({}, 'sample')).toContain('麻酔科');
    expect(findingsOf({}, 'R-E-1')).toEqual([]);
  });

  test('R-E-1 is silent: no マスタ, but the table typed on the form (another institution’s figures)', () => {
    const typed = [
      { department: '外科', count: '12名' },
      { department: '病理診断科', count: '3名' },
    ];
    expect(printedText({ doctorsByDept: typed }, 'none')).toContain('病理診断科');
    expect(findingsOf({ ...noDepartments, forms: { [Y82]: { doctorsByDept: typed } } }, 'R-E-1')).toEqual([]);
  });

  test('R-E-1 fires in the 協力医療機関 package too (it files its own 様式第8-2号)', () => {
    expect(findingsOf({ ...noDepartments, packageId: 'cooperating' }, 'R-E-1')).toHaveLength(1);
  });
});
