/**
 * 先進医療に係る事前相談申込書 (FAX) — spec §3.16, 記載要領 別添. The schema is the single source
 * of truth: stored shape, labels (official wording), the guidance printed under each label on the
 * official sheet, and our own help text. Editors, checks and layouts read it from here.
 *
 * Everything is kept as typed (strings): a slot on a Sunday is a warning, never a rejection.
 * Changing the stored shape needs a Dexie version bump and a migration (renderer/db/schema.ts).
 */
import { z } from 'zod';
import { officerTermsSchema } from '../../model/institution';
import { DIVISIONS, type Division } from '../packages';

export const FORM_ID = 'jizen-soudan';

export const formMeta = {
  id: FORM_ID,
  title: '先進医療に係る事前相談申込書',
  /** Items and wording are from the official sheet (記載要領 別添); not an estimated layout. */
  estimatedLayout: false,
  source: '先進医療に係る届出書等の記載要領等について（別添 事前相談申込書）',
} as const;

const text = (max: number) => z.string().max(max, { message: `${max}文字以内で入力してください` });

export const slotSchema = z.object({
  /** 'YYYY-MM-DD' or '' */
  date: text(10),
  /** 'HH:MM' or '' */
  start: text(5),
  end: text(5),
});
export type ConsultationSlot = z.infer<typeof slotSchema>;

export const visitorSchema = z.object({
  name: text(100),
  affiliation: text(200),
});
export type Visitor = z.infer<typeof visitorSchema>;

export const categorySchema = z.enum(['A', 'B']);
export type AssumedCategory = z.infer<typeof categorySchema>;

/**
 * Fields that come from 設定 › 医療機関情報. A value stored here overrides the profile for this
 * project only; undefined means "use the profile" (each fact stored once).
 */
export const contactOverrideKeys = ['institutionName', 'contactAffiliation', 'contactName', 'tel', 'fax', 'email'] as const;
export type ContactKey = (typeof contactOverrideKeys)[number];

export const jizenSoudanSchema = z.object({
  institutionName: text(200).optional(),
  contactAffiliation: text(200).optional(),
  contactName: text(100).optional(),
  tel: text(40).optional(),
  fax: text(40).optional(),
  email: text(254).optional(),
  /**
   * 品目 of the マスタ (医薬品・医療機器), in printed order (issue 15): named once in the マスタ and
   * picked here, as 様式第3号 does. Absent in sheets saved before; `products` stays as typed text
   * printed after them (what the マスタ does not hold, or a sheet written before the picker).
   */
  productIds: z.array(z.string().min(1).max(64)).max(200).optional(),
  products: text(20_000),
  slots: z.tuple([slotSchema, slotSchema, slotSchema]),
  visitors: z.array(visitorSchema).max(30),
  /**
   * 区分 as chosen on the sheet before issue 15. The sheet now prints the project's 区分 (案件の基本情報:
   * one fact, not asked again); a stored value is kept as it was and prints only where no project 区分 is given.
   */
  assumedCategory: categorySchema.nullable(),
  /** The day the consultation took place (not printed; starts the 6-month clock, R-F-2). */
  heldOn: text(10),
});
export type JizenSoudan = z.infer<typeof jizenSoudanSchema>;

export function emptySlot(): ConsultationSlot {
  return { date: '', start: '', end: '' };
}

export function emptyJizenSoudan(): JizenSoudan {
  return {
    products: '',
    slots: [emptySlot(), emptySlot(), emptySlot()],
    visitors: [{ name: '', affiliation: '' }],
    assumedCategory: null,
    heldOn: '',
  };
}

/** The institution profile (設定 › 医療機関情報), entered once and pre-filled everywhere. */
export const institutionProfileSchema = z.object({
  institutionName: text(200),
  contactAffiliation: text(200),
  contactName: text(100),
  tel: text(40),
  fax: text(40),
  email: text(254),
  /** 保険医療機関の所在地 and 開設者氏名 (届出書の見出し). Added later: older rows read as ''. */
  address: text(300).default(''),
  founderName: text(200).default(''),
  /** 開設者・管理者 with the day each took office (printed as of the 届出日). Older rows read as []. */
  officers: officerTermsSchema.default([]),
  /**
   * Print the 管理者 instead of the 開設者 as the filer: allowed where the 開設者's authority is
   * delegated internally (e.g. NC; spec §3.0, S2 第1-1).
   */
  filerIsManager: z.boolean().default(false),
});
export type InstitutionProfile = z.infer<typeof institutionProfileSchema>;

export function emptyInstitutionProfile(): InstitutionProfile {
  return { institutionName: '', contactAffiliation: '', contactName: '', tel: '', fax: '', email: '', address: '', founderName: '', officers: [], filerIsManager: false };
}

/**
 * Where the sheet is faxed. Data, not a constant: the office was renamed 研究開発振興課 →
 * 研究開発政策課 (spec §0.3 fact 2) and the number must be checked against the ministry's notice.
 */
export const faxDestinationSchema = z.object({
  faxNumber: text(40),
  addressee: text(200),
});
export type FaxDestination = z.infer<typeof faxDestinationSchema>;

/** 「厚生労働省医政局研究開発政策課　先進医療担当宛」: the 宛先 line naming a 医政局 section. */
export function faxAddresseeFor(division: Division): string {
  return `厚生労働省${division}　先進医療担当宛`;
}

/** As printed on the official sheet in the 記載要領 (verify before faxing: spec §9 item 6). */
export const OFFICIAL_FAX_DESTINATION: FaxDestination = {
  faxNumber: '03-3503-0595',
  addressee: faxAddresseeFor('医政局研究開発振興課'),
};

const squashSpaces = (s: string): string => s.replace(/[\s　]+/g, '');

/**
 * The 宛先 the sheet prints (spec §0.3 fact 2): the section of the template set in force, like every
 * other document printed with that set. Only a 宛先 the user wrote in other words (not the 記載要領's
 * line for any section, as the 設定 keeps by default) is printed as written.
 */
export function faxDestinationFor(stored: FaxDestination, division: Division): FaxDestination {
  const generated = DIVISIONS.some((d) => squashSpaces(faxAddresseeFor(d)) === squashSpaces(stored.addressee));
  return generated || stored.addressee.trim() === '' ? { ...stored, addressee: faxAddresseeFor(division) } : stored;
}

export interface FieldText {
  /** Official wording: the accessible label of the input. */
  readonly label: string;
  /** The guidance the official sheet prints under the label. */
  readonly printedGuidance?: string;
  /** Our own help, in our words. */
  readonly help?: string;
}

export const fieldText = {
  institutionName: { label: '医療機関名', help: '保険医療機関としての正式名称を記載します。' },
  contact: { label: '担当者の所属及び氏名', help: '事前相談の窓口になる方の所属部署と氏名です。' },
  contactAffiliation: { label: '担当者の所属' },
  contactName: { label: '担当者の氏名' },
  reach: { label: '連絡先', help: '日中に連絡がつく電話・FAX・メールアドレスです。' },
  tel: { label: 'TEL' },
  fax: { label: 'FAX' },
  email: { label: 'e-mail' },
  technologyName: { label: '医療技術名', help: '届出予定の先進医療の名称です。この案件のすべての様式に使われます。' },
  productIds: { label: '台帳から選ぶ医薬品・医療機器', help: '使用する医薬品又は医療機器を台帳（マスタ）から選ぶと、品目名・型式・企業名・承認状況・使用方法が印刷されます。様式第3号と同じ台帳です。' },
  products: {
    label: '使用する医薬品又は医療機器',
    printedGuidance: '（一般名、製品名、企業名、使用方法、未承認、適応外の内容がわかるように記載）',
    help: '台帳から選んだ品目の後に印刷されます。台帳にない品目や補足を、一般名・製品名・企業名・使用方法と未承認か適応外かがわかるように書きます。',
  },
  slots: {
    label: '相談希望日時',
    printedGuidance: '（原則、平日の午後2時～5時）',
    help: '第1〜第3希望を、平日の14時〜17時の範囲で選びます。土日・祝日・年末年始は避けてください。',
  },
  visitors: {
    label: '訪問予定者の氏名',
    printedGuidance: '（使用する医薬品・機器の取扱企業担当者も同行ください。）',
    help: '当日訪問する全員です。医薬品・医療機器の企業担当者も含めます。',
  },
  assumedCategory: {
    label: '保険医療機関が想定する先進医療の区分',
    printedGuidance: 'いずれかに○をつける',
    help: '案件の基本情報の区分（先進医療A・B）が印刷されます。変える場合は案件の基本情報で変えます。事前相談の参考情報で、区分は先進医療会議が決定します。',
  },
  heldOn: { label: '事前相談の実施日', help: '相談が済んだら記録します。6か月を過ぎると届出前に再度の事前相談が必要です（記載要領 第6-2）。' },
} as const satisfies Record<string, FieldText>;

export const CATEGORY_NOTE = '注）事前相談の際の参考情報であり、区分は先進医療会議により決定されるものである。';
export const DAY_OF_MATERIALS = [
  '※ 事前相談の当日は、下記の書類を当方分として5部印刷したものをご準備ください。',
  '(1) 先進医療実施届出書(案)及び添付書類一式',
  '(2) 技術の内容を解説した資料(図表など用いた解説書)',
] as const;
