/**
 * The words of 先進医療 cost prose (issue 16): what names this technology, a condition, a share, and who
 * pays, as one sentence says it (R-C-5's bearerOf). Pure text reading, shared by the amount reading of
 * cost.ts and the 負担区分 check of cost-bearer.ts.
 */
import { findYen } from '../extract';

/** This technology, named: what makes an amount in a narrative field the 先進医療's. */
export const TECHNOLOGY = /先進医療|本技術|本療法|本治療/g;

/** The last place `re` (global) matches in `s`, or -1. */
export const lastIndex = (re: RegExp, s: string): number => {
  let last = -1;
  for (const m of s.matchAll(re)) last = m.index;
  return last;
};

/** Who pays the 先進医療にかかる費用, as the prose says or the 積算 has it (R-C-5). */
export type Bearer = 'patient' | 'institution' | 'split';

// 「患者には請求しない」「患者負担はない」「患者から徴収しない」: the patient pays nothing.
const NO_PATIENT = /患者(?:さん)?(?:に|へ|から)?(?:は|も)?(?:一切)?(?:費用(?:を|は)?)?(?:請求|徴収)(?:は|を|も)?(?:しない|せず|しません|いたしません|行わない|行いません)|患者(?:さん)?(?:の|に|へ)?(?:は)?(?:費用の?)?負担(?:は|が|も)?(?:ない|なし|無し|ありません|生じない|生じません|発生しない|としない)|自己負担(?:は|が)?(?:ない|なし|無し|ありません|生じない)|患者(?:さん)?(?:に|へ)(?:は)?無償/g;
// 「患者負担とする」「全額を患者に請求する」「全額自己負担」; not 「患者に請求する額は」 (an amount, compared as such).
const PATIENT_PAYS = /(?:全額|すべて|全て)(?:を)?(?:患者|自己負担)|患者(?:さん)?(?:の)?(?:全額)?負担(?:と|に)(?:する|し|なる|なり|します|なります)|患者(?:さん)?(?:に|へ|から)(?:全額(?:を)?)?(?:請求|徴収)(?:する(?![額金])|し(?![なま])|します)|患者が(?:全額(?:を)?)?負担(?:する(?![額金])|し(?![なま])|します)|自己負担(?:と|に)(?:する|し|なる|なり)/;
// 「研究費で負担する」「当院が負担する」「運営費交付金から支出する」; not 「研究費で負担する額は」.
const INSTITUTION_PAYS = /(?:研究費|研究資金|研究助成|寄附金|寄付金|交付金|当院|病院|医療機関|本学|当施設|当センター|講座|診療科)[^、，。]{0,16}?(?:負担|賄|支弁|充当|充て|拠出|支出)(?!しない|せず|は行わない|する[額金]|額)/;
/** Only part of the cost: 「一部を」「このうち」「残りの」「相当分」, a share. */
export const PART = /一部|うち|残り|残額|半額|相当分|を除く|を除いた|以外|超える部分|[0-9０-９一二三]割/;
/** A sentence that opens with a share (「残額の…円は」「残りは」「このうち…円は」) before it says who pays. */
const SHARE_OPENING = /^\s*(?:なお|また)?[、，]?\s*(?:この|その)?(?:残額|残り|残余|うち)/;
/** A clause about the insured part or other costs (交通費、差額ベッド代): not the 先進医療's split. */
const OTHER_COSTS = /保険|一部負担金|療養費|交通|食事|差額|文書料|室料|入院|通院|宿泊|[0-9０-９一二三]割/;
/** A condition, an exception or a plan: not the split itself (「ただし、…場合は請求しない」). */
export const CONDITION = /^\s*(?:ただし|但し)|場合|とき[はに]|時[はに]|際[はに]|限り|予定|検討|見込|可能性|ことがある|協議|積算に含め|計上し/;

/** What one sentence says of who pays, or undefined when it says nothing firm about the 先進医療's split. */
export function bearerOf(sentence: string, total: number): Bearer | undefined {
  if (CONDITION.test(sentence)) return undefined;
  let patient = false;
  let institution = false;
  let part = false;
  // Clauses end at 、 or ， — not the thousands separator of an amount (「44,384円」「４４，３８４円」).
  for (const clause of sentence.split(/[、，,](?![0-9０-９]{3})/)) {
    if (OTHER_COSTS.test(clause) && lastIndex(TECHNOLOGY, clause) < 0) continue;
    const rest = clause.replace(NO_PATIENT, '〓');
    const none = rest !== clause;
    const p = PATIENT_PAYS.test(rest);
    const i = none || INSTITUTION_PAYS.test(rest);
    // A share opening the sentence makes it a split: 「残額の42,580円は、研究助成を充てて当院が負担します」.
    if (!p && !i) {
      if (!patient && !institution && SHARE_OPENING.test(clause)) part = true;
      continue;
    }
    patient ||= p;
    institution ||= i;
    // An amount other than the whole, not said to be the cost or all of it, names a part: 「20,000円を患者に請求し」.
    if (PART.test(clause) || (!/全額|すべて|全て|費用/.test(clause) && findYen(clause).some((f) => f.value !== total))) part = true;
  }
  if (!patient && !institution) return undefined;
  if (part || (patient && institution)) return 'split';
  return patient ? 'patient' : 'institution';
}
