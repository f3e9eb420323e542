/**
 * Template sets (issue 11 item 3): the 様式 a filing is printed with follow the 通知 in force on its
 * 届出日. The 課長通知 dates from 平成28年3月4日 and was amended on 平成30年3月26日, 令和元年10月31日
 * and in April 2024 (spec §7 "Versioning", §0.3 fact 3). Each set names the forms and their
 * versions, the packages with addressee and copies, and the day it applies from.
 *
 * A filed (提出済み) filing keeps the set it was printed with; a set added later never changes it
 * (its bytes are frozen: shared/filings/as-filed.ts).
 *
 * !! Append only: ids are stored in filings. Never edit a published set's forms or versions.
 */
import { CURRENT_DIVISION, PACKAGES, packagesFor, type Division, type PackageDefinition } from '../forms/packages';

export interface TemplateSet {
  readonly id: string;
  /** 「令和6年4月改正」 as shown to the user. */
  readonly label: string;
  /** 'YYYY-MM-DD': filings whose 届出日 is on or after this day use the set (until a newer one). */
  readonly validFrom: string;
  /** Form id → template version. */
  readonly forms: Readonly<Record<string, number>>;
  readonly packages: readonly PackageDefinition[];
  /** How sure we are of the date and contents. */
  readonly note: string;
  /**
   * When the 定期報告 of a 年度 is due under this set (spec §5.2), for the 期限 view (issue 14 item 6).
   * Absent on a set that does not say: PERIODIC_REPORT_DUE (unverified) applies.
   */
  readonly periodicReportDue?: PeriodicReportDue;
}

/**
 * The due day of the 定期報告 of 年度 `year` (報告期間 7/1 of the year before – 6/30 of `year`): the
 * last day of `month` of `year` (「当該年8月末まで」). `verified` false: shown 「要確認」 with `basis`.
 */
export interface PeriodicReportDue {
  readonly month: number;
  /** The rule in words, as the 期限 view shows it. */
  readonly basis: string;
  readonly verified: boolean;
}

/** 「当該年8月末までに地方厚生(支)局長に報告」: the pre-2016 text (spec §5.2 [W-OLD-0208]); not seen in the current 通知. */
export const PERIODIC_REPORT_DUE: PeriodicReportDue = {
  month: 8,
  basis: '当該年8月末まで（報告期間は前年7月1日～当該年6月30日）。平成28年以前の通知の記載で、現行の通知では未確認です。',
  verified: false,
};

/**
 * Form versions of a set, written out: a published set never follows a later version bump (a test
 * checks every form of the app is listed in the newest set at its current version).
 */
const FORMS_V1: Readonly<Record<string, number>> = {
  'besshi1/yoshiki1-1': 1,
  'besshi1/yoshiki1-2': 1,
  'besshi1/yoshiki2': 1,
  'besshi1/yoshiki3': 1,
  'besshi1/yoshiki4': 1,
  'besshi1/yoshiki5': 1,
  'besshi1/yoshiki6': 1,
  'besshi1/yoshiki7-1': 1,
  'besshi1/yoshiki7-2': 1,
  'besshi1/yoshiki8-1': 1,
  'besshi1/yoshiki8-2': 1,
  'besshi1/yoshiki9': 1,
  'besshi2/yoshiki8': 1,
  'besshi2/yoshiki9': 1,
};

/**
 * Issue 15 item 8: 様式第3号 (7-2 実績症例) and 様式第6号 (保険外併用療養費分の内訳) are entered and
 * printed as tables — version 2 of both. The 通知 is the same as FORMS_V1's.
 */
const FORMS_V2: Readonly<Record<string, number>> = { ...FORMS_V1, 'besshi1/yoshiki3': 2, 'besshi1/yoshiki6': 2 };

/**
 * Before 2024 the 医政局 section was 研究開発振興課 (spec §0.3 fact 2): the 先進医療B addressee and
 * the 事前相談申込書's 宛先 of the 2019 set both name it.
 */
const PACKAGES_2019: readonly PackageDefinition[] = packagesFor('医政局研究開発振興課');

export const TEMPLATE_SETS: readonly TemplateSet[] = [
  {
    id: 'notice-2019-10',
    label: '令和元年10月31日改正',
    validFrom: '2019-10-31',
    forms: FORMS_V1,
    packages: PACKAGES_2019,
    note: '様式の項目は現行と同じとみなしています（推定）。',
    periodicReportDue: PERIODIC_REPORT_DUE,
  },
  {
    id: 'notice-2024-04',
    label: '令和6年4月改正',
    validFrom: '2024-04-01',
    forms: FORMS_V1,
    packages: PACKAGES,
    note: '改正日は会議資料からの推定。部数は2019/2022年の通知の値で、別途定めで変わった可能性があります。',
    periodicReportDue: PERIODIC_REPORT_DUE,
  },
  // Issue 15 item 8: the same two 通知 again, with 様式第3号 and 第6号 at version 2 (tables); each is
  // chosen over its first set from the same day (templateSetOn: the later of equal days).
  {
    id: 'notice-2019-10-v2',
    label: '令和元年10月31日改正',
    validFrom: '2019-10-31',
    forms: FORMS_V2,
    packages: PACKAGES_2019,
    note: '様式の項目は現行と同じとみなしています（推定）。様式第3号の実績症例と様式第6号の保険外併用療養費分の内訳を表で作成します。',
    periodicReportDue: PERIODIC_REPORT_DUE,
  },
  {
    id: 'notice-2024-04-v2',
    label: '令和6年4月改正',
    validFrom: '2024-04-01',
    forms: FORMS_V2,
    packages: PACKAGES,
    note: '改正日は会議資料からの推定。部数は2019/2022年の通知の値で、別途定めで変わった可能性があります。様式第3号の実績症例と様式第6号の保険外併用療養費分の内訳を表で作成します。',
    periodicReportDue: PERIODIC_REPORT_DUE,
  },
];

export function templateSetById(id: string): TemplateSet | undefined {
  return TEMPLATE_SETS.find((s) => s.id === id);
}

/** The set in force on `date` ('YYYY-MM-DD'): the newest that applies from on or before it, else the oldest. */
export function templateSetOn(date: string, sets: readonly TemplateSet[] = TEMPLATE_SETS): TemplateSet {
  let best: TemplateSet | undefined;
  for (const s of sets) if (s.validFrom <= date && (!best || s.validFrom >= best.validFrom)) best = s;
  const chosen = best ?? sets[0];
  if (!chosen) throw new RangeError('no template set');
  return chosen;
}

/**
 * The 医政局 section a set names (spec §0.3 fact 2): one per set, printed alike on its packages and on
 * the 事前相談申込書 sent while it is in force.
 */
export function divisionOf(set: Pick<TemplateSet, 'packages'>): Division {
  return set.packages.find((p) => p.division !== undefined)?.division ?? CURRENT_DIVISION;
}
