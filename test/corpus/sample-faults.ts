/** Prose corpus (issue 16) — What an MHLW reviewer found in the old sample, and the second project's own passages. Fictional; written as coordinators write them. */
import type { CorpusEntry } from './corpus';

const Y11 = 'besshi1/yoshiki1-1';
const Y12 = 'besshi1/yoshiki1-2';
const Y2 = 'besshi1/yoshiki2';
const Y3 = 'besshi1/yoshiki3';
const Y82 = 'besshi1/yoshiki8-2';
const Y9 = 'besshi1/yoshiki9';

/** 補償・保険 as the old sample had them: 補償 無, 保険 有, nothing saying why. */
const OLD_INSURANCE = '臨床研究保険（架空損害保険株式会社）に加入する。';
const OLD_MEASURES = '本技術に起因する健康被害が生じた場合は、通常の保険診療の範囲で適切な医療を提供する。';
const compensation = (comp: '有' | '無', ins: '有' | '無', detail: string, measures: string) => ({
  forms: {
    [Y11]: { compensation: comp, insurance: ins, otherMeasures: measures },
    [Y12]: { compensation: comp, insurance: ins, otherMeasures: '様式第1-1号と同じ。' },
    [Y3]: { compensation: comp, insurance: ins, insuranceDetail: detail, otherMeasures: measures },
  },
});

/** The 協力医療機関 of 様式第2号 as the sample has them, the second one's 実施診療科 as given. */
const sites = (department: string, first = '外科') => ({
  forms: {
    [Y2]: {
      sites: [
        { role: '協力医療機関', name: '架空市立総合病院', department: first, physician: '部長 𠮷田 太郎', duty: '外科当直医師 1名', safety: '医療安全管理責任者 副院長 鈴木 次郎、医療安全委員会 月1回開催' },
        { role: '協力医療機関', name: '架空県立がんセンター', department, physician: '部長 佐藤 三郎', duty: '外科系当直医師 2名', safety: '医療安全管理責任者 院長補佐 伊藤 四郎、医療安全管理委員会 月1回開催' },
      ],
    },
  },
});

/** The sample's committee (its id is named by the 変更申請's approvals), its fifth member as given. */
const committee = (fifth: { readonly position: string; readonly external: '外部' | '内部' }, extra: readonly Record<string, unknown>[] = []) => ({
  masters: {
    committees: [
      {
        id: 'sample-committee',
        name: '架空大学医学部附属病院 倫理審査委員会',
        type: '倫理審査委員会',
        members: [
          { id: 'sample-member-1', name: '中村 和夫', position: '架空大学医学部 教授（内科学）', category: '医学・医療の専門家等、自然科学の有識者', external: '内部', sex: '男' },
          { id: 'sample-member-2', name: '小林 恵子', position: '架空大学医学部附属病院 看護部長', category: '医学・医療の専門家等、自然科学の有識者', external: '内部', sex: '女' },
          { id: 'sample-member-3', name: '加藤 正', position: '架空法律事務所 弁護士', category: '倫理学・法律学の専門家等、人文・社会科学の有識者', external: '外部', sex: '男' },
          { id: 'sample-member-4', name: '渡辺 由美', position: '架空市民の会 代表', category: '一般の立場を代表する者', external: '外部', sex: '女' },
          { id: 'sample-member-5', name: '山本 浩', position: fifth.position, category: '倫理学・法律学の専門家等、人文・社会科学の有識者', external: fifth.external, sex: '男' },
        ],
      },
      ...extra,
    ],
  },
});

const PERIOD_LISTED = 'サンプル: 登録期間・追跡期間と研究期間の終了日' as const;
const INSURANCE_LISTED = 'サンプル: 補償 無・保険 有で措置の説明がない' as const;
const DEPT_LISTED = 'サンプル: 協力医療機関の診療科が様式第9号の要件を満たさない' as const;
const MEMBER_LISTED = 'サンプル: 開設者と同じ大学の委員が外部委員' as const;
const CASES_LISTED = 'サンプル: 既に実績のある症例数が様式第3号と第8-2号で異なる' as const;

export const sampleFaultEntries: readonly CorpusEntry[] = [
  // ── 予定試験期間: 告示 2027-07-01, 登録3年＋追跡5年 cannot end 2031-03-31 (R-P-4) ─────────────────
  {
    id: 'f-period-old-sample',
    family: '様式第3号',
    shape: '旧サンプルの予定試験期間：告示日から2031年3月31日まで（登録期間3年、追跡期間5年）',
    edit: { forms: { [Y3]: { period: '告示日から2031年3月31日まで（登録期間3年、追跡期間5年）' } } },
    expect: ['R-P-4'],
    listed: PERIOD_LISTED,
  },
  {
    id: 'f-period-as-filed',
    family: '様式第3号',
    shape: '新規届出時の予定試験期間：告示日から2035年6月30日まで（登録3年＋追跡5年が収まる）',
    edit: { forms: { [Y3]: { period: '告示日から2035年6月30日まで（登録期間3年、追跡期間5年）' } } },
    expect: [],
  },
  {
    id: 'f-period-wareki-fits',
    family: '様式第3号',
    shape: '和暦・全角数字で告示日から令和１９年６月３０日まで（登録５年・追跡５年）',
    edit: { forms: { [Y3]: { period: '告示日から令和１９年６月３０日まで（登録期間５年、追跡期間５年）' } } },
    expect: [],
  },

  // ── 補償 無 while 保険 有, no 措置 saying why (R-X-4) ───────────────────────────────────────────
  {
    id: 'f-insurance-old-sample',
    family: '様式第3号',
    shape: '旧サンプル：補償 無・保険 有、保険の内容は加入先だけ、その他の措置は保険診療',
    edit: compensation('無', '有', OLD_INSURANCE, OLD_MEASURES),
    expect: ['R-X-4'],
    listed: INSURANCE_LISTED,
  },
  {
    id: 'f-insurance-measures-imply-compensation',
    family: '様式第3号',
    shape: '補償 無・保険 有、その他の措置は「補償金の対象とならない健康被害にも…」（補償があるかのような文）',
    edit: compensation('無', '有', OLD_INSURANCE, '補償金の対象とならない健康被害が生じた場合も、通常の保険診療の範囲で適切な医療を提供する。'),
    expect: ['R-X-4'],
    listed: INSURANCE_LISTED,
  },
  {
    id: 'f-insurance-compensation-cover',
    family: '様式第3号',
    shape: '補償 無なのに保険の内容が「補償責任保険」を含むと書く',
    edit: compensation('無', '有', '臨床研究保険（架空損害保険株式会社）に加入し、補償責任保険及び賠償責任保険を付保する。', OLD_MEASURES),
    expect: ['R-X-4'],
    listed: INSURANCE_LISTED,
  },
  {
    id: 'f-insurance-liability-only',
    family: '様式第3号',
    shape: '補償 無・保険 有、保険は賠償責任のみを対象と説明',
    edit: compensation(
      '無',
      '有',
      '臨床研究保険（架空損害保険株式会社）に加入する。ただし、対象は実施医療機関及び研究者の法律上の賠償責任のみであり、補償金の支払は対象としない。',
      '本技術は保険診療として確立した術式の範囲で行うため、補償金は設けない。本技術に起因する健康被害が生じた場合は、通常の保険診療の範囲で適切な医療を提供する。',
    ),
    expect: [],
  },
  {
    id: 'f-insurance-no-compensation-stated',
    family: '様式第3号',
    shape: '補償 無・保険 有、その他の措置で「補償は行わない」理由を書く',
    edit: compensation('無', '有', '賠償責任保険（架空損害保険株式会社）に加入する。', '健康被害に対する補償は行わない（本技術の侵襲は通常の腹腔鏡下手術と同程度であるため）。健康被害が生じた場合は、通常の保険診療の範囲で適切な医療を提供する。'),
    expect: [],
  },
  {
    id: 'f-insurance-none',
    family: '様式第3号',
    shape: '補償 無・保険 無、医療の提供のみ',
    edit: compensation('無', '無', '', OLD_MEASURES),
    expect: [],
  },
  {
    id: 'f-insurance-fixed',
    family: '様式第3号',
    shape: '補償 有・保険 有、保険の内容に補償金と賠償責任（直したサンプルの書き方を全角数字で）',
    edit: compensation('有', '有', '臨床研究保険（架空損害保険株式会社）に加入し、死亡・後遺障害（１級・２級）の補償金及び賠償責任を対象とする。', '補償金の対象とならない健康被害にも、通常の保険診療の範囲で適切な医療を提供する。'),
    expect: [],
  },

  // ── 協力医療機関の実施診療科 and 様式第9号's 「消化器外科又は外科」 (R-X-6) ──────────────────────────
  {
    id: 'f-dept-old-sample',
    family: '様式第3号',
    shape: '旧サンプル：協力医療機関の実施診療科「胃外科」、様式第9号は「消化器外科又は外科」',
    edit: sites('胃外科'),
    expect: ['R-X-6'],
    listed: DEPT_LISTED,
  },
  {
    id: 'f-dept-internal-medicine',
    family: '様式第3号',
    shape: '協力医療機関の実施診療科が「消化器内科」',
    edit: sites('消化器内科', '消化器外科'),
    expect: ['R-X-6'],
    listed: DEPT_LISTED,
  },
  {
    id: 'f-dept-either',
    family: '様式第3号',
    shape: '「外科」と全角空白入りの「消化器　外科」（要件のどちらか）',
    edit: sites('消化器　外科'),
    expect: [],
  },
  {
    id: 'f-dept-parenthesised',
    family: '様式第3号',
    shape: '「外科（上部消化管）」のように括弧書きの付いた診療科',
    edit: sites('外科（上部消化管）', '消化器外科'),
    expect: [],
  },
  {
    id: 'f-dept-open-requirement',
    family: '様式第3号',
    shape: '様式第9号が「外科系診療科」と開いた書き方なら胃外科も問わない',
    edit: { forms: { ...sites('胃外科').forms, [Y9]: { physDept: { need: '要', value: '外科系診療科' } } } },
    expect: [],
  },
  {
    id: 'f-dept-wakamono',
    family: '様式第3号',
    shape: '様式第9号が「消化器外科、外科若しくは小児外科」、協力医療機関が小児外科',
    edit: { forms: { ...sites('小児外科').forms, [Y9]: { physDept: { need: '要', value: '消化器外科、外科若しくは小児外科' } } } },
    expect: [],
  },

  // ── 外部委員 from the founder's own university (R-ETH) ────────────────────────────────────────
  {
    id: 'f-member-old-sample',
    family: '様式第3号',
    shape: '旧サンプル：外部委員が「架空大学法学部 准教授」、開設者は国立大学法人架空大学',
    edit: committee({ position: '架空大学法学部 准教授（生命倫理）', external: '外部' }),
    expect: ['R-ETH'],
    listed: MEMBER_LISTED,
  },
  {
    id: 'f-member-hospital-staff',
    family: '様式第3号',
    shape: '外部委員が病院の事務部長（全角空白区切り）',
    edit: committee({ position: '架空大学医学部附属病院　事務部長', external: '外部' }),
    expect: ['R-ETH'],
    listed: MEMBER_LISTED,
  },
  {
    id: 'f-member-other-university',
    family: '様式第3号',
    shape: '外部委員が別の大学（虚構学院大学）の准教授',
    edit: committee({ position: '虚構学院大学法学部 准教授（生命倫理）', external: '外部' }),
    expect: [],
  },
  {
    id: 'f-member-similar-name',
    family: '様式第3号',
    shape: '外部委員が「新架空大学」（名前に架空大学を含む別の大学）',
    edit: committee({ position: '新架空大学 人文学部 教授', external: '外部' }),
    expect: [],
  },
  {
    id: 'f-member-marked-internal',
    family: '様式第3号',
    shape: '架空大学法学部の委員を「内部」とした（外部委員は2名で足りる）',
    edit: committee({ position: '架空大学法学部 准教授（生命倫理）', external: '内部' }),
    expect: [],
  },
  {
    id: 'f-member-former-staff',
    family: '様式第3号',
    shape: '外部委員が「元架空大学医学部附属病院 看護部長」（退職者）',
    edit: committee({ position: '元架空大学医学部附属病院 看護部長', external: '外部' }),
    expect: [],
  },

  // ── 既に実績のある症例数: 様式第3号 and 様式第8-2号 (R-P-6) ─────────────────────────────────────
  {
    id: 'f-cases-differ',
    family: '様式第3号',
    shape: '様式第8-2号の実施症例数が「43例」、様式第3号は45例',
    edit: { forms: { [Y82]: { casesDone: '43例' } } },
    expect: ['R-P-6'],
    listed: CASES_LISTED,
  },
  {
    id: 'f-cases-fullwidth',
    family: '様式第3号',
    shape: '様式第8-2号の実施症例数を全角で「４５例」',
    edit: { forms: { [Y82]: { casesDone: '４５例' } } },
    expect: [],
  },

  // ── The second project (test/corpus/second-project.json): its own clean passages, written as its coordinator would ──
  {
    id: 'f2-burden-split-one-sentence',
    family: '様式第3号',
    shape: '一文で「このうち５万円を患者の負担とし、残る４２，５８０円は当院が負担する」（積算も一部負担）',
    base: 'second',
    edit: { forms: { [Y3]: { patientBurden: '先進医療に係る費用は１症例当たり９２，５８０円である。このうち５万円を患者の負担とし、残る４２，５８０円は当院が負担する（架空県がん研究振興基金の研究助成を充てる）。保険診療分は通常の一部負担金となる。' } } },
    expect: [],
    mustNot: ['R-C-5'],
  },
  {
    id: 'f2-rationale-needed-and-planned',
    family: '様式第3号',
    shape: '設定根拠に「必要な３２例に、脱落を約１割見込んで３６例とした」（必要数と予定症例数）',
    base: 'second',
    edit: { forms: { [Y3]: { rationale: '当院と協力医療機関を合わせて年間１２例程度の登録を見込み、登録期間を３年間、追跡期間を最終症例登録後２年間とした。予定症例数は、閾値１年生存割合を３０％、期待１年生存割合を５５％とし、片側有意水準５％、検出力８０％で必要な３２例に、脱落を約１割見込んで３６例とした。' } } },
    expect: [],
    mustNot: ['R-P-1'],
  },
  {
    id: 'f2-period-too-short',
    family: '様式第3号',
    shape: '和暦の終了日に登録３年間・追跡２年間が収まらない（告示前に届出、令和１４年３月３１日まで）',
    base: 'second',
    edit: { forms: { [Y3]: { period: '告示日から令和１４年３月３１日まで（登録期間：告示日から３年間、追跡期間：最終症例登録後２年間）' } } },
    expect: ['R-P-4'],
  },
  {
    id: 'f2-insurance-liability-only',
    family: '様式第3号',
    shape: '補償 無・保険 有、保険の内容で「賠償責任のみ」と説明（全角数字・括弧書き）',
    base: 'second',
    edit: {
      forms: {
        [Y11]: { compensation: '無', otherMeasures: '本研究に起因する健康被害が生じた場合は、当院及び協力医療機関で速やかに適切な診療を行う（医療費は通常の保険診療として扱う。）。' },
        [Y3]: { compensation: '無', insuranceDetail: '臨床研究保険（虚構海上火災保険株式会社）に加入する。対象は研究者及び実施医療機関の法律上の賠償責任のみで、補償金の支払は対象としない。', otherMeasures: '本研究に起因する健康被害が生じた場合は、当院及び協力医療機関で速やかに適切な診療を行う（医療費は通常の保険診療として扱う。）。' },
      },
    },
    expect: [],
  },
  {
    id: 'f2-insurance-unexplained',
    family: '様式第3号',
    shape: '補償 無・保険 有、保険の内容は保険会社名だけ',
    base: 'second',
    edit: {
      forms: {
        [Y11]: { compensation: '無', otherMeasures: '本研究に起因する健康被害が生じた場合は、速やかに適切な診療を行う。' },
        [Y3]: { compensation: '無', insuranceDetail: '臨床研究保険（虚構海上火災保険株式会社）に加入する。', otherMeasures: '本研究に起因する健康被害が生じた場合は、速やかに適切な診療を行う。' },
      },
    },
    expect: ['R-X-4'],
    listed: INSURANCE_LISTED,
  },
  {
    id: 'f2-site-department-surgery',
    family: '様式第3号',
    shape: '協力医療機関の実施診療科が「外科」、様式第9号は「腫瘍内科又は消化器内科」',
    base: 'second',
    edit: { forms: { [Y2]: { sites: [{ role: '協力医療機関', name: '虚構市民病院', department: '外科', physician: '科長 長谷川 誠', duty: '外科系当直医師 1名', safety: '医療安全推進委員会 毎月開催' }] } } },
    expect: ['R-X-6'],
    listed: DEPT_LISTED,
  },
  {
    id: 'f2-member-own-hospital-external',
    family: '様式第3号',
    shape: '認定臨床研究審査委員会の外部委員が「架空県立中央病院 看護部長」',
    base: 'second',
    edit: {
      masters: {
        committees: [
          {
            id: 'second-crb',
            name: '架空県立中央病院 臨床研究審査委員会',
            type: '認定臨床研究審査委員会',
            members: [
              { id: 'second-m1', name: '吉川 達也', position: '架空県立中央病院 副院長（循環器内科）', category: '医学・医療の専門家等、自然科学の有識者', external: '内部', sex: '男' },
              { id: 'second-m2', name: '松井 亜希子', position: '架空県立中央病院 薬剤部長', category: '医学・医療の専門家等、自然科学の有識者', external: '内部', sex: '女' },
              { id: 'second-m3', name: '石田 和人', position: '架空県立中央病院 看護部長', category: '医学・医療の専門家等、自然科学の有識者', external: '外部', sex: '男' },
              { id: 'second-m4', name: '前田 玲奈', position: 'みなと総合法律事務所 弁護士', category: '倫理学・法律学の専門家等、人文・社会科学の有識者', external: '外部', sex: '女' },
              { id: 'second-m5', name: '野口 修', position: '虚構学院大学 文学部 教授（倫理学）', category: '倫理学・法律学の専門家等、人文・社会科学の有識者', external: '外部', sex: '男' },
              { id: 'second-m6', name: '平野 みどり', position: '架空市 患者会「ひまわり」 代表', category: '一般の立場を代表する者', external: '外部', sex: '女' },
            ],
          },
        ],
      },
    },
    expect: ['R-ETH'],
    listed: MEMBER_LISTED,
  },
  {
    id: 'f2-cases-differ-fullwidth',
    family: '様式第3号',
    shape: '様式第8-2号の実施症例数「１７例」と様式第3号の「１８例」（全角）',
    base: 'second',
    edit: { forms: { [Y82]: { casesDone: '１７例' } } },
    expect: ['R-P-6'],
    listed: CASES_LISTED,
  },
];
