/**
 * A large project for the consistency-check bench (issue 5 item 8), built from the sample as the
 * app stores it (shared/samples/sample-export.ts): 200 products in the 医薬品・医療機器 master, all
 * picked in 様式第3号; 50 people in the 職員名簿 and 様式第8-1号's 実施者; 20 rows in 様式第2号's
 * 実施医療機関; 20 members of the 倫理審査委員会; every longtext field about 10,000 characters of
 * Japanese prose with 円 amounts and dates. Every row passes the stored-row schemas and the
 * cross-checks an import runs, so it is a file the app would accept.
 */
import { parseIsoDate, type YMD } from '../shared/dates/iso-date';
import { crossCheck, type WorkspaceData } from '../shared/io/envelope';
import { formAnswersRowSchema, settingRowSchema, type SettingRow } from '../shared/io/records';
import { fieldsOf } from '../shared/forms/field';
import { FORMS } from '../shared/forms/registry';
import { formatYen } from '../shared/money/yen';
import type { Product } from '../shared/model/master';
import type { Person } from '../shared/model/person';
import { sampleFacts, type Sample } from '../shared/samples/sample';
import { sampleWorkspaceData } from '../shared/samples/sample-export';

export const STRESS = { products: 200, people: 50, sites: 20, members: 20, textChars: 10_000 } as const;

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '清水'];
const GIVEN = ['健一', '直子', '翔太', '美咲', '大輔', '由美', '拓也', '恵', '誠', '陽子', '亮', '香織'];
const DEPTS = ['消化器外科', '消化器内科', '麻酔科', '病理診断科', '放射線科', '外科', '内科', '腫瘍内科'];
const TITLES = ['教授', '准教授', '講師', '助教', '医員', '専攻医'];
const name = (i: number): string => `${FAMILY[i % FAMILY.length] ?? ''} ${GIVEN[(i * 7) % GIVEN.length] ?? ''}`;
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

function people(base: readonly Person[]): Person[] {
  const extra = Array.from({ length: STRESS.people - base.length }, (_, i): Person => ({
    id: `stress-person-${i + 1}`,
    name: name(i + 3),
    department: pick(DEPTS, i),
    title: pick(TITLES, i),
    qualification: i % 3 === 0 ? '日本外科学会外科専門医、日本消化器外科学会消化器外科専門医' : '日本外科学会外科専門医',
    fullTime: i % 9 === 8 ? '非常勤' : '常勤',
    yearsInDept: `${3 + (i % 20)}年`,
    yearsInTech: `${1 + (i % 8)}年`,
    casesOperator: `${i % 30}例`,
    casesAssistant: `${5 + (i % 40)}例`,
    experienceAsOf: '2026-04-01',
  }));
  return [...base, ...extra];
}

function products(base: readonly Product[]): Product[] {
  const kinds = [...Array<Product['kind']>(100).fill('医療機器'), ...Array<Product['kind']>(60).fill('医療材料'), ...Array<Product['kind']>(40).fill('医薬品')];
  const need = new Map<Product['kind'], number>();
  for (const k of kinds) need.set(k, (need.get(k) ?? 0) + 1);
  for (const p of base) need.set(p.kind, (need.get(p.kind) ?? 0) - 1);
  const extra: Product[] = [];
  for (const [kind, n] of need) {
    for (let i = 0; i < n; i++) {
      const k = extra.length + 1;
      const off = k % 4 === 0;
      extra.push({
        id: `stress-product-${k}`,
        kind,
        name: kind === '医療機器' ? `腹腔鏡用把持鉗子 タイプ${k}` : kind === '医療材料' ? `吸収性縫合糸 ${k}号` : `注射用医薬品${k} 10mg`,
        maker: `架空メディカル${k % 7}株式会社（03-0000-${String(1000 + k).slice(-4)}）`,
        spec: `MD-${1000 + k}`,
        approvalNumber: `${30200 + k}BZX${String(k).padStart(8, '0')}`,
        approvedIndication: '内視鏡下外科手術において組織の把持、剥離及び切開に用いる。',
        labelUse: off ? '適応外' : '適応内',
        usage: off ? `本技術においてセンチネルリンパ節の同定に用いる（第${k}版の手順書に従う）。` : '',
      });
    }
  }
  return [...base, ...extra];
}

/** Realistic 様式 prose with 円 amounts and dates, about `chars` characters long. */
export function longJapanese(seed: number, chars: number, facts: { readonly approvedOn: YMD; readonly total?: number }): string {
  const y = (n: number): string => `${formatYen(n)}円`;
  // One field keeps to one calendar, 西暦 or 和暦 (令和), as a careful writer does (R-F-4).
  const date = (d: YMD): string => `${seed % 2 === 0 ? `${d.year}年` : `令和${d.year - 2018}年`}${d.month}月${d.day}日`;
  const general = [
    (k: number) => `${date({ year: 2027, month: 1 + (k % 12), day: 1 + (k % 28) })}から${date({ year: 2029, month: 3, day: 31 })}までの間に、早期胃がん（cT1N0M0）と診断された患者${20 + (k % 60)}例を登録する。`,
    () => '手術前日に内視鏡下でインドシアニングリーンを腫瘍周囲の粘膜下4か所に局注し、手術時に近赤外蛍光観察でセンチネルリンパ節を同定して摘出する。',
    (k: number) => `研究費として${y(1_200_000 + k * 1000)}を計上し、データマネジメントの委託費用は年間${y(350_000 + k * 100)}である。`,
    () => '摘出したリンパ節は術中迅速病理診断に提出し、転移陰性であれば縮小胃切除術を行い、陽性であれば定型的な胃切除術とD2郭清を行う。',
    (k: number) => `${date(facts.approvedOn)}に開催した倫理審査委員会において、計画書第${1 + (k % 5)}版の承認を得た。`,
    () => '有害事象は共通用語規準に従って評価し、重篤な有害事象は知り得た日から7日以内に実施責任医師に報告する。',
    () => '主要評価項目は術後1年時の体重減少率とし、副次評価項目は術後合併症の発生割合、無再発生存期間及び生活の質とする。',
    (k: number) => `協力医療機関${1 + (k % 20)}施設では、外科系当直医師${1 + (k % 3)}名の体制で術後管理を行う。`,
  ];
  const cost = facts.total;
  const costLines = cost !== undefined
    ? [
        () => `先進医療にかかる費用は${y(cost)}であり、その全額を患者負担とする。`,
        (k: number) => `保険診療分の一部負担金（3割）は約${y(600_000 + k * 10)}となる。`,
        () => '内訳は機器の償却費、医師・看護師等の人件費、医療材料及び医薬品の費用である。',
      ]
    : [];
  const lines = [...general.filter((_, i) => cost === undefined || i !== 2), ...costLines];
  const parts: string[] = [];
  let n = 0;
  for (let k = 0; n < chars; k++) {
    const line = (lines[(seed + k) % lines.length] ?? (() => ''))(seed * 31 + k);
    const s = k % 6 === 0 ? `（${1 + k / 6}）${line}` : line;
    parts.push(k % 6 === 5 ? `${s}\n` : s);
    n += s.length;
  }
  return parts.join('');
}

/**
 * The stress project as stored rows (one project, its settings), checked like an import.
 * `textChars` says how long each longtext field is written (bench/realistic-project.ts writes less).
 */
export function stressProject(sample: Sample, at: string, textChars: (formId: string, key: string) => number = () => STRESS.textChars): WorkspaceData {
  const base = sampleWorkspaceData(sample, 'stress', at);
  const total = sampleFacts(sample).cost.total;
  // The prose states the committee's approval on the date 様式第2号 gives, as a coordinator would.
  const typed = sample.forms.get('besshi1/yoshiki2')?.approvedOn;
  const approvedOn = (typeof typed === 'string' ? parseIsoDate(typed) : undefined) ?? { year: 2027, month: 2, day: 15 };
  const roster = people(sample.people);
  const master = products(sample.masters.products);
  const committees = sample.masters.committees.map((c, ci) =>
    ci > 0
      ? c
      : {
          ...c,
          members: Array.from({ length: STRESS.members }, (_, i) => ({
            id: `stress-member-${i + 1}`,
            name: name(i + 11),
            position: i % 3 === 0 ? '架空大学医学部 教授' : i % 3 === 1 ? '架空法律事務所 弁護士' : '架空市民の会 会員',
            category: i % 3 === 0 ? ('医学・医療の専門家等、自然科学の有識者' as const) : i % 3 === 1 ? ('倫理学・法律学の専門家等、人文・社会科学の有識者' as const) : ('一般の立場を代表する者' as const),
            external: i % 2 === 0 ? ('内部' as const) : ('外部' as const),
            sex: i % 2 === 0 ? ('男' as const) : ('女' as const),
          })),
        },
  );
  const costFields = new Set(['besshi1/yoshiki3#patientBurden', 'besshi1/yoshiki5#costText', 'besshi1/yoshiki6#typicalCase']);
  let seed = 0;
  const formAnswers = base.formAnswers.map((row) => {
    const form = FORMS.find((f) => f.id === row.formId);
    const answers: Record<string, unknown> = { ...row.answers };
    for (const f of form ? fieldsOf(form.answers) : []) {
      if (f.meta.kind === 'longtext') answers[f.key] = longJapanese(seed++, textChars(row.formId, f.key), costFields.has(`${row.formId}#${f.key}`) ? { approvedOn, total } : { approvedOn });
    }
    if (row.formId === 'besshi1/yoshiki3') {
      answers.devices = master.filter((p) => p.kind === '医療機器').map((p) => p.id);
      answers.materials = master.filter((p) => p.kind === '医療材料' || p.kind === '医薬品').map((p) => p.id);
    }
    if (row.formId === 'besshi1/yoshiki8-1') answers.performerIds = roster.map((p) => p.id).filter((id) => id !== sample.project.responsiblePhysicianId);
    if (row.formId === 'besshi1/yoshiki2') {
      answers.sites = Array.from({ length: STRESS.sites }, (_, i) => ({
        role: i < 2 ? '調整医療機関' : '協力医療機関',
        name: `架空${pick(['市立', '県立', '赤十字', '労災'], i)}病院${i + 1}`,
        department: pick(['外科', '胃外科', '消化器外科'], i),
        physician: `部長 ${name(i + 5)}`,
        duty: `外科系当直医師 ${1 + (i % 3)}名`,
        safety: `医療安全管理責任者 副院長 ${name(i + 8)}、医療安全管理委員会 月1回開催`,
      }));
    }
    return formAnswersRowSchema.parse({ ...row, answers });
  });
  const replace = (s: SettingRow): SettingRow =>
    settingRowSchema.parse(s.key === 'roster' ? { key: s.key, value: roster } : s.key === 'products' ? { key: s.key, value: master } : s.key === 'committees' ? { key: s.key, value: committees } : s);
  const data: WorkspaceData = { ...base, formAnswers, settings: base.settings.map(replace) };
  const problems = crossCheck(data);
  if (problems.length > 0) throw new Error(`stress project is not a file the app accepts: ${problems[0]?.where} ${problems[0]?.message}`);
  return data;
}
