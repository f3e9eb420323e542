/**
 * 変更申請 and 照会回答 documents for the rule fixtures (issue 13): the changes generated between the
 * sample as approved and the sample changed the way the issue describes (test/unit/changes/fixture.ts:
 * cost bearer 研究費 → 患者負担, a device replaced, periods +3 years, a 協力医療機関 added), worded as a
 * coordinator leaves them — each with its reason and the committee's approval.
 */
import { diffFilings, type DiffItem } from '../../shared/changes/field-diff';
import { uncoveredItems } from '../../shared/changes/change-items';
import { filingSchema, type Filing } from '../../shared/filings/filing';
import type { ChangeDoc, ChangeItem, InquiryDoc, InquiryItem } from '../../shared/filings/filing-doc';
import type { FilingDocCheck } from '../../shared/rules/filing-docs';
import { baseline, working } from '../unit/changes/fixture';

const T = '2027-03-20T00:00:00.000Z';
/** The sample's committee (its master's only one). */
export const COMMITTEE = 'sample-committee';
export const APPROVED_ON = '2027-03-10';

let cache: DiffItem[] | undefined;
/** What 「変更箇所を読み込む」 lists for the changed sample. */
export function generatedDiff(): DiffItem[] {
  cache ??= diffFilings(baseline(), working());
  return cache;
}

function filing(id: string, kind: Filing['kind'], over: Partial<Filing> = {}): Filing {
  return filingSchema.parse({ id, projectId: 'sample', kind, status: 'draft', events: [], templateSetId: '', createdAt: T, updatedAt: T, ...over });
}

/** Every generated change as an item, with a reason and the committee's approval; plus the revised consent document (R-CH-5). */
export function completeItems(): ChangeItem[] {
  let n = 0;
  const generated = uncoveredItems([], generatedDiff(), () => `item-${++n}`).map((i) => ({ ...i, reason: '登録が遅れているため、及び費用負担の見直しのため。', approval: { committeeId: COMMITTEE, date: APPROVED_ON } }));
  const consent: ChangeItem = {
    id: 'item-consent',
    sourceIds: [],
    text: '説明文書・同意文書の改訂（費用負担の記載）',
    before: '先進医療にかかる費用は研究費で負担します。',
    after: '先進医療にかかる費用（２１，９３８円）はご負担いただきます。',
    reason: '費用負担の変更に伴う改訂。',
    approval: { committeeId: COMMITTEE, date: APPROVED_ON },
  };
  return [...generated, consent];
}

export function changeDoc(items: readonly ChangeItem[] = completeItems(), over: Partial<ChangeDoc> = {}): ChangeDoc {
  return { kind: 'change', baselineFilingId: 'new-1', items: [...items], registration: { count: '２症例', asOf: '2027-03-31' }, summary: '', ...over };
}

/** A 変更申請 still 作成中, with the changes its screen would list. */
export function changeDraft(content: ChangeDoc = changeDoc(), over: Partial<Filing> = {}): FilingDocCheck {
  return { filing: filing('chg-1', 'change', over), content, diff: generatedDiff() };
}

export function inquiryItem(number: number, answer: string, changeItemIds: readonly string[] = []): InquiryItem {
  return { id: `q-${number}`, number, inquiry: `照会${number}：\n費用負担の変更理由を説明してください。`, answer, changeItemIds: [...changeItemIds] };
}

/** A 照会回答 round (第`round`回) still 作成中. */
export function inquiryDraft(items: readonly InquiryItem[], round = 1): FilingDocCheck {
  const content: InquiryDoc = { kind: 'inquiry-response', date: '2027-03-25', responderPersonId: '', variantMember: '', items: [...items] };
  return { filing: filing(`inq-${round}`, 'inquiry-response', { round }), content };
}

/** Items with one of them changed. */
export function withItem(index: number, change: (i: ChangeItem) => ChangeItem, items: readonly ChangeItem[] = completeItems()): ChangeItem[] {
  return items.map((item, i) => (i === index ? change(item) : item));
}
