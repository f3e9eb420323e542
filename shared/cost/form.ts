/**
 * The cost editor keeps every number exactly as typed (full-width digits, commas, 「円」); this
 * module turns that into the integer-yen cost model, with a Japanese message for each field it
 * cannot read. Nothing is guessed or silently dropped.
 */
import { z } from 'zod';
import { toAsciiDigits } from '../dates/wareki';
import { parseYen } from '../money/yen';
import type { Equipment, Product } from '../model/master';
import type { CostModel } from './model';

const s = z.string().max(200);
export const costFormSchema = z.object({
  equipment: z.array(z.object({ id: s, equipmentId: s.default(''), name: s, purchasePrice: s, residualValue: s, usefulLifeYears: s, usesPerYear: s, purchasedOn: s, usesPerCase: s })).max(500),
  staff: z.array(z.object({ id: s, jobTitle: s, unitPrice: s, per: z.enum(['hour', 'minute']), minutes: s })).max(500),
  materials: z.array(z.object({ id: s, productId: s.optional(), name: s, kind: z.enum(['material', 'drug']), unitPrice: s, quantity: s })).max(2000),
  others: z.array(z.object({ id: s, name: s, amount: s })).max(500),
  rounding: z.enum(['floor', 'round', 'ceil']),
  patientMode: z.enum(['all', 'part']),
  patientCharge: s,
});
export type CostForm = z.infer<typeof costFormSchema>;

export function toCostForm(m: CostModel): CostForm {
  const n = (v: number): string => String(v);
  return {
    equipment: m.equipment.map((e) => ({ id: e.id, equipmentId: e.equipmentId, name: e.name, purchasePrice: n(e.purchasePrice), residualValue: n(e.residualValue), usefulLifeYears: n(e.usefulLifeYears), usesPerYear: n(e.usesPerYear), purchasedOn: e.purchasedOn, usesPerCase: n(e.usesPerCase) })),
    staff: m.staff.map((x) => ({ id: x.id, jobTitle: x.jobTitle, unitPrice: n(x.unitPrice), per: x.per, minutes: n(x.minutes) })),
    materials: m.materials.map((x) => ({ id: x.id, ...(x.productId ? { productId: x.productId } : {}), name: x.name, kind: x.kind, unitPrice: n(x.unitPrice), quantity: n(x.quantity) })),
    others: m.others.map((x) => ({ id: x.id, name: x.name, amount: n(x.amount) })),
    rounding: m.rounding,
    patientMode: m.patientPays.mode,
    patientCharge: m.patientPays.mode === 'part' ? n(m.patientPays.patientCharge) : '',
  };
}

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** A whole number ≥ min (年, 回, 分), full-width digits accepted. */
export function parseCount(input: string, min: number, unit: string): Read<number> {
  const t = toAsciiDigits(input).replace(/[\s　,，]/g, '').replace(new RegExp(`${unit}$`), '');
  if (t === '') return { ok: false, message: `${unit}数を入力してください。` };
  if (!/^\d+$/.test(t)) return { ok: false, message: `整数で入力してください（例：${min === 0 ? 30 : 6}）。` };
  const v = Number(t);
  if (v < min) return { ok: false, message: `${min}以上で入力してください。` };
  if (!Number.isSafeInteger(v) || v > 1_000_000) return { ok: false, message: '値が大きすぎます。' };
  return { ok: true, value: v };
}

/** A quantity with up to 2 decimals (e.g. 0.5 バイアル). */
export function parseQuantity(input: string): Read<number> {
  const t = toAsciiDigits(input).replace(/[\s　]/g, '').replace(/．/g, '.');
  if (t === '') return { ok: false, message: '数量を入力してください。' };
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return { ok: false, message: '数量は小数点以下2桁までの数で入力してください（例：0.5）。' };
  return { ok: true, value: Number(t) };
}

export interface CostFormResult {
  /** The model, when every field could be read. */
  readonly model: CostModel | undefined;
  /** Message per field path (e.g. 'equipment.0.purchasePrice'). */
  readonly errors: ReadonlyMap<string, string>;
}

/**
 * `ledger`: the 機器台帳. A row linked to a ledger entry takes its inputs from there (only the
 * 1症例当たり使用回数 is the project's own); the stored row keeps a copy of them, so the cost still
 * reads if the entry is later removed from the ledger.
 */
export function fromCostForm(f: CostForm, ledger: readonly Equipment[] = []): CostFormResult {
  const byId = new Map(ledger.map((e) => [e.id, e]));
  const errors = new Map<string, string>();
  const take = <T>(path: string, r: Read<T>, fallback: T): T => {
    if (r.ok) return r.value;
    errors.set(path, r.message);
    return fallback;
  };
  const yen = (path: string, v: string): number => take(path, parseYen(v), 0);
  const model: CostModel = {
    equipment: f.equipment.map((e, i) => {
      const linked = e.equipmentId === '' ? undefined : byId.get(e.equipmentId);
      const usesPerCase = take(`equipment.${i}.usesPerCase`, parseCount(e.usesPerCase, 1, '回'), 1);
      if (linked) {
        const { productId: _product, ...inputs } = linked;
        return { ...inputs, id: e.id, equipmentId: linked.id, usesPerCase };
      }
      return {
      id: e.id,
      equipmentId: e.equipmentId,
      name: e.name,
      purchasePrice: yen(`equipment.${i}.purchasePrice`, e.purchasePrice),
      residualValue: yen(`equipment.${i}.residualValue`, e.residualValue),
      usefulLifeYears: take(`equipment.${i}.usefulLifeYears`, parseCount(e.usefulLifeYears, 1, '年'), 1),
      usesPerYear: take(`equipment.${i}.usesPerYear`, parseCount(e.usesPerYear, 1, '回'), 1),
      purchasedOn: e.purchasedOn,
      usesPerCase,
      };
    }),
    staff: f.staff.map((x, i) => ({
      id: x.id,
      jobTitle: x.jobTitle,
      unitPrice: yen(`staff.${i}.unitPrice`, x.unitPrice),
      per: x.per,
      minutes: take(`staff.${i}.minutes`, parseCount(x.minutes, 0, '分'), 0),
    })),
    materials: f.materials.map((x, i) => ({
      id: x.id,
      ...(x.productId ? { productId: x.productId } : {}),
      name: x.name,
      kind: x.kind,
      unitPrice: yen(`materials.${i}.unitPrice`, x.unitPrice),
      quantity: take(`materials.${i}.quantity`, parseQuantity(x.quantity), 0),
    })),
    others: f.others.map((x, i) => ({ id: x.id, name: x.name, amount: yen(`others.${i}.amount`, x.amount) })),
    rounding: f.rounding,
    patientPays: f.patientMode === 'all' ? { mode: 'all' } : { mode: 'part', patientCharge: yen('patientCharge', f.patientCharge) },
  };
  for (const [i, e] of model.equipment.entries()) {
    if (e.residualValue > e.purchasePrice) errors.set(`equipment.${i}.residualValue`, '残存価格が購入価格を超えています。');
  }
  return { model: errors.size === 0 ? model : undefined, errors };
}

/**
 * A 医療材料・医薬品 row filled from a 品目 of the 台帳 (issue 15): its name, 区分 (医薬品 → 医薬品,
 * anything else → 医療材料) and, where the 台帳 knows it, its 単価. The 数量 stays the project's.
 */
export function materialFromProduct<R extends CostForm['materials'][number]>(row: R, p: Product): R {
  return { ...row, productId: p.id, name: p.name, kind: p.kind === '医薬品' ? 'drug' : 'material', unitPrice: p.unitPrice === undefined ? row.unitPrice : String(p.unitPrice) };
}

/** The 機器台帳 as the editor holds it: every number as typed. */
export const ledgerFormSchema = z.object({
  items: z.array(z.object({ id: s, productId: s.optional(), name: s, purchasePrice: s, residualValue: s, usefulLifeYears: s, usesPerYear: s, purchasedOn: s })).max(2000),
});
export type LedgerForm = z.infer<typeof ledgerFormSchema>;

export function toLedgerForm(items: readonly Equipment[]): LedgerForm {
  return {
    items: items.map((e) => ({ id: e.id, ...(e.productId ? { productId: e.productId } : {}), name: e.name, purchasePrice: String(e.purchasePrice), residualValue: String(e.residualValue), usefulLifeYears: String(e.usefulLifeYears), usesPerYear: String(e.usesPerYear), purchasedOn: e.purchasedOn })),
  };
}

/** The ledger in integer yen, or a message per field path ('items.0.purchasePrice') it cannot read. */
export function fromLedgerForm(f: LedgerForm): { readonly items: Equipment[] | undefined; readonly errors: ReadonlyMap<string, string> } {
  const errors = new Map<string, string>();
  const take = <T>(path: string, r: Read<T>, fallback: T): T => {
    if (r.ok) return r.value;
    errors.set(path, r.message);
    return fallback;
  };
  const items = f.items.map((e, i) => {
    const item: Equipment = {
      id: e.id,
      ...(e.productId ? { productId: e.productId } : {}),
      name: e.name,
      purchasePrice: take(`items.${i}.purchasePrice`, parseYen(e.purchasePrice), 0),
      residualValue: take(`items.${i}.residualValue`, parseYen(e.residualValue), 0),
      usefulLifeYears: take(`items.${i}.usefulLifeYears`, parseCount(e.usefulLifeYears, 1, '年'), 1),
      usesPerYear: take(`items.${i}.usesPerYear`, parseCount(e.usesPerYear, 1, '回'), 1),
      purchasedOn: e.purchasedOn,
    };
    if (item.residualValue > item.purchasePrice) errors.set(`items.${i}.residualValue`, '残存価格が購入価格を超えています。');
    return item;
  });
  return { items: errors.size === 0 ? items : undefined, errors };
}
