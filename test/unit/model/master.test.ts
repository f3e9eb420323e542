import { describe, expect, it } from 'vitest';
import { calculateCost } from '../../../shared/cost/calculate';
import { emptyCostModel, linkEquipment } from '../../../shared/cost/model';
import { fromCostForm, toCostForm } from '../../../shared/cost/form';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { editorAnswers, normalizeAnswers } from '../../../shared/forms/field';
import { yoshiki6 } from '../../../shared/forms/besshi1/yoshiki6';
import { emptyInstitutionProfile } from '../../../shared/forms/jizen-soudan/schema';
import { officerOn, type OfficerTerm } from '../../../shared/model/institution';
import { committeeFindings, emptyCommittee, emptyProduct, membersOn, productFindings, type CommitteeMember, type Equipment } from '../../../shared/model/master';
import { experienceOn } from '../../../shared/model/person';
import { filingInstitution, noticeOn, projectSchema } from '../../../shared/model/project';

const member = (i: number, over: Partial<CommitteeMember>): CommitteeMember => ({ id: `m${i}`, name: `委員${i}`, position: '', category: '医学・医療の専門家等、自然科学の有識者', external: '内部', sex: '男', from: '', to: '', ...over });

describe('R-ETH: the 倫理指針 composition of an ethics committee', () => {
  const ok = [
    member(1, {}),
    member(2, { sex: '女' }),
    member(3, { category: '倫理学・法律学の専門家等、人文・社会科学の有識者', external: '外部' }),
    member(4, { category: '一般の立場を代表する者', external: '外部', sex: '女' }),
    member(5, {}),
  ];
  it('accepts five members with every category, two outsiders and both sexes', () => {
    expect(committeeFindings({ ...emptyCommittee('c'), members: ok })).toEqual([]);
  });
  it('names each missing requirement', () => {
    const messages = committeeFindings({ ...emptyCommittee('c'), members: ok.slice(0, 3).map((m) => ({ ...m, sex: '男' as const })) }).map((f) => f.message);
    expect(messages).toEqual(['委員は5名以上必要です（いま3名）。', '「一般の立場を代表する者」の委員がいません。', '外部委員は複数（2名以上）必要です（いま1名）。', '男女両性の委員が必要です。']);
  });
});

describe('R-X-1, R-X-2: product approval data', () => {
  it('accepts a 16-character number typed in full-width', () => {
    expect(productFindings({ ...emptyProduct('p'), approvalNumber: '３０２００ＢＺＸ００２８９０００', labelUse: '適応内' })).toEqual([]);
  });
  it('asks for the number unless the product is 未承認, and says how long it is', () => {
    expect(productFindings({ ...emptyProduct('p'), labelUse: '適応内' })[0]?.ruleId).toBe('R-X-1');
    expect(productFindings({ ...emptyProduct('p'), approvalNumber: '302BZX', labelUse: '適応内' })[0]?.message).toContain('いまは6文字');
    expect(productFindings({ ...emptyProduct('p'), labelUse: '未承認', usage: '使い方' })).toEqual([]);
  });
});

describe('開設者 and 管理者 with the day they took office', () => {
  const terms: OfficerTerm[] = [
    { id: '1', role: '開設者', name: '旧 学長', validFrom: '' },
    { id: '2', role: '開設者', name: '新 学長', validFrom: '2027-04-01' },
    { id: '3', role: '管理者', name: '病院長 甲', validFrom: '2025-04-01' },
  ];
  it('picks the term in force on the day', () => {
    expect(officerOn(terms, '開設者', '2027-03-31')?.name).toBe('旧 学長');
    expect(officerOn(terms, '開設者', '2027-04-01')?.name).toBe('新 学長');
    expect(officerOn(terms, '管理者', '2025-03-31')).toBeUndefined();
  });
  it('prints the new head on packages filed from 4/1 and the old one on packages filed before', () => {
    const t = '2027-01-01T00:00:00.000Z';
    const profile = { ...emptyInstitutionProfile(), institutionName: '架空病院', founderName: '設定の開設者', officers: terms };
    const project = projectSchema.parse({ id: 'p', name: 'n', technologyName: 't', createdAt: t, updatedAt: t });
    expect(filingInstitution(project, profile, parseIsoDate('2027-03-15')!).founderName).toBe('旧 学長');
    expect(filingInstitution(project, profile, parseIsoDate('2027-04-05')!).founderName).toBe('新 学長');
    const delegated = filingInstitution(project, { ...profile, filerIsManager: true }, parseIsoDate('2027-04-05')!);
    expect([delegated.filerRole, delegated.founderName]).toEqual(['管理者', '病院長 甲']);
  });
});

describe('R-ID-4: the 告示番号 history', () => {
  it('gives the number in force on a day, sub-numbers kept as written', () => {
    const t = '2027-01-01T00:00:00.000Z';
    const project = projectSchema.parse({
      id: 'p', name: 'n', technologyName: 't', createdAt: t, updatedAt: t,
      notices: [{ id: 'a', number: '9', validFrom: '2020-04-01', note: '' }, { id: 'b', number: '２(１)', validFrom: '2024-04-01', note: '' }],
    });
    expect(noticeOn(project, parseIsoDate('2023-06-30')!)?.number).toBe('9');
    expect(noticeOn(project, parseIsoDate('2024-06-30')!)?.number).toBe('２(１)');
    expect(noticeOn(project, parseIsoDate('2019-01-01')!)).toBeUndefined();
  });
});

describe('機器台帳: a device entered once, used by the cost models that link it (R-C-2)', () => {
  const ledger: Equipment[] = [{ id: 'L', name: '台帳の腹腔鏡', purchasePrice: 10_000_000, residualValue: 1_000_000, usefulLifeYears: 6, usesPerYear: 300, purchasedOn: '2024-04-01' }];
  const row = { id: 'r', equipmentId: 'L', name: '古い名前', purchasePrice: 1, residualValue: 0, usefulLifeYears: 1, usesPerYear: 1, purchasedOn: '', usesPerCase: 1 };
  it('takes the inputs from the ledger: 5,000円 per use', () => {
    const c = calculateCost(linkEquipment({ ...emptyCostModel(), equipment: [row] }, ledger), parseIsoDate('2026-12-01')!);
    expect(c.equipment[0]?.amount).toBe(5_000);
    expect(c.equipment[0]?.item.name).toBe('台帳の腹腔鏡');
  });
  it('keeps the row’s own numbers when the ledger entry was removed', () => {
    const c = calculateCost(linkEquipment({ ...emptyCostModel(), equipment: [row] }, []), parseIsoDate('2026-12-01')!);
    expect(c.equipment[0]?.item.name).toBe('古い名前');
  });
  it('a linked row of the cost editor is saved with the ledger’s values, only 使用回数 its own', () => {
    const form = toCostForm({ ...emptyCostModel(), equipment: [row] });
    const typed = { ...form, equipment: form.equipment.map((e) => ({ ...e, purchasePrice: 'でたらめ', usesPerCase: '２' })) };
    const r = fromCostForm(typed, ledger);
    expect(r.errors.size).toBe(0);
    expect(r.model?.equipment[0]).toMatchObject({ equipmentId: 'L', purchasePrice: 10_000_000, usesPerCase: 2 });
  });
});

describe('円 fields of the forms (様式第6号)', () => {
  it('are stored as integer yen when they read as amounts, and kept as typed when not', () => {
    const a = normalizeAnswers(yoshiki6.answers, { ...yoshiki6.empty(), insurerShare: '１，４７０，０００円', copayment: '約63万円' });
    expect([a.insurerShare, a.copayment]).toEqual([1_470_000, '約63万円']);
    expect(editorAnswers(yoshiki6.answers, a).insurerShare).toBe('1,470,000');
  });
});

describe('dated master values (issue 11)', () => {
  it('the committee on a given day: members whose 任期 covers it', () => {
    const ms = [member(1, { from: '2020-04-01', to: '2027-03-31' }), member(2, { from: '2027-04-01' }), member(3, {})];
    expect(membersOn(ms, '2027-03-31').map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(membersOn(ms, '2027-04-05').map((m) => m.id)).toEqual(['m2', 'm3']);
  });

  it('経験年数 recomputed for a later day from the day they were counted; 全角 digits read', () => {
    const p = { yearsInDept: '１５年', yearsInTech: '8', experienceAsOf: '2026-04-01' };
    expect(experienceOn(p, '2027-03-31')).toEqual({ yearsInDept: 15, yearsInTech: 8 });
    expect(experienceOn(p, '2027-04-01')).toEqual({ yearsInDept: 16, yearsInTech: 9 });
    expect(experienceOn(p, '2029-06-30')).toEqual({ yearsInDept: 18, yearsInTech: 11 });
    expect(experienceOn({ ...p, experienceAsOf: '' }, '2029-06-30')).toEqual({});
    expect(experienceOn({ ...p, yearsInTech: '約十年' }, '2027-04-01')).toEqual({ yearsInDept: 16 });
  });
});
