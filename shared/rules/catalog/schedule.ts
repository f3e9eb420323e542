/**
 * §4.3 schedule / count rules over what the 届出 forms hold: 様式第3号 (7-2) 予定試験期間・予定症例数
 * and the prose of every form of the package (R-P-3 also reads what a 変更申請 and a 照会回答 say).
 */
import { addCalendarMonths, addDays, compareYmd, parseIsoDate, toIsoDate, type YMD } from '../../dates/iso-date';
import { formatWareki, toAsciiDigits } from '../../dates/wareki';
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { fieldsOf } from '../../forms/field';
import { findCounts, findDates, numbersIn } from '../extract';
import { filingProse } from '../filing-docs';
import { at, atField, fieldRef, formById, inPackage, text, textOf, type Submission } from '../submission';
import type { FieldLocation, Hit, Rule } from '../types';

export interface ProseField {
  readonly doc: string;
  readonly field: string;
  readonly text: string;
}

const proseCache = new WeakMap<Submission, ProseField[]>();
const datesCache = new WeakMap<ProseField, ReturnType<typeof findDates>>();

/** Dates in one prose field, found once per submission however many rules ask. */
export function datesOf(p: ProseField): ReturnType<typeof findDates> {
  let d = datesCache.get(p);
  if (!d) {
    d = findDates(p.text);
    datesCache.set(p, d);
  }
  return d;
}

/** Every longtext answer of the package's forms: where prose can restate a fact (computed once per submission). */
export function proseFields(s: Submission): readonly ProseField[] {
  const cached = proseCache.get(s);
  if (cached) return cached;
  const out: ProseField[] = [];
  for (const doc of s.formIds) {
    const form = formById(doc);
    if (!form) continue;
    // Keys enumerated from the schema itself: string-keyed access cannot name a missing field here.
    for (const f of fieldsOf(form.answers)) if (f.meta.kind === 'longtext') out.push({ doc, field: f.key, text: text(s, doc, f.key) });
  }
  proseCache.set(s, out);
  return out;
}

/** Words that make a period or a count another study's: 「先行研究（研究期間：…）」「海外の試験の予定症例数」. */
export const OTHER_STUDY = /先行|過去|前回|既存|既報|海外|他施設|予備試験|パイロット/;

/** The clause before `index` (from the last 、，。 or line break): what a keyword standing at `index` is said of. */
function clauseBefore(s: string, index: number): string {
  const head = s.slice(0, index);
  const cut = Math.max(...['、', '，', '。', '\n'].map((c) => head.lastIndexOf(c)));
  return head.slice(cut + 1);
}

const NEEDED_WORD = '(?:必要な|必要症例数(?:は|が)?|必要数(?:は|が)?)';
const NEEDED = new RegExp(`${NEEDED_WORD}$`);
const NEEDED_COUNT = new RegExp(`${NEEDED_WORD}[0-9０-９]+\\s?(?:症例|例|名|人)`, 'g');

/** What follows a count that plans it: 「…例を登録する予定」「…例の登録を予定」「…例を目標に登録」「…例を集積する計画」. */
const PLANNED_VERB = /^\s*(?:[（(][^（）()]*[）)]\s*)?(?:(?:を|の)(?:登録|集積)(?:する|を)?(?:予定|計画|目標)|を目標(?:に|として)(?:登録|集積))/;
/**
 * Before a count, what makes it a rate or a share rather than the planned total: 「１か月に５例」
 * 「年間２０例」「1施設あたり40例」「各群６０例」「当院では40例」「うち」「残り」「既に」. 「当院を含む
 * ３施設で計１００例」「２群で計１２０例」 are totals (計 after 当院・群).
 */
const NOT_THE_TOTAL = /(?:年間|月間|週間|月平均|年平均)\s*$|(?:^|[^0-9０-９])[1１一]\s*(?:年|か月|ヶ月|カ月|ヵ月|箇月|週)(?:間)?(?:に|で|あたり|当たり)|(?:か月|ヶ月|カ月|ヵ月|箇月|月|週|年)(?:に|あたり|当たり)|あたり|当たり|につき|ごと|毎|残り|実績|既に|これまで|各|うち|(?:当院|自施設|群)[^計]*$/;

/** True when the clause after a count plans it (「本試験では３施設で計１００例を登録する予定である」) and it is the total, not a rate or share. */
function plansCountByVerb(before: string, after: string): boolean {
  if (!PLANNED_VERB.test(after)) return false;
  const clause = clauseBefore(before, before.length);
  if ((clause.match(/[（(]/g)?.length ?? 0) > (clause.match(/[）)]/g)?.length ?? 0)) return false;
  return !OTHER_STUDY.test(clause) && !NOT_THE_TOTAL.test(clause);
}

/**
 * True when a count is the one a 予定症例数 keyword states: the first count after the keyword, not
 * inside brackets (「120例（HCQ群60例、…）」), not a count of something else (「既実績症例数は5例」,
 * 「必要な32例」) and not another study's (「先行研究の予定症例数は50例であった」). Without a keyword,
 * a count the clause after it plans (`following`: 「…例を登録する予定」「…例を目標に登録」) states it too,
 * unless it is a rate or a share (「１か月に５例」「1施設あたり40例」「各群６０例」).
 */
export function statesPlannedCount(before: string, following = ''): boolean {
  const m = [...before.matchAll(/予定症例数|目標症例数|予定登録数|目標登録数/g)].pop();
  if (!m) return plansCountByVerb(before, following);
  if (OTHER_STUDY.test(clauseBefore(before, m.index))) return false;
  // 「必要な32例に、脱落を見込んで36例とした」: the number needed is not the number planned.
  if (NEEDED.test(before)) return false;
  const after = before.slice(m.index + m[0].length).replace(NEEDED_COUNT, '');
  if (/[0-9０-９]+\s?(?:症例|例|名|人)/.test(after)) return false;
  if ((after.match(/[（(]/g)?.length ?? 0) > (after.match(/[）)]/g)?.length ?? 0)) return false;
  return !/実績|群|うち/.test(after);
}

// 「研究期間」「試験期間」「実施期間」, not 「研究期間中」 (what happens during it).
const THIS_PERIOD = /(?:試験|研究|実施)期間(?!中)/g;
// Words that give a date another role: a registration, a follow-up, an analysis, a committee, an as-of day, another study.
const OTHER_ROLE = /登録|追跡|観察|解析|カットオフ|データ固定|承認|許可|申請|届出|公表|報告|締切|現在|時点|目途|先行|過去|前回|既存|既報|海外|他施設|予備試験|パイロット/g;

/**
 * True when the sentence states the date as this study's 試験・研究・実施期間 (R-P-2): the nearest
 * role word before it is 「研究期間」 (「研究期間は2027年7月1日から…」) with no clause ending in
 * between, or, for a date written first, the first role word after it is (「2027年7月1日から…までを
 * 本研究の実施期間とする」). Not a prior study's period (「先行研究（研究期間：…）」), an interim
 * cut-off, a registration date, an as-of day (「…現在」) or a day inside the period (「研究期間中、…」).
 */
export function statesStudyPeriod(sentence: string, dateStart: number, dateEnd: number): boolean {
  const before = sentence.slice(0, dateStart);
  const after = sentence.slice(dateEnd);
  if (/^\s*(?:現在|時点|の時点|を(?:データ)?カットオフ|を目途|頃|ごろ)/.test(after)) return false;
  const lastOf = (re: RegExp, s: string) => [...s.matchAll(re)].pop();
  const period = lastOf(THIS_PERIOD, before);
  const role = lastOf(OTHER_ROLE, before);
  if (period && (!role || role.index < period.index)) {
    if (OTHER_STUDY.test(clauseBefore(sentence, period.index))) return false;
    // 「研究期間は…までとし、令和11年9月30日を目途に…」: a new clause says something else.
    return !/[しりいてがくでば]、/.test(sentence.slice(period.index, dateStart));
  }
  if (period) return false;
  const nextPeriod = new RegExp(THIS_PERIOD.source).exec(after);
  if (!nextPeriod) return false;
  const nextRole = new RegExp(OTHER_ROLE.source).exec(after);
  if (nextRole && nextRole.index < nextPeriod.index) return false;
  const upTo = after.slice(0, nextPeriod.index);
  return !/[しりいてがくでば]、|。/.test(upTo);
}

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

const ANCHOR = /(告示日|告示適用日|jRCT(?:初回)?公表日)\s*(?:から|より|以降|～|〜)/;

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

export const scheduleRules: readonly Rule[] = [
  {
    id: 'R-P-1',
    title: '予定症例数の一致',
    severity: 'warning',
    basis: '記載要領 第4(7-2)①：予定症例数は本文・概要図・変更申請・定期報告で同一',
    check(s) {
      if (!inPackage(s, yoshiki3.id)) return [];
      const planned = numbersIn(textOf(s, yoshiki3, 'plannedCases'));
      if (planned.length === 0) return [];
      const out: Hit[] = [];
      for (const p of proseFields(s)) {
        for (const c of findCounts(p.text)) {
          if (!statesPlannedCount(c.before, c.sentence.slice(c.before.length + c.text.length))) continue;
          if (planned.includes(c.value)) continue;
          out.push({ message: `${at(p.doc, p.field).label}の${sentenceQuote(c.sentence)}に予定症例数「${c.text}」とありますが、様式第3号の予定症例数は「${textOf(s, yoshiki3, 'plannedCases')}」です。どちらかにそろえてください。`, locations: [at(p.doc, p.field), atField(yoshiki3, 'plannedCases')], discriminator: `${p.doc}.${p.field}:${c.text}` });
        }
      }
      return out;
    },
  },
  {
    id: 'R-P-2',
    title: '実施期間の一致',
    severity: 'warning',
    basis: '記載要領 第4(7-2)①：予定試験期間（実施期間）は本文・変更申請・定期報告で同一',
    check(s) {
      if (!inPackage(s, yoshiki3.id)) return [];
      const typed = textOf(s, yoshiki3, 'period');
      const period = findDates(typed).map((d) => toIsoDate(d.value.ymd));
      if (period.length === 0) return [];
      // 「告示日から」: the 告示's 適用日 is the period's first day too.
      const kokuji = ANCHOR.exec(typed)?.[1]?.startsWith('告示') ? s.project.notices.map((n) => n.validFrom) : [];
      period.push(...kokuji);
      const out: Hit[] = [];
      for (const p of proseFields(s)) {
        for (const d of datesOf(p)) {
          if (period.includes(toIsoDate(d.value.ymd)) || !statesStudyPeriod(d.sentence, d.before.length, d.before.length + d.text.length)) continue;
          out.push({ message: `${at(p.doc, p.field).label}の${sentenceQuote(d.sentence)}の研究期間の日付「${d.text}」が、様式第3号の予定試験期間「${textOf(s, yoshiki3, 'period')}」にありません。同じ期間にそろえてください。`, locations: [at(p.doc, p.field), atField(yoshiki3, 'period')], discriminator: `${p.doc}.${p.field}:${d.text}` });
        }
      }
      return out;
    },
  },
  {
    id: 'R-P-3',
    title: '期間の起点の一致',
    severity: 'warning',
    basis: '期間の起点（告示日から／jRCT初回公表日から 等）は同じ技術の書類で一致させる',
    check(s) {
      const places: Array<{ doc: string; field: string; anchor: string; location?: FieldLocation }> = [];
      const period = fieldRef(yoshiki3, 'period');
      const forms = inPackage(s, yoshiki3.id) ? [{ ...period, text: textOf(s, yoshiki3, 'period') }, ...proseFields(s)] : proseFields(s);
      // What a 変更申請's ＜変更後＞ and a 照会回答 say now counts too (issue 13).
      const all: ReadonlyArray<ProseField & { readonly location?: FieldLocation }> = [...forms, ...filingProse(s)];
      for (const p of all) {
        for (const m of p.text.matchAll(/(告示日|告示適用日|jRCT(?:初回)?公表日)(?:から|より|～|〜)/g)) {
          // Only the start of the 試験・研究期間 counts: the anchor and 期間 in one sentence (or the 期間 field itself).
          const start = Math.max(p.text.lastIndexOf('。', m.index), p.text.lastIndexOf('\n', m.index)) + 1;
          const stops = [p.text.indexOf('。', m.index), p.text.indexOf('\n', m.index)].filter((i) => i >= 0);
          const sentence = p.text.slice(start, stops.length > 0 ? Math.min(...stops) : undefined);
          if ((p.doc === period.doc && p.field === period.field) || /期間/.test(sentence)) places.push({ doc: p.doc, field: p.field, anchor: (m[1] ?? '').replace('告示適用日', '告示日').replace(/jRCT(?:初回)?公表日/, 'jRCT公表日'), ...(p.location ? { location: p.location } : {}) });
        }
      }
      const anchors = [...new Set(places.map((p) => p.anchor))];
      if (anchors.length < 2) return [];
      return [{ message: `期間の起点が書類によって異なります（${anchors.map((a) => `「${a}から」`).join('、')}）。同じ起点にそろえてください。`, locations: places.map((p) => p.location ?? at(p.doc, p.field)) }];
    },
  },
  {
    id: 'R-P-4',
    title: '予定試験期間の日付計算',
    severity: 'error',
    basis: '記載要領 第4(7-2)①：予定試験期間（「X から N年間」は X + N年 − 1日まで、登録期間と最終症例の追跡期間は研究期間内）',
    check(s) {
      if (!inPackage(s, yoshiki3.id)) return [];
      const typed = textOf(s, yoshiki3, 'period');
      const period = withBracketedStart(typed);
      const dates = findDates(period);
      const where = [atField(yoshiki3, 'period')];
      const out: Hit[] = [];
      // Only what the text pairs up itself: 「日付～日付」 and 「日付から N年間（日付まで）」.
      dates.forEach((d, i) => {
        const next = dates[i + 1];
        if (!next) return;
        const between = period.slice(d.end, next.start);
        if (/^\s*(?:から|より|～|〜|~|－|-)\s*$/.test(between) && compareYmd(next.value.ymd, d.value.ymd) < 0) {
          out.push({ message: `予定試験期間の終了日（${next.text}）が開始日（${d.text}）より前です。`, locations: where, discriminator: `order:${d.text}` });
        }
        const years = /^\s*(?:から|より)\s*([0-9０-９]+)\s*年間\s*[（(]?\s*$/.exec(between);
        if (years?.[1]) {
          const n = Number(toAsciiDigits(years[1]));
          const end = periodEnd(d.value.ymd, n);
          if (compareYmd(end, next.value.ymd) !== 0) out.push({ message: `「${d.text}から${n}年間」は${formatWareki(end)}（${toIsoDate(end)}）までです。予定試験期間の終了日「${next.text}」と合いません。`, locations: where, discriminator: `years:${d.text}` });
        }
      });
      out.push(...registrationFits(s, typed, out.some((h) => h.discriminator?.startsWith('order:'))));
      return out;
    },
  },
];

/** 「…」という文 (long sentences shortened), for messages about a fact read from prose. */
function sentenceQuote(sentence: string): string {
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
function registrationFits(s: Submission, periodText: string, orderReported: boolean): Hit[] {
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
