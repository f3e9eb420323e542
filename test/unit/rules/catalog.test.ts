/**
 * Every rule of the catalogue fires on a fixture made for it and stays silent on a near miss
 * (issue 5 done-when). Fixtures are the sample project — which has no findings at all — with one
 * thing changed.
 */
import { describe, expect, test } from 'vitest';
import { RULES } from '../../../shared/rules';
import type { Severity } from '../../../shared/rules/types';
import { formatYen } from '../../../shared/money/yen';
import { findingsOf, sampleWith, siteOf, type Change } from '../../helpers/rules';
import { changeDoc, changeDraft, completeItems, inquiryDraft, inquiryItem, withItem } from '../../helpers/change-docs';
import { toFullWidthDigits } from '../../../shared/dates/wareki';
import { saeDraft } from '../../helpers/safety-docs';
import { NOTICES, periodicReport, reportDraft, withCase, zeroReport } from '../../helpers/report-docs';

/** The sample's 先進医療にかかる費用 as the 積算 computes it. */
const TOTAL = sampleWith().facts.cost.total;

const Y1 = 'besshi1/yoshiki1-1';
const Y2 = 'besshi1/yoshiki2';
const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const Y6 = 'besshi1/yoshiki6';
const Y81 = 'besshi1/yoshiki8-1';
const Y82 = 'besshi1/yoshiki8-2';
const B2Y8 = 'besshi2/yoshiki8';
const Y9 = 'besshi1/yoshiki9';

/** A 協力医療機関 of the sample registered as a site (issue 11), and the sample's own answers of a form. */
const COOP = siteOf({ id: 'site-coop', role: '協力医療機関', name: '架空市立総合病院', department: '外科', responsiblePhysician: '外科部長 山田 太郎' });
const sampleAnswers = (formId: string): Readonly<Record<string, unknown>> => sampleWith().forms.get(formId) ?? {};
const sampleIneffective = (): unknown[] => {
  const v = sampleAnswers(Y3).casesIneffective;
  return Array.isArray(v) ? [...(v as unknown[])] : [];
};
/** 設定 with dated 開設者: the new one takes office on 2027-04-01, before the sample's 届出日 (4/5). */
const OFFICERS = {
  institutionName: '架空大学医学部附属病院',
  officers: [
    { id: 'o1', role: '開設者' as const, name: '架空県知事　旧任　太郎', validFrom: '' },
    { id: 'o2', role: '開設者' as const, name: '架空県知事　新任　次郎', validFrom: '2027-04-01' },
  ],
};

const member = (n: number, over: Record<string, string> = {}) => ({ id: `m${n}`, name: `委員${n}`, position: '', category: '一般の立場を代表する者' as const, external: '外部' as const, sex: '女' as const, from: '', to: '', ...over });

interface Fixture {
  readonly id: string;
  readonly name: string;
  readonly fires: Change;
  /** What the user sees: severity, a piece of the message, and where it leads. */
  readonly expect: { readonly severity: Severity; readonly message: string; readonly doc: string; readonly field?: string };
  readonly silent: Change;
  readonly silentName: string;
}

const FIXTURES: readonly Fixture[] = [
  { id: 'R-ID-10', name: '様式第1-1号と様式第3号の「その他の措置」が違う文',
    fires: { forms: { [Y1]: { otherMeasures: '健康被害には通常の保険診療の範囲で適切な医療を提供する。' }, [Y3]: { otherMeasures: '健康被害には適切な医療を提供する。' } } },
    expect: { severity: 'warning', message: '異なる文', doc: Y1, field: 'otherMeasures' },
    silent: { forms: { [Y1]: { otherMeasures: '健康被害には 適切な医療を提供する' }, [Y3]: { otherMeasures: '健康被害には適切な医療を提供する。' } } },
    silentName: '空白と句点だけの違い' },
  { id: 'R-ID-11', name: '様式第2号と様式第8-2号の当直医師の人数が違う',
    fires: { forms: { [Y2]: { applicantDuty: '外科系当直医師 ３名（消化器外科1名を含む）' }, [Y82]: { nightDuty: '外科系当直医師 2名' } } },
    expect: { severity: 'warning', message: '「３名」', doc: Y2, field: 'applicantDuty' },
    silent: { forms: { [Y2]: { applicantDuty: '内科1名、外科2名' }, [Y82]: { nightDuty: '当直医師 ３名' } } },
    silentName: '人数の合計が同じ（全角数字）' },
  { id: 'R-P-6', name: '様式第3号と様式第8-2号の実績症例数が違う（20例と２２例）',
    fires: { forms: { [Y3]: { casesDone: '20例（令和８年３月３１日現在）' }, [Y82]: { casesDone: '２２例' } } },
    expect: { severity: 'warning', message: '「２２例」', doc: Y3, field: 'casesDone' },
    silent: { forms: { [Y3]: { casesDone: '２２例（うち３例は他院で実施）' }, [Y82]: { casesDone: '22例' } } },
    silentName: '同じ例数（全角と半角、括弧の注記）' },
  { id: 'R-P-7', name: '②に1例足したが既に実績のある症例数が45例のまま',
    fires: { forms: { [Y3]: { casesIneffective: [...sampleIneffective(), { no: '46', age: '60歳', sex: '男', disease: '早期胃がん', stay: '', outcome: '軽快', course: '' }] } } },
    expect: { severity: 'warning', message: '合わせて46例', doc: Y3, field: 'casesDone' },
    silent: { forms: { [Y3]: { casesDone: '４５症例' } } },
    silentName: '表と他例の計が症例数と同じ' },
  {
    id: 'R-C-1',
    name: '様式第5号の本文に積算と違う額がある',
    fires: { forms: { [Y5]: { costText: '先進医療にかかる費用は、１人当たり２２，０００円である。' } } },
    expect: { severity: 'error', message: '「２２，０００円」', doc: Y5, field: 'costText' },
    silent: { forms: { [Y5]: { costText: `先進医療にかかる費用は１人当たり${formatYen(TOTAL)}円（全額患者負担）である。` } } },
    silentName: '本文の額が積算と同じ',
  },
  {
    id: 'R-C-2',
    name: '残存価格が購入価格を超える機器',
    fires: { cost: (c) => ({ ...c, equipment: c.equipment.map((e, i) => (i === 0 ? { ...e, equipmentId: '', residualValue: e.purchasePrice + 1 } : e)) }) },
    expect: { severity: 'error', message: '残存価格が購入価格を超えています', doc: 'cost', field: 'equipment' },
    silent: { cost: (c) => ({ ...c, equipment: c.equipment.map((e) => ({ ...e, equipmentId: '', residualValue: e.purchasePrice })) }) },
    silentName: '残存価格＝購入価格（償却費0円）',
  },
  {
    id: 'R-C-3',
    name: '所要時間のない人件費',
    fires: { cost: (c) => ({ ...c, staff: c.staff.map((s, i) => (i === 0 ? { ...s, minutes: 0 } : s)) }) },
    expect: { severity: 'error', message: '所要時間がありません', doc: 'cost', field: 'staff' },
    silent: { cost: (c) => ({ ...c, staff: c.staff.map((s) => ({ ...s, minutes: 1 })) }) },
    silentName: '職種・単価・所要時間がそろっている',
  },
  {
    id: 'R-C-4',
    name: '人件費の積算がない',
    fires: { cost: (c) => ({ ...c, staff: [] }) },
    expect: { severity: 'warning', message: '人件費が積算されていません', doc: 'cost', field: 'staff' },
    silent: { cost: (c) => ({ ...c, staff: c.staff.slice(0, 1) }) },
    silentName: '人件費が1行でもある',
  },
  {
    id: 'R-C-5',
    name: '一部負担なのに本文の患者請求額が違う',
    fires: { cost: (c) => ({ ...c, patientPays: { mode: 'part', patientCharge: 30_000 } }), forms: { [Y5]: { costText: '内訳：機器償却費、人件費、医療材料・医薬品費。費用の一部を研究費で負担する。' }, [Y3]: { patientBurden: '研究費で一部を負担し、患者に請求する額は60,000円とする。' } } },
    expect: { severity: 'error', message: '患者に請求する額は費用の積算では30,000円', doc: Y3, field: 'patientBurden' },
    silent: { cost: (c) => ({ ...c, patientPays: { mode: 'part', patientCharge: 30_000 } }), forms: { [Y5]: { costText: '内訳：機器償却費、人件費、医療材料・医薬品費。費用の一部を研究費で負担する。' }, [Y3]: { patientBurden: '研究費で一部を負担し、患者に請求する額は30,000円とする。' } } },
    silentName: '本文の患者請求額が積算と同じ',
  },
  {
    id: 'R-C-6',
    name: '被保険者区分が「その他」で説明がない',
    fires: { forms: { [Y6]: { insuredBasis: 'その他', insuredBasisNote: '' } } },
    expect: { severity: 'error', message: '被保険者区分の説明', doc: Y6, field: 'insuredBasisNote' },
    silent: { forms: { [Y6]: { insuredBasis: 'その他', insuredBasisNote: '70歳以上の被保険者として算定した。' } } },
    silentName: '「その他」の説明がある',
  },
  {
    id: 'R-C-7',
    name: '委託の届出で委託費がない',
    fires: { packageId: 'outsourcing', cost: (c) => ({ ...c, others: [] }) },
    expect: { severity: 'warning', message: '委託費がありません', doc: 'cost', field: 'others' },
    silent: { packageId: 'outsourcing', cost: (c) => ({ ...c, others: [{ id: 'o1', name: '検体検査委託費', amount: 30_000 }] }) },
    silentName: '委託費が「その他」にある',
  },
  {
    id: 'R-ID-1',
    name: '名称の末尾に適応症',
    fires: { project: { technologyName: 'ＩＣＧ蛍光法を用いたセンチネルリンパ節生検　早期胃がん', indication: '早期胃がん' } },
    expect: { severity: 'warning', message: '名称の末尾に適応症', doc: 'project', field: 'technologyName' },
    silent: { project: { indication: '早期胃がん' } },
    silentName: '名称と適応症が分かれている',
  },
  {
    id: 'R-ID-2',
    name: '適応症が空',
    fires: { project: { indication: '' } },
    expect: { severity: 'error', message: '適応症が未記入', doc: 'project', field: 'indication' },
    silent: { project: { indication: '早期胃がん' } },
    silentName: '適応症がある',
  },
  {
    id: 'R-ID-4',
    name: '同じ適用日の告示番号が2つ',
    fires: { project: { notices: [{ id: 'n1', number: '2', validFrom: '2027-04-01', note: '' }, { id: 'n2', number: '3', validFrom: '2027-04-01', note: '' }] } },
    expect: { severity: 'error', message: '同じ適用日', doc: 'project', field: 'notices' },
    silent: { project: { notices: [{ id: 'n1', number: '10(１)', validFrom: '2026-04-01', note: '' }, { id: 'n2', number: '3', validFrom: '2027-04-01', note: '' }] } },
    silentName: '枝番つき・適用日が別',
  },
  {
    id: 'R-ID-5',
    name: '実施責任医師が非常勤',
    fires: { masters: (m) => ({ ...m, people: m.people.map((p) => (p.id === 'sample-takahashi' ? { ...p, fullTime: '非常勤' } : p)) }) },
    expect: { severity: 'error', message: '常勤ではありません', doc: 'project', field: 'responsiblePhysicianId' },
    silent: { forms: { [Y81]: { physicians: [{ name: '高橋　誠一', role: '実施責任医師', department: '消化器外科', qualification: '', yearsDept: '', yearsTech: '', casesOperator: '', casesAssistant: '' }] } } },
    silentName: '表の実施責任医師が字体違いの同一人物（髙橋／高橋）',
  },
  {
    id: 'R-ID-8',
    name: '協力医療機関の行に実施責任医師がない',
    fires: { forms: { [Y2]: { sites: [{ role: '協力医療機関', name: '架空市立総合病院', department: '外科', physician: '', duty: '', safety: '' }] } } },
    expect: { severity: 'error', message: '実施責任医師がありません', doc: Y2, field: 'sites' },
    silent: { project: { category: 'A' }, forms: { [Y2]: { sites: [{ role: '協力医療機関', name: '架空市立総合病院', department: '外科', physician: '', duty: '', safety: '' }] } } },
    silentName: '先進医療Aには適用しない',
  },
  {
    id: 'R-ID-9',
    name: '委託側医療機関名が届出医療機関と違う',
    fires: { packageId: 'outsourcing', cost: (c) => ({ ...c, others: [{ id: 'o', name: '委託費', amount: 1 }] }), forms: { [B2Y8]: { clientName: '架空医科大学病院' } } },
    expect: { severity: 'warning', message: '届出医療機関名「架空大学医学部附属病院」と異なります', doc: B2Y8, field: 'clientName' },
    silent: { packageId: 'outsourcing', cost: (c) => ({ ...c, others: [{ id: 'o', name: '委託費', amount: 1 }] }), forms: { [B2Y8]: { clientName: '架空大学医学部附属病院' } } },
    silentName: '同じ名称（空白の違いだけ）',
  },
  {
    id: 'R-ID-7',
    name: '協力医療機関の様式第9号が申請医療機関のものと1行違う（病床数）',
    fires: {
      sites: [COOP],
      siteAnswers: { [COOP.id]: { [Y9]: { ...sampleAnswers(Y9), instBeds: { need: '要', value: '４００' } } } },
    },
    expect: { severity: 'error', message: '協力医療機関「架空市立総合病院」の様式第9号が申請医療機関のものと1か所違います（「病床数」）', doc: 'sites' },
    silent: { sites: [COOP], siteAnswers: { [COOP.id]: { [Y9]: sampleAnswers(Y9) } } },
    silentName: '申請医療機関の様式第9号と同一の写し',
  },
  {
    id: 'R-ID-FILER',
    name: '設定の医療機関の開設者を案件で別の人にしている',
    fires: { profile: OFFICERS, project: { filer: { name: '', address: '', founderName: '架空県知事　旧任　太郎' } } },
    expect: { severity: 'warning', message: '届出日（令和９年４月５日）の開設者「架空県知事　新任　次郎」', doc: 'project', field: 'filer' },
    silent: { profile: OFFICERS, project: { filer: { name: '', address: '', founderName: '架空県知事　新任　次郎' } } },
    silentName: '案件の開設者が届出日の開設者と同じ',
  },
  {
    id: 'R-P-1',
    name: '様式第5号の概要に違う予定症例数',
    fires: { forms: { [Y5]: { outline: '多施設共同単群試験として実施する。予定症例数は100例とする。' } } },
    expect: { severity: 'warning', message: '予定症例数「100例」', doc: Y5, field: 'outline' },
    silent: { forms: { [Y5]: { outline: '多施設共同単群試験として実施する。予定症例数は１２０例とする。' } } },
    silentName: '全角数字で同じ症例数',
  },
  {
    id: 'R-P-2',
    name: '様式第5号の試験期間の終了日が様式第3号と違う',
    fires: { forms: { [Y3]: { period: '2027年7月1日から2031年3月31日まで' }, [Y5]: { outline: '試験期間は2027年7月1日から2030年3月31日までとする。' } } },
    expect: { severity: 'warning', message: '「2030年3月31日」', doc: Y5, field: 'outline' },
    silent: { forms: { [Y3]: { period: '2027年7月1日から2031年3月31日まで' }, [Y5]: { outline: '試験期間は令和9年7月1日から令和13年3月31日までとする。' } } },
    silentName: '和暦で書いた同じ期間',
  },
  {
    id: 'R-P-3',
    name: '「告示日から」と「jRCT初回公表日から」が混在',
    fires: { forms: { [Y5]: { outline: '研究期間はjRCT初回公表日から2031年3月31日までとする。' } } },
    expect: { severity: 'warning', message: '「告示日から」、「jRCT公表日から」', doc: Y3, field: 'period' },
    silent: { forms: { [Y5]: { outline: '研究期間は告示日から2031年3月31日までとする。' } } },
    silentName: 'どちらも「告示日から」',
  },
  {
    id: 'R-P-4',
    name: '「から5年間」と終了日が合わない',
    fires: { forms: { [Y3]: { period: '2021年7月19日から5年間（2026年7月19日まで）' } } },
    expect: { severity: 'error', message: '2026-07-18', doc: Y3, field: 'period' },
    silent: { forms: { [Y3]: { period: '2021年7月19日から5年間（2026年7月18日まで）' } } },
    silentName: '開始日＋5年−1日で終わる',
  },
  {
    id: 'R-CH-3',
    name: '本文の委員会承認日が様式第2号と違う',
    fires: { forms: { [Y3]: { monitoring: '本試験は令和9年2月10日に倫理審査委員会で承認された。' } } },
    expect: { severity: 'warning', message: '「令和9年2月10日」', doc: Y3, field: 'monitoring' },
    silent: { forms: { [Y3]: { monitoring: '本試験は令和９年２月１５日に倫理審査委員会で承認された。' } } },
    silentName: '同じ日付（全角）',
  },
  {
    id: 'R-CH-1',
    name: '＜変更前＞を承認済みと違う値に書き換えた',
    fires: { filingDocs: [changeDraft(changeDoc(withItem(3, (i) => ({ ...i, before: '告示日から2032年3月31日まで（登録期間4年、追跡期間5年）' }))))] },
    expect: { severity: 'error', message: '承認済みの届出の記載と違います', doc: 'change/chg-1', field: 'items.item-4.before' },
    silent: { filingDocs: [changeDraft(changeDoc(withItem(3, (i) => ({ ...i, before: toFullWidthDigits(i.before) }))))] },
    silentName: '＜変更前＞の数字を全角で打ち直しただけ',
  },
  {
    id: 'R-CH-2',
    name: '変更内容2に理由がない',
    fires: { filingDocs: [changeDraft(changeDoc(withItem(1, (i) => ({ ...i, reason: '　' }))))] },
    expect: { severity: 'error', message: '変更内容2に【変更申請する理由】がありません', doc: 'change/chg-1', field: 'items.item-2.reason' },
    silent: { filingDocs: [changeDraft()] },
    silentName: 'どの変更内容にも理由・委員会・承認日がある',
  },
  {
    id: 'R-CH-3',
    name: '変更申請と照会回答で同じ委員会承認の日付が違う',
    fires: { filingDocs: [changeDraft(), inquiryDraft([inquiryItem(1, '費用負担の変更は、2027年3月17日開催の架空大学医学部附属病院 倫理審査委員会で承認されました（照会回答１－１）。', ['item-5'])])] },
    expect: { severity: 'warning', message: '「2027年3月17日」', doc: 'inquiry/inq-1', field: 'items.q-1.answer' },
    silent: { filingDocs: [changeDraft(), inquiryDraft([inquiryItem(1, '費用負担の変更は、令和９年３月１０日に架空大学医学部附属病院倫理審査委員会で承認されました。', ['item-5'])])] },
    silentName: '同じ日付を和暦・全角で書いた',
  },
  {
    id: 'R-CH-4',
    name: '照会回答で変えた変更内容の理由が照会回答を挙げていない',
    fires: { filingDocs: [changeDraft(), inquiryDraft([inquiryItem(1, 'ご指摘を踏まえ、費用負担を患者負担に変更しました。', ['item-5'])])] },
    expect: { severity: 'warning', message: '照会回答1－1による変更です', doc: 'change/chg-1', field: 'items.item-5.reason' },
    silent: {
      filingDocs: [changeDraft(changeDoc(withItem(4, (i) => ({ ...i, reason: `${i.reason}（照会回答１－１）` })))), inquiryDraft([inquiryItem(1, 'ご指摘を踏まえ、費用負担を患者負担に変更しました。', ['item-5'])])],
    },
    silentName: '理由に「照会回答１－１」と書いた',
  },
  {
    id: 'R-CH-5',
    name: '費用負担を変えたが説明文書・同意文書の改訂がない',
    fires: { filingDocs: [changeDraft(changeDoc(completeItems().filter((i) => i.id !== 'item-consent')))] },
    expect: { severity: 'warning', message: '説明文書・同意文書も改訂し', doc: 'change/chg-1' },
    silent: { filingDocs: [changeDraft()] },
    silentName: '説明文書・同意文書の改訂も変更内容にある',
  },
  {
    id: 'R-CH-6',
    name: '回答がない番号の照会回答を引用',
    fires: { filingDocs: [inquiryDraft([inquiryItem(1, '当初の計画どおりです。'), inquiryItem(2, '照会回答1－5のとおり、症例数は変更しません。')])] },
    expect: { severity: 'info', message: '第1回の照会回答に5番の照会がありません', doc: 'inquiry/inq-1', field: 'items.q-2.answer' },
    silent: { filingDocs: [inquiryDraft([inquiryItem(1, '当初の計画どおりです。'), inquiryItem(2, '照会回答１－１のとおり、症例数は変更しません。')])] },
    silentName: '「照会回答１－１」（全角）はある回答',
  },
  {
    id: 'R-P-5',
    name: '現在の登録状況が予定症例数を超える',
    fires: { filingDocs: [changeDraft(changeDoc(undefined, { registration: { count: '１３０症例', asOf: '2027-03-31' } }))] },
    expect: { severity: 'warning', message: '予定症例数「120例」を超えています', doc: 'change/chg-1', field: 'registration' },
    silent: { filingDocs: [changeDraft(changeDoc(undefined, { registration: { count: '１２０症例', asOf: '2027-04-05' } }))] },
    silentName: '予定症例数ちょうど、提出日現在',
  },
  {
    id: 'R-P-3',
    name: '変更申請の＜変更後＞だけ「jRCT初回公表日から」',
    fires: { filingDocs: [changeDraft(changeDoc(withItem(3, (i) => ({ ...i, after: 'jRCT初回公表日から2034年3月31日まで（登録期間6年、追跡期間5年）' }))))] },
    expect: { severity: 'warning', message: '「jRCT公表日から」', doc: 'change/chg-1', field: 'items.item-4.after' },
    silent: { filingDocs: [changeDraft()] },
    silentName: '＜変更後＞も「告示日から」',
  },
  {
    id: 'R-R-1',
    name: '実績報告3行目の転帰が空',
    fires: { filingDocs: [reportDraft(periodicReport({ cases: withCase(2, (c) => ({ ...c, outcome: '' })) }))] },
    expect: { severity: 'error', message: '3行目（整理番号 003）の転帰が選ばれていません', doc: 'report/rep-1', field: 'cases.case-003.outcome' },
    silent: { filingDocs: [reportDraft()] },
    silentName: '12症例すべてに転帰（死亡・中止・6月30日時点で入院中の継続を含む）',
  },
  {
    id: 'R-R-2',
    name: '単群試験で評価結果が空',
    fires: { filingDocs: [reportDraft(periodicReport({ cases: withCase(4, (c) => ({ ...c, evaluation: '' })) }))] },
    expect: { severity: 'error', message: '5行目（整理番号 005）の評価結果が選ばれていません', doc: 'report/rep-1', field: 'cases.case-005.evaluation' },
    silent: {
      forms: { [Y3]: { evaluation: '本試験は無作為化比較試験であり、有効性は群間で比較するため症例ごとの有効性は判定しない。' } },
      filingDocs: [reportDraft(periodicReport({ cases: withCase(4, (c) => ({ ...c, evaluation: '' })) }))],
    },
    silentName: '様式第3号に無作為化比較試験とある計画では空欄でよい',
  },
  {
    id: 'R-R-3',
    name: 'コード番号の告示番号が報告期間の告示番号（１２）と違う',
    fires: { project: { notices: NOTICES }, filingDocs: [reportDraft(periodicReport({ cases: withCase(0, (c) => ({ ...c, code: '1234－13－B' })) }))] },
    expect: { severity: 'error', message: '告示番号「13」が、報告期間のこの技術の告示番号（12）と違います', doc: 'report/rep-1', field: 'cases.case-001.code' },
    silent: { project: { notices: NOTICES }, filingDocs: [reportDraft(periodicReport({ cases: withCase(0, (c) => ({ ...c, code: '１２３４ー１２ーＢ' })) }))] },
    silentName: '全角数字と長音記号で打った同じコード番号',
  },
  {
    id: 'R-R-4',
    name: '初回実施日が報告期間（令和７年６月30日まで）の後',
    fires: { filingDocs: [reportDraft(periodicReport({ cases: withCase(11, (c) => ({ ...c, firstDate: '2025-07-03' })) }))] },
    expect: { severity: 'error', message: '報告期間の終わり（令和７年６月３０日）より後です', doc: 'report/rep-1', field: 'cases.case-012.firstDate' },
    silent: { filingDocs: [reportDraft(periodicReport({ cases: withCase(0, (c) => ({ ...c, firstDate: '2024-03-12', outcome: '継続' }), withCase(11, (c) => ({ ...c, firstDate: '2025-06-30' })) ) }))] },
    silentName: '6月30日に初回実施、前年度から継続の症例',
  },
  {
    id: 'R-R-4',
    name: '整理番号「００３」（全角）が3行目の「003」と重複',
    fires: { filingDocs: [reportDraft(periodicReport({ cases: withCase(9, (c) => ({ ...c, caseNumber: '００３' })) }))] },
    expect: { severity: 'error', message: '整理番号「００３」が3行目と重複しています', doc: 'report/rep-1', field: 'cases.case-010.caseNumber' },
    silent: { filingDocs: [reportDraft(periodicReport({ cases: withCase(9, (c) => ({ ...c, caseNumber: '０１０' })) }))] },
    silentName: '全角で打った別の整理番号「０１０」',
  },
  {
    id: 'R-R-5',
    name: '国内の当該疾病患者数が「約12万人」で比率を計算できない',
    fires: { filingDocs: [reportDraft(periodicReport({ nationalPatients: '約12万人' }))] },
    expect: { severity: 'info', message: '日本国内における当該疾病患者数（③）が数として読めないため、②/③を計算できません', doc: 'report/rep-1', field: 'nationalPatients' },
    silent: { filingDocs: [reportDraft(periodicReport({ nationalPatients: '１２５，０００人' }))] },
    silentName: '全角で打った患者数',
  },
  {
    id: 'R-R-6',
    name: '先進医療Bの定期報告に「結果の一覧」',
    fires: { filingDocs: [reportDraft(periodicReport({ results: '登録38例のうち35例で主要評価項目を達成した。' }))] },
    expect: { severity: 'warning', message: '「結果の一覧」は先進医療Bの総括報告だけの項目で、先進医療Bの定期報告では印刷されません', doc: 'report/rep-1', field: 'results' },
    silent: { filingDocs: [reportDraft({ ...periodicReport({ results: '登録38例のうち35例で主要評価項目を達成した。' }), kind: 'final-report' })] },
    silentName: '先進医療Bの総括報告の「結果の一覧」',
  },
  {
    id: 'R-R-7',
    name: '実施医療機関に登録していない病院名',
    fires: { sites: [COOP], filingDocs: [reportDraft(periodicReport({ cases: withCase(3, (c) => ({ ...c, siteName: '架空市民病院' })) }))] },
    expect: { severity: 'error', message: '実施医療機関「架空市民病院」は、申請医療機関でも', doc: 'report/rep-1', field: 'cases.case-004.siteName' },
    silent: { sites: [COOP], filingDocs: [reportDraft(periodicReport({ cases: withCase(3, (c) => ({ ...c, siteName: '架空市立　総合病院' })) }))] },
    silentName: '登録した協力医療機関（空白の違いだけ）',
  },
  {
    id: 'R-R-8',
    name: '一部負担金が「約14万円」',
    fires: { filingDocs: [reportDraft(periodicReport({ cases: withCase(7, (c) => ({ ...c, copayment: '約14万円' })) }))] },
    expect: { severity: 'error', message: '8行目（整理番号 008）の保険外併用療養費分に係る一部負担金「約14万円」を円の金額として読めません', doc: 'report/rep-1', field: 'cases.case-008.copayment' },
    silent: { filingDocs: [reportDraft(periodicReport({ cases: withCase(7, (c) => ({ ...c, copayment: '１４０，２３５円' })) }))] },
    silentName: '全角数字・読点・「円」つきで打った金額',
  },
  {
    id: 'R-R-10',
    name: '0件で今後の対応方針が空',
    fires: { filingDocs: [reportDraft(zeroReport({ zeroPolicy: '' }))] },
    expect: { severity: 'error', message: '「医療機関の今後の対応方針」を書いてください', doc: 'report/rep-1', field: 'zeroPolicy' },
    silent: { filingDocs: [reportDraft(zeroReport())] },
    silentName: '0件の理由と今後の対応方針がある',
  },
  {
    id: 'R-X-1',
    name: '承認番号が15桁',
    fires: { masters: (m) => ({ ...m, products: m.products.map((p) => (p.id === 'sample-product-fl' ? { ...p, approvalNumber: '30200BZX0028900' } : p)) }) },
    expect: { severity: 'error', message: '16桁', doc: 'masters/products' },
    silent: { masters: (m) => ({ ...m, products: m.products.map((p) => (p.id === 'sample-product-fl' ? { ...p, approvalNumber: '３０２００ＢＺＸ００２８９０００' } : p)) }) },
    silentName: '全角で入力した16桁',
  },
  {
    id: 'R-X-2',
    name: '適応内・適応外が選ばれていない',
    fires: { masters: (m) => ({ ...m, products: m.products.map((p) => (p.id === 'sample-product-fl' ? { ...p, labelUse: '' } : p)) }) },
    expect: { severity: 'error', message: '適応内・適応外・未承認のどれか', doc: 'masters/products', field: 'labelUse' },
    silent: { masters: (m) => ({ ...m, products: m.products.map((p) => (p.id === 'sample-product-fl' ? { ...p, labelUse: '未承認', approvalNumber: '', approvedIndication: '', usage: '術中に使用する。' } : p)) }) },
    silentName: '未承認で適応が空欄',
  },
  {
    id: 'R-X-3',
    name: '適応外の品目を使う先進医療A',
    fires: { project: { category: 'A' } },
    expect: { severity: 'error', message: '先進医療Bとして届け出ます', doc: Y3, field: 'materials' },
    silent: { project: { category: 'A' }, forms: { [Y3]: { materials: [] } } },
    silentName: '適応外の品目を使わない先進医療A',
  },
  {
    id: 'R-X-4',
    name: '補償の有無が様式第1号と第3号で違う',
    fires: { forms: { [Y1]: { compensation: '無' } } },
    expect: { severity: 'warning', message: '補償の有無が様式第1号（無）と様式第3号（有）で異なります', doc: Y1, field: 'compensation' },
    silent: { forms: { [Y1]: { compensation: '有' }, [Y3]: { compensation: '有' } } },
    silentName: '両方とも「有」',
  },
  {
    id: 'R-X-5',
    name: '手術なのに助手としての経験症例数がない',
    fires: { masters: (m) => ({ ...m, people: m.people.map((p) => (p.id === 'sample-yamada' ? { ...p, casesAssistant: '' } : p)) }) },
    expect: { severity: 'error', message: '山田 健の経験症例数（助手として）がありません', doc: 'roster', field: 'casesOperator' },
    silent: { masters: (m) => ({ ...m, people: m.people.map((p) => (p.id === 'sample-yamada' ? { ...p, casesAssistant: '' } : p)) }), forms: { 'besshi1/yoshiki9': { physCasesAssistant: { need: '不要', value: '' } } } },
    silentName: '検査（助手の要件なし）では術者の数だけ',
  },
  {
    id: 'R-X-6',
    name: '病床数が様式第9号の要件に足りない',
    fires: { forms: { [Y82]: { beds: '150床' } } },
    expect: { severity: 'warning', message: '病床数が150で、様式第9号の要件（200以上）', doc: Y82, field: 'beds' },
    silent: { forms: { [Y82]: { beds: '２００床' } } },
    silentName: 'ちょうど要件の病床数',
  },
  {
    id: 'R-X-7',
    name: '文献に学会抄録',
    fires: { forms: { [Y3]: { literature: '1) 架空太郎. 第80回日本消化器外科学会総会 抄録集. 2025.' } } },
    expect: { severity: 'warning', message: '学会抄録・教科書', doc: Y3, field: 'literature' },
    silent: { forms: { [Y3]: { literature: '1) Kitagawa Y, et al. J Clin Oncol. 2013;31:3704-3710.' } } },
    silentName: '原著論文だけ',
  },
  {
    id: 'R-X-8',
    name: '実施診療科が「病理部」',
    fires: { masters: (m) => ({ ...m, people: m.people.map((p) => (p.id === 'sample-yamada' ? { ...p, department: '病理部' } : p)) }) },
    expect: { severity: 'warning', message: '「病理部」', doc: 'roster', field: 'department' },
    silent: { masters: (m) => ({ ...m, people: m.people.map((p) => (p.id === 'sample-yamada' ? { ...p, department: '病理診断科' } : p)) }) },
    silentName: '広告可能な「病理診断科」',
  },
  {
    id: 'R-F-5',
    name: '知った日から20日後（期限15日）の重篤な有害事象等報告で遅延理由が空',
    fires: { filingDocs: [saeDraft()] },
    expect: { severity: 'error', message: '遅延理由を入力してください', doc: 'adverse-event/sae-1', field: 'delayReason' },
    silent: { filingDocs: [saeDraft({ delayReason: '主治医の不在により判断が遅れたため。' })] },
    silentName: '遅延理由を書いた',
  },
  {
    id: 'R-ETH',
    name: '委員4名の委員会（先進医療B）',
    fires: { masters: (m) => ({ ...m, committees: m.committees.map((c) => ({ ...c, members: c.members.slice(0, 4) })) }) },
    expect: { severity: 'error', message: '委員は5名以上必要です（いま4名）', doc: 'masters/committees', field: 'members' },
    silent: { masters: (m) => ({ ...m, committees: m.committees.map((c) => ({ ...c, members: [...c.members, member(6)] })) }) },
    silentName: '6名で要件を満たす委員会',
  },
  {
    id: 'R-E-1',
    name: 'マスタ（診療科）が空で様式第8-2号の表も書いていない（空の表が印刷される）',
    fires: { masters: (m) => ({ ...m, departments: [] }) },
    expect: { severity: 'error', message: '「診療科別の常勤医師数」が空欄のまま印刷されます', doc: Y82, field: 'doctorsByDept' },
    silent: { masters: (m) => ({ ...m, departments: [] }), forms: { [Y82]: { doctorsByDept: [{ department: '外科', count: '12名' }] } } },
    silentName: 'マスタは空でも、様式第8-2号の表に診療科と常勤医師数を書いた',
  },
  {
    id: 'R-REF',
    name: '様式第2号で選んだ倫理審査委員会がマスタから削除された',
    fires: { masters: (m) => ({ ...m, committees: [] }) },
    expect: { severity: 'error', message: '倫理審査委員会がマスタ（倫理審査委員会）にありません', doc: 'besshi1/yoshiki2', field: 'committeeId' },
    silent: { masters: (m) => ({ ...m, committees: m.committees.map((c) => ({ ...c, name: `${c.name}（改称）` })) }) },
    silentName: '改称しただけの委員会（同じ委員会を選んだまま）',
  },
  {
    id: 'R-F-2',
    name: '事前相談から6か月を過ぎた届出日',
    fires: { project: { filingDate: '2027-07-13' } },
    expect: { severity: 'error', message: '6か月を過ぎています', doc: 'jizen-soudan', field: 'heldOn' },
    silent: { project: { filingDate: '2027-07-12' } },
    silentName: '6か月の最終日（初日不算入）',
  },
  {
    id: 'R-F-3',
    name: '希望日が祝日（事前相談の前）',
    fires: { consultation: { heldOn: '', slots: [{ date: '2027-04-29', start: '14:00', end: '15:00' }, { date: '2027-05-06', start: '14:00', end: '15:00' }, { date: '2027-05-07', start: '14:00', end: '15:00' }] } },
    expect: { severity: 'warning', message: '祝日（昭和の日）', doc: 'jizen-soudan', field: 'slots' },
    silent: { consultation: { heldOn: '', slots: [{ date: '2027-05-06', start: '14:00', end: '15:00' }, { date: '2027-05-07', start: '14:00', end: '15:00' }, { date: '2027-05-10', start: '14:00', end: '15:00' }] } },
    silentName: '平日の午後の3希望',
  },
  {
    id: 'R-F-6',
    name: '様式第2号の承認年月日が届出日より後',
    fires: { forms: { [Y2]: { approvedOn: '2027-04-12' } } },
    expect: { severity: 'error', message: '届出日（令和９年４月５日）より後', doc: Y2, field: 'approvedOn' },
    silent: { forms: { [Y2]: { approvedOn: '2027-04-05' } } },
    silentName: '届出日当日の承認',
  },
  {
    id: 'R-F-4',
    name: '令和元年4月（令和の前）',
    fires: { forms: { [Y3]: { maturity: '令和元年4月1日から院内で実施している。' } } },
    expect: { severity: 'error', message: '令和の期間外', doc: Y3, field: 'maturity' },
    silent: { forms: { [Y3]: { maturity: '令和元年5月1日から院内で実施している。' } } },
    silentName: '令和元年5月1日',
  },
  {
    id: 'R-REQ',
    name: '先進医療Bで「モニタリング体制」が空',
    fires: { forms: { [Y3]: { monitoring: '  ' } } },
    expect: { severity: 'error', message: '様式第3号「８．モニタリング体制及び実施方法」が未記入です（先進医療Bでは必須）', doc: Y3, field: 'monitoring' },
    silent: { project: { category: 'A' }, forms: { [Y3]: { monitoring: '', materials: [] } } },
    silentName: '先進医療Aでは「モニタリング体制」は任意',
  },
];

describe('each rule fires on its fixture and not on a near miss', () => {
  for (const f of FIXTURES) {
    test(`${f.id} fires: ${f.name}`, () => {
      const hits = findingsOf(f.fires, f.id);
      const hit = hits.find((h) => h.message.includes(f.expect.message));
      expect(hit, hits.map((h) => h.message).join('\n') || '(no finding)').toBeDefined();
      expect(hit?.severity).toBe(f.expect.severity);
      expect(hit?.locations.some((l) => l.doc === f.expect.doc && (f.expect.field === undefined || l.field === f.expect.field))).toBe(true);
      expect(hit?.basis).toMatch(/記載要領|様式|指針|事前相談|告示|委員会|照会/);
    });
    test(`${f.id} is silent: ${f.silentName}`, () => {
      expect(findingsOf(f.silent, f.id).map((h) => h.message)).toEqual([]);
    });
  }
});

test('the sample project has no findings at all (zero エラー)', () => {
  expect(findingsOf().map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
});

test('every rule of the catalogue has a firing and a silent fixture (print preflight has its own file)', () => {
  const ids = new Set(RULES.map((r) => r.id).filter((id) => !id.startsWith('PRE-')));
  expect([...ids].filter((id) => !FIXTURES.some((f) => f.id === id))).toEqual([]);
});
