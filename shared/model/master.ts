/**
 * Master data (マスタ): facts about the institution entered once and picked by the forms of every
 * project — 診療科, 倫理審査委員会 and their members, 医薬品・医療機器, the 機器台帳 (depreciation
 * inputs shared with the cost model). Spec §7 entities. Each list is one settings row; changing a
 * shape needs a migration of that row. Text is kept as typed (「25名」); checks say what is wrong.
 */
import { z } from 'zod';
import { MAX_YEN } from '../money/yen';
import type { Person } from './person';

const t = (max: number) => z.string().max(max, { message: `${max}文字以内で入力してください` });
const id = z.string().min(1).max(64);

/** 診療科 with its 常勤医師数 (様式第8号 「診療科別の常勤医師数」). */
export const departmentSchema = z.object({
  id,
  name: t(100),
  /** 常勤医師数 as typed (digits, full-width allowed). */
  fullTimeDoctors: t(20),
});
export type Department = z.infer<typeof departmentSchema>;

export const COMMITTEE_TYPES = ['倫理審査委員会', '医の倫理委員会', '認定臨床研究審査委員会', '特定認定再生医療等委員会', '認定再生医療等委員会'] as const;
/** 倫理指針's three kinds of member (spec §4.6, R-ETH). */
export const MEMBER_CATEGORIES = ['医学・医療の専門家等、自然科学の有識者', '倫理学・法律学の専門家等、人文・社会科学の有識者', '一般の立場を代表する者'] as const;

export const committeeMemberSchema = z.object({
  id,
  name: t(100),
  /** 所属・職名 */
  position: t(200),
  category: z.enum(['', ...MEMBER_CATEGORIES]),
  external: z.enum(['', '外部', '内部']),
  sex: z.enum(['', '男', '女']),
  /** 委員の任期 ('YYYY-MM-DD' or ''): who sat on the committee on a given day (issue 11). Older rows read as ''. */
  from: z.string().max(10).default(''),
  to: z.string().max(10).default(''),
});
export type CommitteeMember = z.infer<typeof committeeMemberSchema>;

export const ethicsCommitteeSchema = z.object({
  id,
  name: t(200),
  type: z.enum(COMMITTEE_TYPES),
  members: z.array(committeeMemberSchema).max(200),
});
export type EthicsCommittee = z.infer<typeof ethicsCommitteeSchema>;

export const PRODUCT_KINDS = ['医療機器', '医療材料', '医薬品', '再生医療等製品'] as const;
export const LABEL_USES = ['適応内', '適応外', '未承認'] as const;

/** 医薬品・医療機器・医療材料 as 様式第3号 2-1 lists them (spec §3.3 device/drug table). */
export const productSchema = z.object({
  id,
  kind: z.enum(PRODUCT_KINDS),
  name: t(200),
  /** 製造販売業者名及び連絡先 */
  maker: t(300),
  /** 型式・規格 */
  spec: t(200),
  /** 医薬品医療機器法承認又は認証番号（16桁）, as typed. */
  approvalNumber: t(40),
  /** 承認又は認証上の適応 (使用目的、効能及び効果) */
  approvedIndication: t(2000),
  /** 適応内 / 適応外 / 未承認 ('' = not chosen yet). */
  labelUse: z.enum(['', ...LABEL_USES]),
  /** 未承認・適応外の場合の使用方法等 */
  usage: t(5000),
  /**
   * 購入単価（円）of a 医療材料・医薬品, filled into 費用の計算 when the 品目 is picked there (issue 15).
   * Absent in entries saved before, and where not known.
   */
  unitPrice: z.number().int().min(0).max(MAX_YEN).optional(),
  /**
   * 医薬品医療機器法承認一部変更申請状況 of a 適応外 品目, printed in 様式第3号 2-1 ④ (issue 15): stated once
   * here, not typed again on the form. Absent in entries saved before.
   */
  partialChangeStatus: t(2000).optional(),
});
export type Product = z.infer<typeof productSchema>;

const yen = z.number().int().min(0).max(MAX_YEN);

/** 機器台帳: a device and its depreciation inputs (R-C-2), shared by the cost models that use it. */
export const equipmentSchema = z.object({
  id,
  name: t(200),
  purchasePrice: yen,
  residualValue: yen,
  usefulLifeYears: z.number().int().min(1).max(100),
  usesPerYear: z.number().int().min(1).max(1_000_000),
  purchasedOn: z.string().max(10),
  /** The 品目 (医療機器) of the 医薬品・医療機器 台帳 this device is (issue 15): one device, one name. Absent = not linked. */
  productId: z.string().max(64).optional(),
});
export type Equipment = z.infer<typeof equipmentSchema>;

export const departmentsSchema = z.array(departmentSchema).max(500);
export const committeesSchema = z.array(ethicsCommitteeSchema).max(100);
export const productsSchema = z.array(productSchema).max(2000);
export const equipmentListSchema = z.array(equipmentSchema).max(2000);

/** Everything the forms may pick from. */
export interface Masters {
  readonly people: readonly Person[];
  readonly departments: readonly Department[];
  readonly committees: readonly EthicsCommittee[];
  readonly products: readonly Product[];
  readonly equipment: readonly Equipment[];
}

export const EMPTY_MASTERS: Masters = { people: [], departments: [], committees: [], products: [], equipment: [] };

export function emptyDepartment(newId: string): Department {
  return { id: newId, name: '', fullTimeDoctors: '' };
}
export function emptyCommittee(newId: string): EthicsCommittee {
  return { id: newId, name: '', type: '倫理審査委員会', members: [] };
}
export function emptyMember(newId: string): CommitteeMember {
  return { id: newId, name: '', position: '', category: '', external: '', sex: '', from: '', to: '' };
}
export function emptyProduct(newId: string, kind: Product['kind'] = '医療機器'): Product {
  return { id: newId, kind, name: '', maker: '', spec: '', approvalNumber: '', approvedIndication: '', labelUse: '', usage: '' };
}

/**
 * The members on the committee on `date` ('YYYY-MM-DD'): no 就任日 or one on or before it, and no
 * 退任日 or one on or after it. A later year's report sees the committee as it was then.
 */
export function membersOn<M extends Pick<CommitteeMember, 'from' | 'to'>>(members: readonly M[], date: string): M[] {
  return members.filter((m) => (m.from === '' || m.from <= date) && (m.to === '' || m.to >= date));
}

/** Looks up the items of `ids` in order; ids no longer in the master are reported, not dropped. */
export function pick<T extends { readonly id: string }>(list: readonly T[], ids: readonly string[]): { readonly found: T[]; readonly missing: string[] } {
  const byId = new Map(list.map((x) => [x.id, x]));
  const found: T[] = [];
  const missing: string[] = [];
  for (const i of ids) {
    const x = byId.get(i);
    if (x) found.push(x);
    else missing.push(i);
  }
  return { found, missing };
}

export interface MasterFinding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** R-X-1 pattern of a 16-character 承認・認証番号 [INF from real numbers]. */
export const APPROVAL_NUMBER = /^[0-9]{3}[0-9A-Z]{5}[0-9]{8}$/;

export function normalizeApproval(s: string): string {
  // Full-width letters and digits are typed on Japanese keyboards; compare in ASCII.
  return s.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Whether a name typed on a form (様式第3号④「医療機器名又は品目名」) names the 品目: the same text
 * once full-width letters and spaces are set aside (「インドシアニングリーン注射用２５ｍｇ」 names it).
 */
export function namesProduct(typed: string, p: Pick<Product, 'name'>): boolean {
  const n = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
  return n(typed) !== '' && n(typed) === n(p.name);
}

/** R-X-1, R-X-2: what is wrong with a product's approval data, beside the field. */
export function productFindings(p: Product): MasterFinding[] {
  const out: MasterFinding[] = [];
  const number = normalizeApproval(p.approvalNumber);
  if (p.labelUse === '未承認') {
    if (p.approvedIndication.trim() !== '') out.push({ ruleId: 'R-X-2', severity: 'warning', message: '未承認の品目では「承認上の適応」は空欄にします。' });
    if (p.usage.trim() === '') out.push({ ruleId: 'R-X-3', severity: 'warning', message: '未承認の品目は「使用方法等」を書きます。' });
    return out;
  }
  if (number === '') out.push({ ruleId: 'R-X-1', severity: 'error', message: '承認又は認証番号（16桁）を入力してください。未承認の場合は「未承認」を選びます。' });
  else if (!APPROVAL_NUMBER.test(number)) out.push({ ruleId: 'R-X-1', severity: 'error', message: `承認又は認証番号は16桁（例：30200BZX00289000）です。いまは${Array.from(number).length}文字です。` });
  if (p.labelUse === '') out.push({ ruleId: 'R-X-2', severity: 'warning', message: '適応内か適応外かを選んでください。' });
  if (p.labelUse === '適応外' && p.usage.trim() === '') out.push({ ruleId: 'R-X-3', severity: 'warning', message: '適応外で使う品目は「使用方法等」を書きます。' });
  return out;
}

/**
 * R-ETH (spec §4.6): the 倫理指針's composition — each of the three categories at least once,
 * 外部委員 at least two, both sexes, at least five members. Each requirement not met has a stable id
 * (確認済み of a finding is keyed by it). Blank answers are counted as unknown. The one definition:
 * the マスタ screen and the consistency rule (shared/rules/catalog/ethics.ts) both use it.
 */
export function committeeProblems(members: readonly CommitteeMember[]): { readonly unmet: ReadonlyArray<{ readonly id: string; readonly text: string }>; readonly unknown: number } {
  const named = members.filter((m) => m.name.trim() !== '');
  const unmet: Array<{ id: string; text: string }> = [];
  if (named.length < 5) unmet.push({ id: 'count', text: `委員は5名以上必要です（いま${named.length}名）。` });
  MEMBER_CATEGORIES.forEach((cat, i) => {
    if (!named.some((m) => m.category === cat)) unmet.push({ id: `category${i}`, text: `「${cat}」の委員がいません。` });
  });
  const external = named.filter((m) => m.external === '外部').length;
  if (external < 2) unmet.push({ id: 'external', text: `外部委員は複数（2名以上）必要です（いま${external}名）。` });
  if (!named.some((m) => m.sex === '男') || !named.some((m) => m.sex === '女')) unmet.push({ id: 'sexes', text: '男女両性の委員が必要です。' });
  const unknown = named.filter((m) => m.category === '' || m.external === '' || m.sex === '').length;
  return { unmet, unknown };
}

export function committeeFindings(c: EthicsCommittee): MasterFinding[] {
  const { unmet, unknown } = committeeProblems(c.members);
  const out: MasterFinding[] = unmet.map((u) => ({ ruleId: 'R-ETH', severity: 'error', message: u.text }));
  if (unknown > 0) out.push({ ruleId: 'R-ETH', severity: 'warning', message: `区分・外部委員・性別が未入力の委員が${unknown}名います。` });
  return out;
}
