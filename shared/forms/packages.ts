/**
 * Which forms make up each package, in filing order, with addressee and copies — spec §2.2.
 * Copy counts are from the 2019/2022 notice text and may have changed with the 2024 revision
 * (spec §0.3 fact 3): the contents page says so.
 */
export type PackageId = 'new-a' | 'new-b' | 'cooperating' | 'outsourcing';

export interface PackageDefinition {
  readonly id: PackageId;
  readonly label: string;
  readonly formIds: readonly string[];
  readonly addressee: string;
  /** 「正本1・副本7」, or undefined where no count is known. */
  readonly copies: string | undefined;
  readonly note?: string;
}

const MAIN = ['besshi1/yoshiki1-1', 'besshi1/yoshiki2', 'besshi1/yoshiki3', 'besshi1/yoshiki5', 'besshi1/yoshiki6', 'besshi1/yoshiki7-1', 'besshi1/yoshiki7-2', 'besshi1/yoshiki8-1', 'besshi1/yoshiki8-2', 'besshi1/yoshiki9'] as const;

export const PACKAGES: readonly PackageDefinition[] = [
  {
    id: 'new-a',
    label: '新規届出（先進医療A）',
    formIds: MAIN,
    addressee: '厚生労働大臣（保険局医療課）',
    copies: '正本1・副本7',
    note: '文献を添付します。施設の届出（様式第1-2号）は地方厚生（支）局へ別に提出します。',
  },
  {
    id: 'new-b',
    label: '新規届出（先進医療B）',
    formIds: MAIN,
    addressee: '厚生労働大臣（医政局研究開発政策課）',
    copies: undefined,
    note: '協力医療機関の分もとりまとめて提出します。試験実施計画書、説明同意文書、委員会の承認関係資料などを添付します。',
  },
  {
    id: 'cooperating',
    label: '協力医療機関の届出（先進医療B）',
    formIds: ['besshi1/yoshiki1-1', 'besshi1/yoshiki2', 'besshi1/yoshiki4', 'besshi1/yoshiki6', 'besshi1/yoshiki7-1', 'besshi1/yoshiki7-2', 'besshi1/yoshiki8-1', 'besshi1/yoshiki8-2', 'besshi1/yoshiki9'],
    addressee: '厚生労働大臣',
    copies: '正本1・副本4',
    note: '様式第9号は申請医療機関のものと同一の写しを添付します。',
  },
  {
    id: 'outsourcing',
    label: '委託（共同実施）の届出',
    formIds: [...MAIN, 'besshi2/yoshiki8', 'besshi2/yoshiki9'],
    addressee: '厚生労働大臣',
    copies: undefined,
    note: '契約書、検査依頼書の雛型、検査結果通知書の雛型を添付します。',
  },
];

export function packageById(id: PackageId): PackageDefinition {
  const p = PACKAGES.find((x) => x.id === id);
  if (!p) throw new RangeError(id);
  return p;
}
