/**
 * Held-out prose corpus B (issue 16): passages written WITHOUT reading the rule code or the other
 * corpus files, to measure the checker on text it was not tuned on. 様式第6号, 様式第7号 and 事前相談.
 * Expectations are what a careful MHLW reviewer would say (記載要領 and forms-and-rules.md §4), not
 * what the checker does. Everything is fictional.
 *
 * Sample base: 積算 44,384円 (全額患者負担); 様式第6号 内訳 103,867点 = 727,069円 + 311,601円;
 * 事前相談 held 2027-01-12, 届出日 2027-04-05. Second base: 積算 92,580円 (患者負担 50,000円),
 * 届出日 2027-09-10, 事前相談 held 2027-06-15.
 */
import type { CorpusEntry } from './corpus';
import { SAMPLE_INSURED_ROWS, type InsuredRow } from './sample-rows';

const Y6 = 'besshi1/yoshiki6';
const Y71 = 'besshi1/yoshiki7-1';
const Y72 = 'besshi1/yoshiki7-2';

type Row = InsuredRow;

/** The sample's 内訳 rows (103,867点). */
const SAMPLE_ROWS = SAMPLE_INSURED_ROWS;

const replaceRow = (i: number, row: Row): Row[] => SAMPLE_ROWS.map((r, j) => (j === i ? row : r));

/** The sample's 積算 lines. */
const EQ1 = { id: 'eq1', name: '蛍光観察用腹腔鏡システム', purchasePrice: 25000000, residualValue: 2500000, usefulLifeYears: 5, usesPerYear: 300, purchasedOn: '2024-04-01', usesPerCase: 1, equipmentId: 'sample-eq1' };
const EQ2 = { id: 'eq2', name: '術中迅速病理標本作製装置', purchasePrice: 6000000, residualValue: 0, usefulLifeYears: 6, usesPerYear: 500, purchasedOn: '2023-10-01', usesPerCase: 1, equipmentId: 'sample-eq2' };
const ST1 = { id: 'st1', jobTitle: '医師（センチネルリンパ節の同定・摘出）', unitPrice: 12000, per: 'hour', minutes: 60 };
const ST2 = { id: 'st2', jobTitle: '病理医（術中迅速診断）', unitPrice: 12000, per: 'hour', minutes: 30 };
const ST3 = { id: 'st3', jobTitle: '看護師', unitPrice: 4000, per: 'hour', minutes: 60 };
const M1 = { id: 'm1', name: 'インドシアニングリーン注射用25mg', unitPrice: 1884, quantity: 1, kind: 'drug' };
const M2 = { id: 'm2', name: '内視鏡用局注針', unitPrice: 3500, quantity: 1, kind: 'material' };

/** Second base's materials (16,380円). */
const SECOND_MATERIALS = [
  { id: 'm-gem', name: 'ゲムシタビン点滴静注用200mg「架空」（腹腔内投与分）', unitPrice: 1530, quantity: 6, kind: 'drug', productId: 'second-product-gem' },
  { id: 'm-set', name: '腹腔内投与用輸液セット', unitPrice: 1200, quantity: 6, kind: 'material' },
];

const SAMPLE_VISITORS = [
  { name: '髙橋 誠一', affiliation: '架空大学医学部附属病院 消化器外科' },
  { name: '山﨑 花子', affiliation: '架空大学医学部附属病院 臨床研究推進センター' },
  { name: '𠮷田 次郎', affiliation: '架空製薬株式会社 開発本部' },
];
const SECOND_VISITORS = [
  { name: '佐々木 律子', affiliation: '架空県立中央病院 腫瘍内科' },
  { name: '西村 早紀', affiliation: '架空県立中央病院 臨床研究支援センター' },
  { name: '大森 拓海', affiliation: '架空ファーマ株式会社 メディカルアフェアーズ部' },
];

const slot = (date: string, start: string, end: string) => ({ date, start, end });

// ─────────────────────────── 様式第6号 ───────────────────────────

const yoshiki6: CorpusEntry[] = [
  {
    id: 'h-b-y6-01',
    family: '様式第6号',
    shape: '典型的な症例に全角の費用額（正しい）と和暦',
    edit: {
      forms: {
        [Y6]: {
          typicalCase:
            '７２歳男性。早期胃がん（ｃＴ１ａＮ０Ｍ０、胃体中部小弯、長径１８ｍｍ）。\n手術前日に入院し、術前日に内視鏡下でＩＣＧを局注、翌日にセンチネルリンパ節生検併用縮小胃切除術を施行した。術後経過は良好で、入院期間は１０日間であった（令和９年度の診療報酬点数により試算）。\n先進医療にかかる費用は４４，３８４円であり、全額を患者負担とする。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y6-02',
    family: '様式第6号',
    shape: '被保険者区分 その他 に理由と2割負担の額',
    edit: {
      forms: {
        [Y6]: {
          typicalCase: '７２歳男性、早期胃がん（ｃＴ１Ｎ０Ｍ０）、入院期間１０日、縮小胃切除術を施行した症例',
          insuredBasis: 'その他',
          insuredBasisNote:
            '対象患者の多くが７０歳以上であることから、７０歳以上７５歳未満の被保険者（一般所得者、一部負担金２割）として計算した（健康保険被保険者本人の場合、一部負担金は３割となる。）。',
          insurerShare: 830936,
          copayment: 207734,
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y6-03',
    family: '様式第6号',
    shape: '内訳の点数・回数を全角・「/日」「×4」「点×回」で入力（合計は一致）',
    edit: {
      forms: {
        [Y6]: {
          insuredRows: [
            { part: '初・再診', item: 'Ａ０００　初診料', points: '２９１点', times: '１回' },
            { part: '入院', item: 'A100 急性期一般入院料１', points: '1650点/日', times: '10日間' },
            { part: '入院', item: 'A100 注３ 14日以内の期間の加算', points: '４５０', times: '１０日' },
            { part: '検査', item: 'D005 末梢血液一般検査', points: '21点', times: '×4' },
            { part: '検査', item: 'D007 生化学的検査（Ｉ）（１０項目以上）', points: '１０３点', times: '４回' },
            { part: '画像診断', item: 'E200 CT撮影（64列以上）', points: '1,000点', times: '1回' },
            { part: '手術', item: 'K655-2 腹腔鏡下胃切除術（単純切除術）', points: '６４，１２０点', times: '１回' },
            { part: '手術', item: 'K936 自動縫合器加算（３個）', points: '2,500点×3回', times: '' },
            { part: '麻酔', item: 'L008 閉鎖循環式全身麻酔', points: '6,610点', times: '1回' },
            { part: '病理診断', item: 'N003 術中迅速病理組織標本作製', points: '1,990点', times: '1回' },
            { part: '病理診断', item: 'N000 病理組織標本作製（１臓器につき）', points: '860点', times: '1回' },
          ],
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y6-04',
    family: '様式第6号',
    shape: '保険者負担・一部負担金を「万」「円」付きの文字で入力（一致）',
    edit: { forms: { [Y6]: { insurerShare: '７２万７，０６９円', copayment: '311,601円' } } },
    expect: [],
  },
  {
    id: 'h-b-y6-05',
    family: '様式第6号',
    shape: '内訳の補足に※書きの注記',
    edit: {
      forms: {
        [Y6]: {
          insuredItems:
            '※入院時食事療養費は含まない。\n※薬剤料・特定保険医療材料料は各手技の点数に含めず、別途算定しない前提で試算した。\n※点数は令和８年度診療報酬改定後のものによる。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y6-06',
    family: '様式第6号',
    shape: '典型的な症例に費用の内訳額（総額は正しい）',
    edit: {
      forms: {
        [Y6]: {
          typicalCase:
            '６５歳男性、早期胃がん（cT1N0M0）、入院日数１０日、縮小胃切除術を施行した症例。\n先進医療にかかる費用４４，３８４円の内訳は、機器使用料１７，０００円、人件費２２，０００円、医療材料・医薬品費５，３８４円である。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y6-07',
    family: '様式第6号',
    shape: '第二案件：典型的な症例に総額と患者負担・当院負担（一致）',
    base: 'second',
    edit: {
      forms: {
        [Y6]: {
          typicalCase:
            '６８歳女性、腹膜播種を伴う膵臓がん。腹腔ポート設置のため５日間入院し、以後は外来で２コース（腹腔内投与６回）を行った症例。\n先進医療に係る費用は９万２，５８０円（うち患者負担５０，０００円、残りの４２，５８０円は当院負担）。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y6-08',
    family: '様式第6号',
    shape: '典型的な症例を「・」の箇条書きで',
    edit: {
      forms: {
        [Y6]: {
          typicalCase: '・年齢・性別：６５歳、男性\n・病名：早期胃癌（cT1N0M0）\n・入院日数：１０日（術前１日、術後９日）\n・実施内容：ＩＣＧ蛍光法によるセンチネルリンパ節生検＋縮小胃切除術\n・被保険者区分：健康保険被保険者本人（３割負担）',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y6-09',
    family: '様式第6号',
    shape: '典型的な症例の費用額の転記ミス（44,834円）',
    edit: {
      forms: {
        [Y6]: {
          typicalCase: '６５歳男性、早期胃がん（cT1N0M0）、入院日数１０日、縮小胃切除術を施行した症例。なお、先進医療にかかる費用は４４，８３４円（全額自己負担）である。',
        },
      },
    },
    expect: ['R-C-1'],
  },
  {
    id: 'h-b-y6-10',
    family: '様式第6号',
    shape: '被保険者区分 その他 で説明なし',
    edit: { forms: { [Y6]: { insuredBasis: 'その他', insuredBasisNote: '' } } },
    expect: ['R-C-6'],
  },
  {
    id: 'h-b-y6-11',
    family: '様式第6号',
    shape: '一部負担金の桁入れ違い（311,061円）',
    edit: { forms: { [Y6]: { copayment: '３１１，０６１円' } } },
    expect: ['R-C-6'],
  },
  {
    id: 'h-b-y6-12',
    family: '様式第6号',
    shape: '手術を部の合計1行で記載',
    edit: {
      forms: {
        [Y6]: {
          insuredRows: [...SAMPLE_ROWS.slice(0, 6), { part: '手術', item: '手術', points: '71,620点', times: '1回' }, ...SAMPLE_ROWS.slice(8)],
        },
      },
    },
    expect: ['R-C-6'],
  },
  {
    id: 'h-b-y6-13',
    family: '様式第6号',
    shape: '内訳の行に診療報酬項目がない',
    edit: { forms: { [Y6]: { insuredRows: replaceRow(3, { part: '検査', item: '', points: '21点', times: '4回' }) } } },
    expect: ['R-C-6'],
  },
  {
    id: 'h-b-y6-14',
    family: '様式第6号',
    shape: '第二案件：典型的な症例で患者負担を６万円と記載（積算は５万円）',
    base: 'second',
    edit: {
      forms: {
        [Y6]: {
          typicalCase:
            '６８歳女性、腹膜播種を伴う膵臓がん。腹腔ポート設置のため５日間入院し、以後は外来で２コース（腹腔内投与６回）を行った症例（先進医療に係る費用９２，５８０円のうち、患者負担は６万円、当院負担は３２，５８０円）。',
        },
      },
    },
    expect: ['R-C-5'],
  },
  {
    id: 'h-b-y6-15',
    family: '様式第6号',
    shape: '入院料の日数を１４日に（典型例は１０日、合計が合わない）',
    edit: {
      forms: {
        [Y6]: {
          insuredRows: replaceRow(1, { part: '入院', item: 'A100 急性期一般入院料1', points: '1,650点', times: '１４日' }),
        },
      },
    },
    expect: ['R-C-6'],
  },
  {
    id: 'h-b-y6-16',
    family: '様式第6号',
    shape: '典型的な症例に「約４万４千円」の概算',
    edit: {
      forms: {
        [Y6]: {
          typicalCase: '６５歳男性、早期胃がん（cT1N0M0）、入院日数１０日、縮小胃切除術を施行した症例（先進医療部分の患者負担は約４万４千円、保険診療分の一部負担金は約３１万円）。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y6-17',
    family: '様式第6号',
    shape: '内訳に行を追加したが保険者負担・一部負担金を直していない',
    edit: {
      forms: {
        [Y6]: {
          insuredRows: [...SAMPLE_ROWS.slice(0, 5), { part: '検査', item: 'D009 腫瘍マーカー（CEA）', points: '99点', times: '1回' }, ...SAMPLE_ROWS.slice(5)],
        },
      },
    },
    expect: ['R-C-6'],
  },
  {
    id: 'h-b-y6-18',
    family: '様式第6号',
    shape: '本人として計算と言いながら一部負担金が２割',
    edit: {
      forms: {
        [Y6]: {
          typicalCase: '６５歳男性（健康保険被保険者本人）、早期胃がん（cT1N0M0）、入院日数１０日、縮小胃切除術を施行した症例',
          insurerShare: '830,936円',
          copayment: '207,734円',
        },
      },
    },
    expect: ['R-C-6'],
  },
  {
    id: 'h-b-y6-19',
    family: '様式第6号',
    shape: '典型的な症例に保険診療分の総額・一部負担金（先進医療の費用ではない額）',
    edit: {
      forms: {
        [Y6]: {
          typicalCase:
            '６５歳男性、早期胃がん（cT1N0M0）、入院日数１０日、縮小胃切除術を施行した症例。\n保険診療分の総額は１，０３８，６７０円（うち一部負担金３１１，６０１円、高額療養費制度の適用前）であり、これに先進医療にかかる費用４４，３８４円が加わる。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y6-20',
    family: '様式第6号',
    shape: '典型的な症例に「¥」表記の誤った費用額',
    edit: { forms: { [Y6]: { typicalCase: '65歳男性／早期胃がん（cT1N0M0）／入院10日／縮小胃切除術。先進医療費用：¥43,384（患者負担）' } } },
    expect: ['R-C-1'],
  },
  {
    id: 'h-b-y6-21',
    family: '様式第6号',
    shape: '入院期間を「９泊１０日」と記載（内訳は10日）',
    edit: { forms: { [Y6]: { typicalCase: '６５歳男性、早期胃がん（cT1N0M0）。入院期間は９泊１０日（手術前日入院、術後８日目退院）で、縮小胃切除術を施行した症例' } } },
    expect: [],
  },
  {
    id: 'h-b-y6-22',
    family: '様式第6号',
    shape: '「４万３，８４８円」と万を含む誤った費用額',
    edit: { forms: { [Y6]: { typicalCase: '６５歳男性、早期胃がん（cT1N0M0）、入院日数１０日、縮小胃切除術を施行した症例（先進医療にかかる費用は４万３，８４８円）' } } },
    expect: ['R-C-1'],
  },
  {
    id: 'h-b-y6-23',
    family: '様式第6号',
    shape: '被保険者区分は本人のまま、説明欄に後期高齢者１割で計算と記載',
    edit: { forms: { [Y6]: { insuredBasisNote: '７６歳の後期高齢者医療制度の被保険者（一部負担金１割）として計算した。' } } },
    expect: ['R-C-6'],
  },
];

// ─────────────────────────── 様式第7号 ───────────────────────────

const yoshiki7: CorpusEntry[] = [
  {
    id: 'h-b-y7-01',
    family: '様式第7号',
    shape: '7-1備考にICGの単価（一致）',
    edit: { forms: { [Y71]: { notes: 'インドシアニングリーン注射用２５ｍｇは１症例当たり１バイアル（薬価１，８８４円）を使用する。溶解後の残液は廃棄する。' } } },
    expect: [],
  },
  {
    id: 'h-b-y7-02',
    family: '様式第7号',
    shape: '7-1備考で総額を言い直す（一致）',
    edit: {
      forms: {
        [Y71]: {
          notes: '①インドシアニングリーンは１症例当たり１バイアルを使用する。\n②内視鏡用局注針は単回使用とする。\n以上により、先進医療にかかる費用は１症例当たり４４，３８４円（全額患者負担）となる。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y7-03',
    family: '様式第7号',
    shape: '7-2備考に機器の償却計算（一致）',
    edit: {
      forms: {
        [Y72]: {
          notes:
            '蛍光観察用腹腔鏡システム：購入価格２，５００万円、残存価格２５０万円、耐用年数５年、年間使用回数３００回（当院の腹腔鏡手術件数の実績による）として、１回償却費は１５，０００円となる。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y7-04',
    family: '様式第7号',
    shape: '人件費の単価を円/分に（金額は同じ）',
    edit: { cost: { staff: [{ ...ST1, unitPrice: 200, per: 'minute' }, ST2, ST3] } },
    expect: [],
  },
  {
    id: 'h-b-y7-05',
    family: '様式第7号',
    shape: '看護師を器械出し・外回りの２行に分ける（金額は同じ）',
    edit: {
      cost: {
        staff: [ST1, ST2, { id: 'st3a', jobTitle: '看護師（器械出し）', unitPrice: 4000, per: 'hour', minutes: 30 }, { id: 'st3b', jobTitle: '看護師（外回り）', unitPrice: 4000, per: 'hour', minutes: 30 }],
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y7-06',
    family: '様式第7号',
    shape: '耐用年数を過ぎた機器（償却費0円）を追加、備考で説明',
    edit: {
      cost: { equipment: [EQ1, EQ2, { id: 'eq3', name: '内視鏡用炭酸ガス送気装置', purchasePrice: 1800000, residualValue: 0, usefulLifeYears: 6, usesPerYear: 400, purchasedOn: '2012-06-01', usesPerCase: 1, equipmentId: '' }] },
      forms: { [Y72]: { notes: '内視鏡用炭酸ガス送気装置は平成２４年６月に購入しており、届出の時点で耐用年数（６年）を過ぎているため、償却費は発生しないものとして積算した。' } },
    },
    expect: [],
  },
  {
    id: 'h-b-y7-07',
    family: '様式第7号',
    shape: '7-2備考に人件費単価の根拠（一致）',
    edit: {
      forms: {
        [Y72]: {
          notes: '人件費の単価は、当院の給与規程に基づく平均時給とした。\n・医師、病理医：１時間当たり１２，０００円\n・看護師：１時間当たり４，０００円\n所要時間は先行研究４５例の手術記録の中央値による。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y7-08',
    family: '様式第7号',
    shape: '第二案件：7-1備考で総額と負担区分を言い直す（一致）',
    base: 'second',
    edit: {
      forms: {
        [Y71]: {
          notes:
            '腹腔内投与は１症例当たり６回（２コース）。ゲムシタビンは２００mgバイアルを１回１本使用する（残液は廃棄する）。\n先進医療に係る費用９２，５８０円のうち、５０，０００円を患者に請求し、残りの４２，５８０円は当院が負担する。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-b-y7-09',
    family: '様式第7号',
    shape: '人件費の職種が空欄',
    edit: { cost: { staff: [ST1, ST2, { ...ST3, jobTitle: '' }] } },
    expect: ['R-C-3'],
  },
  {
    id: 'h-b-y7-10',
    family: '様式第7号',
    shape: '人件費に所要時間0分の行を追加',
    edit: { cost: { staff: [ST1, ST2, ST3, { id: 'st4', jobTitle: '臨床検査技師（標本作製補助）', unitPrice: 3500, per: 'hour', minutes: 0 }] } },
    expect: ['R-C-3'],
  },
  {
    id: 'h-b-y7-11',
    family: '様式第7号',
    shape: '残存価格が購入価格を上回る機器',
    edit: {
      cost: { equipment: [EQ1, EQ2, { id: 'eq3', name: '術中ナビゲーション用モニター', purchasePrice: 1200000, residualValue: 1500000, usefulLifeYears: 5, usesPerYear: 300, purchasedOn: '2025-04-01', usesPerCase: 1, equipmentId: '' }] },
    },
    expect: ['R-C-2'],
  },
  {
    id: 'h-b-y7-12',
    family: '様式第7号',
    shape: 'マスタにない機器を追加し購入年月日が未入力（耐用年数を過ぎたか分からない）',
    edit: {
      cost: { equipment: [EQ1, EQ2, { id: 'eq3', name: '内視鏡用炭酸ガス送気装置', purchasePrice: 1800000, residualValue: 0, usefulLifeYears: 6, usesPerYear: 400, purchasedOn: '', usesPerCase: 1, equipmentId: '' }] },
    },
    expect: ['R-C-2'],
  },
  {
    id: 'h-b-y7-13',
    family: '様式第7号',
    shape: '7-1備考で総額の転記ミス（43,384円）',
    edit: { forms: { [Y71]: { notes: 'インドシアニングリーンは1症例当たり1バイアルを使用する。\n以上より、１症例当たりの先進医療にかかる費用は４３，３８４円となる。' } } },
    expect: ['R-C-1'],
  },
  {
    id: 'h-b-y7-14',
    family: '様式第7号',
    shape: '7-2備考で看護師の単価が積算と異なる（4,500円/時）',
    edit: { forms: { [Y72]: { notes: '人件費の単価は当院の給与規程による。医師・病理医は１時間当たり１２，０００円、看護師は１時間当たり４，５００円とした。' } } },
    expect: ['R-C-3'],
  },
  {
    id: 'h-b-y7-15',
    family: '様式第7号',
    shape: '7-2備考で1回償却費が積算と異なる（15,500円）',
    edit: { forms: { [Y72]: { notes: '蛍光観察用腹腔鏡システムの１回償却費は１５，５００円（購入価格２，５００万円、残存価格２５０万円、耐用年数５年、年間３００回）。' } } },
    expect: ['R-C-2'],
  },
  {
    id: 'h-b-y7-16',
    family: '様式第7号',
    shape: '第二案件：積算の患者負担を６万円に変えたが本文は５万円のまま',
    base: 'second',
    edit: { cost: { patientPays: { mode: 'part', patientCharge: 60000 } } },
    expect: ['R-C-5'],
  },
  {
    id: 'h-b-y7-17',
    family: '様式第7号',
    shape: '第二案件：材料を追加して総額が変わったが本文は92,580円のまま',
    base: 'second',
    edit: { cost: { materials: [...SECOND_MATERIALS, { id: 'm-filter', name: '閉鎖式薬物移送システム（CSTD）', unitPrice: 800, quantity: 6, kind: 'material' }] } },
    expect: ['R-C-1', 'R-C-5'],
  },
  {
    id: 'h-b-y7-18',
    family: '様式第7号',
    shape: '人件費が空（機器と材料のみの積算）',
    edit: { cost: { staff: [] } },
    expect: ['R-C-4'],
  },
  {
    id: 'h-b-y7-19',
    family: '様式第7号',
    shape: '7-1備考で医療材料の単価が積算と異なる（局注針3,800円）',
    edit: { forms: { [Y71]: { notes: 'インドシアニングリーンは１症例当たり１バイアル（１，８８４円）、内視鏡用局注針は１本（３，８００円）を使用する。' } } },
    expect: ['R-C-4'],
  },
  {
    id: 'h-b-y7-20',
    family: '様式第7号',
    shape: '材料の数量を0.5にして単価を倍に（金額は同じ）',
    edit: { cost: { materials: [M1, { ...M2, unitPrice: 7000, quantity: 0.5 }] } },
    expect: [],
  },
  {
    id: 'h-b-y7-21',
    family: '様式第7号',
    shape: '7-1備考に単価×数量の式（一致）',
    edit: { forms: { [Y71]: { notes: '・インドシアニングリーン注射用２５ｍｇ：１，８８４円×１バイアル＝１，８８４円\n・内視鏡用局注針：３，５００円×１本＝３，５００円\n（医療材料・医薬品費 計５，３８４円）' } } },
    expect: [],
  },
  {
    id: 'h-b-y7-22',
    family: '様式第7号',
    shape: '7-1備考に保険診療分の額（先進医療の費用ではない）',
    edit: { forms: { [Y71]: { notes: 'インドシアニングリーンは1症例当たり1バイアルを使用する。\nなお、腹腔鏡下胃切除術等の保険診療分（１，０３８，６７０円）は様式第６号に記載しており、本積算には含めていない。' } } },
    expect: [],
  },
  {
    id: 'h-b-y7-23',
    family: '様式第7号',
    shape: '7-1備考で総額を「４万４，３８４円」と言い直す（一致）',
    edit: { forms: { [Y71]: { notes: '先進医療にかかる費用（１症例当たり）：４万４，３８４円\n※全額を患者負担とする。' } } },
    expect: [],
  },
  {
    id: 'h-b-y7-24',
    family: '様式第7号',
    shape: '第二案件：7-2備考で患者請求額を６万円と記載（積算は５万円）',
    base: 'second',
    edit: { forms: { [Y72]: { notes: '安全キャビネットは腹腔内投与の調製１回ごとに使用する（１症例当たり６回）。\n先進医療に係る費用のうち、患者には６万円を請求し、残額は当院が負担する。' } } },
    expect: ['R-C-5'],
  },
  {
    id: 'h-b-y7-25',
    family: '様式第7号',
    shape: '第二案件：7-2備考に1回償却費×回数（一致）',
    base: 'second',
    edit: { forms: { [Y72]: { notes: '安全キャビネット：（３，３００，０００円－３００，０００円）÷６年÷１，０００回＝５００円／回。１症例当たり６回使用するため３，０００円。' } } },
    expect: [],
  },
  {
    id: 'h-b-y7-26',
    family: '様式第7号',
    shape: '人件費の単価が0円',
    edit: { cost: { staff: [ST1, { ...ST2, unitPrice: 0 }, ST3] } },
    expect: ['R-C-3'],
  },
  {
    id: 'h-b-y7-27',
    family: '様式第7号',
    shape: '機器名が空欄',
    edit: { cost: { equipment: [EQ1, { ...EQ2, name: '' }] } },
    expect: ['R-C-2'],
  },
  {
    id: 'h-b-y7-28',
    family: '様式第7号',
    shape: '第二案件：7-1備考で患者請求額を６万円と記載（積算は５万円）',
    base: 'second',
    edit: { forms: { [Y71]: { notes: '腹腔内投与は１症例当たり６回（２コース）。\n先進医療に係る費用９２，５８０円のうち、患者に請求する額は６万円、当院が負担する額は３２，５８０円とする。' } } },
    expect: ['R-C-5'],
  },
  {
    id: 'h-b-y7-29',
    family: '様式第7号',
    shape: '7-2備考で総額の転記ミス（44,438円）',
    edit: { forms: { [Y72]: { notes: '機器使用料、人件費、医療材料・医薬品費を合算し、先進医療にかかる費用は１症例当たり４４，４３８円となる。' } } },
    expect: ['R-C-1'],
  },
];

// ─────────────────────────── 事前相談 ───────────────────────────

const jizen: CorpusEntry[] = [
  {
    id: 'h-b-jz-01',
    family: '事前相談',
    shape: '相談前：平日14–17時の3希望',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-01-12',
    edit: { consultation: { heldOn: '', slots: [slot('2027-01-26', '14:00', '17:00'), slot('2027-01-28', '15:00', '16:30'), slot('2027-02-02', '14:00', '15:00')] } },
    expect: [],
  },
  {
    id: 'h-b-jz-02',
    family: '事前相談',
    shape: '相談前：第2希望が建国記念の日',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-01-26',
    edit: { consultation: { heldOn: '', slots: [slot('2027-02-09', '14:00', '16:00'), slot('2027-02-11', '14:00', '16:00'), slot('2027-02-16', '14:00', '16:00')] } },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-03',
    family: '事前相談',
    shape: '相談前：第1希望が13時開始',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-01-12',
    edit: { consultation: { heldOn: '', slots: [slot('2027-01-26', '13:00', '15:00'), slot('2027-01-28', '14:00', '16:00'), slot('2027-02-02', '14:00', '16:00')] } },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-04',
    family: '事前相談',
    shape: '相談前：第3希望が土曜日',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-02-02',
    edit: { consultation: { heldOn: '', slots: [slot('2027-02-16', '14:00', '16:00'), slot('2027-02-18', '14:00', '16:00'), slot('2027-02-20', '14:00', '16:00')] } },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-05',
    family: '事前相談',
    shape: '相談前：第3希望が17時30分まで',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-01-12',
    edit: { consultation: { heldOn: '', slots: [slot('2027-01-26', '14:00', '16:00'), slot('2027-01-28', '14:00', '16:00'), slot('2027-02-02', '16:00', '17:30')] } },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-06',
    family: '事前相談',
    shape: '相談前：第1希望が年末（12月29日）',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2026-12-15',
    edit: { consultation: { heldOn: '', slots: [slot('2026-12-29', '14:00', '16:00'), slot('2027-01-05', '14:00', '16:00'), slot('2027-01-07', '14:00', '16:00')] } },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-07',
    family: '事前相談',
    shape: '相談前：第3希望が空欄（2希望のみ）',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-01-12',
    edit: { consultation: { heldOn: '', slots: [slot('2027-01-26', '14:00', '16:00'), slot('2027-01-28', '14:00', '16:00'), slot('', '', '')] } },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-08',
    family: '事前相談',
    shape: '相談前：春分の日の振替休日（3月22日）',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-03-02',
    edit: { consultation: { heldOn: '', slots: [slot('2027-03-16', '14:00', '16:00'), slot('2027-03-22', '14:00', '16:00'), slot('2027-03-23', '14:00', '16:00')] } },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-09',
    family: '事前相談',
    shape: '相談前：年明け最初の平日と成人の日の翌日（平日）',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2026-12-21',
    edit: { consultation: { heldOn: '', slots: [slot('2027-01-04', '14:00', '17:00'), slot('2027-01-12', '14:30', '16:30'), slot('2027-01-13', '15:00', '17:00')] } },
    expect: [],
  },
  {
    id: 'h-b-jz-10',
    family: '事前相談',
    shape: '実施日が届出日の６か月超前（令和８年９月）',
    edit: { consultation: { heldOn: '2026-09-28', slots: [slot('2026-09-28', '14:00', '16:00'), slot('2026-09-30', '14:00', '16:00'), slot('2026-10-06', '14:00', '16:00')] } },
    expect: ['R-F-2'],
  },
  {
    id: 'h-b-jz-11',
    family: '事前相談',
    shape: '実施日が届出日の約５か月半前（６か月以内）',
    edit: { consultation: { heldOn: '2026-10-20', slots: [slot('2026-10-20', '14:00', '16:00'), slot('2026-10-22', '14:00', '16:00'), slot('2026-10-27', '14:00', '16:00')] } },
    expect: [],
  },
  {
    id: 'h-b-jz-12',
    family: '事前相談',
    shape: '実施日が届出日より後',
    edit: { consultation: { heldOn: '2027-04-13', slots: [slot('2027-04-13', '14:00', '16:00'), slot('2027-04-15', '14:00', '16:00'), slot('2027-04-20', '14:00', '16:00')] } },
    expect: ['R-F-2'],
  },
  {
    id: 'h-b-jz-13',
    family: '事前相談',
    shape: '第二案件：実施日が届出日の７か月前',
    base: 'second',
    edit: { consultation: { heldOn: '2027-02-16', slots: [slot('2027-02-16', '14:00', '16:00'), slot('2027-02-18', '14:00', '16:00'), slot('2027-02-24', '14:00', '16:00')] } },
    expect: ['R-F-2'],
  },
  {
    id: 'h-b-jz-14',
    family: '事前相談',
    shape: '第二案件：実施日が届出日の５か月半前',
    base: 'second',
    edit: { consultation: { heldOn: '2027-03-25', slots: [slot('2027-03-23', '14:00', '16:00'), slot('2027-03-25', '14:00', '16:00'), slot('2027-03-30', '14:00', '16:00')] } },
    expect: [],
  },
  {
    id: 'h-b-jz-15',
    family: '事前相談',
    shape: '相談前：訪問予定者に取扱企業の担当者がいない',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-01-12',
    edit: {
      consultation: {
        heldOn: '',
        slots: [slot('2027-01-26', '14:00', '16:00'), slot('2027-01-28', '14:00', '16:00'), slot('2027-02-02', '14:00', '16:00')],
        visitors: [SAMPLE_VISITORS[0], SAMPLE_VISITORS[1]],
      },
    },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-16',
    family: '事前相談',
    shape: '相談前：医薬品・医療機器を①②の箇条書きで、企業担当者２名',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-01-19',
    edit: {
      consultation: {
        heldOn: '',
        slots: [slot('2027-02-02', '14:00', '15:30'), slot('2027-02-04', '14:00', '15:30'), slot('2027-02-09', '15:00', '17:00')],
        products:
          '①医薬品\n・一般名：インドシアニングリーン\n・製品名：インドシアニングリーン注射用２５ｍｇ（架空製薬株式会社）\n・使用方法：手術前日に内視鏡下で腫瘍周囲の粘膜下層に局注する（センチネルリンパ節の同定に用いるため適応外）\n②医療機器\n・蛍光観察用腹腔鏡システム ＦＬ－３０００（架空メディカル株式会社）：承認済み、適応内',
        visitors: [...SAMPLE_VISITORS, { name: '小野寺 真由', affiliation: '架空メディカル株式会社 学術部' }],
      },
    },
    expect: [],
  },
  {
    id: 'h-b-jz-17',
    family: '事前相談',
    shape: '第二案件・相談前：平日午後の３希望、企業担当者同行',
    base: 'second',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-04-27',
    edit: {
      consultation: {
        heldOn: '',
        slots: [slot('2027-05-11', '14:00', '16:00'), slot('2027-05-18', '14:00', '16:00'), slot('2027-05-20', '15:00', '17:00')],
        visitors: SECOND_VISITORS,
      },
    },
    expect: [],
  },
  {
    id: 'h-b-jz-18',
    family: '事前相談',
    shape: '第二案件・相談前：第1希望が午前10時',
    base: 'second',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-04-27',
    edit: {
      consultation: {
        heldOn: '',
        slots: [slot('2027-05-11', '10:00', '11:00'), slot('2027-05-18', '14:00', '16:00'), slot('2027-05-20', '15:00', '17:00')],
        visitors: SECOND_VISITORS,
      },
    },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-19',
    family: '事前相談',
    shape: '実施日が届出日のちょうど６か月前（令和８年１０月５日、期間内）',
    edit: { consultation: { heldOn: '2026-10-05', slots: [slot('2026-10-05', '14:00', '16:00'), slot('2026-10-07', '14:00', '16:00'), slot('2026-10-13', '14:00', '16:00')] } },
    expect: [],
  },
  {
    id: 'h-b-jz-20',
    family: '事前相談',
    shape: '実施日が届出日の６か月と３日前（令和８年１０月２日）',
    edit: { consultation: { heldOn: '2026-10-02', slots: [slot('2026-10-02', '14:00', '16:00'), slot('2026-10-05', '14:00', '16:00'), slot('2026-10-06', '14:00', '16:00')] } },
    expect: ['R-F-2'],
  },
  {
    id: 'h-b-jz-21',
    family: '事前相談',
    shape: '相談前：終了時刻が開始時刻より前（16時～14時）',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-01-12',
    edit: { consultation: { heldOn: '', slots: [slot('2027-01-26', '14:00', '16:00'), slot('2027-01-28', '16:00', '14:00'), slot('2027-02-02', '14:00', '16:00')] } },
    expect: ['R-F-3'],
  },
  {
    id: 'h-b-jz-22',
    family: '事前相談',
    shape: '第二案件・相談前：第1希望がみどりの日（５月４日）',
    base: 'second',
    // Checked when the sheet is written, two weeks before its first 希望日.
    today: '2027-04-20',
    edit: {
      consultation: {
        heldOn: '',
        slots: [slot('2027-05-04', '14:00', '17:00'), slot('2027-05-06', '14:00', '17:00'), slot('2027-05-11', '14:00', '17:00')],
        visitors: SECOND_VISITORS,
      },
    },
    expect: ['R-F-3'],
  },
];

export const holdoutBEntries: readonly CorpusEntry[] = [...yoshiki6, ...yoshiki7, ...jizen];
