/**
 * Resolved filings for the 変更申請 tests, made from the bundled sample (a fictional 先進医療B at
 * 架空大学医学部附属病院) the way resolveFiling makes them: the approved baseline as filed, and
 * working copies changed the way coordinators change an approved plan.
 */
import { resolvedFilingSchema, type ResolvedFiling } from '../../../shared/filings/as-filed';
import { TEMPLATE_SETS } from '../../../shared/filings/template-sets';
import { OFFICIAL_FAX_DESTINATION, emptyInstitutionProfile } from '../../../shared/forms/jizen-soudan/schema';
import { FORMS } from '../../../shared/forms/registry';
import { formVersion } from '../../../shared/forms/versioning';
import type { Product } from '../../../shared/model/master';
import { siteSchema, type Site } from '../../../shared/model/site';
import { projectSchema } from '../../../shared/model/project';
import { loadSample } from '../../helpers/sample';

const T = '2027-01-01T00:00:00.000Z';

/** The sample as approved: filed 2027-04-05, its cost paid from 研究費 (nothing charged to the patient), 3 years of 登録期間. */
export function baseline(): ResolvedFiling {
  const s = loadSample();
  const filed = resolvedFilingSchema.parse({
    kind: 'new',
    packageId: 'new-b',
    templateSetId: TEMPLATE_SETS[TEMPLATE_SETS.length - 1]?.id,
    filingDate: '2027-04-05',
    filedOn: '2027-04-05',
    method: '郵送',
    project: projectSchema.parse({ id: 'sample', ...s.project, createdAt: T, updatedAt: T }),
    institution: { ...emptyInstitutionProfile(), institutionName: '架空大学医学部附属病院', address: '東京都架空区架空町一丁目2番3号', founderName: '国立大学法人架空大学 学長 架空 一郎' },
    faxDestination: OFFICIAL_FAX_DESTINATION,
    masters: { people: s.people, ...s.masters },
    cost: { ...s.cost, patientPays: { mode: 'part', patientCharge: 0 } },
    forms: FORMS.map((f) => ({ formId: f.id, version: formVersion(f), answers: s.forms.get(f.id) ?? f.empty() })),
    sites: [],
  });
  return withAnswers(filed, 'besshi1/yoshiki3', (a) => ({ ...a, period: PERIOD_BEFORE, patientBurden: BURDEN_BEFORE, publication: PUBLICATION }));
}

/** A copy of `r` with one 様式's answers changed. */
export function withAnswers(r: ResolvedFiling, formId: string, change: (a: Record<string, unknown>) => Record<string, unknown>): ResolvedFiling {
  return { ...r, forms: r.forms.map((f) => (f.formId === formId ? { ...f, answers: change({ ...f.answers }) } : f)) };
}

export function answersOf(r: ResolvedFiling, formId: string): Record<string, unknown> {
  return r.forms.find((f) => f.formId === formId)?.answers ?? {};
}

export const NEW_DEVICE: Product = {
  id: 'product-vi5000',
  kind: '医療機器',
  name: '近赤外蛍光イメージングシステム　ＶＩ－５０００',
  maker: '架空光学株式会社（045-000-0000）',
  spec: 'VI-5000（カメラヘッド CH-2）',
  approvalNumber: '30600BZX00112000',
  approvedIndication: '体腔内の観察及び近赤外蛍光観察（インドシアニングリーンを用いる場合に限る。）',
  labelUse: '適応内',
  usage: '',
};

export const NEW_EQUIPMENT = { id: 'eq3', name: '近赤外蛍光イメージングシステム　ＶＩ－５０００', purchasePrice: 30_000_000, residualValue: 3_000_000, usefulLifeYears: 6, usesPerYear: 400, purchasedOn: '2028-06-01', equipmentId: '', usesPerCase: 1 };

export function cooperatingSite(id: string, name: string): Site {
  return siteSchema.parse({
    id,
    projectId: 'sample',
    role: '協力医療機関',
    name,
    address: '架空県架空市中央３－４－５',
    department: '消化器外科',
    responsiblePhysician: '部長　渡邉　亮',
    duty: '外科当直医師 1名',
    safety: '医療安全管理責任者 副院長 森 早苗、医療安全管理委員会 月1回開催',
    createdAt: T,
    updatedAt: T,
  });
}

export const PERIOD_BEFORE = '告示日から2031年3月31日まで（登録期間3年、追跡期間5年）';
export const PERIOD_AFTER = '告示日から2034年3月31日まで（登録期間6年、追跡期間5年）';
export const BURDEN_BEFORE = '先進医療にかかる費用は研究費で負担し、患者には請求しない。保険診療分は通常の一部負担金となる（高額療養費制度の対象）。';
export const PUBLICATION = 'jRCT（jRCTs031270001、2027年5月10日公表）に登録している。';
/** The same as printed: letters and digits retyped full-width, the date in 和暦. */
export const PUBLICATION_RETYPED = 'ｊＲＣＴ（ｊＲＣＴｓ０３１２７０００１、令和９年５月１０日公表）に登録している。';
export const BURDEN_AFTER = '先進医療にかかる費用は患者負担とする。保険診療分は通常の一部負担金となる（高額療養費制度の対象）。';

/**
 * The change the issue describes: the cost bearer moves from 研究費 to 患者負担, the 蛍光観察用腹腔鏡
 * システム is replaced, the periods get 3 more years, a 協力医療機関 joins, and a committee member
 * retires. Beside those, edits that print the same: digits retyped full-width, a date retyped in 和暦,
 * spaces changed, and a product no form picks renamed.
 */
export function working(): ResolvedFiling {
  const base = baseline();
  let r: ResolvedFiling = {
    ...base,
    kind: 'change',
    filingDate: '2028-10-01',
    // resolveFiling dates the project's copy by the filing it prints.
    project: { ...base.project, filingDate: '2028-10-01' },
    filedOn: '',
    // The ledger's device replaced in the 積算 too: its own price, 6 years, 400 uses a year.
    cost: { ...base.cost, patientPays: { mode: 'all' }, equipment: base.cost.equipment.map((e) => (e.id === 'eq1' ? NEW_EQUIPMENT : e)) },
    masters: {
      ...base.masters,
      products: [...base.masters.products, NEW_DEVICE, { ...NEW_DEVICE, id: 'unused', name: '使っていない品目（名称変更）' }],
      committees: base.masters.committees.map((c) => ({ ...c, members: c.members.map((m) => (m.id === 'sample-member-5' ? { ...m, to: '2028-03-31' } : m)) })),
    },
    sites: [cooperatingSite('site-red-cross', '架空赤十字病院')],
  };
  r = withAnswers(r, 'besshi1/yoshiki3', (a) => ({
    ...a,
    devices: ['product-vi5000'],
    period: PERIOD_AFTER,
    plannedCases: '１２０例',
    patientBurden: BURDEN_AFTER,
    publication: PUBLICATION_RETYPED,
  }));
  r = withAnswers(r, 'besshi1/yoshiki2', (a) => ({ ...a, compliance: String(a.compliance).replace('。', '。 ') }));
  return r;
}

