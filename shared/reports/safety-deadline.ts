/**
 * The deadline of a 重篤な有害事象等報告 (issue 14 item 5; spec §5.2), counted from the day the site
 * learned of the event (知った日) under the law that governs the study. Pure.
 *
 * Counting: calendar days, the day of learning not counted (初日不算入, 民法第140条): learned on
 * 3月2日 with 15 days → due on 3月17日. Weekends and holidays are not skipped.
 *
 * The table below is data, each entry with its basis and how sure it is:
 * - 臨床研究法 (施行規則 第54条, 未承認・適応外の医薬品等を用いる研究 — a 先進医療B): 予測できない
 *   死亡・死亡につながるおそれ 7日; 予測できる 死亡・死亡につながるおそれ 15日; 予測できない その他の
 *   重篤 15日; 予測できる その他の重篤 30日 — the last one is given differently by the institutions'
 *   pages (30日 or 定期報告) and is shown 「要確認」.
 * - 再生医療等安全性確保法 (施行規則 第35条): 死亡・死亡につながるおそれ 7日; その他の重篤 15日.
 * - The 先進医療 通知 (第3の2(1)) has a deadline of its own whose number was not retrieved
 *   (spec §3.14): it is 「要確認」, shown so, and never makes a report late by itself.
 */
import { addDays, compareYmd, parseIsoDate, toIsoDate, type YMD } from '../dates/iso-date';
import { formatWareki } from '../dates/wareki';
import type { SaeLaw, SaeSeriousness, SeriousAdverseEventDoc } from './safety';

/** 死亡 and 死亡のおそれ: the reasons with the shortest deadlines. */
const DEATH_LIKE: ReadonlySet<SaeSeriousness> = new Set(['死亡', '死亡のおそれ']);

export interface DeadlineRule {
  readonly law: SaeLaw;
  /** Which events it covers, as the user reads it. */
  readonly covers: string;
  /** undefined: the number of days is not known (要確認). */
  readonly days: number | undefined;
  readonly basis: string;
  /** False where the sources disagree or were not seen: the screen shows 「要確認」. */
  readonly confirmed: boolean;
  readonly applies: (death: boolean, expectedness: SeriousAdverseEventDoc['expectedness']) => boolean;
}

export const SAFETY_DEADLINE_RULES: readonly DeadlineRule[] = [
  { law: '臨床研究法', covers: '予測できない死亡・死亡につながるおそれ', days: 7, basis: '臨床研究法施行規則第54条', confirmed: true, applies: (death, e) => death && e === '未知' },
  { law: '臨床研究法', covers: '予測できる死亡・死亡につながるおそれ', days: 15, basis: '臨床研究法施行規則第54条', confirmed: true, applies: (death, e) => death && e === '既知' },
  { law: '臨床研究法', covers: '予測できないその他の重篤な疾病等', days: 15, basis: '臨床研究法施行規則第54条', confirmed: true, applies: (death, e) => !death && e === '未知' },
  { law: '臨床研究法', covers: '予測できるその他の重篤な疾病等', days: 30, basis: '臨床研究法施行規則第54条（30日または定期報告と資料により異なる）', confirmed: false, applies: (death, e) => !death && e === '既知' },
  { law: '再生医療等安全性確保法', covers: '死亡・死亡につながるおそれ', days: 7, basis: '再生医療等安全性確保法施行規則第35条', confirmed: true, applies: (death) => death },
  { law: '再生医療等安全性確保法', covers: 'その他の重篤な疾病等', days: 15, basis: '再生医療等安全性確保法施行規則第35条', confirmed: true, applies: (death) => !death },
  { law: 'それ以外', covers: '重篤な有害事象等', days: undefined, basis: '先進医療の通知 第3の2(1)（日数は未確認）', confirmed: false, applies: () => true },
];

export interface SafetyDeadline {
  readonly rule: DeadlineRule;
  /** undefined while 知った日 is not entered or the rule has no number of days. */
  readonly due: YMD | undefined;
}

/**
 * The deadline that applies to `doc`: from its law, whether any reason is 死亡 / 死亡のおそれ, and its
 * 予測可能性. undefined while the law, a reason or (where it matters) the 予測可能性 is not chosen.
 */
export function safetyDeadline(doc: Pick<SeriousAdverseEventDoc, 'law' | 'seriousness' | 'expectedness' | 'learnedOn'>): SafetyDeadline | undefined {
  if (doc.law === '' || doc.seriousness.length === 0) return undefined;
  const death = doc.seriousness.some((s) => DEATH_LIKE.has(s));
  const rule = SAFETY_DEADLINE_RULES.find((r) => r.law === doc.law && r.applies(death, doc.expectedness));
  if (!rule) return undefined;
  const learned = parseIsoDate(doc.learnedOn);
  return { rule, due: learned && rule.days !== undefined ? addDays(learned, rule.days) : undefined };
}

/**
 * The day the report counts as made: the day it was filed (提出済み) once it was, else its 報告日.
 * undefined when neither is known.
 */
export function reportedOn(doc: Pick<SeriousAdverseEventDoc, 'reportDate'>, filedOn?: string): YMD | undefined {
  return parseIsoDate(filedOn ?? '') ?? parseIsoDate(doc.reportDate);
}

/**
 * Whether the report is late: made (filedOn, else 報告日) after its deadline. undefined when that
 * cannot be told (no deadline known — 要確認 — or no day of reporting yet).
 */
export function isLate(doc: Pick<SeriousAdverseEventDoc, 'law' | 'seriousness' | 'expectedness' | 'learnedOn' | 'reportDate'>, filedOn?: string): boolean | undefined {
  const due = safetyDeadline(doc)?.due;
  const on = reportedOn(doc, filedOn);
  if (!due || !on) return undefined;
  return compareYmd(on, due) > 0;
}

/** 「報告期限：令和８年３月１７日（知った日から15日）」, or why it cannot be told yet. */
export function deadlineText(d: SafetyDeadline | undefined): string {
  if (!d) return '報告期限：適用される法令、重篤と判断した理由、予測可能性を選ぶと表示します。';
  if (d.rule.days === undefined) return `報告期限：要確認（${d.rule.basis}）`;
  if (!d.due) return `報告期限：知った日から${d.rule.days}日（知った日を入力すると日付を表示します）`;
  return `報告期限：${formatWareki(d.due)}（知った日から${d.rule.days}日）${d.rule.confirmed ? '' : '　要確認'}`;
}

/** The deadline as 'YYYY-MM-DD' ('' when not known): for the 期限 view and exports. */
export function deadlineIso(d: SafetyDeadline | undefined): string {
  return d?.due ? toIsoDate(d.due) : '';
}
