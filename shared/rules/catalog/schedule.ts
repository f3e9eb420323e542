/**
 * §4.3 schedule / count rules over what the 届出 forms hold: 様式第3号 (7-2) 予定試験期間・予定症例数
 * and the prose of every form of the package (R-P-3 also reads what a 変更申請 and a 照会回答 say).
 */
import { compareYmd, toIsoDate } from '../../dates/iso-date';
import { formatWareki, toAsciiDigits } from '../../dates/wareki';
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { findCounts, findDates, numbersIn } from '../extract';
import { filingProse } from '../filing-docs';
import { at, atField, fieldRef, inPackage, textOf } from '../submission';
import type { FieldLocation, Hit, Rule } from '../types';
import { datesOf, OTHER_STUDY, proseFields, type ProseField } from './prose';
import { ANCHOR, periodEnd, registrationFits, sentenceQuote, withBracketedStart } from './schedule-period';

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

