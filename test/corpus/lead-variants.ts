/**
 * Prose corpus (issue 16) — variants of the shapes the third held-out set found (its first run is in
 * the session note): a 7号 備考 restating a 所要時間, a 耐用年数 or a 年間使用回数, and a sentence that
 * opens with the share (「残額の…円は、…当院が負担します」). Base: the sample (看護師 60分, 病理医 30分;
 * 蛍光観察用腹腔鏡システム 5年・年300回, 術中迅速病理標本作製装置 6年・年500回; 44,384円).
 */
import type { CorpusEntry } from './corpus';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const Y5_SPLIT = { costText: '内訳：機器償却費、人件費、医療材料・医薬品費。費用の一部を研究費で負担する。' };
const Y71 = 'besshi1/yoshiki7-1';
const Y72 = 'besshi1/yoshiki7-2';
const split = { patientPays: { mode: 'part', patientCharge: 20_000 } } as const;

export const leadVariantEntries: readonly CorpusEntry[] = [
  { id: 'v-time-01', family: '様式第7号', shape: '7-2備考で看護師の所要時間が積算と違う（９０分）', edit: { forms: { [Y72]: { notes: '看護師は局注から手術終了までの観察を担当し、所要時間は９０分とした（１時間当たり４，０００円）。' } } }, expect: ['R-C-3'] },
  { id: 'v-time-02', family: '様式第7号', shape: '7-2備考の所要時間と時給が積算どおり（「1h」「30分」）', edit: { forms: { [Y72]: { notes: '人件費は、看護師 @4,000円×1h、病理医 @12,000円×30分 として積算した。' } } }, expect: [] },
  { id: 'v-time-03', family: '様式第7号', shape: '「１時間当たり」「１分当たり」は所要時間ではない', edit: { forms: { [Y71]: { notes: '病理医の単価は１分当たり２００円（１時間当たり１２，０００円）とした。' } } }, expect: [] },
  { id: 'v-time-04', family: '様式第7号', shape: '「２０分×３回＝６０分」（看護師、積算どおり）', edit: { forms: { [Y72]: { notes: '看護師の観察は１回２０分×３回＝６０分とした。' } } }, expect: [] },
  { id: 'v-time-05', family: '様式第7号', shape: '所要時間が「約」「以内」（概数は比べない）', edit: { forms: { [Y72]: { notes: '看護師の観察はおおむね９０分以内で終わる。' } } }, expect: [] },
  { id: 'v-life-01', family: '様式第7号', shape: '7-2備考で病理標本作製装置の耐用年数が積算と違う（５年）', edit: { forms: { [Y72]: { notes: '術中迅速病理標本作製装置は令和５年１０月に購入し、耐用年数は５年として償却費を算定した。' } } }, expect: ['R-C-2'] },
  { id: 'v-life-02', family: '様式第7号', shape: '耐用年数と年間使用回数が積算どおり（括弧書き）', edit: { forms: { [Y72]: { notes: '蛍光観察用腹腔鏡システム（購入価格２，５００万円、残存価格２５０万円、耐用年数５年、年間３００回使用）の１回償却費は１５，０００円である。' } } }, expect: [] },
  { id: 'v-uses-01', family: '様式第7号', shape: '年間使用回数が積算と違う（年間２５０回）', edit: { forms: { [Y72]: { notes: '蛍光観察用腹腔鏡システムは、外科・婦人科の手術で年間２５０回使用している。' } } }, expect: ['R-C-2'] },
  { id: 'v-uses-02', family: '様式第7号', shape: '「令和７年度」「購入後３年」は耐用年数ではない', edit: { forms: { [Y72]: { notes: '蛍光観察用腹腔鏡システムは令和６年度に購入し、購入後３年の保守契約を結んでいる。' } } }, expect: [] },
  { id: 'v-share-01', family: '様式第3号', shape: '「残額の…円は、…を充てて当院が負担します」（積算も分担）', edit: { cost: split, forms: { [Y5]: Y5_SPLIT, [Y3]: { patientBurden: '先進医療にかかる費用（44,384円）のうち、患者に請求する額は20,000円とする。残額の24,384円は、研究費（架空医学研究財団 臨床研究助成）を充てて当院が負担する。' } } }, expect: [] },
  { id: 'v-share-02', family: '様式第3号', shape: '「残りは当院が負担」なのに積算は全額患者負担', edit: { forms: { [Y3]: { patientBurden: '先進医療にかかる費用は44,384円である。残りは研究費を充てて当院が負担する。' } } }, expect: ['R-C-5'] },
];
