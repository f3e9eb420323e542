/**
 * R-P-4's reading of the 予定試験期間 (issue 16): the 研究期間, the 登録期間 and the 追跡期間 as the field
 * and its sentences state them, the start of 「告示日から」, and whether the registration and the
 * follow-up fit inside the study period.
 */
import { addCalendarMonths, addDays, compareYmd, parseIsoDate, toIsoDate, type YMD } from '../../dates/iso-date';
import { formatWareki, toAsciiDigits } from '../../dates/wareki';
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { findDates } from '../extract';
import { at, atField, type Submission } from '../submission';
import type { FieldLocation, Hit } from '../types';
import { OTHER_STUDY, proseFields } from './prose';

/** 「2025年4月1日から5年間」: start + N years − 1 day (R-P-4). */
export function periodEnd(start: Parameters<typeof addDays>[0], years: number): ReturnType<typeof addDays> {
  return addDays(addCalendarMonths(start, years * 12), -1);
}

/** A length typed in prose: 「3年」「３年間」「24か月」「52週」. */
interface Span {
  readonly text: string;
  readonly months: number;
  readonly days: number;
}

const SPAN = /([0-9０-９]+)\s*(年|か月|ヶ月|ヵ月|カ月|ケ月|箇月|週)間?/;

function spanIn(s: string): Span | undefined {
  const m = SPAN.exec(s);
  if (!m?.[1] || !m[2]) return undefined;
  const n = Number(toAsciiDigits(m[1]));
  return { text: m[0], months: m[2] === '年' ? n * 12 : m[2] === '週' ? 0 : n, days: m[2] === '週' ? n * 7 : 0 };
}

const spanAfter = (start: YMD, span: Span): YMD => addDays(addCalendarMonths(start, span.months), span.days);
/** The last day of a span that begins on `start` (「告示日から3年」 → 告示日 + 3年 − 1日). */
const spanEnd = (start: YMD, span: Span): YMD => addDays(spanAfter(start, span), -1);

/** What one clause of a period says: its typed dates (start, end), a start anchor, a length. */
interface PeriodPart {
  readonly start?: { readonly ymd: YMD; readonly text: string };
  readonly end?: { readonly ymd: YMD; readonly text: string };
  readonly anchor?: string;
  readonly span?: Span;
}

export const ANCHOR = /(告示日|告示適用日|jRCT(?:初回)?公表日)\s*(?:から|より|以降|～|〜)/;

function readPart(clause: string): PeriodPart {
  const dates = findDates(clause);
  let start: PeriodPart['start'];
  let end: PeriodPart['end'];
  dates.forEach((d, i) => {
    const next = clause.slice(d.end);
    const prev = clause.slice(0, d.start);
    const item = { ymd: d.value.ymd, text: d.text };
    if (/^\s*(?:から|より|～|〜|~|－|-)/.test(next) && !start) start = item;
    else if (/^\s*まで/.test(next) || /(?:から|より|～|〜|~|－|-)\s*$/.test(prev) || (i > 0 && !end)) end = item;
  });
  // Lengths outside the dates: 「2035年6月30日」 is no 「2035年」.
  let rest = clause;
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.start) + '〇' + rest.slice(d.end);
  const anchor = ANCHOR.exec(clause)?.[1];
  const span = spanIn(rest);
  return { ...(start ? { start } : {}), ...(end ? { end } : {}), ...(anchor ? { anchor: anchor.startsWith('jRCT') ? 'jRCT公表日' : '告示日' } : {}), ...(span ? { span } : {}) };
}

/** A period text split at 、，（）・ and line breaks, each clause sorted into the study, its registration and its follow-up. */
interface PeriodPlan {
  readonly study: PeriodPart[];
  readonly registration: PeriodPart[];
  readonly followUp: PeriodPart[];
}

const REGISTRATION = /登録期間|登録(?:は|を)?(?:告示日|[0-9０-９]{4}|令和)/;
const FOLLOW_UP = /追跡|観察期間|フォローアップ/;

function readPlan(s: string, withStudy: boolean): PeriodPlan {
  const plan: PeriodPlan = { study: [], registration: [], followUp: [] };
  // 「追跡期間5年（登録期間を含む）」, a follow-up counted from the start: not after the registration.
  const fromStart = /登録(?:期間)?を含|登録開始(?:日)?から|研究開始(?:日)?から/.test(s);
  for (const clause of s.split(/[、，,（）()・\n；;]/)) {
    // 「登録期間中は6か月ごとに」「登録後28日以内」: something done during a period, not its length.
    if (clause.trim() === '' || /期間中|ごと|毎|以内/.test(clause)) continue;
    if (FOLLOW_UP.test(clause)) {
      if (!fromStart && !/告示日/.test(clause)) plan.followUp.push(readPart(clause));
    } else if (REGISTRATION.test(clause) && !/登録後/.test(clause)) plan.registration.push(readPart(clause));
    else if (withStudy && !/登録|評価|解析/.test(clause)) plan.study.push(readPart(clause));
  }
  return plan;
}

/**
 * 「告示日（2027年7月1日）から」「告示日（予定：令和９年７月１日）から」: the date in brackets right after
 * 告示日 is the start, read as 「2027年7月1日から」. Other brackets there (「告示日（令和９年７月予定）から」
 * 「告示日（官報掲載日）から」) are dropped, leaving 「告示日から」. Other text is left as typed.
 */
export function withBracketedStart(s: string): string {
  return s.replace(/告示日\s*[（(]([^（）()]*)[）)]\s*(?=から|より|～|〜)/g, (_all: string, inside: string) => {
    const [d] = findDates(inside);
    const clean = d && /^\s*(?:(?:予定|見込み)\s*[：:]?)?\s*$/.test(inside.slice(0, d.start)) && /^\s*(?:の)?(?:予定|見込み|頃|ごろ)?\s*$/.test(inside.slice(d.end));
    return clean ? d.text : '告示日';
  });
}

/** The earliest day a 「告示日から」 period can start: the first 告示's 適用日, else the 届出日. */
function kokujiStart(s: Submission): { ymd: YMD; label: string } | undefined {
  const from = s.project.notices.map((n) => parseIsoDate(n.validFrom)).filter((d): d is YMD => d !== undefined).sort(compareYmd)[0];
  if (from) return { ymd: from, label: `告示日（${formatWareki(from)}）` };
  const filed = parseIsoDate(s.project.filingDate);
  return filed ? { ymd: filed, label: `届出日（${formatWareki(filed)}。告示日はこれより後）` } : undefined;
}

/** 「…」という文 (long sentences shortened), for messages about a fact read from prose. */
export function sentenceQuote(sentence: string): string {
  const t = sentence.trim();
  return `「${t.length > 60 ? `${t.slice(0, 59)}…` : t}」という文`;
}

/**
 * R-P-4, the 登録期間 inside the 研究期間 (記載要領 第4(7-2)①): reads the 予定試験期間 field (its
 * start: a typed date or 「告示日から」; its end: a typed date or N年間) and the 登録期間・追跡期間 it
 * and 様式第3号's sentences state (date ranges, 「登録期間3年」, 「最終症例登録後5年間追跡」). Flags a
 * 登録期間 ending after the 研究期間, and a 登録期間 + 追跡期間 that cannot end by the stated end.
 * 「告示日から」 counts from the first 告示's 適用日, else from the 届出日 (the earliest it can be):
 * never later than the real start, so never a false alarm. A date in brackets after 告示日 is the
 * start (withBracketedStart). An end before the start (「告示日から2026年6月30日まで」 with the 告示
 * in 2027) is flagged and nothing else is measured.
 */
export function registrationFits(s: Submission, periodText: string, orderReported: boolean): Hit[] {
  const field = readPlan(withBracketedStart(periodText), true);
  const study = field.study.find((p) => p.end ?? p.span) ?? field.study[0];
  if (!study) return [];
  const kokuji = kokujiStart(s);
  const startOf = (p: PeriodPart): { ymd: YMD; label: string } | undefined => (p.start ? { ymd: p.start.ymd, label: `開始日「${p.start.text}」` } : p.anchor === '告示日' ? kokuji : undefined);
  const studyStart = study.anchor === 'jRCT公表日' ? undefined : startOf(study);
  const studyEnd: { ymd: YMD; label: string } | undefined = study.end
    ? { ymd: study.end.ymd, label: `終了日「${study.end.text}」` }
    : studyStart && study.span
      ? (() => {
          const e = spanEnd(studyStart.ymd, study.span);
          return { ymd: e, label: `「${study.span.text}」の終わり（${formatWareki(e)}）` };
        })()
      : undefined;
  const out: Hit[] = [];
  const periodLoc = atField(yoshiki3, 'period');
  // An end before the start (「告示日から2026年6月30日まで」 with the 告示 in 2027): nothing else can be measured.
  if (studyStart && study.end && compareYmd(study.end.ymd, studyStart.ymd) < 0) {
    if (!study.start) out.push({ message: `予定試験期間「${periodText}」の終了日「${study.end.text}」が${studyStart.label}より前です。告示日から始まる期間はその前に終われません。終了日を見直してください。`, locations: [periodLoc], discriminator: `order:${periodText}` });
    else if (!orderReported) out.push({ message: `予定試験期間の終了日（${study.end.text}）が開始日（${study.start.text}）より前です。`, locations: [periodLoc], discriminator: `order:${study.start.text}` });
    return out;
  }
  const sources: Array<{ plan: PeriodPlan; where: string; locations: FieldLocation[]; key: string }> = [{ plan: field, where: `予定試験期間「${periodText}」`, locations: [periodLoc], key: `period:${periodText}` }];
  for (const p of proseFields(s)) {
    if (p.doc !== yoshiki3.id) continue;
    for (const sentence of p.text.split(/[。\n]/)) {
      if (!REGISTRATION.test(sentence) || (OTHER_STUDY.test(sentence) && !/本研究|本試験/.test(sentence))) continue;
      const plan = readPlan(withBracketedStart(sentence), false);
      if (plan.registration.length === 0) continue;
      sources.push({ plan, where: `${at(p.doc, p.field).label}の${sentenceQuote(sentence)}`, locations: [at(p.doc, p.field), periodLoc], key: `${p.field}:${sentence.trim()}` });
    }
  }
  for (const src of sources) {
    const reg = src.plan.registration.find((r) => r.end ?? r.span);
    if (!reg) continue;
    const regStart = reg.start ? { ymd: reg.start.ymd, label: `「${reg.start.text}」` } : reg.anchor === '告示日' ? kokuji : reg.anchor ? undefined : studyStart;
    const regEnd = reg.end ? { ymd: reg.end.ymd, typed: true } : regStart && reg.span ? { ymd: spanEnd(regStart.ymd, reg.span), typed: false } : undefined;
    if (regEnd && studyEnd && compareYmd(regEnd.ymd, studyEnd.ymd) > 0) {
      const regSaid = regEnd.typed ? `登録期間の終了日「${reg.end?.text ?? ''}」` : `登録期間「${reg.span?.text ?? ''}」の終わり（${regStart?.label ?? ''}から数えて${formatWareki(regEnd.ymd)}）`;
      out.push({ message: `${src.where}の${regSaid}が、研究期間の${studyEnd.label}より後です。登録期間は研究期間の中に収めてください。`, locations: src.locations, discriminator: `registration:${src.key}` });
      continue;
    }
    const follow = src.plan.followUp.find((f) => f.span)?.span;
    if (follow && regEnd && studyEnd) {
      const lastDay = spanAfter(regEnd.ymd, follow);
      if (compareYmd(lastDay, studyEnd.ymd) > 0) {
        const from = regEnd.typed ? `登録期間の終了日「${reg.end?.text ?? ''}」` : `${regStart?.label ?? ''}から登録期間「${reg.span?.text ?? ''}」`;
        out.push({ message: `${src.where}では、${from}の後に追跡期間「${follow.text}」を置くと最終症例の追跡は${formatWareki(lastDay)}（${toIsoDate(lastDay)}）まで続き、研究期間の${studyEnd.label}を過ぎます。終了日か登録・追跡期間を見直してください。`, locations: src.locations, discriminator: `follow-up:${src.key}` });
      }
      continue;
    }
    // Lengths only (「5年間（登録期間3年、追跡期間3年）」, start unknown): compare the months.
    if (follow && !studyEnd && study.span && !reg.start && !reg.anchor && reg.span && reg.span.months + follow.months > study.span.months) {
      out.push({ message: `${src.where}では、登録期間「${reg.span.text}」と追跡期間「${follow.text}」を合わせると研究期間「${study.span.text}」より長くなります。期間を見直してください。`, locations: src.locations, discriminator: `lengths:${src.key}` });
    }
  }
  return out;
}
