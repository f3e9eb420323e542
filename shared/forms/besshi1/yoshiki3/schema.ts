/**
 * 別紙1 様式第3号 先進医療の実施計画 — spec §3.3, layout form-layouts.md §3.5.
 * Headings keep the printed spelling exactly. The product tables of 2-1 (①②③) are built from the
 * 医薬品・医療機器 master: the form stores which products, in which order. The 実績症例 of 7-2
 * (記載要領 第4(7-2)②③) are two tables — ① cases where it worked, ② where it did not or safety
 * suffered — with the columns of the filled forms (整理番号, 年齢, 性別, 病名, 入院期間, 転帰, 治療経過;
 * spec §3.3 「Column set [INF]」) and 「他　例」 for the cases not listed one by one.
 *
 * Version 2 (issue 15 item 8): version 1 had the 実績症例 as free text (`caseRecords`); it stays
 * where it was, as the 補足 printed under the tables.
 */
import { z } from 'zod';
import { OPT_FOR_A, REQ_BOTH, checkField, field, longText, refsField, shortText, tableField, type TableColumn } from '../../field';

/** One 実績症例 per row, as the filled 様式第3号 7-2 lists them [INF]. */
export const CASE_COLUMNS: readonly TableColumn[] = [
  { key: 'no', label: '整理番号', width: 9 },
  { key: 'age', label: '年齢', width: 7 },
  { key: 'sex', label: '性別', width: 7 },
  { key: 'disease', label: '病名', width: 16 },
  { key: 'stay', label: '入院期間', width: 19 },
  { key: 'outcome', label: '転帰', width: 9 },
  { key: 'course', label: '治療経過', width: 33 },
];

const CASE_HELP = '1例ずつ、整理番号・年齢・性別・病名・入院期間・転帰・治療経過を書きます。検査の技術では、診断の結果をふまえて決めた治療まで治療経過に書きます。';

const yesNo = (label: string, source: string) => field(z.enum(['', '有', '無']), { label, kind: 'yesno', required: REQ_BOTH, source });

export const yoshiki3Schema = z.object({
  devices: refsField({
    label: '①使用する医療機器（未承認又は適応外のものから記載すること。）',
    required: { A: 'opt', B: 'opt' },
    help: '医薬品・医療機器の台帳から選びます。製造販売業者・型式・承認番号（16桁）・承認上の適応・適応外使用の該当は台帳の内容が印刷されます。未承認・適応外のものを先に並べます。',
    source: 'S2 §4(2-1)①③④⑤',
    master: { list: 'products', kinds: ['医療機器'] },
  }),
  materials: refsField({
    label: '②使用する医療材料（ディスポーザブル）及び医薬品（未承認又は適応外のものから記載すること。）',
    required: { A: 'opt', B: 'opt' },
    help: 'カテーテル・ステントなどの医療材料と医薬品を台帳から選びます。',
    source: 'S2 §4(2-1)②',
    master: { list: 'products', kinds: ['医療材料', '医薬品'] },
  }),
  regenerative: refsField({
    label: '③使用する再生医療等製品（未承認又は適応外のものから記載すること。）',
    required: { A: 'opt', B: 'opt' },
    source: 'S2 §4(2-1)',
    master: { list: 'products', kinds: ['再生医療等製品'] },
  }),
  partialChange: tableField(
    { label: '④医療機器、医療材料、医薬品又は再生医療等製品が医薬品医療機器法上の適応外使用に該当する場合の医薬品医療機器法承認一部変更申請状況', required: { A: 'n/a', B: 'opt' }, help: '適応外で使う品目の行は、医薬品・医療機器の台帳（マスタの品目の「医薬品医療機器法承認一部変更申請状況」）から印刷されます。状況は製造販売業者に確認して台帳に書きます。この表には、台帳の行のあとに追加したい行だけを書きます。', source: 'S2 §4(2-1)⑦' },
    [
      { key: 'name', label: '医療機器名又は品目名', width: 40 },
      { key: 'status', label: '医薬品医療機器法承認一部変更申請状況', width: 60 },
    ],
  ),
  usageNote: longText({ label: '⑤医療機器、医療材料、医薬品又は再生医療等製品が医薬品医療機器法上の未承認又は適応外使用に該当する場合の使用方法等', required: { A: 'n/a', B: 'opt' }, help: '台帳に書いた品目ごとの使用方法等は自動で印刷されます。ここには全体に共通する補足を書きます。', source: 'S2 §4(2-1)⑧' }),
  infoProvided: checkField({ label: '⑥当該医薬品・医療機器・再生医療等製品について、薬事承認の申請時及び取得時において、申請企業から情報提供がなされることとなっている。', required: { A: 'opt', B: 'opt' }, help: '未承認又は適応外の品目がある場合に、当てはまればチェックします（□にレ）。', source: 'S2 §4(2-1)' }),
  products: longText({ label: '２－１．補足', required: { A: 'opt', B: 'opt' }, help: '表に書ききれないことがあれば書きます。', source: 'S2 §4(2-1)' }),
  overseas: longText({ label: '２－２．海外での承認に関する情報', required: REQ_BOTH, help: '米国（FDA）・欧州（EMA、CEマーク）・その他の国での承認状況と、欧米での保険適用の有無を書きます。', source: 'S2 §4(2-2)' }),
  efficacy: longText({ label: '効能・効果', required: REQ_BOTH, help: '従来の方法と比べた効果を、自施設のデータ（○例中●例で△）や文献をもとに書きます。検査の場合は、結果がどう治療につながるかを書きます。', source: 'S2 §4(3)' }),
  safety: longText({ label: '４．予測される安全性情報', required: REQ_BOTH, help: '自施設での有害事象の記録、文献、適応内で使ったときの有害事象、品目の特性を書きます。', source: 'S2 §4(4)' }),
  eligibility: longText({ label: '５．被験者の適格基準及び選定方法', required: REQ_BOTH, help: '選択基準と除外基準（学会のガイドラインがあれば引用）、選定の手順を書きます。', source: 'S2 §4(5)' }),
  treatmentPlan: longText({ label: '６．治療計画', required: REQ_BOTH, help: '検査は検体の内容・採取方法・検査方法・機器の使い方、手術は術式・機器の使い方を書きます。', source: 'S2 §4(6)' }),
  evaluation: longText({ label: '７－１．有効性及び安全性の評価', required: REQ_BOTH, help: '収集するデータ、評価方法、有効性の判定、収集する有害事象を書きます。', source: 'S2 §4(7-1)' }),
  period: shortText({ label: '予定試験期間', required: OPT_FOR_A, source: 'S2 §4(7-2)①' }),
  plannedCases: shortText({ label: '予定症例数', required: OPT_FOR_A, help: '「16～20」のような幅や群別の内訳も書けます。', source: 'S2 §4(7-2)①' }),
  casesDone: shortText({ label: '既に実績のある症例数', required: OPT_FOR_A, source: 'S2 §4(7-2)①' }),
  casesEffective: tableField({ label: '①有効性が認められた事例', required: REQ_BOTH, help: `適応症に該当する実績症例です。${CASE_HELP}`, source: 'S2 §4(7-2)②' }, CASE_COLUMNS),
  casesEffectiveOthers: shortText({ label: '①他　例（病名ごとに記載すること）', required: { A: 'opt', B: 'opt' }, help: '表に1例ずつ書かなかった事例の数を病名ごとに書きます（例：43例（早期胃がん））。', source: 'S2 §4(7-2)②' }),
  casesIneffective: tableField({ label: '②有効性が認められなかった事例、安全上の問題が発生した事例', required: { A: 'opt', B: 'opt' }, help: `うまくいかなかった事例や安全上の問題が起きた事例も必ず書きます。${CASE_HELP}`, source: 'S2 §4(7-2)③' }, CASE_COLUMNS),
  casesIneffectiveOthers: shortText({ label: '②他　例（病名ごとに記載すること）', required: { A: 'opt', B: 'opt' }, help: '表に1例ずつ書かなかった事例の数を病名ごとに書きます。', source: 'S2 §4(7-2)③' }),
  caseRecords: longText({ label: '実績症例の補足', required: { A: 'opt', B: 'opt' }, help: '表の下に印刷されます。以前の版で文章で書いた実績症例はここに残っています。表に移したら消してかまいません。', source: 'S2 §4(7-2)②③' }),
  rationale: longText({ label: '予定試験期間及び予定症例数の設定根拠', required: OPT_FOR_A, source: 'S2 §4(7-2)④' }),
  statistics: longText({ label: '生物統計学的設定根拠', required: OPT_FOR_A, help: 'できる限り生物統計学的な根拠を書きます。', source: 'S2 §4(7-2)⑤' }),
  monitoring: longText({ label: '８．モニタリング体制及び実施方法', required: OPT_FOR_A, help: '院内の情報共有、多施設間の情報共有、院内と施設間の進捗管理を書きます。', source: 'S2 §4(8)' }),
  compensation: yesNo('補償の有無', 'S2 §4(9)①'),
  insurance: yesNo('保険への加入の有無', 'S2 §4(9)②'),
  insuranceDetail: longText({ label: '保険の内容', required: { A: 'opt', B: 'opt' }, help: '保険に加入している場合は、その内容を書きます。', source: 'S2 §4(9)②' }),
  otherMeasures: longText({ label: 'その他の措置', required: REQ_BOTH, help: '保険以外の措置（医療の提供、物品・サービスの提供など）を書きます。', source: 'S2 §4(9)③' }),
  records: longText({ label: '１０．試験に係る記録の取扱い及び管理・保存方法', required: REQ_BOTH, help: '保管場所、入力・閲覧できる人、オフラインPCやID・パスワード、協力医療機関での違い、外部機関の利用を書きます。', source: 'S2 §4(10)' }),
  patientBurden: longText({ label: '１１．患者負担について', required: { A: 'opt', B: 'opt' }, help: '患者負担の説明を書きます。先進医療にかかる費用の金額は費用の計算から自動で印刷されます。', source: 'S2 §4(11)' }),
  conflicts: longText({ label: '１２．起こりうる利害の衝突及び研究者等の関連組織との関わり', required: OPT_FOR_A, source: 'S2 §4(12)' }),
  privacy: longText({ label: '１３．個人情報保護の方法', required: OPT_FOR_A, help: 'いつ、どのように匿名化するかを書きます。', source: 'S2 §4(13)' }),
  publication: longText({ label: '１４．試験計画の公表方法', required: OPT_FOR_A, help: 'jRCT などに登録している場合は登録番号を書きます。', source: 'S2 §4(14)' }),
  maturity: longText({ label: '１５．技術的成熟度', required: REQ_BOTH, source: 'S2 §4(15)' }),
  social: longText({ label: '１６．社会的妥当性（社会的倫理的問題等）', required: REQ_BOTH, source: 'S2 §4(16)' }),
  diffusion: longText({ label: '１７．現時点での普及性', required: REQ_BOTH, source: 'S2 §4(17)' }),
  insuranceNeed: longText({ label: '１８．将来の保険収載の必要性', required: REQ_BOTH, source: 'S2 §4(18)' }),
  literature: longText({ label: '１９．文献情報', required: REQ_BOTH, help: '査読のある原著論文を挙げます。教科書の抜粋、学会抄録、研究費の報告書は不可です。同じ手技の文献に限ります。', source: 'S2 §4(19)' }),
});
export type Yoshiki3 = z.infer<typeof yoshiki3Schema>;
