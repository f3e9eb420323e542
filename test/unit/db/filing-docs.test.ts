import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { NO_BASELINE_MESSAGE } from '../../../renderer/db/filings-repo';
import { importBytes } from '../../../renderer/db/import-file';
import { Repositories } from '../../../renderer/db/repositories';
import { docKeys } from '../../../renderer/db/revisions';
import { addInquiryItem, type ChangeDoc, type ChangeItem, type InquiryDoc } from '../../../shared/filings/filing-doc';
import { envelopeJson } from '../../../shared/io/envelope';

/**
 * Issue 13: each 変更申請 and 照会回答 round has its own document (table filingDocs), saved with the
 * same revision discipline as every document (DATA-10), frozen with its filing, and carried by
 * backups, project files, deletion and undo.
 */
async function project() {
  const db = openDatabase(`filing-docs-${crypto.randomUUID()}`);
  await db.open();
  const a = new Repositories(db);
  const p = await a.createProject('変更のある案件');
  const [first] = (await a.filings.list(p.id)).filings;
  if (!first) throw new Error('no first filing');
  return { db, a, projectId: p.id, first };
}

/** The project's 新規届出 提出済み → 承認・告示 (a copy is needed to file it; its bytes do not matter here). */
async function approve(a: Repositories, filingId: string, projectId: string, approvedOn = '2027-07-01') {
  const copy = { filingId, projectId, frozenAt: '2027-04-05T00:00:00.000Z', templateSetId: 'notice-2024-04', resolved: {}, files: [], copies: '', addressee: '' };
  await a.filings.move(filingId, { status: 'filed', date: '2027-04-05', method: '郵送', note: '' }, copy);
  return a.filings.move(filingId, { status: 'approved', date: approvedOn, note: '' });
}

const item = (id: string, text: string): ChangeItem => ({ id, sourceIds: [`besshi1/yoshiki3/${id}`], text, before: '研究費', after: '患者負担', reason: '研究費が終了するため', approval: { committeeId: 'crb', date: '2028-01-20' } });

async function changeDoc(a: Repositories, filingId: string): Promise<{ content: ChangeDoc; rev: number }> {
  const read = await a.filings.getDoc(filingId);
  if (read.content.kind !== 'change') throw new Error('not a change doc');
  return { content: read.content, rev: read.rev };
}

async function inquiryDoc(a: Repositories, filingId: string): Promise<{ content: InquiryDoc; rev: number }> {
  const read = await a.filings.getDoc(filingId);
  if (read.content.kind !== 'inquiry-response') throw new Error('not an inquiry doc');
  return { content: read.content, rev: read.rev };
}

describe('creating a 変更申請 or a 照会回答 (issue 13)', () => {
  it('a 変更申請 is refused while nothing is approved, then starts compared with the approved 新規届出 and prints its package', async () => {
    const { a, projectId, first } = await project();
    await expect(a.filings.create(projectId, 'change')).rejects.toMatchObject({ code: 'invalid', message: NO_BASELINE_MESSAGE });
    expect((await a.filings.list(projectId)).filings).toHaveLength(1);
    await approve(a, first.id, projectId);
    const change = await a.filings.create(projectId, 'change', { title: '登録期間の延長' });
    expect(change.packageId).toBe(first.packageId);
    expect(await a.filings.getDoc(change.id)).toEqual({ content: { kind: 'change', baselineFilingId: first.id, items: [], registration: { count: '', asOf: '' }, summary: '' }, rev: 0, frozen: false });
  });

  it('a 照会回答 is numbered after the project’s other rounds, whatever the caller says, and starts with no items', async () => {
    const { a, projectId } = await project();
    const one = await a.filings.create(projectId, 'inquiry-response');
    const two = await a.filings.create(projectId, 'inquiry-response', { round: 1 });
    expect([one.round, two.round]).toEqual([1, 2]);
    expect(await a.filings.getDoc(two.id)).toEqual({ content: { kind: 'inquiry-response', date: '', responderPersonId: '', variantMember: '', items: [] }, rev: 0, frozen: false });
  });

  it('other kinds have no document', async () => {
    const { a, first } = await project();
    await expect(a.filings.getDoc(first.id)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('変更申請・照会回答の内容はありません') as unknown });
  });
});

describe('saving a filing’s document (issue 13, DATA-10)', () => {
  it('keeps what was saved, and a new 照会 item is numbered after the others so 「照会回答1－2」 never moves', async () => {
    const { a, projectId } = await project();
    const round = await a.filings.create(projectId, 'inquiry-response');
    let doc = await inquiryDoc(a, round.id);
    let content = addInquiryItem(addInquiryItem(doc.content, 'q1', '1. 費用の根拠を示してください。\n（積算根拠）'), 'q2', '2. 登録期間の延長理由は？');
    let saved = await a.filings.saveDoc(round.id, content, doc.rev);
    expect(saved.rev).toBe(1);
    // Item 1 is removed; the next one is still 3, and 2 stays 2.
    content = addInquiryItem({ ...content, items: content.items.filter((i) => i.id !== 'q1') }, 'q3', '3. 同意文書の改訂は？');
    saved = await a.filings.saveDoc(round.id, content, saved.rev);
    doc = await inquiryDoc(a, round.id);
    expect(doc.rev).toBe(2);
    expect(doc.content.items.map((i) => [i.id, i.number, i.inquiry])).toEqual([
      ['q2', 2, '2. 登録期間の延長理由は？'],
      ['q3', 3, '3. 同意文書の改訂は？'],
    ]);
  });

  it('a save naming an older revision is refused as a conflict, and so is one after another window saved', async () => {
    const { db, a, projectId } = await project();
    const b = new Repositories(db);
    const round = await a.filings.create(projectId, 'inquiry-response');
    const inA = await inquiryDoc(a, round.id);
    const inB = await inquiryDoc(b, round.id);
    await b.filings.saveDoc(round.id, { ...inB.content, date: '2027-09-01' }, inB.rev);
    await expect(a.filings.saveDoc(round.id, { ...inA.content, date: '2027-09-02' }, inA.rev)).rejects.toMatchObject({ code: 'conflict', docKey: docKeys.filingDoc(round.id), message: expect.stringContaining('上書きせずに止めました') as unknown });
    expect((await inquiryDoc(b, round.id)).content.date).toBe('2027-09-01');
    // 「この画面の内容で上書き」: read the newest revision again, then save this window's content over it.
    await a.revisions.acceptNewest(docKeys.filingDoc(round.id));
    const newest = await a.filings.getDoc(round.id);
    await a.filings.saveDoc(round.id, { ...inA.content, date: '2027-09-02' }, newest.rev);
    expect((await inquiryDoc(b, round.id)).content.date).toBe('2027-09-02');
    expect((await a.revisions.history(docKeys.filingDoc(round.id))).length).toBeGreaterThanOrEqual(2);
  });

  it('a save naming a revision that is not the stored one is refused even in the window that wrote it (a stale screen state)', async () => {
    const { a, projectId } = await project();
    const round = await a.filings.create(projectId, 'inquiry-response');
    const doc = await inquiryDoc(a, round.id);
    await a.filings.saveDoc(round.id, { ...doc.content, variantMember: '○○構成員' }, doc.rev);
    await expect(a.filings.saveDoc(round.id, { ...doc.content, variantMember: '' }, doc.rev)).rejects.toMatchObject({ code: 'conflict' });
    expect((await inquiryDoc(a, round.id)).content.variantMember).toBe('○○構成員');
  });

  it('is refused once the filing is 提出済み: the document stays as it was filed', async () => {
    const { a, projectId } = await project();
    const round = await a.filings.create(projectId, 'inquiry-response');
    const doc = await inquiryDoc(a, round.id);
    const saved = await a.filings.saveDoc(round.id, addInquiryItem(doc.content, 'q1', '照会'), doc.rev);
    const copy = { filingId: round.id, projectId, frozenAt: '2027-09-10T00:00:00.000Z', templateSetId: 'notice-2024-04', resolved: {}, files: [], copies: '', addressee: '' };
    await a.filings.move(round.id, { status: 'filed', date: '2027-09-10', method: '電子メール', note: '' }, copy);
    expect((await a.filings.getDoc(round.id)).frozen).toBe(true);
    if (saved.content.kind !== 'inquiry-response') throw new Error('kind');
    await expect(a.filings.saveDoc(round.id, { ...saved.content, date: '2027-09-11' }, saved.rev)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('「提出済み」のため、内容を書き換えられません') as unknown });
    expect((await a.filings.getDoc(round.id)).content).toEqual(saved.content);
  });

  it('refuses a document of another kind, a baseline that is not a plan of the project, a link to a missing change item, and dropping a linked item', async () => {
    const { a, projectId, first } = await project();
    await approve(a, first.id, projectId);
    const change = await a.filings.create(projectId, 'change');
    const round = await a.filings.create(projectId, 'inquiry-response');
    const c = await changeDoc(a, change.id);
    const q = await inquiryDoc(a, round.id);
    await expect(a.filings.saveDoc(round.id, c.content, q.rev)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('届出は「照会事項に対する回答」ですが、内容は「変更申請」のものです') as unknown });
    await expect(a.filings.saveDoc(change.id, { ...c.content, baselineFilingId: round.id }, c.rev)).rejects.toMatchObject({ message: expect.stringContaining('比べる承認済みの届出') as unknown });
    const linked: InquiryDoc = { ...q.content, items: [{ id: 'q1', number: 1, inquiry: '費用負担の変更理由は？', answer: '研究費の終了', changeItemIds: ['c1'] }] };
    await expect(a.filings.saveDoc(round.id, linked, q.rev)).rejects.toMatchObject({ message: expect.stringContaining('照会回答の1番が、この案件の変更申請にない変更内容を指しています') as unknown });
    const withItem = await a.filings.saveDoc(change.id, { ...c.content, items: [item('c1', '費用負担の変更'), item('c2', '機器の変更')] }, c.rev);
    await a.filings.saveDoc(round.id, linked, q.rev);
    if (withItem.content.kind !== 'change') throw new Error('kind');
    await expect(a.filings.saveDoc(change.id, { ...withItem.content, items: [item('c2', '機器の変更')] }, withItem.rev)).rejects.toMatchObject({
      message: expect.stringContaining('「費用負担の変更」は照会事項に対する回答（第1回）の1番の回答が指しているため、削除できません') as unknown,
    });
    // An item no answer links to can go.
    const fewer = await a.filings.saveDoc(change.id, { ...withItem.content, items: [item('c1', '費用負担の変更')] }, withItem.rev);
    expect(fewer.rev).toBe(withItem.rev + 1);
  });

  it('refuses duplicate item ids and an impossible date, with the wording of the schema', async () => {
    const { a, projectId, first } = await project();
    await approve(a, first.id, projectId);
    const change = await a.filings.create(projectId, 'change');
    const c = await changeDoc(a, change.id);
    await expect(a.filings.saveDoc(change.id, { ...c.content, items: [item('c1', 'A'), item('c1', 'B')] }, c.rev)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('項目のID「c1」が重複しています') as unknown });
    await expect(a.filings.saveDoc(change.id, { ...c.content, registration: { count: '2症例', asOf: '2028-02-30' } }, c.rev)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('日付は暦にある日付を選んでください') as unknown });
  });
});

describe('filing documents travel with their project (issue 13)', () => {
  it('a project file imported beside itself carries its documents, moved to the new filing ids and baseline', async () => {
    const { a, projectId, first } = await project();
    await approve(a, first.id, projectId);
    const change = await a.filings.create(projectId, 'change');
    const c = await changeDoc(a, change.id);
    await a.filings.saveDoc(change.id, { ...c.content, items: [item('c1', '費用負担の変更')], registration: { count: '2症例', asOf: '2028-06-24' } }, c.rev);
    const file = new TextEncoder().encode(envelopeJson((await a.exportProject(projectId)).envelope));
    const outcome = await importBytes(a, file, '案件ファイル');
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const copy = outcome.projectId;
    const filings = (await a.filings.list(copy)).filings;
    const copiedChange = filings.find((f) => f.kind === 'change');
    const copiedFirst = filings.find((f) => f.kind === 'new');
    if (!copiedChange || !copiedFirst) throw new Error('filings not copied');
    expect(copiedChange.id).not.toBe(change.id);
    const doc = await changeDoc(a, copiedChange.id);
    expect(doc.content).toMatchObject({ baselineFilingId: copiedFirst.id, items: [{ id: 'c1', text: '費用負担の変更' }], registration: { count: '2症例', asOf: '2028-06-24' } });
    // The original is untouched.
    expect((await changeDoc(a, change.id)).content.baselineFilingId).toBe(first.id);
  });

  it('a backup leaves out a 照会回答 whose linked 変更申請 could not be exported, so the backup still restores (DATA-09)', async () => {
    const { db, a, projectId } = await project();
    const round = await a.filings.create(projectId, 'inquiry-response');
    // Stored by a bug: a 変更申請 document whose filing is gone, and an answer linked to its item.
    await db.filingDocs.put({ filingId: 'lost-filing', projectId, content: { kind: 'change', baselineFilingId: 'x', items: [item('c1', '費用負担の変更')], registration: { count: '', asOf: '' }, summary: '' }, rev: 1, updatedAt: 'x' });
    await db.filingDocs.put({ filingId: round.id, projectId, content: { kind: 'inquiry-response', date: '', responderPersonId: '', variantMember: '', items: [{ id: 'q1', number: 1, inquiry: '照会', answer: '回答', changeItemIds: ['c1'] }] }, rev: 1, updatedAt: 'x' });
    const { envelope, unreadable } = await a.exportWorkspace();
    expect(unreadable).toBe(2);
    expect(envelope.data.filingDocs).toEqual([]);
    expect(await importBytes(a, new TextEncoder().encode(envelopeJson(envelope)), 'バックアップ')).toEqual({ status: 'restored' });
  });

  it('deleting a project removes its documents, and 「この状態に戻す」 brings them back', async () => {
    const { db, a, projectId } = await project();
    const round = await a.filings.create(projectId, 'inquiry-response');
    const q = await inquiryDoc(a, round.id);
    const saved = await a.filings.saveDoc(round.id, addInquiryItem(q.content, 'q1', '照会の本文'), q.rev);
    await a.deleteProject(projectId);
    expect(await db.filingDocs.count()).toBe(0);
    const [snapshot] = await a.listSnapshots();
    if (!snapshot) throw new Error('no snapshot');
    await a.returnToSnapshot(snapshot.seq);
    expect((await a.filings.getDoc(round.id)).content).toEqual(saved.content);
  });
});
