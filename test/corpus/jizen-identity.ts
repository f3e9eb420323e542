/** Prose corpus (issue 16) — 事前相談, the 適応症 restated in prose, dates before the 届出日, committee dates (R-ID-2, R-F-*, R-CH-3). Fictional; written as coordinators write them. */
import type { CorpusEntry } from './corpus';

const Y2 = 'besshi1/yoshiki2';
const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';

type Slot = readonly [date: string, start: string, end: string];
const EMPTY: Slot = ['', '', ''];
/** 相談希望日時 (第1〜第3希望) of a consultation still to be held: the 実施日 is blank until it takes place. */
const asking = (a: Slot, b: Slot, c: Slot): Record<string, unknown> => ({ heldOn: '', slots: [a, b, c].map(([date, start, end]) => ({ date, start, end })) });
/** Three good weekday afternoons after the sample's 届出日 (2027-04-05). */
const GOOD: readonly [Slot, Slot, Slot] = [['2027-04-13', '14:00', '15:00'], ['2027-04-15', '15:00', '16:30'], ['2027-04-20', '14:00', '17:00']];

const SAMPLE_PRODUCTS = '一般名：インドシアニングリーン（製品名：インドシアニングリーン注射用25mg、企業名：架空製薬株式会社）\n使用方法：手術前日に内視鏡下で腫瘍周囲の粘膜下層に局注する。リンパ節の同定に用いるため適応外。\n医療機器：蛍光観察用腹腔鏡システム FL-3000（架空メディカル株式会社）、承認済み・適応内。';

const LISTED_DATES = '届出日より後の事前相談の実施日・委員会の承認日' as const;
const LISTED_INDICATION = 'R-ID-2: 様式第5号・第3号の本文で適応症の限定が異なる' as const;
const LISTED_PERMISSION = 'R-CH-3: 承認日と許可日が一文にある（誤警告）' as const;

/** 事前相談申込書: the products text, 相談希望日時, 同行者, 実施日 and its age at the 届出日. */
const consultationEntries: readonly CorpusEntry[] = [
  // ---- 使用する医薬品・医療機器（一般名・製品名・企業名・使用方法・適応内外）: prose nothing checks against a fact — clean.
  {
    id: 'j-prod-01',
    family: '事前相談',
    shape: '医薬品と医療機器を①②の箇条書きで、適応外の理由つき',
    edit: {
      consultation: {
        products:
          '①医薬品\n一般名：インドシアニングリーン\n製品名：インドシアニングリーン注射用２５ｍｇ「架空」\n企業名：架空製薬株式会社\n使用方法：手術前日に内視鏡下で腫瘍周囲の粘膜下層４か所に０．５ｍＬずつ局注する。\n適応内外：適応外（センチネルリンパ節の同定は承認された効能・効果に含まれない。）\n②医療機器\n一般名：蛍光観察用腹腔鏡システム\n製品名：FL-3000\n企業名：架空メディカル株式会社\n適応内外：適応内',
      },
    },
    expect: [],
  },
  {
    id: 'j-prod-02',
    family: '事前相談',
    shape: '一文で医薬品を説明（カッコ書きで製品名・企業名）',
    edit: { consultation: { products: 'インドシアニングリーン（製品名：ICG注射用25mg「架空」、架空製薬株式会社）を、リンパ節の同定を目的として手術前日に腫瘍周囲へ局注する（適応外使用）。蛍光観察には承認済みの腹腔鏡システム（FL-3000、架空メディカル株式会社）を適応内で用いる。' } },
    expect: [],
  },
  {
    id: 'j-prod-03',
    family: '事前相談',
    shape: '未承認の医療機器を「未承認」と明記',
    edit: { consultation: { products: '・医療機器（未承認）：近赤外蛍光内視鏡プローブ NIR-200（架空光学株式会社）\n　使用方法：術中にセンチネルリンパ節の蛍光を観察する。国内未承認のため、企業から無償提供を受ける。\n・医薬品（適応外）：インドシアニングリーン（架空製薬株式会社）' } },
    expect: [],
  },
  {
    id: 'j-prod-04',
    family: '事前相談',
    shape: '医薬品・医療機器を使わない手技（「該当なし」）',
    edit: { consultation: { products: '該当なし（本技術は既承認の手術器具のみを用いる手技であり、適応外使用の医薬品・医療機器はない。）', visitors: [{ name: '髙橋 誠一', affiliation: '架空大学医学部附属病院 消化器外科' }] } },
    expect: [],
  },
  {
    id: 'j-prod-05',
    family: '事前相談',
    shape: '表形式を全角スペースとスラッシュで',
    edit: { consultation: { products: '一般名／製品名／企業名／適応\nインドシアニングリーン／ICG注射用25mg／架空製薬（株）／適応外\n蛍光観察用腹腔鏡システム／FL-3000／架空メディカル（株）／適応内' } },
    expect: [],
  },
  {
    id: 'j-prod-06',
    family: '事前相談',
    shape: '薬事承認の状況と承認番号を長文で',
    edit: {
      consultation: {
        products:
          '本技術で用いるインドシアニングリーン（一般名、製品名：インドシアニングリーン注射用２５ｍｇ、企業名：架空製薬株式会社、承認番号：22700AMX00000000）は、肝機能検査及び循環機能検査の効能・効果で承認されており、センチネルリンパ節の同定は適応外である。\n用法：手術前日、内視鏡下に腫瘍周囲の粘膜下層へ計２ｍＬを局注する。\nなお、蛍光観察装置（架空メディカル株式会社）は承認の範囲内で使用する。',
      },
    },
    expect: [],
  },
  {
    id: 'j-prod-07',
    family: '事前相談',
    shape: '再生医療等製品・体外診断薬がないことも書く',
    edit: { consultation: { products: `${SAMPLE_PRODUCTS}\n再生医療等製品：なし\n体外診断用医薬品：なし` } },
    expect: [],
  },
  {
    id: 'j-prod-08',
    family: '事前相談',
    shape: '企業名を英字（Inc.）で書いた海外製品',
    edit: { consultation: { products: '医療機器：Fluorescence Imaging System FX-9（Kakuu Imaging Inc.、国内未承認・個人輸入）\n医薬品：インドシアニングリーン（架空製薬株式会社、適応外）', visitors: [{ name: '髙橋 誠一', affiliation: '架空大学医学部附属病院 消化器外科' }, { name: 'John Smith', affiliation: 'Kakuu Imaging Inc.' }] } },
    expect: [],
  },

  // ---- 相談希望日時 (R-F-3: 平日、祝日・年末年始を除く、14:00〜17:00), the consultation not yet held.
  { id: 'j-slot-01', family: '事前相談', shape: '平日午後の3希望（4月）', edit: { consultation: asking(...GOOD) }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-slot-02', family: '事前相談', shape: 'ゴールデンウィーク明けの平日3希望', edit: { consultation: asking(['2027-05-06', '14:00', '15:00'], ['2027-05-07', '14:00', '15:00'], ['2027-05-10', '15:30', '16:30']) }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-slot-03', family: '事前相談', shape: '海の日の翌日から3日続けて', edit: { consultation: asking(['2027-07-20', '14:00', '16:00'], ['2027-07-21', '14:00', '16:00'], ['2027-07-22', '14:00', '16:00']) }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-slot-04', family: '事前相談', shape: '敬老の日と秋分の日の間の平日', edit: { consultation: asking(['2027-09-21', '14:00', '15:00'], ['2027-09-22', '16:00', '17:00'], ['2027-09-24', '14:30', '15:30']) }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-slot-05', family: '事前相談', shape: '同じ日の午後に時間帯を分けた希望', edit: { consultation: asking(['2027-06-01', '14:00', '15:00'], ['2027-06-01', '15:00', '16:00'], ['2027-06-02', '14:00', '15:00']) }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-slot-06', family: '事前相談', shape: '文化の日・勤労感謝の日を避けた11月の平日', edit: { consultation: asking(['2027-11-04', '14:00', '15:00'], ['2027-11-22', '14:00', '15:00'], ['2027-11-24', '14:00', '15:00']) }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-slot-07', family: '事前相談', shape: '年末の御用納め前の平日', edit: { consultation: asking(['2027-12-27', '14:00', '15:00'], ['2027-12-28', '14:00', '15:00'], ['2027-12-22', '15:00', '17:00']) }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-slot-08', family: '事前相談', shape: 'スポーツの日の翌日・翌々日', edit: { consultation: asking(['2027-10-12', '14:00', '17:00'], ['2027-10-13', '14:00', '17:00'], ['2027-10-14', '14:00', '17:00']) }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-slot-09', family: '事前相談', shape: '第1希望が昭和の日', edit: { consultation: asking(['2027-04-29', '14:00', '15:00'], ['2027-04-28', '14:00', '15:00'], ['2027-04-30', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-10', family: '事前相談', shape: '第2希望がこどもの日（連休中）', edit: { consultation: asking(['2027-05-06', '14:00', '15:00'], ['2027-05-05', '14:00', '15:00'], ['2027-05-07', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-11', family: '事前相談', shape: '第3希望が海の日（月曜）', edit: { consultation: asking(['2027-07-20', '14:00', '15:00'], ['2027-07-21', '14:00', '15:00'], ['2027-07-19', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-12', family: '事前相談', shape: '秋分の日（木曜）を平日と思い込んだ', edit: { consultation: asking(['2027-09-22', '14:00', '15:00'], ['2027-09-23', '14:00', '15:00'], ['2027-09-24', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-13', family: '事前相談', shape: '土曜日の希望', edit: { consultation: asking(['2027-06-03', '14:00', '15:00'], ['2027-06-05', '14:00', '15:00'], ['2027-06-07', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-14', family: '事前相談', shape: '年末年始（12月29日）', edit: { consultation: asking(['2027-12-27', '14:00', '15:00'], ['2027-12-28', '14:00', '15:00'], ['2027-12-29', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-15', family: '事前相談', shape: '午前の時間帯（10:00〜11:00）', edit: { consultation: asking(['2027-04-13', '10:00', '11:00'], ['2027-04-15', '14:00', '15:00'], ['2027-04-20', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-16', family: '事前相談', shape: '17時を過ぎる終了時刻', edit: { consultation: asking(['2027-04-13', '14:00', '15:00'], ['2027-04-15', '16:00', '17:30'], ['2027-04-20', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-17', family: '事前相談', shape: '第2希望が第1希望と同じ日時', edit: { consultation: asking(['2027-04-13', '14:00', '15:00'], ['2027-04-13', '14:30', '15:30'], ['2027-04-20', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-18', family: '事前相談', shape: '第2希望までしか書いていない', edit: { consultation: asking(['2027-04-13', '14:00', '15:00'], ['2027-04-15', '14:00', '15:00'], EMPTY) }, expect: ['R-F-3'] },
  { id: 'j-slot-19', family: '事前相談', shape: '届出日より前の（過ぎた）日付を希望', edit: { consultation: asking(['2027-03-30', '14:00', '15:00'], ['2027-04-13', '14:00', '15:00'], ['2027-04-15', '14:00', '15:00']) }, expect: ['R-F-3'] },
  { id: 'j-slot-20', family: '事前相談', shape: '終了時刻が開始時刻より前', edit: { consultation: asking(['2027-04-13', '16:00', '15:00'], ['2027-04-15', '14:00', '15:00'], ['2027-04-20', '14:00', '15:00']) }, expect: ['R-F-3'] },

  // ---- 同行者: the 取扱企業's staff come too (事前相談申込書).
  { id: 'j-visit-01', family: '事前相談', shape: '同行者に企業の担当者（（株）表記）', edit: { consultation: { ...asking(...GOOD), visitors: [{ name: '髙橋 誠一', affiliation: '架空大学医学部附属病院 消化器外科 教授' }, { name: '架空 三郎', affiliation: '架空製薬（株） 薬事部' }] } }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-visit-02', family: '事前相談', shape: '同行者が院内の者だけ（企業の担当者なし）', edit: { consultation: { ...asking(...GOOD), visitors: [{ name: '髙橋 誠一', affiliation: '架空大学医学部附属病院 消化器外科' }, { name: '山﨑 花子', affiliation: '架空大学医学部附属病院 臨床研究推進センター' }] } }, expect: ['R-F-3'] },
  { id: 'j-visit-03', family: '事前相談', shape: '同行者が医師1名だけ、医薬品は適応外', edit: { consultation: { ...asking(...GOOD), visitors: [{ name: '髙橋 誠一', affiliation: '消化器外科 講師' }] } }, expect: ['R-F-3'] },
  { id: 'j-visit-04', family: '事前相談', shape: '医薬品・医療機器がないので院内の者だけ', edit: { consultation: { ...asking(...GOOD), products: '', visitors: [{ name: '髙橋 誠一', affiliation: '架空大学医学部附属病院 消化器外科' }] } }, expect: [], mustNot: ['R-F-2'] },
  { id: 'j-visit-05', family: '事前相談', shape: '同行者に医療機器メーカー（メディカル）', edit: { consultation: { ...asking(...GOOD), visitors: [{ name: '髙橋 誠一', affiliation: '架空大学医学部附属病院 消化器外科' }, { name: '架空 四郎', affiliation: '架空メディカル 営業企画部' }] } }, expect: [], mustNot: ['R-F-2'] },

  // ---- 区分 (the sheet prints the project's 区分; an old stored value does not print).
  { id: 'j-cat-01', family: '事前相談', shape: '申込書に古い区分Aが残っている（案件の区分Bが印刷される）', edit: { consultation: { assumedCategory: 'A' } }, expect: [] },
  { id: 'j-cat-02', family: '事前相談', shape: '申込書の区分が未選択', edit: { consultation: { assumedCategory: null } }, expect: [] },

  // ---- 事前相談の実施日 and the 届出日 (R-F-2: 6か月以内、初日不算入).
  { id: 'j-held-01', family: '事前相談', shape: '6か月の最終日に届出（10月5日→4月5日）', edit: { consultation: { heldOn: '2026-10-05' } }, expect: [] },
  { id: 'j-held-02', family: '事前相談', shape: '6か月を1日過ぎた届出（10月4日→4月5日）', edit: { consultation: { heldOn: '2026-10-04' } }, expect: ['R-F-2'] },
  { id: 'j-held-03', family: '事前相談', shape: '前年夏の事前相談のまま届出', edit: { consultation: { heldOn: '2026-08-20' } }, expect: ['R-F-2'] },
  { id: 'j-held-04', family: '事前相談', shape: '事前相談の3か月後に届出', edit: { consultation: { heldOn: '2027-01-06' } }, expect: [] },
  { id: 'j-held-05', family: '事前相談', shape: '届出日を7月に延ばし6か月を過ぎた', edit: { project: { filingDate: '2027-07-20' } }, expect: ['R-F-2'] },
  { id: 'j-held-06', family: '事前相談', shape: '届出日を6月に延ばした（6か月以内）', edit: { project: { filingDate: '2027-06-01' } }, expect: [] },
  { id: 'j-held-07', family: '事前相談', shape: '月末の事前相談（8月31日→2月末日）', edit: { consultation: { heldOn: '2026-08-31' }, project: { filingDate: '2027-02-26' }, forms: { [Y2]: { approvedOn: '2027-01-20' } } }, expect: [] },

  // ---- dates that must come before the 届出日 (R-F-2 for the 事前相談; R-F-6, ours, for the committee).
  { id: 'j-before-01', family: '事前相談', shape: '事前相談の実施日が届出日の1週間後', edit: { consultation: { heldOn: '2027-04-12' } }, expect: ['R-F-2'], listed: LISTED_DATES },
  { id: 'j-before-02', family: '事前相談', shape: '届出日を事前相談の前に入力した', edit: { project: { filingDate: '2027-01-08' }, forms: { [Y2]: { approvedOn: '2026-12-21' } } }, expect: ['R-F-2'], listed: LISTED_DATES },
  { id: 'j-before-03', family: '事前相談', shape: '予定していた事前相談の日を実施日に入れた（届出日の後）', edit: { consultation: { heldOn: '2027-05-10' } }, expect: ['R-F-2'], listed: LISTED_DATES },
  { id: 'j-before-04', family: '事前相談', shape: '事前相談・委員会承認とも届出日より前', edit: { consultation: { heldOn: '2026-12-15' }, forms: { [Y2]: { approvedOn: '2027-03-10' } } }, expect: [] },
];

/** The 適応症 restated in 様式第5号's and 様式第3号's prose (R-ID-2); the sample's is 「早期胃がん（術前診断でcT1N0M0のものに限る。）」. */
const indicationEntries: readonly CorpusEntry[] = [
  {
    id: 'j-ind-01',
    family: '様式第5号',
    shape: '「適応症は」で限定を別の言葉に（切除可能な）',
    edit: { forms: { [Y5]: { advancement: '胃がんは年間約12万人が罹患し、その半数が早期胃がんである。本技術の適応症は切除可能な早期胃がんである。標準治療は胃切除術とリンパ節郭清であるが、転移のない症例にも一律に郭清が行われ、術後の体重減少が問題となっている。' } } },
    expect: ['R-ID-2'],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-02',
    family: '様式第5号',
    shape: '「対象疾患は」でT2まで広げた',
    edit: { forms: { [Y5]: { effect: '対象疾患は早期胃がん（術前診断でcT1-2N0M0のもの）であり、術後1年時の体重減少を抑え、生活の質を維持することが期待される。' } } },
    expect: ['R-ID-2'],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-03',
    family: '様式第3号',
    shape: '有効性の欄で「適応症を…とする」',
    edit: { forms: { [Y3]: { efficacy: '本試験の適応症は、早期胃がん（術前診断でcT1N0M0又はcT2N0M0のもの）とする。センチネルリンパ節を同定し、転移がない場合に切除範囲を縮小することで、術後の生活の質の維持が期待される。' } } },
    expect: ['R-ID-2'],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-04',
    family: '様式第5号',
    shape: '限定を落として病名だけを適応症と書いた',
    edit: { forms: { [Y5]: { outline: '本技術の適応症は早期胃がんである。手術前日に内視鏡下でインドシアニングリーンを腫瘍周囲に局注し、手術時に近赤外蛍光観察でセンチネルリンパ節を同定・摘出して術中迅速病理診断を行う。' } } },
    expect: ['R-ID-2'],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-05',
    family: '様式第3号',
    shape: '「適応症：」の見出しで腫瘍径の限定を足した',
    edit: { forms: { [Y3]: { eligibility: '適応症：早期胃がん（術前診断でcT1N0M0、かつ腫瘍径3cm以下のものに限る。）\n選択基準：術前診断でcT1N0M0の胃がん、20歳以上80歳以下、PS 0～1、文書による同意が得られた患者。\n除外基準：ヨード過敏症の既往、胃切除の既往、重篤な併存疾患を有する患者。' } } },
    expect: ['R-ID-2'],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-06',
    family: '様式第5号',
    shape: '「」で括った適応症が進行がん',
    edit: { forms: { [Y5]: { advancement: '本技術の対象疾患は「進行胃がん（cT3以深）」です。従来の定型手術に比べて胃の機能を温存できる。' } } },
    expect: ['R-ID-2'],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-07',
    family: '様式第5号',
    shape: '「」で括った同じ適応症',
    edit: { forms: { [Y5]: { advancement: '本技術の適応症は「早期胃がん（術前診断でcT1N0M0のものに限る。）」である。標準治療は胃切除術とリンパ節郭清であり、本技術は転移がない場合に切除範囲を縮小して胃の機能を温存する。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-08',
    family: '様式第3号',
    shape: '全角英数字・「癌」・句点なしで同じ適応症',
    edit: { forms: { [Y3]: { efficacy: '適応症：早期胃癌（術前診断で ｃＴ１Ｎ０Ｍ０ のものに限る）\nセンチネルリンパ節を同定し、転移がない場合に切除範囲とリンパ節郭清を縮小することで、術後の生活の質の維持が期待される。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-09',
    family: '様式第5号',
    shape: '病名に触れるだけの文（適応症と言っていない）',
    edit: { forms: { [Y5]: { advancement: '本邦では検診の普及により早期胃がんの発見が増えており、術前診断でcT1N0M0と判断される症例が胃がん手術の約半数を占める。これらの症例にも一律にD2郭清が行われている。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-10',
    family: '様式第3号',
    shape: '選択基準で限定を別の言葉で書き直した（同じ限定）',
    edit: { forms: { [Y3]: { eligibility: '選択基準：\n①術前の内視鏡検査及び造影CTでcT1N0M0と診断された早期胃がんの患者\n②20歳以上80歳以下\n③PS 0～1\n④文書による同意が得られた患者\n除外基準：ヨード過敏症の既往、胃切除の既往、重篤な併存疾患を有する患者' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-11',
    family: '様式第5号',
    shape: '「適応症は…のうち、…のもの」と同じ限定を言い換え',
    edit: { forms: { [Y5]: { outline: '本技術の適応症は早期胃がんのうち、術前診断でcT1N0M0のものである。手術前日に内視鏡下でインドシアニングリーンを腫瘍周囲に局注し、手術時にセンチネルリンパ節を同定する。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-12',
    family: '様式第3号',
    shape: '「適応症は様式第3号に記載のとおり」',
    edit: { forms: { [Y3]: { efficacy: '適応症は、先進医療の名称とともに届出書に記載のとおりである。センチネルリンパ節を同定し、転移がない場合に切除範囲を縮小することで、術後の生活の質の維持が期待される。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-13',
    family: '様式第5号',
    shape: '「適応症の拡大」に触れる文',
    edit: { forms: { [Y5]: { effect: '術後1年時の体重減少を抑え、生活の質を維持することが期待される。なお、cT2以深への適応症の拡大は本試験の結果を踏まえて検討する。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-14',
    family: '様式第5号',
    shape: '「対象疾患は、…です。」の丁寧体で同じ適応症',
    edit: { forms: { [Y5]: { effect: '対象疾患は、早期胃がん（術前診断でcT1N0M0のものに限る。）です。術後1年時の体重減少を抑え、生活の質を維持することが期待されます。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-15',
    family: '様式第5号',
    shape: '適応症の将来の拡大を述べる文（「適応症は…以外にも」）',
    edit: { forms: { [Y5]: { effect: '術後1年時の体重減少を抑え、生活の質を維持することが期待される。将来的には、適応症は胃がん以外の消化器がんにも拡大しうると考えている。' } } },
    expect: [],
  },
  {
    id: 'j-ind-16',
    family: '様式第3号',
    shape: '「適応症は…、対象年齢は…」と一文に続けた（適応症は同じ）',
    edit: { forms: { [Y3]: { efficacy: '本試験の適応症は早期胃がん（術前診断でcT1N0M0のものに限る。）、対象年齢は20歳以上80歳以下とする。センチネルリンパ節を同定し、転移がない場合に切除範囲を縮小する。' } } },
    expect: [],
  },
  {
    id: 'j-ind-17',
    family: '様式第3号',
    shape: '「対象疾患：」でリンパ節転移ありを含めた',
    edit: { forms: { [Y3]: { efficacy: '対象疾患：早期胃がん（cT1N0-1M0）\nセンチネルリンパ節を同定し、転移がない場合に切除範囲を縮小することで、術後の生活の質の維持が期待される。' } } },
    expect: ['R-ID-2'],
  },
  // Round 2: the 告示 style 「<disease>（…に限る。）」 restated without the word 適応症, and 「対象は」「対象とする疾患は」.
  {
    id: 'j-ind-18',
    family: '様式第3号',
    shape: '「早期胃癌（…に限る）の患者を対象として」で限定を広げた',
    edit: { forms: { [Y3]: { efficacy: '本試験では、早期胃癌（術前診断でcT1N0M0又はcT2N0M0のものに限る）の患者を対象として、センチネルリンパ節の同定率と術後１年時の体重減少率を評価する。' } } },
    expect: ['R-ID-2'],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-19',
    family: '様式第5号',
    shape: '「対象とする疾患は…（腫瘍径２cm以下のものに限る。）であり」',
    edit: { forms: { [Y5]: { advancement: '本技術が対象とする疾患は早期胃がん（腫瘍径２cm以下のものに限る。）であり、本邦では年間約６万人が該当する。標準治療は胃切除術とリンパ節郭清である。' } } },
    expect: ['R-ID-2'],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-20',
    family: '様式第5号',
    shape: '「対象は、早期胃がん（…、かつ７５歳以上のもの）。」の体言止め',
    edit: { forms: { [Y5]: { lead: '対象は、早期胃がん（術前診断でcT1N0M0、かつ７５歳以上のもの）。\n手術時にセンチネルリンパ節を同定し、転移がなければ縮小胃切除術を行う。' } } },
    expect: ['R-ID-2'],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-21',
    family: '様式第3号',
    shape: '告示の書き方で同じ限定を本文に（「…に限る。）の患者を対象に」）',
    edit: { forms: { [Y3]: { efficacy: '本試験は、早期胃がん（術前診断でｃＴ１Ｎ０Ｍ０のものに限る。）の患者を対象に、センチネルリンパ節を指標とした縮小手術の有効性を評価する。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-22',
    family: '様式第5号',
    shape: '括弧なしの病名と「対象は」の後の年齢（適応症を言っていない）',
    edit: { forms: { [Y5]: { advancement: '早期胃がんに対する標準治療は胃切除術とリンパ節郭清であるが、転移のない症例にも一律に郭清が行われている。本試験の対象は、術前診断で早期胃がんとされた20歳以上80歳以下の患者である。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-23',
    family: '様式第5号',
    shape: '別の病名に「に限る」（対象としない進行がん・先行研究の対象）',
    edit: { forms: { [Y5]: { advancement: '進行胃がん（cT2以深のものに限る。）は定型手術の対象であり、本技術の対象とはしない。当院の先行研究では、早期胃がん（cT1N0M0又はcT1N1M0のものに限る。）を対象として同定率を検討した。' } } },
    expect: [],
    listed: LISTED_INDICATION,
  },
  {
    id: 'j-ind-24',
    family: '様式第5号',
    shape: '「対象は早期胃がん患者」（限定を書かずに病名だけ）',
    edit: { forms: { [Y5]: { outline: '本試験の対象は早期胃がん患者であり、申請医療機関を含む３施設で実施する。手術前日にインドシアニングリーンを局注し、手術時にセンチネルリンパ節を同定する。' } } },
    expect: [],
  },
];

/** Committee approval dates in the 届出 prose: against 様式第2号's 承認年月日 (2027-02-15; R-CH-3) and the 届出日 (2027-04-05; R-F-6). */
const committeeEntries: readonly CorpusEntry[] = [
  {
    id: 'j-ch3-01',
    family: '様式第3号',
    shape: '承認日と病院長の許可日が一文に（和暦・全角）',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本試験は、令和９年２月１５日に架空大学医学部附属病院倫理審査委員会の承認を受け、令和９年３月１日に病院長の実施許可を得た。' } } },
    expect: [],
    mustNot: ['R-CH-3'],
    listed: LISTED_PERMISSION,
  },
  {
    id: 'j-ch3-02',
    family: '様式第3号',
    shape: '承認と許可をカッコ書きの日付で並べた',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本研究は倫理審査委員会の承認（２０２７年２月１５日）及び病院長の許可（２０２７年３月１日）を得て実施する。' } } },
    expect: [],
    mustNot: ['R-CH-3'],
    listed: LISTED_PERMISSION,
  },
  {
    id: 'j-ch3-03',
    family: '様式第3号',
    shape: '承認の日付は書かず、許可日だけが同じ文に',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本研究は、倫理審査委員会の承認を得た後、2027年3月1日付で病院長の実施許可を受けている。' } } },
    expect: [],
    mustNot: ['R-CH-3'],
    listed: LISTED_PERMISSION,
  },
  {
    id: 'j-ch3-04',
    family: '様式第3号',
    shape: '「承認日は…、許可日は…」',
    edit: { forms: { [Y3]: { monitoring: '臨床研究推進センターのモニタリング担当者が、登録開始後6か月ごとに全施設の原資料との照合を行う。倫理審査委員会の承認日は令和９年２月１５日、病院長の許可日は令和９年３月１日である。' } } },
    expect: [],
    mustNot: ['R-CH-3'],
    listed: LISTED_PERMISSION,
  },
  {
    id: 'j-ch3-05',
    family: '様式第3号',
    shape: '許可日が先に書かれ、承認はその前と述べる',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。令和９年３月１日に病院長の実施許可を得ている（倫理審査委員会の承認後）。' } } },
    expect: [],
    mustNot: ['R-CH-3'],
    listed: LISTED_PERMISSION,
  },
  {
    id: 'j-ch3-06',
    family: '様式第3号',
    shape: '一文に承認日と許可日、承認日が様式第2号と違う',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本試験は、令和９年２月１０日に倫理審査委員会の承認を受け、令和９年２月１５日に病院長の実施許可を得た。' } } },
    expect: ['R-CH-3'],
  },
  {
    id: 'j-ch3-07',
    family: '様式第3号',
    shape: 'カッコ書きの承認日が様式第2号と違う（許可日は同じ日付）',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本研究は倫理審査委員会の承認（2027年2月1日）及び病院長の許可（2027年2月15日）を得て実施する。' } } },
    expect: ['R-CH-3'],
  },
  {
    id: 'j-ch3-08',
    family: '様式第5号',
    shape: '様式第5号の本文の承認日が違う（単独の文）',
    edit: { forms: { [Y5]: { effect: '術後1年時の体重減少を抑え、生活の質を維持することが期待される。本試験は２０２７年３月１日に倫理審査委員会で承認された。' } } },
    expect: ['R-CH-3'],
  },
  {
    id: 'j-ch3-09',
    family: '様式第3号',
    shape: '委員会の開催日と承認日（通知日）を一文に',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本試験は倫理審査委員会（令和９年２月１０日開催）で審議され、令和９年２月１５日付で承認された。' } } },
    expect: [],
    mustNot: ['R-CH-3'],
  },
  {
    id: 'j-ch3-10',
    family: '様式第3号',
    shape: '同じ承認日を西暦・全角で',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本研究は２０２７年２月１５日付で架空大学医学部附属病院倫理審査委員会の承認を得ている。' } } },
    expect: [],
  },
  {
    id: 'j-before-05',
    family: '様式第3号',
    shape: '本文の委員会承認日が届出日より後（様式第2号とも違う）',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本試験は令和９年４月２０日開催の倫理審査委員会で承認された。' } } },
    expect: ['R-CH-3', 'R-F-6'],
    listed: LISTED_DATES,
  },
  {
    id: 'j-before-06',
    family: '様式第3号',
    shape: '様式第2号の承認年月日と本文がそろって届出日より後',
    edit: { forms: { [Y2]: { approvedOn: '2027-04-20' }, [Y3]: { social: '倫理的問題はない。本試験は２０２７年４月２０日に倫理審査委員会の承認を受けた。' } } },
    expect: ['R-F-6'],
    listed: LISTED_DATES,
  },
  {
    id: 'j-before-07',
    family: '様式第3号',
    shape: '様式第2号の承認年月日だけが届出日より後',
    edit: { forms: { [Y2]: { approvedOn: '2027-05-12' } } },
    expect: ['R-F-6'],
    listed: LISTED_DATES,
  },
  {
    id: 'j-before-08',
    family: '様式第3号',
    shape: '届出日より後の日付は病院長の許可予定日（承認は前）',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。本試験は令和９年２月１５日に倫理審査委員会の承認を受け、病院長の実施許可は令和９年４月１２日の予定である。' } } },
    expect: [],
    mustNot: ['R-CH-3', 'R-F-6'],
  },
  {
    id: 'j-ch3-11',
    family: '様式第3号',
    shape: '承認された研究計画書の版と作成日',
    edit: { forms: { [Y3]: { monitoring: '本試験は、倫理審査委員会で承認された研究計画書（第１．２版、令和９年３月１日作成）に従って実施し、臨床研究推進センターのモニタリング担当者が6か月ごとに原資料との照合を行う。' } } },
    expect: [],
    mustNot: ['R-CH-3'],
  },
  {
    id: 'j-ch3-12',
    family: '様式第3号',
    shape: '先行研究の委員会承認日（平成）',
    edit: { forms: { [Y3]: { efficacy: '当院での先行研究（平成３０年６月１日に倫理審査委員会の承認を得て実施）では、45例中44例（97.8％）でセンチネルリンパ節が同定された。' } } },
    expect: [],
    mustNot: ['R-CH-3'],
  },
  {
    id: 'j-ch3-13',
    family: '様式第3号',
    shape: '「承認日：」の見出しの日付が違う',
    edit: { forms: { [Y3]: { social: '倫理的問題はない。\n倫理審査委員会の承認日：２０２７年２月２２日\n病院長の実施許可日：２０２７年３月１日' } } },
    expect: ['R-CH-3'],
  },
  {
    id: 'j-ch3-14',
    family: '様式第5号',
    shape: '受付日と承認日を一文に（承認日は同じ）',
    edit: { forms: { [Y5]: { outline: '手術前日に内視鏡下でインドシアニングリーンを腫瘍周囲に局注し、センチネルリンパ節を同定する。本試験は令和９年１月２０日に倫理審査委員会に申請し、令和９年２月１５日に承認を得た。' } } },
    expect: [],
  },
];

export const jizenIdentityEntries: readonly CorpusEntry[] = [...consultationEntries, ...indicationEntries, ...committeeEntries];
