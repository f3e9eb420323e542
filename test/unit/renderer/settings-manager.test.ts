/**
 * A plain 管理者 field in 設定 (issue 15 item 4): it writes the current entry of the 開設者・管理者
 * history, so the 管理者 prints where a 届出 names the 管理者 without typing a history row.
 */
import { describe, expect, test } from 'vitest';
import { filingInstitution } from '../../../shared/model/project';
import type { OfficerTerm } from '../../../shared/model/institution';
import { projectSchema } from '../../../shared/model/project';
import { currentManagerTerm, withManagerName } from '../../../renderer/features/settings/manager';

const TODAY = '2027-04-05';
let n = 0;
const newId = () => `new-${++n}`;
const project = projectSchema.parse({ id: 'p', name: '案件', technologyName: '技術', createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z' });
const printedManager = (officers: readonly OfficerTerm[]) =>
  filingInstitution(project, { institutionName: '架空病院', address: '架空県', founderName: '', officers, filerIsManager: true }, { year: 2027, month: 4, day: 5 });

describe('管理者 in 設定', () => {
  test('typed into an empty history, it becomes the undated 管理者 entry and prints as the filer', () => {
    const officers = withManagerName([], '病院長　架空　一郎', TODAY, newId);
    expect(officers.map(({ role, name, validFrom }) => ({ role, name, validFrom }))).toEqual([{ role: '管理者', name: '病院長　架空　一郎', validFrom: '' }]);
    expect(printedManager(officers)).toMatchObject({ founderName: '病院長　架空　一郎', filerRole: '管理者' });
  });

  test('with a history, it edits the 管理者 in office today — not a future one, not the 開設者', () => {
    const history: OfficerTerm[] = [
      { id: 'f', role: '開設者', name: '理事長　甲', validFrom: '' },
      { id: 'm1', role: '管理者', name: '病院長　乙', validFrom: '2025-04-01' },
      { id: 'm2', role: '管理者', name: '病院長　丙', validFrom: '2027-10-01' },
    ];
    expect(currentManagerTerm(history, TODAY)?.id).toBe('m1');
    const next = withManagerName(history, '病院長　乙（兼）', TODAY, newId);
    expect(next.map((t) => t.name)).toEqual(['理事長　甲', '病院長　乙（兼）', '病院長　丙']);
    expect(printedManager(next).founderName).toBe('病院長　乙（兼）');
  });

  test('clearing the field keeps the entry being typed (no new rows while typing), and nothing is added for a blank name', () => {
    const one = withManagerName([], '乙', TODAY, newId);
    const cleared = withManagerName(one, '', TODAY, newId);
    expect(cleared).toHaveLength(1);
    expect(withManagerName(cleared, '丁', TODAY, newId)).toEqual([{ ...one[0], name: '丁' }]);
    expect(withManagerName([], '', TODAY, newId)).toEqual([]);
  });
});
