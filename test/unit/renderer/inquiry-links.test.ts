import { describe, expect, it } from 'vitest';
import { filingLabel } from '../../../shared/filings/filing';
import { emptyChangeDoc, emptyInquiryDoc, type ChangeItem } from '../../../shared/filings/filing-doc';
import { changeChoices, documentsToRevise, inquiryReference } from '../../../renderer/features/inquiry/change-links';

const item = (id: string, text: string, sourceIds: string[]): ChangeItem => ({ id, text, sourceIds, before: '', after: '', reason: '', approval: { committeeId: '', date: '' } });

describe('照会回答の画面: 変更申請への関連付け (R-CH-4) と引用 (R-CH-6)', () => {
  const change = { ...emptyChangeDoc('base'), items: [item('c1', '費用負担の変更\n（研究費→患者負担）', ['besshi1/yoshiki5/cost', 'cost/total']), item('c2', '', ['besshi1/yoshiki3/period', 'project/name']), item('c3', '協力医療機関の追加', ['besshi1/yoshiki3/sites'])] };
  const choices = changeChoices([
    { filing: { kind: 'change', round: 1 }, doc: change },
    { filing: { kind: 'inquiry-response', round: 1 }, doc: emptyInquiryDoc() },
  ]);

  it('offers every item of the project’s 変更申請, numbered, by its first line (a blank one says so)', () => {
    expect(choices.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    const filing = filingLabel({ kind: 'change', round: 1 });
    expect(choices.map((c) => c.label)).toEqual([`${filing} １．費用負担の変更`, `${filing} ２．（文言未入力）`, `${filing} ３．協力医療機関の追加`]);
  });

  it('lists the 様式 to revise from the linked items, in filing order, each once; facts of no 様式 add nothing', () => {
    expect(documentsToRevise(choices.filter((c) => c.id === 'c1' || c.id === 'c2'))).toEqual(['様式第3号', '様式第5号']);
    expect(documentsToRevise(choices.filter((c) => c.id === 'c2' || c.id === 'c3'))).toEqual(['様式第3号']);
    expect(documentsToRevise([{ sourceIds: ['project/name', 'cost/total'] }])).toEqual([]);
    expect(documentsToRevise([])).toEqual([]);
  });

  it('cites an item as 「照会回答<round>－<number>」 in full-width digits', () => {
    expect(inquiryReference(1, 3)).toBe('照会回答１－３');
    expect(inquiryReference(2, 12)).toBe('照会回答２－１２');
  });
});
