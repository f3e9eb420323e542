/**
 * §4.1 cost rules. The 先進医療にかかる費用 is computed once from the 積算 (shared/cost) and printed
 * by 様式第3号(11), 第5号, 第6号 and 第7-1号, so the printed lines agree by construction; what can
 * still disagree is an amount typed into the prose around them — those are extracted and compared.
 */
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { yoshiki5 } from '../../forms/besshi1/yoshiki5';
import { yoshiki6 } from '../../forms/besshi1/yoshiki6';
import { yoshiki71, yoshiki72 } from '../../forms/besshi1/yoshiki7';
import { formatYenWithUnit } from '../../money/yen';
import { findYen, type Found } from '../extract';
import { bearerOf, CONDITION, lastIndex, PART, TECHNOLOGY } from './cost-words';
import { at, fieldRef, inPackage, text, type FieldRef, type Submission } from '../submission';
import type { Agreement, AgreementPlace, Hit, Rule } from '../types';

/**
 * The prose fields that state the cost in words, in printed order (named through the forms: typed
 * keys): 様式第3号(11), all of 様式第5号, 様式第6号's 典型的な症例, the 備考 of 様式第7-1号・第7-2号.
 */
export const COST_PROSE: readonly FieldRef[] = [
  fieldRef(yoshiki3, 'patientBurden'),
  fieldRef(yoshiki5, 'lead'),
  fieldRef(yoshiki5, 'advancement'),
  fieldRef(yoshiki5, 'outline'),
  fieldRef(yoshiki5, 'effect'),
  fieldRef(yoshiki5, 'costText'),
  fieldRef(yoshiki6, 'typicalCase'),
  fieldRef(yoshiki71, 'notes'),
  fieldRef(yoshiki72, 'notes'),
];

/**
 * Fields that speak of other things than the cost (the 先進性 compares with 従来法, the 典型的な症例
 * with the insured part): only an amount said of this technology (「先進医療」「本技術」) counts there.
 */
const NARRATIVE = new Set([fieldRef(yoshiki5, 'lead'), fieldRef(yoshiki5, 'advancement'), fieldRef(yoshiki5, 'outline'), fieldRef(yoshiki5, 'effect'), fieldRef(yoshiki6, 'typicalCase')].map((p) => `${p.doc}:${p.field}`));

/** The fields that ARE the 先進医療にかかる費用 (様式第5号's 費用, 様式第3号(11)): an amount nothing else speaks of states it. */
const STATES_COST = new Set([fieldRef(yoshiki5, 'costText'), fieldRef(yoshiki3, 'patientBurden')].map((p) => `${p.doc}:${p.field}`));

export type CostFact = 'total' | 'patient' | 'institution' | 'other';


const KEYWORDS: ReadonlyArray<readonly [RegExp, CostFact]> = [
  // 「費用は」「費用（」: the particle is looked at, not taken, so 「検査費用」 (a part, below) ends where 「費用」 does and wins as the longer.
  [/(?:(?:先進医療に(?:かか|係)る|先進医療の?|本(?:技術|療法|治療)(?:に(?:かか|係)る|の))費用|先進医療費)(?:の(?:合計|総額))?|費用の?(?:合計|総額)|費用(?=は|が|を|：|:|（|\()/g, 'total'],
  [/患者(?:さん)?(?:に|へ|から)?(?:請求|負担|徴収)|患者(?:さん)?の負担|患者が負担|自己負担/g, 'patient'],
  [/(?:医療機関|病院|当院|本学|講座)(?:が|の|で)?負担|研究費/g, 'institution'],
  // 「腹腔鏡システムの費用は」: a thing's cost, not the 先進医療's (「１症例当たりの費用は」 is).
  [/(?<!当たり|あたり|につき|先進医療|本技術|本療法|本治療)の費用(?=[はがを：:（(])/g, 'other'],
  // A part of the cost (内訳), the insured part, an estimate: not the amount the rules compare.
  [/保険|一部負担金|療養費|[0-9０-９]\s?点|点数|交通|食事|差額|文書|使用料|償却|人件費|材料|医薬品|薬剤|(?:検査|入院|手術|通院|宿泊|病理)費用|検査|委託|内訳|うち|約|およそ|概算|平均|最大|上限|限度額|程度|以上|以下|残り|残る|残額|残余|回|合計|総額/g, 'other'],
];

/**
 * What dominates the nearest keyword: the insured part (「保険診療分の患者負担（3割）は」) or one
 * session (「1回当たりの費用は」) named after the last mention of the technology.
 */
const OUT_OF_SCOPE = /保険|一部負担金|[0-9０-９一二三]割|(?:[0-9０-９一]回|各回)(?:当たり|あたり|につき|分)/g;
/** A comparison: 「従来法の費用は」 in the 先進性 is not this technology's cost. */
const COMPARED = /従来|既存|標準治療|他院|他の|海外|同様の/g;
/**
 * Words right after an amount that make it an estimate or a bound (「4万円程度」「45,000円～」「45,000円-50,000円」).
 * A hyphen not followed by an amount closes a written amount (「¥44,384-」), as 「也」 does.
 */
const ESTIMATE_AFTER = /^\s*(?:程度|前後|ほど|くらい|ぐらい|余り|強|弱|以上|以下|未満|超|を超|[～〜~]|[－-]\s*[¥￥0-9０-９]|から|を上限|を見込|と見込|の見込|と推計|と試算|[（(](?:概算|見込|予定|目安))/;

/** The words of the 'other' keywords: a part (内訳), the insured part, an estimate, one session. */
const OTHER_WORDS = /保険|一部負担金|療養費|[0-9０-９]\s?点|点数|交通|食事|差額|文書|使用料|償却|人件費|材料|医薬品|薬剤|(?:検査|入院|手術|通院|宿泊|病理)費用|検査|委託|内訳|約|およそ|概算|平均|最大|上限|程度|以上|以下|回/;
/** 「うち」「残りの」: what follows is a share, and the words after the amount say whose. */
const SHARE = /^(?:うち|残り|残る|残額|残余)$/;
/** A clause ends at 、 or ， — not the thousands separator of an amount (「44,384円」「４４，３８４円」). */
const CLAUSE_END = /[、，,。](?![0-9０-９]{3})/;
/** Who an amount's clause names: the patient, or the institution and its funds. */
const PATIENT_PARTY = /患者|自己負担|本人/;
const INSTITUTION_PARTY = /研究費|研究資金|助成|寄附金|寄付金|交付金|当院|病院|医療機関|本学|当施設|当センター|講座|診療科/;
/** A label in brackets right after an amount: 「24,384円（医療機関負担額）」「¥43,384（1症例あたり、全額患者負担）」. */
const LABEL_AFTER = /^\s*[（(]([^（）()]*)[）)]/;
/** A bracket that labels the clause before it (「…で負担し（医療機関負担額）、」) or the previous amount. */
const CLAUSE_LABEL = /(?<=[しりいえ])[（(][^（）()]*[）)](?=\s*[、，])|^\s*[（(][^（）()]*[）)]/g;

/**
 * Whose an amount is, as the words right after it say: a label (「（医療機関負担額）」「（全額患者負担）」),
 * or the verb of its clause with the party in it (「20,000円を患者に請求する」「２万円を患者の負担とし」
 * 「24,384円は研究費で負担し」). Undefined when they say nothing of it; 'other' for a part's label (「（機器償却費）」).
 */
function saidAfter(after: string, before: string): CostFact | undefined {
  const found = LABEL_AFTER.exec(after);
  const label = found && found[1] !== undefined && found[1].length <= 20 && findYen(found[1]).length === 0 ? found : null;
  if (label) {
    const l = label[1] ?? '';
    if (OTHER_WORDS.test(l)) return 'other';
    if (/全額/.test(l)) return 'total';
    if (INSTITUTION_PARTY.test(l)) return 'institution';
    if (/患者(?:さん)?(?:に|へ|から)?(?:の)?(?:負担|請求|徴収)|自己負担/.test(l)) return 'patient';
    // A label naming something else (「（診断書料）」): that thing's amount.
    if (l.replace(BARE_WORDS, '') !== '') return 'other';
  }
  const rest = after.slice(label ? label[0].length : 0).replace(/[（(][^（）()]*[）)]/g, '');
  const clause = rest.split(CLAUSE_END)[0] ?? '';
  if (!/^\s*(?:は|を|が)/.test(clause)) return undefined;
  if (!/請求|徴収|負担|支払|賄|支弁|充当|充て|拠出|支出/.test(clause)) return undefined;
  if (/一部|うち|残り|半額|割|しない|せず|ない|なし|保険|一部負担金/.test(clause)) return undefined;
  // The party may stand before the amount in the same clause: 「患者には20,000円を請求する」.
  const whole = `${before.replace(/[（(][^（）()]*[）)]/g, '').split(CLAUSE_END).pop() ?? ''}${clause}`;
  const patient = PATIENT_PARTY.test(whole);
  const institution = INSTITUTION_PARTY.test(whole);
  if (patient && institution) return undefined;
  if (patient || (!institution && /請求|徴収|支払/.test(clause))) return 'patient';
  return institution ? 'institution' : undefined;
}

/** The 積算's parts, as a 内訳 names them. */
const COST_PARTS: readonly RegExp[] = [/機器|償却|使用料/, /人件費/, /材料|医薬品|薬剤|薬品/, /その他/];

/**
 * A bare 「合計」 that closes a 内訳 of the 先進医療's cost (「機器償却費17,000円、人件費22,000円、
 * 医療材料・医薬品費5,384円、合計43,384円」): the list since the last 「内訳」 (or since the sentence
 * began) names amounts of two or more of the 積算's parts, and nothing of the insured part. Not
 * 「人件費の合計」 nor the 合計 of one part's items (材料費の内訳).
 */
function closesCostList(field: string, f: Found<number>, previousEnd: number): boolean {
  const region = f.before.slice(previousEnd);
  const at = region.lastIndexOf('合計');
  // Bare: first in its sentence or after a separator, or 「…5,384円の合計」 right after the list's last amount.
  const head = region.slice(0, at).trimEnd();
  if (!(head === '' || /[、，,・：:（(]$/.test(head) || (head === 'の' && previousEnd > 0))) return false;
  const text = field.slice(0, f.start - region.length + at);
  const sentenceStart = f.start - f.before.length;
  const uchiwake = text.lastIndexOf('内訳');
  const closed = Math.max(text.lastIndexOf('合計'), text.lastIndexOf('総額'));
  const from = Math.max(uchiwake >= 0 ? uchiwake : sentenceStart, closed >= 0 ? closed + 2 : 0);
  const list = text.slice(from);
  // What the 内訳 is of: its sentence up to the word 内訳 (「保険診療分の内訳」 is not the 先進医療's).
  let lead = from;
  while (lead > 0 && !/[。\n]/.test(field.charAt(lead - 1))) lead--;
  if (/保険|療養費|一部負担金|点/.test(field.slice(lead, from)) || /保険|療養費|一部負担金/.test(list)) return false;
  return findYen(list).length >= 2 && COST_PARTS.filter((re) => re.test(list)).length >= 2;
}

/** Where an amount stands, for what its field says of it. */
export interface AmountPlace {
  /** The whole text of the field. */
  readonly field: string;
  /** The field IS the 先進医療にかかる費用 (様式第5号 費用, 様式第3号(11)): a bare amount there states it. */
  readonly statesCost?: boolean;
}

/** What may stand around an amount that states the cost with no keyword: 「金」, 「1症例当たり」, 「税込」, 「全額患者負担」. */
const BARE_WORDS = /金|也|[0-9０-９一]\s?(?:症例|例|件|名|人)|症例|当たり|あたり|につき|税込み?|消費税込み?|全額|患者(?:さん)?(?:の)?負担|自己負担|先進医療分?|[、，,・\s　：:／/]/g;
/** What may follow it in its sentence: 「とする」「である」「を患者に請求する」「は全額患者負担とする」, or nothing. */
const BARE_PREDICATE = /^(?:$|[、，。]|と(?:する|し|なる|なり)|で(?:ある|あり|す)|です|を|は全額)/;

/**
 * An amount with no keyword (「¥43,384（1症例あたり、全額患者負担）」「44,834円／症例」): only such words
 * stand before it and in its brackets, and its sentence goes on with a plain predicate — not 「（診断書料）」
 * nor 「駐車場代1,000円」.
 */
function bareAround(before: string, after: string): boolean {
  if (before.replace(BARE_WORDS, '') !== '') return false;
  let rest = after.replace(/^\s*(?:也|[－-](?![0-9０-９]))/, '');
  for (;;) {
    const unit = /^\s*[／/]\s*(?:[0-9０-９一]\s?)?(?:症例|例|件|名|人)/.exec(rest);
    const label = /^\s*[（(]([^（）()]*)[）)]/.exec(rest);
    if (unit) rest = rest.slice(unit[0].length);
    else if (label) {
      if ((label[1] ?? '').replace(BARE_WORDS, '') !== '') return false;
      rest = rest.slice(label[0].length);
    } else break;
  }
  return BARE_PREDICATE.test(rest.trimStart()) && !OTHER_WORDS.test(rest);
}

/** A list item (「・17,000円」「①」) or a line under a 内訳 heading: a part, not the cost. */
const LIST_MARK = /^\s*(?:[・･●○■□◆◇※*＊\-－]|[①-⑳]|[（(]?[0-9０-９]+[)）.．])/;

function inOpenList(field: string, f: Found<number>): boolean {
  const before = field.slice(0, f.start - f.before.length);
  const uchiwake = before.lastIndexOf('内訳');
  if (uchiwake < 0) return false;
  const since = before.slice(uchiwake);
  // A heading (「（内訳）」「内訳：」 ending its line), or amounts listed since it, and no 合計 closing it.
  return !/合計|総額/.test(since) && (/^内訳[）)]?\s*[：:]?\s*\n/.test(since) || findYen(since).length > 0);
}

/**
 * What an amount in prose is said of: the keyword nearest before it (the longer of two ending
 * together: 「費用の合計」 over 「合計」, 「検査費用」 over 「費用」), looking back no further than the
 * previous amount of the sentence (「患者負担額は10,000円、残りの11,938円は…」: the second amount is
 * not the patient's). A share (「うち」「残りの」) or a party's amount is said of the party the words
 * right after it name (「患者には20,000円を請求する」「24,384円（医療機関負担額）」). A bare 「合計」
 * closing a 内訳 of the cost is the total. In the field that states the cost, the first amount of a
 * sentence that no keyword speaks of is the total (「¥43,384（1症例あたり）」). An estimate (「約」「程度」),
 * one said of the insured part or of one session, a part (内訳), is not compared ('other').
 */
export function costFactOf(f: Found<number>, previousEnd = 0, place?: AmountPlace): CostFact {
  const region = f.before.slice(Math.max(0, previousEnd)).replace(CLAUSE_LABEL, '');
  const after = f.sentence.slice(f.before.length + f.text.length);
  if (ESTIMATE_AFTER.test(after)) return 'other';
  let best: { at: number; length: number; fact: CostFact; word: string } | undefined;
  for (const [re, fact] of KEYWORDS) {
    for (const m of region.matchAll(re)) {
      const end = m.index + m[0].length;
      const better = !best || end > best.at || (end === best.at && (m[0].length > best.length || (m[0].length === best.length && fact === 'other')));
      if (better) best = { at: end, length: m[0].length, fact, word: m[0] };
    }
  }
  const outOfScope = lastIndex(OUT_OF_SCOPE, region) > lastIndex(TECHNOLOGY, region);
  // A condition or an extra (「中止した場合は…円を請求する」「別途…円」) is not the split nor the cost; nor is
  // an amount right after a noun no keyword names (「駐車場代1,000円は患者負担」): it is that thing's.
  const named = region.trimEnd();
  const thing = /[一-龥々ァ-ヶー]$/.test(named) && !/(?:^|[^一-龥々ァ-ヶー])金$|(?:症例|例|件|人|税込)$/.test(named) && !(best && /^(?:額|分|金額|金)?$/.test(named.slice(best.at).trim()));
  const aside = thing || CONDITION.test(f.sentence) || /別途|追加|加算/.test(f.sentence);
  if (!best) {
    const said = aside ? undefined : saidAfter(after, region);
    if (said) return said;
    // The field that states the cost: an amount nothing speaks of, first in its sentence, not a 内訳 line nor a share.
    const bare = place?.statesCost && previousEnd === 0 && !aside && !outOfScope && !LIST_MARK.test(f.before) && !inOpenList(place.field, f) && !PART.test(f.sentence) && bareAround(f.before, after);
    return bare ? 'total' : 'other';
  }
  if (best.fact === 'other' && best.word === '合計' && place && !outOfScope && closesCostList(place.field, f, previousEnd)) return 'total';
  // The keyword's clause ended before the amount (「患者の負担とし、…円は」): it does not speak of it.
  const ended = /(?:し|する|であり)[、，]/.test(region.slice(best.at));
  const share = best.fact === 'other' && SHARE.test(best.word);
  if (!outOfScope && !aside && (ended || share || best.fact === 'patient' || best.fact === 'institution')) {
    const said = saidAfter(after, region);
    if (said === 'patient' || said === 'institution') return said;
  }
  if (best.fact === 'other' || ended || outOfScope) return 'other';
  return best.fact;
}

/** In a narrative field: the amount is said of this technology (named after any comparison). */
function saidOfTechnology(f: Found<number>): boolean {
  const t = lastIndex(TECHNOLOGY, f.before);
  return t >= 0 && t > lastIndex(COMPARED, f.before);
}

interface ProseAmount {
  readonly doc: string;
  readonly field: string;
  readonly found: Found<number>;
  readonly fact: CostFact;
  /** Said of the patient, who pays all of it: the amount is the 先進医療にかかる費用 (R-C-1, not R-C-5). */
  readonly patientPaysAll?: boolean;
}

export function proseAmounts(s: Submission): ProseAmount[] {
  const out: ProseAmount[] = [];
  const c = s.facts.cost;
  for (const p of COST_PROSE) {
    if (!inPackage(s, p.doc)) continue;
    const t = text(s, p.doc, p.field);
    const narrative = NARRATIVE.has(`${p.doc}:${p.field}`);
    const statesCost = STATES_COST.has(`${p.doc}:${p.field}`);
    const field: ProseAmount[] = [];
    let previous: Found<number> | undefined;
    for (const found of findYen(t)) {
      // Look back only to the previous amount of the same sentence.
      const previousEnd = previous && previous.sentence === found.sentence && previous.start >= found.start - found.before.length ? found.before.length - (found.start - previous.end) : 0;
      const fact = costFactOf(found, previousEnd, { field: t, statesCost });
      previous = found;
      if (narrative && !saidOfTechnology(found)) continue;
      field.push({ doc: p.doc, field: p.field, found, fact });
    }
    // The patient pays all: an amount said of the patient is the cost itself (「患者負担額：¥46,384」), unless the
    // field states the cost beside it or the sentence speaks of a share (then it says the split: R-C-5).
    const statesTotal = field.some((a) => a.fact === 'total');
    for (const a of field) {
      const sentence = a.found.sentence;
      const all = a.fact === 'patient' && c.total > 0 && c.institutionBurden === 0 && a.found.value > 0 && !statesTotal && !PART.test(sentence);
      const said = all ? bearerOf(sentence, c.total) : undefined;
      out.push(all && (said === undefined || said === 'patient') ? { ...a, fact: 'total', patientPaysAll: true } : a);
    }
  }
  return out;
}

/** The sentence an amount or a statement stands in, as a message quotes it. */
export function quoteSentence(sentence: string, max = 60): string {
  const s = sentence.trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

const FACT_NAME: Readonly<Record<Exclude<CostFact, 'other'>, string>> = {
  total: '先進医療にかかる費用',
  patient: '患者に請求する額',
  institution: '医療機関が負担する額',
};

function modelValue(s: Submission, fact: Exclude<CostFact, 'other'>): number {
  const c = s.facts.cost;
  return fact === 'total' ? c.total : fact === 'patient' ? c.patientCharge : c.institutionBurden;
}

export function agreementHits(s: Submission, fact: Exclude<CostFact, 'other'>): Hit[] {
  const amounts = proseAmounts(s).filter((a) => a.fact === fact);
  const expected = modelValue(s, fact);
  if (!amounts.some((a) => a.found.value !== expected)) return [];
  const model: AgreementPlace = {
    location: at('cost', undefined, { label: '費用の積算（様式第7-1号・第6号に印刷される額）' }),
    value: String(expected),
    display: formatYenWithUnit(expected),
  };
  const places: AgreementPlace[] = [
    model,
    ...amounts.map((a) => ({
      location: at(a.doc, a.field),
      value: String(a.found.value),
      display: a.found.text,
      span: { doc: a.doc, field: a.field, start: a.found.start, end: a.found.end, text: a.found.text },
      context: a.found.sentence.trim(),
    })),
  ];
  const agreement: Agreement = { fact: FACT_NAME[fact], format: 'yen', places };
  return amounts
    .filter((a) => a.found.value !== expected)
    .map((a) => ({
      message: `${at(a.doc, a.field).label}の「${quoteSentence(a.found.sentence)}」という文に「${a.found.text}」とありますが、${a.patientPaysAll ? '患者に請求する額（全額患者負担のため先進医療にかかる費用と同額）' : FACT_NAME[fact]}は費用の積算では${formatYenWithUnit(expected)}です。同一の額にしてください。`,
      locations: [at(a.doc, a.field)],
      agreement,
      discriminator: `${fact}:${a.found.text}`,
    }));
}


export const costRules: readonly Rule[] = [
  {
    id: 'R-C-1',
    title: '先進医療にかかる費用の一致',
    severity: 'error',
    basis: '記載要領 第4(11)、第5(2)④、第6(1)、第7(1)：様式第3号・第5号・第6号・第7-1号の先進医療にかかる費用は同一の額',
    check(s) {
      const hits = agreementHits(s, 'total');
      if (s.facts.cost.total === 0 && inPackage(s, yoshiki71.id)) {
        hits.push({ message: '先進医療にかかる費用が0円です。費用の積算（様式第7-1号）を入力してください。', locations: [at('cost', undefined, { label: '費用の積算' })], discriminator: 'zero' });
      }
      return hits;
    },
  },
];

