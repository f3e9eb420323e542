/**
 * The 先進医療にかかる費用 and its build-up (R-C-2 … R-C-5), with the arithmetic a reviewer can
 * follow. Pure; never throws on user data — impossible inputs produce messages instead.
 *
 * Rounding: each printed line (1回償却費 × 使用回数, 人件費, 材料費) is rounded once by the chosen
 * rule, and every total is the sum of the printed lines, so the sheet always adds up.
 */
import { addCalendarMonths, compareYmd, parseIsoDate, type YMD } from '../dates/iso-date';
import { formatYen } from '../money/yen';
import type { CostModel, EquipmentCost, MaterialCost, StaffCost } from './model';
import { div, mul, rational, toDecimal, toYen, type Rational, type Rounding } from './rational';

export interface EquipmentLine {
  readonly item: EquipmentCost;
  /** 償却費 = 購入価格 − 残存価格 (0 once past 耐用年数). */
  readonly depreciable: number;
  /** 年間償却費 = 償却費 ÷ 耐用年数 (exact). */
  readonly annual: Rational;
  /** 1回償却費 = 年間償却費 ÷ 年間使用回数 (exact). */
  readonly perUse: Rational;
  /** Printed amount per case: 1回償却費 × 1症例当たり使用回数, rounded. */
  readonly amount: number;
  /** Past its 耐用年数 at the 届出日: contributes 0. */
  readonly pastUsefulLife: boolean;
  /** 購入年月日 unknown: whether it is past its 耐用年数 cannot be checked. */
  readonly lifeUnknown: boolean;
  readonly formula: string;
}

export interface AmountLine<T> {
  readonly item: T;
  readonly amount: number;
  readonly formula: string;
}

export interface CostBreakdown {
  readonly equipment: readonly EquipmentLine[];
  readonly equipmentTotal: number;
  readonly staff: readonly AmountLine<StaffCost>[];
  readonly staffTotal: number;
  readonly materials: readonly AmountLine<MaterialCost>[];
  readonly materialTotal: number;
  readonly others: readonly AmountLine<{ readonly name: string; readonly amount: number }>[];
  readonly otherTotal: number;
  /** 先進医療にかかる費用 (R-C-4): the one amount printed on 様式第3号(11), 第5号, 第6号, 第7-1号. */
  readonly total: number;
  /** R-C-5 split. patientCharge + institutionBurden = total. */
  readonly patientCharge: number;
  readonly institutionBurden: number;
  readonly messages: readonly string[];
}

const y = formatYen;

/** True when the device's 耐用年数 has run out by the 届出日 (filing date). */
export function isPastUsefulLife(item: EquipmentCost, filingDate: YMD): boolean | undefined {
  const bought = parseIsoDate(item.purchasedOn);
  if (!bought) return undefined;
  const end = addCalendarMonths(bought, item.usefulLifeYears * 12);
  return compareYmd(filingDate, end) >= 0;
}

export function equipmentLine(item: EquipmentCost, filingDate: YMD, rounding: Rounding): EquipmentLine {
  const past = isPastUsefulLife(item, filingDate);
  const depreciable = past === true ? 0 : Math.max(0, item.purchasePrice - item.residualValue);
  const annual = rational(depreciable, item.usefulLifeYears);
  const perUse = div(annual, rational(item.usesPerYear));
  const amount = toYen(mul(perUse, rational(item.usesPerCase)), rounding);
  const times = item.usesPerCase > 1 ? ` × ${item.usesPerCase}回` : '';
  const formula = past === true
    ? `耐用年数（${item.usefulLifeYears}年）経過のため償却費 0円`
    : `(${y(item.purchasePrice)}円 − ${y(item.residualValue)}円) ÷ ${item.usefulLifeYears}年 ÷ ${y(item.usesPerYear)}回${times} = ${y(toDecimal(mul(perUse, rational(item.usesPerCase))))}円 → ${y(amount)}円`;
  return { item, depreciable, annual, perUse, amount, pastUsefulLife: past === true, lifeUnknown: past === undefined, formula };
}

export function staffLine(item: StaffCost, rounding: Rounding): AmountLine<StaffCost> {
  const exact = item.per === 'hour' ? rational(item.unitPrice * item.minutes, 60) : rational(item.unitPrice * item.minutes);
  const amount = toYen(exact, rounding);
  const time = item.per === 'hour' ? `${toDecimal(rational(item.minutes, 60))}時間` : `${item.minutes}分`;
  return { item, amount, formula: `${y(item.unitPrice)}円/${item.per === 'hour' ? '時間' : '分'} × ${time} = ${y(amount)}円` };
}

export function materialLine(item: MaterialCost, rounding: Rounding): AmountLine<MaterialCost> {
  const q = Math.round(item.quantity * 100);
  const amount = toYen(rational(item.unitPrice * q, 100), rounding);
  return { item, amount, formula: `${y(item.unitPrice)}円 × ${item.quantity} = ${y(amount)}円` };
}

const sum = (lines: readonly { amount: number }[]): number => lines.reduce((a, l) => a + l.amount, 0);

export function calculateCost(model: CostModel, filingDate: YMD): CostBreakdown {
  const messages: string[] = [];
  const equipment = model.equipment.map((e) => equipmentLine(e, filingDate, model.rounding));
  for (const e of equipment) {
    if (e.item.residualValue > e.item.purchasePrice) messages.push(`「${e.item.name}」の残存価格が購入価格を超えています。`);
    if (e.lifeUnknown) messages.push(`「${e.item.name}」の購入年月日がないため、耐用年数を過ぎているか確認できません。`);
  }
  const staff = model.staff.map((s) => staffLine(s, model.rounding));
  const materials = model.materials.map((m) => materialLine(m, model.rounding));
  const others = model.others.map((o) => ({ item: o, amount: o.amount, formula: `${y(o.amount)}円` }));
  const equipmentTotal = sum(equipment);
  const staffTotal = sum(staff);
  const materialTotal = sum(materials);
  const otherTotal = sum(others);
  const total = equipmentTotal + staffTotal + materialTotal + otherTotal;
  let patientCharge = total;
  if (model.patientPays.mode === 'part') {
    patientCharge = model.patientPays.patientCharge;
    if (patientCharge > total) {
      messages.push('患者に請求する額が先進医療にかかる費用を超えています。');
      patientCharge = total;
    }
  }
  return {
    equipment,
    equipmentTotal,
    staff,
    staffTotal,
    materials,
    materialTotal,
    others,
    otherTotal,
    total,
    patientCharge,
    institutionBurden: total - patientCharge,
    messages,
  };
}
