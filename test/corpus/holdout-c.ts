/**
 * Held-out corpus C (issue 16): passages written without reading the rule code or the other corpus
 * files, to measure the checker on text it was not tuned on. Expectations are what a careful MHLW
 * reviewer would say by the 記載要領 and ../shared/spec/forms-and-rules.md §4.
 *
 * Bases: sample — 積算 44,384円 (機器 17,000・人件費 22,000・材料 5,384), 全額患者負担, 届出日
 * 2027-04-05, 告示 2027-07-01, 様式第2号 承認 2027-02-15. second — 積算 92,580円 (機器 3,000・人件費
 * 73,200・材料 16,380), 患者 50,000円／当院 42,580円, 届出日 2027-09-10, 告示なし, 承認 2027-08-20.
 */
import type { CorpusEntry } from './corpus';
import { SAMPLE_INSURED_ROWS } from './sample-rows';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const Y6 = 'besshi1/yoshiki6';
const Y71 = 'besshi1/yoshiki7-1';
const Y72 = 'besshi1/yoshiki7-2';
const sampleRows = SAMPLE_INSURED_ROWS;


const secondRows = [
  { part: '初・再診', item: 'A000 初診料', points: '291点', times: '1回' },
  { part: '初・再診', item: 'A001 再診料', points: '75点', times: '6回' },
  { part: '入院', item: 'A100 急性期一般入院料1', points: '1,650点', times: '5日' },
  { part: '入院', item: 'A100 注3 14日以内の期間の加算', points: '450点', times: '5日' },
  { part: '検査', item: 'D005 末梢血液一般検査', points: '21点', times: '7回' },
  { part: '検査', item: 'D007 生化学的検査（I）（10項目以上）', points: '103点', times: '7回' },
  { part: '検査', item: 'D009 腫瘍マーカー（CA19-9）', points: '130点', times: '3回' },
  { part: '画像診断', item: 'E200 CT撮影（64列以上のマルチスライス型の機器）', points: '1,000点', times: '2回' },
  { part: '注射', item: 'G004 点滴注射（2）', points: '102点', times: '6回' },
  { part: '注射', item: '薬剤料（ゲムシタビン点滴静注用1g 静脈内投与分）', points: '1,100点', times: '6回' },
  { part: '手術', item: 'K611 抗悪性腫瘍剤腹腔内持続注入用植込型カテーテル設置', points: '16,640点', times: '1回' },
  { part: '麻酔', item: 'L008 マスク又は気管内挿管による閉鎖循環式全身麻酔', points: '6,000点', times: '1回' },
];

const sampleVisitors = [
  { name: '髙橋 誠一', affiliation: '架空大学医学部附属病院 消化器外科' },
  { name: '山﨑 花子', affiliation: '架空大学医学部附属病院 臨床研究推進センター' },
  { name: '𠮷田 次郎', affiliation: '架空製薬株式会社 開発本部' },
];
const secondVisitors = [
  { name: '佐々木 律子', affiliation: '架空県立中央病院 腫瘍内科' },
  { name: '西村 早紀', affiliation: '架空県立中央病院 臨床研究支援センター' },
  { name: '小川 拓也', affiliation: '架空ファーマ株式会社 メディカルアフェアーズ部' },
];

export const holdoutCEntries: readonly CorpusEntry[] = [
  // ───────────── 様式第3号 ─────────────
  {
    id: 'h-c-y3-01',
    family: '様式第3号',
    shape: '和暦・全角で告示日を括弧書き、登録と追跡の年数',
    edit: { forms: { [Y3]: { period: '令和９年７月１日（告示日）から令和１９年６月３０日まで\n（登録期間：告示日から５年間、追跡期間：最終症例登録後５年間）' } } },
    expect: [],
  },
  {
    id: 'h-c-y3-02',
    family: '様式第3号',
    shape: 'ドット区切りの西暦、登録期間が研究期間の後に終わる',
    edit: { forms: { [Y3]: { period: '2027.7.1～2037.6.30（うち登録期間：2027.7.1～2037.12.31、以後は追跡のみ）' } } },
    expect: ['R-P-4'],
  },
  {
    id: 'h-c-y3-03',
    family: '様式第3号',
    shape: 'R9.7.1 略記、登録6年＋追跡5年が10年を超える',
    edit: { forms: { [Y3]: { period: 'R9.7.1から向こう10年間（R19.6.30まで）。登録期間はR9.7.1から6年間、追跡期間は最終症例登録後5年間とする。' } } },
    expect: ['R-P-4'],
  },
  {
    id: 'h-c-y3-04',
    family: '様式第3号',
    shape: '告示日から10年間（同年同月末日）',
    edit: { forms: { [Y3]: { period: '告示日から１０年間（令和１９年６月末日まで）とし、うち登録期間は告示日から５年間、追跡期間は登録終了後５年間とする。' } } },
    expect: [],
  },
  {
    id: 'h-c-y3-05',
    family: '様式第3号',
    shape: 'N年間の終了日を1日多く書く',
    edit: { forms: { [Y3]: { period: '2027年7月1日から10年間（2037年7月1日まで）。登録期間5年、追跡期間5年。' } } },
    expect: ['R-P-4'],
  },
  {
    id: 'h-c-y3-06',
    family: '様式第3号',
    shape: '予定症例数に群ごとの内訳、根拠の文で目標症例数',
    edit: {
      forms: {
        [Y3]: {
          plannedCases: '１２０例（縮小手術群６０例、定型手術群６０例）',
          rationale: '先行研究（当院４５例）の体重減少率（縮小手術９％、定型手術１４％、標準偏差８％）をもとに、有意水準両側５％・検出力８０％で必要症例数を各群４１例と算出した。脱落・不適格例を見込み、目標症例数を１２０例（各群６０例）とした。',
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-c-y3-07',
    family: '様式第3号',
    shape: '根拠の文の予定症例数が(7-2)と違う',
    edit: { forms: { [Y3]: { rationale: '先行研究の体重減少率（縮小手術9％、定型手術14％、標準偏差8％）から、有意水準両側5％、検出力80％で各群41例が必要となる。協力医療機関での脱落が多いことを考慮し、予定症例数は150例とした。' } } },
    expect: ['R-P-1'],
  },
  {
    id: 'h-c-y3-08',
    family: '様式第3号',
    shape: '金○○円也、患者と研究助成の負担区分',
    base: 'second',
    edit: { forms: { [Y3]: { patientBurden: '先進医療に係る費用（１症例当たり　金９２，５８０円也）のうち、患者さんにご負担いただくのは５０，０００円です。\n残額の４２，５８０円は、架空県がん研究振興基金の研究助成を充てて当院が負担します。\nなお、保険診療部分（腹腔ポートの設置、静脈内投与、検査等）は通常どおり一部負担金をいただきます。' } } },
    expect: [],
  },
  {
    id: 'h-c-y3-09',
    family: '様式第3号',
    shape: '患者負担の説明で費用の総額を誤記',
    base: 'second',
    edit: { forms: { [Y3]: { patientBurden: '先進医療に係る費用は１症例当たり９５，５８０円であり、このうち５万円を患者負担とし、残額は当院が研究助成により負担する。保険診療分は通常の一部負担金となる。' } } },
    expect: ['R-C-1'],
  },
  {
    id: 'h-c-y3-10',
    family: '様式第3号',
    shape: '全額患者負担の積算に「請求いたしません」',
    edit: { forms: { [Y3]: { patientBurden: '先進医療にかかる費用（44,384円）は、研究費で全額を負担し、患者さんへのご請求はいたしません。保険診療分については通常の一部負担金をお支払いいただきます。' } } },
    expect: ['R-C-5'],
  },
  {
    id: 'h-c-y3-11',
    family: '様式第3号',
    shape: '倫理的問題の欄に委員会承認日（様式第2号と違う）',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。なお、本研究の実施計画は2027年3月1日付で架空大学臨床研究審査委員会の承認を受けている。' } } },
    expect: ['R-CH-3'],
  },
  {
    id: 'h-c-y3-12',
    family: '様式第3号',
    shape: '承認日と病院長許可の日が一文に',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本研究は令和９年２月１５日付で臨床研究審査委員会の承認を得、同年３月１日に病院長の実施許可を得ている。' } } },
    expect: [],
  },
  {
    id: 'h-c-y3-13',
    family: '様式第3号',
    shape: '告示日から○○年３月末日、追跡は各症例の登録後',
    base: 'second',
    edit: { forms: { [Y3]: { period: '告示日から令和１５年３月末日まで\n・登録期間：告示日から３年間\n・追跡期間：各症例の登録後２年間（最終症例の追跡終了まで）' } } },
    expect: [],
  },
  {
    id: 'h-c-y3-14',
    family: '様式第3号',
    shape: '目標症例数が(7-2)の３６例と違う',
    base: 'second',
    edit: { forms: { [Y3]: { rationale: '閾値１年生存割合を３０％、期待１年生存割合を５５％とし、片側有意水準５％、検出力８０％として正確法で必要症例数を求めた。協力医療機関の追加に伴い脱落を約２割見込み、目標症例数を４０例とした。' } } },
    expect: ['R-P-1'],
  },
  {
    id: 'h-c-y3-15',
    family: '様式第3号',
    shape: '委員会承認日が届出日より後',
    base: 'second',
    edit: { forms: { [Y3]: { social: '倫理的な問題はない。本研究は２０２７年９月２４日に架空県立中央病院認定臨床研究審査委員会で承認された。腹腔内投与は適応外使用であるため、その旨を説明文書に明記する。' } } },
    expect: ['R-F-6', 'R-CH-3'],
  },

  // ───────────── 様式第5号 ─────────────
  {
    id: 'h-c-y5-01',
    family: '様式第5号',
    shape: '費用の箇条書き（・内訳の小計）と全額請求',
    edit: { forms: { [Y5]: { costText: '先進医療にかかる費用：１症例当たり 44,384円\n・機器償却費　　　　　 17,000円\n・人件費　　　　　　　 22,000円\n・医療材料・医薬品費　　5,384円\n上記の全額を患者に請求する。' } } },
    expect: [],
  },
  {
    id: 'h-c-y5-02',
    family: '様式第5号',
    shape: '金…円也、数字の入れ違い',
    edit: { forms: { [Y5]: { costText: '先進医療に係る費用は、１症例あたり金４万４，８３４円也である（全額患者負担）。内訳は機器償却費、人件費、医療材料・医薬品費。' } } },
    expect: ['R-C-1'],
  },
  {
    id: 'h-c-y5-03',
    family: '様式第5号',
    shape: '¥表記、自己負担、保険診療分の3割',
    edit: { forms: { [Y5]: { costText: '1症例当たりの費用は¥44,384で、その全額を患者さんの自己負担としています。保険診療分は通常の一部負担金（3割）となります。' } } },
    expect: [],
  },
  {
    id: 'h-c-y5-04',
    family: '様式第5号',
    shape: '全額患者負担の積算に一部研究費負担の文',
    edit: { forms: { [Y5]: { costText: '先進医療にかかる費用 44,384円のうち、20,000円を患者に請求し、残りの24,384円は当院の研究費で負担する。' } } },
    expect: ['R-C-5'],
  },
  {
    id: 'h-c-y5-05',
    family: '様式第5号',
    shape: '冒頭の適応症にN1を追加',
    edit: { forms: { [Y5]: { lead: '適応症：早期胃がん（術前診断でcT1N0M0又はcT1N1M0のもの）' } } },
    expect: ['R-ID-2'],
  },
  {
    id: 'h-c-y5-06',
    family: '様式第5号',
    shape: '【適応症】全角・癌・「に限る」なし',
    edit: { forms: { [Y5]: { lead: '【適応症】早期胃癌（術前診断でｃＴ１Ｎ０Ｍ０のものに限る）' } } },
    expect: [],
  },
  {
    id: 'h-c-y5-07',
    family: '様式第5号',
    shape: '万円混じり、うち患者負担・うち当院負担',
    base: 'second',
    edit: { forms: { [Y5]: { costText: '先進医療に係る費用　９万２，５８０円（１症例当たり／腹腔内投与６回分）\n　うち患者負担　　５０，０００円\n　うち当院負担　　４２，５８０円（研究助成金）' } } },
    expect: [],
  },
  {
    id: 'h-c-y5-08',
    family: '様式第5号',
    shape: '患者負担額が積算（5万円）と違う',
    base: 'second',
    edit: { forms: { [Y5]: { costText: '先進医療に係る費用：９２，５８０円（１症例当たり）。患者負担は３万円とし、残り６２，５８０円は当院が負担する。' } } },
    expect: ['R-C-5'],
  },
  {
    id: 'h-c-y5-09',
    family: '様式第5号',
    shape: '適応症に切除不能・初回治療例の限定を追加',
    base: 'second',
    edit: { forms: { [Y5]: { lead: '適応症は、腹膜播種を伴う切除不能膵臓がん（初回治療例に限る。）である。' } } },
    expect: ['R-ID-2'],
  },
  {
    id: 'h-c-y5-10',
    family: '様式第5号',
    shape: '先進性の中で対象疾患を同じ語で',
    base: 'second',
    edit: { forms: { [Y5]: { advancement: '対象疾患は腹膜播種を伴う膵臓がんである。膵臓がんは診断時に約２割で腹膜播種を伴い、その予後は極めて不良である。標準治療は全身化学療法であるが、静脈内投与した抗がん剤は腹膜播種巣に届きにくい。本療法は、同じ薬剤の腹腔内投与を加えることで、腹腔内の薬物濃度を高く保つものである。' } } },
    expect: [],
  },
  {
    id: 'h-c-y5-11',
    family: '様式第5号',
    shape: '費用の下2桁入れ違い（うち患者負担は正しい）',
    base: 'second',
    edit: { forms: { [Y5]: { costText: '先進医療に係る費用：１症例あたり９２，８５０円（うち患者負担５万円、残額は当院負担）\n内訳：機器の減価償却費、人件費、医薬品費、医療材料費' } } },
    expect: ['R-C-1'],
  },
  {
    id: 'h-c-y5-12',
    family: '様式第5号',
    shape: '万・千の混じった金額',
    base: 'second',
    edit: { forms: { [Y5]: { costText: '先進医療に係る費用：９万２千５８０円（１症例当たり）。うち５万円を患者さんに請求し、残額４万２千５８０円を当院が負担します。' } } },
    expect: [],
  },
  {
    id: 'h-c-y5-13',
    family: '様式第5号',
    shape: '効果の欄で本技術の費用と従来法の比較',
    edit: { forms: { [Y5]: { effect: '術後1年時の体重減少を抑え、生活の質を維持することが期待される。本技術の費用は機器償却費・人件費等を合わせ１例４４，３８４円であり、従来法（定型的胃切除術）と比べて入院期間の短縮による医療費全体の低減も見込まれる。' } } },
    expect: [],
  },

  // ───────────── 様式第6号 ─────────────
  {
    id: 'h-c-y6-01',
    family: '様式第6号',
    shape: '典型的な症例に入院内訳と費用',
    edit: { forms: { [Y6]: { typicalCase: '６５歳男性（健康保険被保険者本人）。術前診断cT1N0M0の早期胃がんに対し、本技術（ICG蛍光法によるセンチネルリンパ節生検併用縮小胃切除術）を施行した症例。\n入院日数１０日（術前２日、術後８日）。先進医療にかかる費用は44,384円。' } } },
    expect: [],
  },
  {
    id: 'h-c-y6-02',
    family: '様式第6号',
    shape: '典型的な症例の本技術の費用を誤記',
    edit: { forms: { [Y6]: { typicalCase: '65歳男性、早期胃がん（cT1N0M0）、入院日数10日。縮小胃切除術を施行し、本技術にかかる費用４８，３８４円は全額自己負担とした症例。' } } },
    expect: ['R-C-1'],
  },
  {
    id: 'h-c-y6-03',
    family: '様式第6号',
    shape: '入院期間○日間が入院料の日数と違う',
    edit: { forms: { [Y6]: { typicalCase: '65歳男性、早期胃がん（cT1N0M0）。入院期間：１２日間（手術は入院３日目）。縮小胃切除術を施行した症例。' } } },
    expect: ['R-C-6'],
  },
  {
    id: 'h-c-y6-04',
    family: '様式第6号',
    shape: '9泊10日',
    edit: { forms: { [Y6]: { typicalCase: '６５歳男性、早期胃がん（cT1N0M0）。９泊１０日の入院で縮小胃切除術を施行した症例（術後合併症なし）。' } } },
    expect: [],
  },
  {
    id: 'h-c-y6-05',
    family: '様式第6号',
    shape: '内訳の点数の打ち間違い（合計が合わない）',
    edit: { forms: { [Y6]: { insuredRows: sampleRows.map((r) => (r.item.startsWith('K655-2') ? { ...r, points: '64,210点' } : r)) } } },
    expect: ['R-C-6'],
  },
  {
    id: 'h-c-y6-06',
    family: '様式第6号',
    shape: '全角の点数、／日、日間',
    edit: {
      forms: {
        [Y6]: {
          insuredRows: sampleRows.map((r) =>
            r.item === 'A100 急性期一般入院料1' ? { ...r, points: '１，６５０点／日', times: '１０日間' } : r.item.startsWith('K936') ? { ...r, points: '２，５００点', times: '３回' } : r,
          ),
        },
      },
    },
    expect: [],
  },
  {
    id: 'h-c-y6-07',
    family: '様式第6号',
    shape: '一部負担金が9円ずれる',
    edit: { forms: { [Y6]: { copayment: '３１１，６１０円' } } },
    expect: ['R-C-6'],
  },
  {
    id: 'h-c-y6-08',
    family: '様式第6号',
    shape: '4泊5日、3割負担、先進医療の患者負担',
    base: 'second',
    edit: { forms: { [Y6]: { typicalCase: '６８歳女性（被保険者本人、３割負担）、腹膜播種を伴う膵臓がん。腹腔ポート設置のため４泊５日で入院し、以後は外来で２コース（腹腔内投与６回）を行った症例。先進医療に係る費用９２，５８０円のうち患者負担は５万円。' } } },
    expect: [],
  },
  {
    id: 'h-c-y6-09',
    family: '様式第6号',
    shape: '本人の区分に被扶養者の説明',
    base: 'second',
    edit: { forms: { [Y6]: { insuredBasisNote: '典型的な症例は夫の被扶養者（家族）であるため、家族の給付割合で計算した。' } } },
    expect: ['R-C-6'],
  },
  {
    id: 'h-c-y6-10',
    family: '様式第6号',
    shape: '点数欄の×回数が回数欄と違う',
    base: 'second',
    edit: { forms: { [Y6]: { insuredRows: secondRows.map((r) => (r.item === 'A001 再診料' ? { ...r, points: '75点×7回' } : r)) } } },
    expect: ['R-C-6'],
  },
  {
    id: 'h-c-y6-11',
    family: '様式第6号',
    shape: '保険者負担¥・一部負担金 全角',
    base: 'second',
    edit: { forms: { [Y6]: { insurerShare: '¥310,457', copayment: '１３３，０５３円' } } },
    expect: [],
  },
  {
    id: 'h-c-y6-12',
    family: '様式第6号',
    shape: '検査を部の一式でまとめる',
    base: 'second',
    edit: {
      forms: {
        [Y6]: {
          insuredRows: [
            ...secondRows.filter((r) => r.part !== '検査'),
            { part: '検査', item: '検査料（血液検査・腫瘍マーカー 一式）', points: '1,258点', times: '1回' },
          ],
        },
      },
    },
    expect: ['R-C-6'],
  },
  {
    id: 'h-c-y6-13',
    family: '様式第6号',
    shape: '入院2日目・術後8日目（日数ではない）',
    edit: { forms: { [Y6]: { typicalCase: '65歳男性、早期胃がん（cT1N0M0）。入院日数10日。入院2日目に縮小胃切除術を施行し、術後8日目に軽快退院した症例。' } } },
    expect: [],
  },

  // ───────────── 様式第7号 ─────────────
  {
    id: 'h-c-y7-01',
    family: '様式第7号',
    shape: '@単価で材料を言い直す',
    edit: { forms: { [Y71]: { notes: 'インドシアニングリーン注射用25mg（@1,884円）を1症例当たり1バイアル、内視鏡用局注針（@3,500円）を1本使用する。医療材料・医薬品費の計 5,384円。' } } },
    expect: [],
  },
  {
    id: 'h-c-y7-02',
    family: '様式第7号',
    shape: '備考の局注針の単価が積算と違う',
    edit: { forms: { [Y71]: { notes: 'インドシアニングリーン注射用25mgは1症例当たり1バイアル（1,884円）、内視鏡用局注針は1本（3,800円）を使用する。' } } },
    expect: ['R-C-4'],
  },
  {
    id: 'h-c-y7-03',
    family: '様式第7号',
    shape: '7-2 備考で償却の計算を言い直す（→・残存価格0円）',
    edit: { forms: { [Y72]: { notes: '蛍光観察用腹腔鏡システム：購入価格25,000,000円、残存価格2,500,000円、耐用年数5年、年間使用回数300回 → 1回償却費15,000円。\n術中迅速病理標本作製装置：購入価格6,000,000円（残存価格0円）、耐用年数6年、年間500回 → 1回償却費2,000円。' } } },
    expect: [],
  },
  {
    id: 'h-c-y7-04',
    family: '様式第7号',
    shape: '7-2 備考の耐用年数が積算と違う',
    edit: { forms: { [Y72]: { notes: '蛍光観察用腹腔鏡システムの耐用年数は６年（減価償却資産の耐用年数等に関する省令 別表第一「医療機器」）として償却費を計算した。' } } },
    expect: ['R-C-2'],
  },
  {
    id: 'h-c-y7-05',
    family: '様式第7号',
    shape: '@12,000円×1.5h（積算は60分）',
    edit: { forms: { [Y71]: { notes: '人件費の算定：医師（センチネルリンパ節の同定・摘出）@12,000円×1.5h、病理医 @12,000円×0.5h、看護師 @4,000円×1h。' } } },
    expect: ['R-C-3'],
  },
  {
    id: 'h-c-y7-06',
    family: '様式第7号',
    shape: '円/時×分＝で人件費を言い直す',
    edit: { forms: { [Y71]: { notes: '人件費：医師 12,000円/時×60分＝12,000円、病理医 12,000円/時×30分＝6,000円、看護師 4,000円/時×60分＝4,000円（計22,000円）。インドシアニングリーンは1症例当たり1バイアルを使用する。' } } },
    expect: [],
  },
  {
    id: 'h-c-y7-07',
    family: '様式第7号',
    shape: '備考で総額を誤記',
    edit: { forms: { [Y71]: { notes: 'インドシアニングリーンは1症例当たり1バイアルを使用する。以上により、先進医療にかかる費用は１症例当たり４４，３４８円となる。' } } },
    expect: ['R-C-1'],
  },
  {
    id: 'h-c-y7-08',
    family: '様式第7号',
    shape: '総額と区分ごとの額を括弧で',
    base: 'second',
    edit: { forms: { [Y71]: { notes: '１症例当たりの費用は９２，５８０円（機器償却費３，０００円、人件費７３，２００円、医薬品・医療材料費１６，３８０円）。腹腔内投与は１症例当たり６回（２コース）。' } } },
    expect: [],
  },
  {
    id: 'h-c-y7-09',
    family: '様式第7号',
    shape: '薬剤師の所要時間が積算（120分）と違う',
    base: 'second',
    edit: { forms: { [Y71]: { notes: '薬剤師の無菌調製は１回２５分×６回＝１５０分（＠１００円／分）として算定した。ゲムシタビンは２００mgバイアルを１回１本使用する。' } } },
    expect: ['R-C-3'],
  },
  {
    id: 'h-c-y7-10',
    family: '様式第7号',
    shape: '万円で購入価格、1症例6回の償却',
    base: 'second',
    edit: { forms: { [Y72]: { notes: '安全キャビネット（購入価格３３０万円、残存価格３０万円、耐用年数６年、年間使用回数１，０００回）の１回償却費は５００円で、１症例当たり６回使用するため３，０００円となる。' } } },
    expect: [],
  },
  {
    id: 'h-c-y7-11',
    family: '様式第7号',
    shape: '7-2 備考の耐用年数8年（積算6年）',
    base: 'second',
    edit: { forms: { [Y72]: { notes: '安全キャビネットは令和７年４月に３３０万円で購入した（残存価格３０万円、耐用年数８年）。腹腔内投与の調製１回ごとに使用する（１症例当たり６回）。' } } },
    expect: ['R-C-2'],
  },
  {
    id: 'h-c-y7-12',
    family: '様式第7号',
    shape: '一部負担の積算に全額患者負担の備考',
    base: 'second',
    edit: { forms: { [Y71]: { notes: '腹腔内投与は１症例当たり６回（２コース）。先進医療に係る費用９２，５８０円は、全額を患者さんにご負担いただく。' } } },
    expect: ['R-C-5'],
  },
  {
    id: 'h-c-y7-13',
    family: '様式第7号',
    shape: '＠単価×数量＝の材料',
    base: 'second',
    edit: { forms: { [Y71]: { notes: '腹腔内投与用輸液セット（＠１，２００円×６セット＝７，２００円）、ゲムシタビン点滴静注用２００mg（＠１，５３０円×６本＝９，１８０円）。' } } },
    expect: [],
  },

  // ───────────── 事前相談 ─────────────
  {
    id: 'h-c-jz-01',
    family: '事前相談',
    shape: '申込前、①②の製品、企業の同行者あり',
    edit: {
      consultation: {
        heldOn: '',
        products: '①インドシアニングリーン注射用２５ｍｇ（一般名：インドシアニングリーン、架空製薬株式会社）：腫瘍周囲への局注によるリンパ節の同定は適応外。\n②蛍光観察用腹腔鏡システム ＦＬ－３０００（架空メディカル株式会社）：承認済み・適応内。',
      },
    },
    today: '2026-12-20',
    expect: [],
  },
  {
    id: 'h-c-jz-02',
    family: '事前相談',
    shape: '希望日が成人の日',
    edit: { consultation: { heldOn: '', slots: [{ date: '2027-01-11', start: '14:00', end: '16:00' }, { date: '2027-01-13', start: '14:30', end: '17:00' }, { date: '2027-01-19', start: '15:00', end: '16:00' }] } },
    today: '2026-12-20',
    expect: ['R-F-3'],
  },
  {
    id: 'h-c-jz-03',
    family: '事前相談',
    shape: '午後1時からの希望',
    edit: { consultation: { heldOn: '', slots: [{ date: '2027-01-12', start: '13:00', end: '15:00' }, { date: '2027-01-13', start: '14:30', end: '17:00' }, { date: '2027-01-19', start: '15:00', end: '16:00' }] } },
    today: '2026-12-20',
    expect: ['R-F-3'],
  },
  {
    id: 'h-c-jz-04',
    family: '事前相談',
    shape: '製品を扱う企業の同行者がいない',
    edit: { consultation: { heldOn: '', visitors: sampleVisitors.slice(0, 2) } },
    today: '2026-12-20',
    expect: ['R-F-3'],
  },
  {
    id: 'h-c-jz-05',
    family: '事前相談',
    shape: '第2の基礎、午後の希望3つと企業の同行者',
    base: 'second',
    edit: {
      consultation: {
        heldOn: '',
        slots: [{ date: '2027-06-15', start: '14:00', end: '15:00' }, { date: '2027-06-17', start: '15:00', end: '16:30' }, { date: '2027-06-22', start: '14:00', end: '17:00' }],
        visitors: secondVisitors,
      },
    },
    today: '2027-05-20',
    expect: [],
  },
  {
    id: 'h-c-jz-06',
    family: '事前相談',
    shape: '希望日が土曜日',
    base: 'second',
    edit: {
      consultation: {
        heldOn: '',
        slots: [{ date: '2027-06-15', start: '14:00', end: '15:00' }, { date: '2027-06-19', start: '14:00', end: '16:00' }, { date: '2027-06-22', start: '14:00', end: '17:00' }],
        visitors: secondVisitors,
      },
    },
    today: '2027-05-20',
    expect: ['R-F-3'],
  },
  {
    id: 'h-c-jz-07',
    family: '事前相談',
    shape: '実施日が届出日の6か月より前',
    base: 'second',
    edit: { consultation: { heldOn: '2027-02-15' } },
    expect: ['R-F-2'],
  },
  {
    id: 'h-c-jz-08',
    family: '事前相談',
    shape: '実施日が届出日の6か月以内',
    base: 'second',
    edit: { consultation: { heldOn: '2027-03-25' } },
    expect: [],
  },
  {
    id: 'h-c-jz-09',
    family: '事前相談',
    shape: '実施日が届出日の後',
    edit: { consultation: { heldOn: '2027-04-08' } },
    // Written when docs/rules.md still gave this to R-F-6; the 事前相談's date is R-F-2's (記載要領 第6-2), as the docs now say.
    expect: ['R-F-2'],
  },
  {
    id: 'h-c-jz-10',
    family: '事前相談',
    shape: '前年の秋の実施日（6か月以内）',
    edit: { consultation: { heldOn: '2026-10-20' } },
    expect: [],
  },
  {
    id: 'h-c-jz-11',
    family: '事前相談',
    shape: '第1と第2希望が同じ日で重なる',
    edit: { consultation: { heldOn: '', slots: [{ date: '2027-01-12', start: '14:00', end: '16:00' }, { date: '2027-01-12', start: '15:00', end: '17:00' }, { date: '2027-01-19', start: '15:00', end: '16:00' }] } },
    today: '2026-12-20',
    expect: ['R-F-3'],
  },
  {
    id: 'h-c-jz-12',
    family: '事前相談',
    shape: '希望日時が2つだけ',
    edit: { consultation: { heldOn: '', slots: [{ date: '2027-01-12', start: '14:00', end: '16:00' }, { date: '2027-01-13', start: '14:30', end: '17:00' }, { date: '', start: '', end: '' }] } },
    today: '2026-12-20',
    expect: ['R-F-3'],
  },
  {
    id: 'h-c-jz-13',
    family: '事前相談',
    shape: '2月の平日午後（建国記念の日を避ける）',
    edit: { consultation: { heldOn: '', slots: [{ date: '2027-02-09', start: '14:00', end: '17:00' }, { date: '2027-02-10', start: '14:00', end: '17:00' }, { date: '2027-02-12', start: '14:00', end: '17:00' }] } },
    today: '2027-01-25',
    expect: [],
  },
  {
    id: 'h-c-jz-14',
    family: '事前相談',
    shape: '年末の12月29日',
    edit: { consultation: { heldOn: '', slots: [{ date: '2026-12-29', start: '14:00', end: '16:00' }, { date: '2027-01-13', start: '14:30', end: '17:00' }, { date: '2027-01-19', start: '15:00', end: '16:00' }] } },
    today: '2026-12-01',
    expect: ['R-F-3'],
  },
];
