/**
 * Issue 15 item 1: a 医療材料・医薬品 of the 費用の計算 is picked from the 品目 of the マスタ (its name,
 * 区分 and 単価 filled from there), and a device of the 機器台帳 is linked to its 品目. Data saved
 * before the links reads and saves back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { fromCostForm, fromLedgerForm, materialFromProduct, toCostForm, toLedgerForm, type CostForm } from '../../../shared/cost/form';
import { costModelSchema, emptyCostModel } from '../../../shared/cost/model';
import { emptyProduct, equipmentSchema, productSchema, type Equipment, type Product } from '../../../shared/model/master';

const ICG: Product = { ...emptyProduct('p-icg', '医薬品'), name: 'インドシアニングリーン注射用25mg', unitPrice: 1884 };
const NEEDLE: Product = { ...emptyProduct('p-needle', '医療材料'), name: '内視鏡用局注針' };
const typedRow: CostForm['materials'][number] = { id: 'm1', name: 'ICG', kind: 'material', unitPrice: '２，０００円', quantity: '0.5' };

describe('費用の計算: 医療材料・医薬品 picked from the 品目', () => {
  it('fills 品名, 区分 (医薬品) and 単価 from the 品目; the 数量 stays as typed', () => {
    expect(materialFromProduct(typedRow, ICG)).toEqual({ id: 'm1', productId: 'p-icg', name: 'インドシアニングリーン注射用25mg', kind: 'drug', unitPrice: '1884', quantity: '0.5' });
  });

  it('a 品目 without a 購入単価 keeps the 単価 typed on the row; a 医療材料 is a 医療材料', () => {
    expect(materialFromProduct(typedRow, NEEDLE)).toMatchObject({ productId: 'p-needle', name: '内視鏡用局注針', kind: 'material', unitPrice: '２，０００円' });
  });

  it('the link is saved with the row and read back, and the amount is computed from the filled 単価', () => {
    const form: CostForm = { ...toCostForm(emptyCostModel()), materials: [materialFromProduct(typedRow, ICG)] };
    const model = fromCostForm(form).model!;
    expect(model.materials[0]).toEqual({ id: 'm1', productId: 'p-icg', name: 'インドシアニングリーン注射用25mg', kind: 'drug', unitPrice: 1884, quantity: 0.5 });
    expect(costModelSchema.parse(model)).toEqual(model);
    expect(toCostForm(model).materials[0]?.productId).toBe('p-icg');
  });

  it('a cost model saved before the link reads and saves back with no link added', () => {
    const old = { ...emptyCostModel(), materials: [{ id: 'm2', name: '内視鏡用局注針', unitPrice: 3500, quantity: 1, kind: 'material' as const }] };
    const parsed = costModelSchema.parse(JSON.parse(JSON.stringify(old)));
    const back = fromCostForm(toCostForm(parsed)).model!;
    expect(back.materials).toEqual(old.materials);
    expect('productId' in back.materials[0]!).toBe(false);
  });
});

describe('機器台帳: a device linked to its 品目', () => {
  const device: Equipment = { id: 'eq1', productId: 'p-scope', name: '蛍光観察用腹腔鏡システム', purchasePrice: 25_000_000, residualValue: 2_500_000, usefulLifeYears: 5, usesPerYear: 300, purchasedOn: '2024-04-01' };

  it('keeps the 品目 through the editor and the stored shape', () => {
    const r = fromLedgerForm(toLedgerForm([device]));
    expect(r.items).toEqual([device]);
    expect(equipmentSchema.parse(device)).toEqual(device);
  });

  it('an entry saved before the link stays without one', () => {
    const { productId: _p, ...old } = device;
    const r = fromLedgerForm(toLedgerForm([old]));
    expect(r.items).toEqual([old]);
    expect('productId' in r.items![0]!).toBe(false);
  });

  it('a cost row using the device takes its depreciation inputs, not the 品目 link', () => {
    const form: CostForm = { ...toCostForm(emptyCostModel()), equipment: [{ id: 'c1', equipmentId: 'eq1', name: '', purchasePrice: '', residualValue: '', usefulLifeYears: '', usesPerYear: '', purchasedOn: '', usesPerCase: '1' }] };
    const row = fromCostForm(form, [device]).model!.equipment[0]!;
    expect(row).toMatchObject({ equipmentId: 'eq1', purchasePrice: 25_000_000 });
    expect('productId' in row).toBe(false);
  });

  it('a 品目 keeps its 購入単価 (integer yen), and one saved before has none', () => {
    expect(productSchema.parse(ICG).unitPrice).toBe(1884);
    expect('unitPrice' in productSchema.parse(NEEDLE)).toBe(false);
  });
});
