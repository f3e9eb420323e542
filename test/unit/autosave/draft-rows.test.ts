/**
 * Calm messages (issue 15 item 4): a row just added to 費用の計算 and not typed into yet made every
 * save fail (「保存できませんでした」, the page red) because its blank 耐用年数 does not read. Such a
 * row is a draft: left out of the save, kept on screen; once typed into it is saved or refused like
 * any other row. Rows that arrive several at once (an import) are never drafts.
 */
import { describe, expect, test } from 'vitest';
import { fromCostForm, toCostForm, type CostForm } from '../../../shared/cost/form';
import { isDraftRow, noteAddedRows, saveKeepingDrafts, withoutDraftRows, type RowTemplates } from '../../../renderer/autosave/draft-rows';
import { loadSample } from '../../helpers/sample';

/** A new 医療機器使用料 row as the 費用の計算 screen adds it (CostPage newRow.equipment). */
const newEquipmentRow = (id: string) => ({ id, equipmentId: '', name: '', purchasePrice: '', residualValue: '0', usefulLifeYears: '', usesPerYear: '', purchasedOn: '', usesPerCase: '1' });

class Refused extends Error {}
/** The screen's save: refuses input that does not read (as CostPage throws DbError 'invalid'). */
function costSaver() {
  const saved: CostForm[] = [];
  const save = async (v: CostForm): Promise<void> => {
    await Promise.resolve();
    if (!fromCostForm(v).model) throw new Refused('入力に誤りがある欄があるため、費用の計算を保存していません。');
    saved.push(v);
  };
  return { saved, save };
}
const refused = (e: unknown) => e instanceof Refused;

function added(before: CostForm, row: ReturnType<typeof newEquipmentRow>, templates: RowTemplates): CostForm {
  const after = { ...before, equipment: [...before.equipment, row] };
  noteAddedRows(before, after, templates);
  return after;
}

describe('draft rows', () => {
  const base = toCostForm(loadSample().cost);

  test('a just-added empty row is left out of the save and reported as a draft; the rest is saved', async () => {
    const templates: RowTemplates = new Map();
    const withRow = added(base, newEquipmentRow('new-1'), templates);
    const { saved, save } = costSaver();
    // Without the draft handling the save is refused (what showed 「保存できませんでした」).
    await expect(save(withRow)).rejects.toThrow(Refused);
    await expect(saveKeepingDrafts(save, withRow, templates, refused)).resolves.toBe(1);
    expect(saved.at(-1)?.equipment).toEqual(base.equipment);
    expect(withRow.equipment).toHaveLength(base.equipment.length + 1); // kept on screen
  });

  test('a row typed into is no longer a draft: saved when it reads, refused with its own error when not', async () => {
    const templates: RowTemplates = new Map();
    const withRow = added(base, newEquipmentRow('new-1'), templates);
    const typed = { ...withRow, equipment: withRow.equipment.map((r) => (r.id === 'new-1' ? { ...r, name: '超音波診断装置', purchasePrice: '3,000,000', usefulLifeYears: '6', usesPerYear: '200' } : r)) };
    const { saved, save } = costSaver();
    await expect(saveKeepingDrafts(save, typed, templates, refused)).resolves.toBe(0);
    expect(saved.at(-1)?.equipment.map((r) => r.name)).toContain('超音波診断装置');
    const half = { ...withRow, equipment: withRow.equipment.map((r) => (r.id === 'new-1' ? { ...r, name: '超音波診断装置' } : r)) };
    await expect(saveKeepingDrafts(save, half, templates, refused)).rejects.toThrow(Refused);
  });

  test('two rows added one after the other are both drafts; other failures are not retried', async () => {
    const templates: RowTemplates = new Map();
    const two = added(added(base, newEquipmentRow('a'), templates), newEquipmentRow('b'), templates);
    expect(withoutDraftRows(two, templates).drafts).toBe(2);
    const broken = async () => {
      await Promise.resolve();
      throw new Error('disk full');
    };
    await expect(saveKeepingDrafts(broken, two, templates, refused)).rejects.toThrow('disk full');
  });

  test('rows that arrive several at once (an import) are data, never drafts', () => {
    const templates: RowTemplates = new Map();
    const imported = { ...base, equipment: [...base.equipment, newEquipmentRow('x'), newEquipmentRow('y')] };
    noteAddedRows(base, imported, templates);
    expect(withoutDraftRows(imported, templates).drafts).toBe(0);
  });

  test('rows inside rows (a committee’s members) and lists without ids', () => {
    const templates: RowTemplates = new Map();
    const before = { committees: [{ id: 'c1', name: '倫理審査委員会', members: [{ id: 'm1', name: '委員1', sex: '女' }] }], slots: [{ date: '', time: '' }] };
    const after = { committees: [{ id: 'c1', name: '倫理審査委員会', members: [{ id: 'm1', name: '委員1', sex: '女' }, { id: 'm2', name: '', sex: '' }] }], slots: [{ date: '', time: '' }] };
    noteAddedRows(before, after, templates);
    const out = withoutDraftRows(after, templates);
    expect(out.drafts).toBe(1);
    expect(out.value).toEqual(before);
    // A fixed blank row that was never added (the 事前相談's 希望日時) is not a draft.
    expect(withoutDraftRows({ slots: [{ date: '', time: '' }] }, templates).drafts).toBe(0);
  });
});

test('isDraftRow tells an editor which rows are drafts (no error shown on their blank cells)', () => {
  const templates: RowTemplates = new Map();
  const base = toCostForm(loadSample().cost);
  const withRow = added(base, newEquipmentRow('n'), templates);
  expect(withRow.equipment.map((r) => isDraftRow(templates, 'equipment', r))).toEqual([...base.equipment.map(() => false), true]);
  expect(isDraftRow(templates, 'staff', withRow.equipment.at(-1))).toBe(false);
});
