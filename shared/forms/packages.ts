/**
 * Which forms make up each package, in filing order, with addressee and copies — spec §2.2.
 * Copy counts are from the 2019/2022 notice text and may have changed with the 2024 revision
 * (spec §0.3 fact 3): the contents page says so.
 */
import { FORM_DATES, type DateStyle } from '../dates/date-style';

export type PackageId = 'new-a' | 'new-b' | 'cooperating' | 'outsourcing';

export interface PackageDefinition {
  readonly id: PackageId;
  readonly label: string;
  readonly formIds: readonly string[];
  readonly addressee: string;
  /** 「正本1・副本7」, or undefined where no count is known. */
  readonly copies: string | undefined;
  readonly note?: string;
  /**
   * The 医政局 section in charge of 先進医療 as the package's template set names it (spec §0.3 fact 2).
   * One per set: the 先進医療B addressee and the 事前相談申込書's 宛先 of the set both name it. Absent
   * (a package defined outside a set): the newest set's.
   */
  readonly division?: Division;
  /** How every date of the package prints (R-F-4): one style for the whole document; absent = MHLW forms' (和暦). */
  readonly dates?: DateStyle;
  /** Papers filed with the package that the app does not make: the contents page lists them as not in it. */
  readonly attachments?: readonly string[];
  /** Filed together with each 協力医療機関's own papers (先進医療B: 「協力医療機関分もとりまとめの上、提出」). */
  readonly withCooperating?: boolean;
}

/**
 * The section's name in the 記載要領 and its FAX sheet (2019 notice), and since the reorganisation
 * (meeting rosters from 2023-09; the 2024 revision sends 先進医療B filings there).
 */
export const DIVISIONS = ['医政局研究開発振興課', '医政局研究開発政策課'] as const;
export type Division = (typeof DIVISIONS)[number];

/** The section named by the newest template set (and so by `PACKAGES`). */
export const CURRENT_DIVISION: Division = '医政局研究開発政策課';

const MAIN = ['besshi1/yoshiki1-1', 'besshi1/yoshiki2', 'besshi1/yoshiki3', 'besshi1/yoshiki5', 'besshi1/yoshiki6', 'besshi1/yoshiki7-1', 'besshi1/yoshiki7-2', 'besshi1/yoshiki8-1', 'besshi1/yoshiki8-2', 'besshi1/yoshiki9'] as const;

/** The packages of a template set whose 医政局 section is `division`. */
export function packagesFor(division: Division): readonly PackageDefinition[] {
  const common = { division, dates: FORM_DATES } as const;
  return [
    {
      id: 'new-a',
      label: '新規届出（先進医療A）',
      formIds: MAIN,
      addressee: '厚生労働大臣（保険局医療課）',
      copies: '正本1・副本7',
      note: '施設の届出（様式第1-2号）は地方厚生（支）局へ別に提出します。',
      attachments: ['文献'],
      ...common,
    },
    {
      id: 'new-b',
      label: '新規届出（先進医療B）',
      formIds: MAIN,
      addressee: `厚生労働大臣（${division}）`,
      copies: undefined,
      attachments: ['試験実施計画書', '説明同意文書', '委員会の承認関係資料'],
      withCooperating: true,
      ...common,
    },
    {
      id: 'cooperating',
      label: '協力医療機関の届出（先進医療B）',
      formIds: ['besshi1/yoshiki1-1', 'besshi1/yoshiki2', 'besshi1/yoshiki4', 'besshi1/yoshiki6', 'besshi1/yoshiki7-1', 'besshi1/yoshiki7-2', 'besshi1/yoshiki8-1', 'besshi1/yoshiki8-2', 'besshi1/yoshiki9'],
      addressee: '厚生労働大臣',
      copies: '正本1・副本4',
      note: '様式第9号は申請医療機関のものと同一の写しです。',
      ...common,
    },
    {
      id: 'outsourcing',
      label: '委託（共同実施）の届出',
      formIds: [...MAIN, 'besshi2/yoshiki8', 'besshi2/yoshiki9'],
      addressee: '厚生労働大臣',
      copies: undefined,
      attachments: ['契約書', '検査依頼書の雛型', '検査結果通知書の雛型'],
      ...common,
    },
  ];
}

export const PACKAGES: readonly PackageDefinition[] = packagesFor(CURRENT_DIVISION);

export function packageById(id: PackageId): PackageDefinition {
  const p = PACKAGES.find((x) => x.id === id);
  if (!p) throw new RangeError(id);
  return p;
}
