/**
 * First run (issue 15 item 7): 設定 → 職員名簿 → マスタ → 案件, each done or not from the stored data.
 */
import { describe, expect, test } from 'vitest';
import { emptyInstitutionProfile } from '../../../shared/forms/jizen-soudan/schema';
import { EMPTY_MASTERS, type Masters } from '../../../shared/model/master';
import { emptyPerson } from '../../../shared/model/person';
import { firstRunSteps } from '../../../renderer/features/projects/first-run';
import { loadSample } from '../../helpers/sample';

const TODAY = '2027-04-05';
const state = (steps: ReturnType<typeof firstRunSteps>) => steps.map((s) => `${s.title}:${s.done ? '済み' : s.missing}`);

describe('first-run checklist', () => {
  test('an empty app: nothing is done, each step says what is missing', () => {
    expect(state(firstRunSteps({ profile: emptyInstitutionProfile(), masters: EMPTY_MASTERS, projects: 0, today: TODAY }))).toEqual([
      '設定:医療機関名・所在地・開設者氏名',
      '職員名簿:職員',
      'マスタ:倫理審査委員会・診療科',
      '案件:案件',
    ]);
  });

  test('設定 is done with 医療機関名・所在地 and a 開設者 (typed, or in office from the history)', () => {
    const profile = { ...emptyInstitutionProfile(), institutionName: '架空大学医学部附属病院', address: '架空県架空市1-1' };
    expect(firstRunSteps({ profile, masters: EMPTY_MASTERS, projects: 0, today: TODAY })[0]?.done).toBe(false);
    expect(firstRunSteps({ profile: { ...profile, founderName: '国立大学法人架空大学 学長' }, masters: EMPTY_MASTERS, projects: 0, today: TODAY })[0]?.done).toBe(true);
    const dated = { ...profile, officers: [{ id: 'o1', role: '開設者' as const, name: '学長 甲', validFrom: '2027-10-01' }] };
    expect(firstRunSteps({ profile: dated, masters: EMPTY_MASTERS, projects: 0, today: TODAY })[0]?.done).toBe(false); // not in office yet
  });

  test('a blank row is not a step done: 名簿 and マスタ need a name', () => {
    const blank: Masters = { ...EMPTY_MASTERS, people: [emptyPerson('p1')], departments: [{ id: 'd1', name: '', fullTimeDoctors: '' }] };
    expect(state(firstRunSteps({ profile: emptyInstitutionProfile(), masters: blank, projects: 0, today: TODAY })).slice(1, 3)).toEqual(['職員名簿:職員', 'マスタ:倫理審査委員会・診療科']);
  });

  test('the sample’s 名簿・マスタ and a project make those steps done', () => {
    const s = loadSample();
    const steps = firstRunSteps({ profile: emptyInstitutionProfile(), masters: { people: s.people, ...s.masters }, projects: 1, today: TODAY });
    expect(steps.map((x) => x.done)).toEqual([false, true, true, true]);
  });
});
