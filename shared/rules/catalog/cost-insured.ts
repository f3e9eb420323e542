/**
 * §4.1 R-C-6: 様式第6号's basis — the typical case, the 被保険者区分, and the 保険外併用療養費分 itemised
 * per 診療報酬点数 item whose 合計点数 × 10円 equals the amounts stated above it.
 *
 * Deliberately not flagged: a typical case older than 75 computed as 健康保険被保険者本人 (the 記載要領
 * asks for 本人 as the rule); an 一部負担金 rounded to 10円 (健康保険法 第75条) that leaves the sum up to
 * 5円 off; the share of the 一部負担金 for a case aged 70 or over or under 7 (2割 or 3割 by income), or
 * whose text names 高額療養費 or a 公費 (they lower it). For a 本人 aged 7 to 69 it is 3割: a warning when
 * it is outside 25–35 %.
 */
import { yoshiki6 } from '../../forms/besshi1/yoshiki6';
import { formatPoints, insuredTotal, lumpOf, stayDays, YEN_PER_POINT } from '../../forms/besshi1/yoshiki6/insured-items';
import { toAsciiDigits } from '../../dates/wareki';
import { formatYenWithUnit, parseYen } from '../../money/yen';
import { answerOf, atField, inPackage, textOf, type Submission } from '../submission';
import type { Hit, Rule } from '../types';

/**
 * A 円 field as the form prints it (727069, 「727,069円」, 「¥727,069」, 「72万7,069円」). What parseYen
 * refuses (「約72万円」「72.7万円」) the printed 合計 cannot read either, so the rule says so too.
 */
function readYen(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const r = parseYen(v);
  return r.ok ? r.value : undefined;
}

/** How a 円 field is quoted in a message: as typed, or formatted when stored as a number. */
const quoted = (v: unknown, value: number): string => (typeof v === 'string' ? v.trim() : formatYenWithUnit(value));

/**
 * The 一部負担金 is rounded to 10円 (健康保険法 第75条: 10円未満四捨五入), so 保険者負担 ＋ 一部負担金 may be
 * up to 5円 off the 合計点数 × 10円 when the 一部負担金 is a multiple of 10円.
 */
const roundedCopay = (copay: number, diff: number): boolean => copay % 10 === 0 && Math.abs(diff) <= 5;

/** Words of a 被保険者区分 other than 健康保険被保険者本人 (記載要領 第6(3)). */
const OTHER_INSURED = /後期高齢者|被扶養者|扶養家族|国民健康保険|国保|(?:70|７０)歳以上|[1-2１-２一二]割負担/;

/** 「その他」 needs its explanation; 「本人」 must not be explained as another 区分, nor 「その他」 as 本人. */
function basisHits(s: Submission): Hit[] {
  const basis = textOf(s, yoshiki6, 'insuredBasis');
  const note = textOf(s, yoshiki6, 'insuredBasisNote').trim();
  const where = [atField(yoshiki6, 'insuredBasis'), atField(yoshiki6, 'insuredBasisNote')];
  if (basis === 'その他') {
    if (note === '') return [{ message: '健康保険被保険者本人以外で算定する場合は、その区分を「被保険者区分の説明」に記載してください。', locations: [atField(yoshiki6, 'insuredBasisNote')] }];
    if (!OTHER_INSURED.test(note) && /本人/.test(note)) return [{ message: `被保険者区分が「その他」ですが、説明に「${note}」とあります。健康保険被保険者本人として算定したなら区分を「健康保険被保険者本人」にしてください。`, locations: where, discriminator: 'other-as-self' }];
    return [];
  }
  const other = OTHER_INSURED.exec(note);
  if (other) return [{ message: `被保険者区分が「健康保険被保険者本人」ですが、説明に「${other[0]}」とあります。本人以外で算定したなら区分を「その他」にし、本人として算定したなら説明を直してください。`, locations: where, discriminator: 'self-as-other' }];
  return [];
}

/**
 * 様式第6号's 内訳 (R-C-6): each row an individual 点数 item whose 点数 and 回数 read, and the 合計点数 × 10円
 * equal to the amounts stated above it (保険外併用療養費（保険者負担）＋一部負担金).
 */
function insuredRowHits(s: Submission): Hit[] {
  const out: Hit[] = [];
  const rows = answerOf(s, yoshiki6, 'insuredRows') ?? [];
  const where = (row: number) => atField(yoshiki6, 'insuredRows', { row, label: `様式第6号（保険外併用療養費分の内訳 ${row + 1}行目）` });
  const total = insuredTotal(rows);
  for (const line of total.lines) {
    const item = rows[line.row]?.item ?? '';
    if (line.problems.length > 0) out.push({ message: `保険外併用療養費分の内訳の${line.row + 1}行目（${item.trim() || '項目名なし'}）：${line.problems.join('')}`, locations: [where(line.row)], discriminator: `row${line.row}:read` });
    if (item.trim() === '') out.push({ message: `保険外併用療養費分の内訳の${line.row + 1}行目に診療報酬項目がありません。`, locations: [where(line.row)], discriminator: `row${line.row}:item` });
    else {
      const lump = lumpOf(item);
      const what = lump === 'part' ? '部ごとの合計です。「検査」「手術」などの部ごとではなく' : lump === 'bundle' ? '複数の点数をまとめた行です。まとめずに' : '';
      if (what !== '') out.push({ severity: 'warning', message: `保険外併用療養費分の内訳の${line.row + 1}行目「${item.trim()}」は${what}、個々の診療報酬点数ごとに書いてください。`, locations: [where(line.row)], discriminator: `row${line.row}:part` });
    }
  }
  const typedInsurer = answerOf(s, yoshiki6, 'insurerShare');
  const typedCopay = answerOf(s, yoshiki6, 'copayment');
  const insurer = readYen(typedInsurer);
  const copay = readYen(typedCopay);
  const yen = total.points === undefined ? undefined : total.points * YEN_PER_POINT;
  if (total.points !== undefined && yen !== undefined && insurer !== undefined && copay !== undefined && yen !== insurer + copay && !roundedCopay(copay, yen - insurer - copay)) {
    out.push({
      message: `保険外併用療養費分の内訳の合計（${formatPoints(total.points)}＝${formatYenWithUnit(yen)}）が、保険外併用療養費（保険者負担）「${quoted(typedInsurer, insurer)}」と一部負担金「${quoted(typedCopay, copay)}」の合計（${formatYenWithUnit(insurer + copay)}）と一致しません（差 ${formatYenWithUnit(Math.abs(yen - insurer - copay))}）。内訳の行か金額を直してください。`,
      locations: [atField(yoshiki6, 'insuredRows', { label: '様式第6号（保険外併用療養費分の内訳の合計）' }), atField(yoshiki6, 'insurerShare'), atField(yoshiki6, 'copayment')],
      discriminator: 'total',
    });
  }
  return out;
}

/**
 * 「入院日数10日」「入院期間：10日間」「9泊10日」 in the 典型的な症例: the stay the 内訳 is computed for.
 * 「約2週間」「術後8日目」「入院2日目に手術」 say no number of days.
 */
const STAY_IN_PROSE = /入院(?:日数|期間)?(?:は|が|：|:|　|\s)*([0-9０-９]+)日(?![目前後]|以内)(?:間)?|[0-9０-９]+泊([0-9０-９]+)日/g;

/** The 典型的な症例's 入院日数 against the days of the 内訳's 入院料 rows (a warning: the case is a 参考, 記載要領 第6(2)). */
function stayHits(s: Submission): Hit[] {
  const prose = textOf(s, yoshiki6, 'typicalCase');
  const days = stayDays(answerOf(s, yoshiki6, 'insuredRows') ?? []);
  if (days === undefined) return [];
  for (const m of prose.matchAll(STAY_IN_PROSE)) {
    const said = Number(toAsciiDigits(m[1] ?? m[2] ?? ''));
    if (said === days) continue;
    const from = Math.max(prose.lastIndexOf('。', m.index) + 1, prose.lastIndexOf('\n', m.index) + 1);
    const to = prose.slice(m.index).search(/[。\n]/);
    const sentence = prose.slice(from, to < 0 ? undefined : m.index + to).trim();
    return [{
      severity: 'warning',
      message: `典型的な症例の${sentence === m[0].trim() ? `「${sentence}」` : `「${sentence}」という文の「${m[0].trim()}」`}と、保険外併用療養費分の内訳の入院料の日数（${days}日）が一致しません。入院日数か内訳の回数を直してください。`,
      locations: [atField(yoshiki6, 'typicalCase'), atField(yoshiki6, 'insuredRows', { label: '様式第6号（保険外併用療養費分の内訳の入院料）' })],
      discriminator: 'stay',
    }];
  }
  return [];
}

/** The 一部負担金 of a 健康保険被保険者本人 aged 7 to 69 (健康保険法 第74条: 3割), with the tolerance of a 参考額. */
const COPAY_SHARE = { self: 0.3, low: 0.25, high: 0.35 } as const;
/** The age of the typical case: 「65歳」「６５歳男性」 (the first one; 「70歳前後」 is not an age). */
const AGE = /([0-9０-９]{1,3})\s?(?:歳|才)(?!前後|以上|以下|未満|代|台|程度|くらい|ぐらい)/;
/** Words that lower or replace the 3割 (高額療養費, 限度額, 公費, 難病, 減免, 生活保護, 付加給付). */
const LOWERED = /高額療養費|限度額|公費|難病|医療費助成|医療証|減免|減額|生活保護|付加給付|特例/;

/**
 * A 本人 aged 7 to 69 pays 3割 (R-C-6, 記載要領 第6(3)): an 一部負担金 far from 3割 of 保険者負担＋一部負担金
 * (h-b-y6-18: 65歳, 2割) is a warning, unless the form names 高額療養費 or a 公費 that lowers it.
 */
function shareHits(s: Submission): Hit[] {
  if (textOf(s, yoshiki6, 'insuredBasis') !== '健康保険被保険者本人') return [];
  const typedInsurer = answerOf(s, yoshiki6, 'insurerShare');
  const typedCopay = answerOf(s, yoshiki6, 'copayment');
  const insurer = readYen(typedInsurer);
  const copay = readYen(typedCopay);
  if (insurer === undefined || copay === undefined || insurer + copay === 0) return [];
  const prose = textOf(s, yoshiki6, 'typicalCase');
  if (LOWERED.test([prose, textOf(s, yoshiki6, 'insuredBasisNote'), textOf(s, yoshiki6, 'insuredItems')].join('\n'))) return [];
  const age = AGE.exec(prose);
  if (!age) return [];
  const years = Number(toAsciiDigits(age[1] ?? ''));
  if (years < 7 || years >= 70) return [];
  const share = copay / (insurer + copay);
  if (share >= COPAY_SHARE.low && share <= COPAY_SHARE.high) return [];
  const from = Math.max(prose.lastIndexOf('。', age.index) + 1, prose.lastIndexOf('\n', age.index) + 1);
  const to = prose.slice(age.index).search(/[。\n]/);
  const sentence = prose.slice(from, to < 0 ? undefined : age.index + to).trim();
  const quotedCase = sentence.length > 40 ? `${sentence.slice(0, 40)}…` : sentence;
  const expected = Math.round((insurer + copay) * COPAY_SHARE.self);
  return [{
    severity: 'warning',
    message: `典型的な症例の「${quotedCase}」の文では${years}歳の健康保険被保険者本人ですが、一部負担金「${quoted(typedCopay, copay)}」は保険者負担との合計（${formatYenWithUnit(insurer + copay)}）の${Math.round(share * 100)}％です。70歳未満の本人は3割（${formatYenWithUnit(expected)}）です。一部負担金を直すか、3割でない理由（高額療養費など）を「被保険者区分の説明」に書いてください。`,
    locations: [atField(yoshiki6, 'copayment'), atField(yoshiki6, 'typicalCase')],
    discriminator: 'share',
  }];
}

export const insuredRules: readonly Rule[] = [
  {
    id: 'R-C-6',
    title: '様式第6号の算定の前提',
    severity: 'error',
    basis: '記載要領 第6(2)(3)(4)：典型的な症例で、健康保険被保険者本人として算定（他の場合はその旨）、保険外併用療養費分は点数の項目ごとに（合計点数×10円＝保険外併用療養費分）',
    check(s) {
      if (!inPackage(s, yoshiki6.id)) return [];
      const out: Hit[] = [...insuredRowHits(s), ...basisHits(s), ...stayHits(s), ...shareHits(s)];
      for (const key of ['insurerShare', 'copayment'] as const) {
        const v = answerOf(s, yoshiki6, key);
        if (typeof v === 'string' && v.trim() !== '' && readYen(v) === undefined) out.push({ message: `${atField(yoshiki6, key).label}が金額として読み取れません（「${v}」）。「727,069円」のように入力してください。`, locations: [atField(yoshiki6, key)] });
      }
      return out;
    },
  },
];
