/**
 * The cost model of one technology (様式第7-1号・第7-2号): one record, read by 様式第3号(11),
 * 第5号, 第6号 and 第7-1号 — the 先進医療にかかる費用 is computed once (R-C-1).
 * Changing this shape needs a Dexie version bump and a migration.
 */
import { z } from 'zod';
import { MAX_YEN } from '../money/yen';
import type { Equipment } from '../model/master';

const yen = z.number().int().min(0).max(MAX_YEN);
const id = z.string().min(1).max(64);

/** 医療機器使用料の内訳 (R-C-2). */
export const equipmentCostSchema = z.object({
  id,
  name: z.string().max(200),
  purchasePrice: yen,
  residualValue: yen,
  usefulLifeYears: z.number().int().min(1).max(100),
  usesPerYear: z.number().int().min(1).max(1_000_000),
  /** 購入年月日 (or 使用開始日): decides whether the device is past its 耐用年数 at the 届出日. '' = unknown. */
  purchasedOn: z.string().max(10),
  /**
   * The 機器台帳 entry this row uses ('' = typed here). When set, the depreciation inputs come from
   * the ledger (one device, one set of numbers for every project). Older rows read as ''.
   */
  equipmentId: z.string().max(64).default(''),
  /** How many times one case uses the device (R-C-2 [INF]); usually 1. */
  usesPerCase: z.number().int().min(1).max(1000),
});
export type EquipmentCost = z.infer<typeof equipmentCostSchema>;

/** 人件費の積算根拠 (R-C-3): 職種 × 単価 × 所要時間. */
export const staffCostSchema = z.object({
  id,
  jobTitle: z.string().max(100),
  unitPrice: yen,
  /** 単価 is per hour (円/時間) or per minute (円/分). */
  per: z.enum(['hour', 'minute']),
  /** 所要時間 in minutes. */
  minutes: z.number().int().min(0).max(100_000),
});
export type StaffCost = z.infer<typeof staffCostSchema>;

/** 医療材料・医薬品費: 品名 × 単価 × 数量 (数量 to 2 decimals, e.g. 0.5 vial). */
export const materialCostSchema = z.object({
  id,
  name: z.string().max(200),
  unitPrice: yen,
  quantity: z.number().min(0).max(100_000).multipleOf(0.01),
  kind: z.enum(['material', 'drug']),
  /**
   * The 品目 of the 医薬品・医療機器 台帳 this row was picked from (issue 15): its name, 区分 and
   * 単価 were filled from there. Absent = typed here (rows saved before, or not in the 台帳).
   */
  productId: z.string().max(64).optional(),
});
export type MaterialCost = z.infer<typeof materialCostSchema>;

/** その他 (e.g. 検体処理費, 委託費 R-C-7). */
export const otherCostSchema = z.object({ id, name: z.string().max(200), amount: yen });
export type OtherCost = z.infer<typeof otherCostSchema>;

export const costModelSchema = z.object({
  equipment: z.array(equipmentCostSchema).max(500),
  staff: z.array(staffCostSchema).max(500),
  materials: z.array(materialCostSchema).max(2000),
  others: z.array(otherCostSchema).max(500),
  /** How amounts below 1円 are rounded on each printed line (R-C-2: not specified officially). */
  rounding: z.enum(['floor', 'round', 'ceil']),
  /** R-C-5: does the patient pay all of it, or only part (the institution bears the rest)? */
  patientPays: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('all') }),
    z.object({ mode: z.literal('part'), patientCharge: yen }),
  ]),
});
export type CostModel = z.infer<typeof costModelSchema>;

export function emptyCostModel(): CostModel {
  return { equipment: [], staff: [], materials: [], others: [], rounding: 'round', patientPays: { mode: 'all' } };
}

/** How many cost lines the model has (機器・人件費・医療材料・その他). */
export function costLineCount(model: CostModel): number {
  return model.equipment.length + model.staff.length + model.materials.length + model.others.length;
}

/**
 * The model with each ledger-linked device's inputs taken from the 機器台帳. A link to a device no
 * longer in the ledger keeps the row's own numbers (and the cost page says the link is broken).
 */
export function linkEquipment(model: CostModel, ledger: readonly Equipment[]): CostModel {
  if (!model.equipment.some((e) => e.equipmentId !== '')) return model;
  const byId = new Map(ledger.map((e) => [e.id, e]));
  return {
    ...model,
    equipment: model.equipment.map((row) => {
      const e = row.equipmentId === '' ? undefined : byId.get(row.equipmentId);
      return e ? { ...row, name: e.name, purchasePrice: e.purchasePrice, residualValue: e.residualValue, usefulLifeYears: e.usefulLifeYears, usesPerYear: e.usesPerYear, purchasedOn: e.purchasedOn } : row;
    }),
  };
}
