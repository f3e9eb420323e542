/**
 * §4.3 schedule / count rules over what the 届出 forms hold: 様式第3号 (7-2) 予定試験期間・予定症例数
 * and the prose of every form of the package (R-P-3 also reads what a 変更申請 and a 照会回答 say).
 */
import { addCalendarMonths, addDays, compareYmd, toIsoDate } from '../../dates/iso-date';
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

/**
 * True when a count is the one a 予定症例数 keyword states: the first count after the keyword, not
 * inside brackets (「120例（HCQ群60例、…）」) and not a count of something else (「既実績症例数は5例」).
 */
export function statesPlannedCount(before: string): boolean {
  const m = [...before.matchAll(/予定症例数|目標症例数|予定登録数|目標登録数/g)].pop();
  if (!m) return false;
  const after = before.slice(m.index + m[0].length);
  if (/[0-9０-９]+\s?(?:症例|例|名|人)/.test(after)) return false;
  if ((after.match(/[（(]/g)?.length ?? 0) > (after.match(/[）)]/g)?.length ?? 0)) return false;
  return !/実績|群|うち/.test(after);
}

/** 「2025年4月1日から5年間」: start + N years − 1 day (R-P-4). */
export function periodEnd(start: Parameters<typeof addDays>[0], years: number): ReturnType<typeof addDays> {
  return addDays(addCalendarMonths(start, years * 12), -1);
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
          if (!statesPlannedCount(c.before)) continue;
          if (planned.includes(c.value)) continue;
          out.push({ message: `${at(p.doc, p.field).label}に予定症例数「${c.text}」とありますが、様式第3号の予定症例数は「${textOf(s, yoshiki3, 'plannedCases')}」です。`, locations: [at(p.doc, p.field), atField(yoshiki3, 'plannedCases')], discriminator: `${p.doc}.${p.field}:${c.text}` });
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
      const period = findDates(textOf(s, yoshiki3, 'period')).map((d) => toIsoDate(d.value.ymd));
      if (period.length === 0) return [];
      const out: Hit[] = [];
      for (const p of proseFields(s)) {
        for (const d of datesOf(p)) {
          if (!/(試験|研究|実施)期間/.test(d.sentence) || period.includes(toIsoDate(d.value.ymd))) continue;
          out.push({ message: `${at(p.doc, p.field).label}の期間の日付「${d.text}」が、様式第3号の予定試験期間「${textOf(s, yoshiki3, 'period')}」にありません。`, locations: [at(p.doc, p.field), atField(yoshiki3, 'period')], discriminator: `${p.doc}.${p.field}:${d.text}` });
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
    basis: '記載要領 第4(7-2)①：予定試験期間（「X から N年間」は X + N年 − 1日まで、登録期間は研究期間内）',
    check(s) {
      if (!inPackage(s, yoshiki3.id)) return [];
      const period = textOf(s, yoshiki3, 'period');
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
      return out;
    },
  },
];
