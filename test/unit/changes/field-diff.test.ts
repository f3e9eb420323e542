/**
 * Issue 13 item 1: 【主な変更内容】 generated from the approved baseline and the working copy — every
 * printed fact that changed, by official names, 変更前／変更後 as typed, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { changeLocation, changeWording, diffFilings, formsToRevise, type DiffItem } from '../../../shared/changes/field-diff';
import { calculateCost } from '../../../shared/cost/calculate';
import { linkEquipment } from '../../../shared/cost/model';
import type { ResolvedFiling } from '../../../shared/filings/as-filed';
import { formatYenWithUnit } from '../../../shared/money/yen';
import { BURDEN_AFTER, BURDEN_BEFORE, NEW_DEVICE, PERIOD_AFTER, PERIOD_BEFORE, PUBLICATION_RETYPED, answersOf, baseline, cooperatingSite, withAnswers, working } from './fixture';

const byId = (items: readonly DiffItem[], id: string): DiffItem => {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id} in ${items.map((i) => i.id).join(', ')}`);
  return item;
};

const total = (r: ResolvedFiling): number => calculateCost(linkEquipment(r.cost, r.masters.equipment), { year: 2028, month: 10, day: 1 }).total;

describe('the change of an approved plan, fact by fact', () => {
  const items = diffFilings(baseline(), working());

  it('lists exactly what the change altered: cost bearer, device (form and 積算), periods, a new 協力医療機関, a member who left — and nothing unchanged', () => {
    expect(items.map((i) => i.id).sort()).toEqual(
      [
        'besshi1/yoshiki2/sites/site-red-cross',
        'besshi1/yoshiki2/committeeId/members/sample-member-5',
        'besshi1/yoshiki3/devices/sample-product-fl>product-vi5000',
        'besshi1/yoshiki3/period',
        'besshi1/yoshiki3/patientBurden',
        'cost/total',
        'cost/burden',
        'cost/equipmentTotal',
        'cost/equipment/eq1>eq3',
      ].sort(),
    );
  });

  it('labels each item with the 様式 number and the official field name', () => {
    expect(changeLocation(byId(items, 'besshi1/yoshiki3/period'))).toBe('別紙1 様式第3号　予定試験期間');
    expect(changeLocation(byId(items, 'besshi1/yoshiki3/devices/sample-product-fl>product-vi5000'))).toBe('別紙1 様式第3号　①使用する医療機器');
    expect(changeLocation(byId(items, 'besshi1/yoshiki3/patientBurden'))).toBe('別紙1 様式第3号　１１．患者負担について');
    expect(changeLocation(byId(items, 'besshi1/yoshiki2/sites/site-red-cross'))).toBe('別紙1 様式第2号　実施医療機関（架空赤十字病院）');
    expect(changeLocation(byId(items, 'besshi1/yoshiki2/committeeId/members/sample-member-5'))).toBe('別紙1 様式第2号　倫理審査委員会の構成員（山本 浩）');
    // The cost prints on 様式第3号(11), 第5号, 第6号 and 第7-1号 (R-C-1): one item names them all.
    expect(changeLocation(byId(items, 'cost/total'))).toBe('別紙1 様式第3号・第5号・第6号・第7-1号・第7-2号　先進医療にかかる費用（1症例当たり）');
    expect(byId(items, 'cost/burden').place).toBe('別紙1 様式第3号・第5号・第7-1号');
    expect(changeLocation(byId(items, 'cost/equipment/eq1>eq3'))).toBe('別紙1 様式第7-2号　医療機器使用料の内訳');
  });

  it('gives 変更前 and 変更後 exactly as typed (full-width letters, long prose, parenthesised notes)', () => {
    expect(byId(items, 'besshi1/yoshiki3/period')).toMatchObject({ kind: 'changed', before: PERIOD_BEFORE, after: PERIOD_AFTER });
    expect(byId(items, 'besshi1/yoshiki3/patientBurden')).toMatchObject({ before: BURDEN_BEFORE, after: BURDEN_AFTER });
    const device = byId(items, 'besshi1/yoshiki3/devices/sample-product-fl>product-vi5000');
    expect(device.before).toContain('医療機器名：蛍光観察用腹腔鏡システム');
    expect(device.before).toContain('医薬品医療機器法承認又は認証番号（16桁）：30200BZX00289000');
    expect(device.after).toContain(`医療機器名：${NEW_DEVICE.name}`);
    expect(device.after).toContain(`医薬品医療機器法承認又は認証上の適応：${NEW_DEVICE.approvedIndication}`);
    const site = byId(items, 'besshi1/yoshiki2/sites/site-red-cross');
    expect(site).toMatchObject({ kind: 'added', before: '' });
    expect(site.after).toContain('実施責任医師：部長　渡邉　亮');
    expect(byId(items, 'besshi1/yoshiki2/committeeId/members/sample-member-5')).toMatchObject({ kind: 'removed', after: '' });
  });

  it('the cost as shared/cost computes it, and who pays it (研究費 → 患者負担, R-CH-5)', () => {
    const [before, after] = [total(baseline()), total(working())];
    expect(before).not.toBe(after);
    expect(byId(items, 'cost/total')).toMatchObject({ before: formatYenWithUnit(before), after: formatYenWithUnit(after) });
    expect(byId(items, 'cost/burden')).toMatchObject({ before: `患者に請求する額：0円、医療機関が負担する額：${formatYenWithUnit(before)}`, after: `全額を患者に請求する（${formatYenWithUnit(after)}）` });
  });

  it('never prints an id: picks print by name', () => {
    for (const i of items) for (const s of [i.before, i.after, i.field, i.detail, i.place]) expect(s).not.toMatch(/sample-|product-|site-|\beq\d/);
  });

  it('words each item for 【主な変更内容】 by what happened: 延長, 変更, 追加, 削除', () => {
    expect(changeWording(byId(items, 'besshi1/yoshiki3/period'))).toBe('予定試験期間の延長');
    expect(changeWording(byId(items, 'besshi1/yoshiki3/devices/sample-product-fl>product-vi5000'))).toBe('①使用する医療機器の変更');
    expect(changeWording(byId(items, 'besshi1/yoshiki2/sites/site-red-cross'))).toBe('実施医療機関（架空赤十字病院）の追加');
    expect(changeWording(byId(items, 'besshi1/yoshiki2/committeeId/members/sample-member-5'))).toBe('倫理審査委員会の構成員（山本 浩）の削除');
    expect(changeWording({ ...byId(items, 'besshi1/yoshiki3/period'), after: '告示日から2030年3月31日まで（登録期間2年、追跡期間5年）' })).toBe('予定試験期間の短縮');
  });

  it('lists the 様式 to revise (R-CH-4), in filing order', () => {
    expect(formsToRevise(items)).toEqual(['besshi1/yoshiki2', 'besshi1/yoshiki3', 'besshi1/yoshiki5', 'besshi1/yoshiki6', 'besshi1/yoshiki7-1', 'besshi1/yoshiki7-2']);
  });
});

describe('what prints the same is no change', () => {
  it('full-width digits and letters, a date retyped in 和暦, spaces, and a master record no form picks', () => {
    const base = baseline();
    let r = withAnswers(base, 'besshi1/yoshiki3', (a) => ({ ...a, plannedCases: '１２０例', publication: PUBLICATION_RETYPED, casesDone: ` ${String(a.casesDone)}　` }));
    r = withAnswers(r, 'besshi1/yoshiki2', (a) => ({ ...a, applicantSafety: String(a.applicantSafety).replace(/ /g, '　') }));
    r = { ...r, masters: { ...r.masters, products: [...r.masters.products, { ...NEW_DEVICE, id: 'unused' }] } };
    expect(answersOf(r, 'besshi1/yoshiki3').plannedCases).not.toBe(answersOf(base, 'besshi1/yoshiki3').plannedCases);
    expect(diffFilings(base, r)).toEqual([]);
  });

  it('the same filing twice gives no item', () => {
    expect(diffFilings(baseline(), baseline())).toEqual([]);
  });
});

describe('people, committees and products print by name from each filing’s own masters', () => {
  it('a new 実施責任医師: the name line, and the rows of 様式第8-1号 by person', () => {
    const base = baseline();
    const items = diffFilings(base, { ...base, project: { ...base.project, responsiblePhysicianId: 'sample-yamada' } });
    expect(byId(items, 'project/responsiblePhysician')).toMatchObject({ before: '消化器外科 教授 髙橋 誠一', after: '消化器外科 講師 山田 健' });
    expect(byId(items, 'project/responsiblePhysician').place).toBe('別紙1 様式第1-1号・第2号・第8-1号・第8-2号');
    // 山田 was a 実施者 and is now the 実施責任医師; 髙橋's row is gone.
    expect(byId(items, 'besshi1/yoshiki8-1/physicians/sample-yamada/role')).toMatchObject({ detail: '山田 健：実施責任医師／実施者', before: '実施者', after: '実施責任医師' });
    expect(byId(items, 'besshi1/yoshiki8-1/physicians/sample-takahashi')).toMatchObject({ kind: 'removed' });
    // The applicant's row of 様式第2号 prints the physician too.
    expect(byId(items, 'besshi1/yoshiki2/sites/applicant/physician')).toMatchObject({ before: '消化器外科 教授 髙橋 誠一', after: '消化器外科 講師 山田 健' });
  });

  it('the baseline reads its own masters: a product edited in the master since shows its old and new values', () => {
    const base = baseline();
    const products = base.masters.products.map((p) => (p.id === 'sample-product-fl' ? { ...p, approvalNumber: '30500BZX00077000', spec: 'FL-3000（第2世代）' } : p));
    const items = diffFilings(base, { ...base, masters: { ...base.masters, products } });
    expect(items.map((i) => i.id)).toEqual(['besshi1/yoshiki3/devices/sample-product-fl/spec', 'besshi1/yoshiki3/devices/sample-product-fl/approvalNumber']);
    expect(byId(items, 'besshi1/yoshiki3/devices/sample-product-fl/approvalNumber')).toMatchObject({
      detail: '蛍光観察用腹腔鏡システム：医薬品医療機器法承認又は認証番号（16桁）',
      before: '30200BZX00289000',
      after: '30500BZX00077000',
    });
  });

  it('a committee picked by name; a pick no longer in the master prints as such, never as its id', () => {
    const base = baseline();
    const committees = [...base.masters.committees, { id: 'crb-1', name: '架空大学臨床研究審査委員会', type: '認定臨床研究審査委員会' as const, members: [] }];
    const moved = withAnswers({ ...base, masters: { ...base.masters, committees } }, 'besshi1/yoshiki2', (a) => ({ ...a, committeeId: 'crb-1', approvedOn: '2028-07-20' }));
    const items = diffFilings(base, moved);
    expect(byId(items, 'besshi1/yoshiki2/committeeId')).toMatchObject({ field: '倫理審査委員会', before: '架空大学医学部附属病院 倫理審査委員会', after: '架空大学臨床研究審査委員会（認定臨床研究審査委員会）' });
    // Dates stored as days print in 西暦, as the hospital's 変更申請 writes them (R-F-4).
    expect(byId(items, 'besshi1/yoshiki2/approvedOn')).toMatchObject({ field: '承認年月日', before: '2027年2月15日', after: '2028年7月20日' });
    const gone = withAnswers(base, 'besshi1/yoshiki2', (a) => ({ ...a, committeeId: 'deleted-committee' }));
    expect(byId(diffFilings(base, gone), 'besshi1/yoshiki2/committeeId').after).toBe('（台帳にない項目）');
  });
});

describe('tables typed on a form: one item per changed cell, per added or removed row', () => {
  it('様式第2号 rows of 協力医療機関 typed before sites existed', () => {
    const base = baseline();
    const edited = withAnswers(base, 'besshi1/yoshiki2', (a) => {
      const rows = a.sites as Array<Record<string, string>>;
      return { ...a, sites: [{ ...rows[1], physician: '部長 佐藤 三郎（２０２８年４月から副院長）' }] };
    });
    const items = diffFilings(base, edited);
    expect(items.map((i) => [i.id, i.kind])).toEqual([
      ['besshi1/yoshiki2/sites/was-row1', 'removed'],
      ['besshi1/yoshiki2/sites/row1/physician', 'changed'],
    ]);
    expect(byId(items, 'besshi1/yoshiki2/sites/was-row1').detail).toBe('架空市立総合病院');
    expect(byId(items, 'besshi1/yoshiki2/sites/was-row1').before).toContain('医療機関名：架空市立総合病院');
    expect(byId(items, 'besshi1/yoshiki2/sites/row1/physician')).toMatchObject({ detail: '架空県立がんセンター：実施責任医師', before: '部長 佐藤 三郎', after: '部長 佐藤 三郎（２０２８年４月から副院長）' });
  });

  it('様式第8-1号: a 実施者 of another hospital typed as a row is one added item, after the people picked from the 名簿', () => {
    const base = baseline();
    const row = { name: '𠮷田 太郎', role: '実施者', department: '外科', qualification: '日本外科学会外科専門医', yearsDept: '１２年', yearsTech: '４年', casesOperator: '１５例', casesAssistant: '２０例' };
    const items = diffFilings(base, withAnswers(base, 'besshi1/yoshiki8-1', (a) => ({ ...a, physicians: [row] })));
    expect(items.map((i) => [i.id, i.kind, i.detail])).toEqual([['besshi1/yoshiki8-1/physicians/row1', 'added', '𠮷田 太郎']]);
    expect(items[0]?.after).toBe('氏名：𠮷田 太郎\n実施責任医師／実施者：実施者\n診療科：外科\n資格（専門医等）：日本外科学会外科専門医\n当該診療科の経験年数：１２年\n当該技術の経験年数：４年\n経験症例数（術者（実施者）として）：１５例\n経験症例数（助手として）：２０例');
  });

  it('様式第9号 要件 print as the form words them', () => {
    const base = baseline();
    const edited = withAnswers(base, 'besshi1/yoshiki9', (a) => ({ ...a, instBeds: { need: '要', value: '300' }, instStaff: { need: '要', value: '臨床工学技士' } }));
    const items = diffFilings(base, edited);
    expect(byId(items, 'besshi1/yoshiki9/instBeds')).toMatchObject({ place: '別紙1 様式第9号', field: '病床数', before: '要（200床以上）', after: '要（300床以上）' });
    expect(byId(items, 'besshi1/yoshiki9/instStaff')).toMatchObject({ before: '不要', after: '要（臨床工学技士）' });
  });
});

describe('item ids stay the same when the items are generated again', () => {
  it('a further change adds its item and leaves the others’ ids as they were', () => {
    const first = diffFilings(baseline(), working()).map((i) => i.id);
    const more = withAnswers({ ...working(), sites: [...working().sites, cooperatingSite('site-2', '架空第二病院')] }, 'besshi1/yoshiki3', (a) => ({ ...a, casesDone: '52例' }));
    const second = diffFilings(baseline(), more).map((i) => i.id);
    expect(second).toEqual(expect.arrayContaining(first));
    expect(second.filter((id) => !first.includes(id)).sort()).toEqual(['besshi1/yoshiki2/sites/site-2', 'besshi1/yoshiki3/casesDone']);
  });
});
