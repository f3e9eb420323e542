import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { parseResolved } from '../../../shared/filings/as-filed';
import { addInquiryItem, emptyInquiryDoc, filingDocContentSchema, nextInquiryNumber } from '../../../shared/filings/filing-doc';
import { freezeFiling, resolveFiling } from '../../../shared/filings/freeze';
import { printFiling } from '../../../shared/filings/print';
import { bundledFonts } from '../../helpers/fonts';
import { loadSample } from '../../helpers/sample';

/** Issue 13: a filing's own document (§3.17, §3.18) — its numbering, and freezing it with the filing. */
describe('照会事項に対する回答: item numbers (R-CH-6)', () => {
  it('a new item is numbered after the largest, so 「照会回答1－3」 keeps pointing at the same item', () => {
    let doc = addInquiryItem(addInquiryItem(addInquiryItem(emptyInquiryDoc(), 'a', '１．'), 'b', '２．'), 'c', '３．');
    expect(doc.items.map((i) => i.number)).toEqual([1, 2, 3]);
    doc = { ...doc, items: doc.items.filter((i) => i.id !== 'b') };
    doc = addInquiryItem(doc, 'd', '４．');
    expect(doc.items.map((i) => [i.id, i.number])).toEqual([['a', 1], ['c', 3], ['d', 4]]);
    expect(nextInquiryNumber([])).toBe(1);
  });

  it('keeps the 照会 as pasted, line breaks and full-width spaces included', () => {
    const pasted = '１．費用について\n　積算根拠を示してください。\r\n（別紙参照）';
    const parsed = filingDocContentSchema.parse(addInquiryItem(emptyInquiryDoc(), 'a', pasted));
    expect(parsed.kind === 'inquiry-response' && parsed.items[0]?.inquiry).toBe(pasted);
  });
});

describe('a 変更申請’s document is frozen with the filing (issue 13)', () => {
  it('the as-filed data holds the document as it was; the filing prints its copy and the document can no longer be saved', async () => {
    const db = openDatabase(`doc-freeze-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const project = await repos.importSample(loadSample(), bundledFonts());
    const change = await repos.filings.create(project.id, 'change', { title: '費用負担の変更' });
    const read = await repos.filings.getDoc(change.id);
    if (read.content.kind !== 'change') throw new Error('kind');
    const items = [{ id: 'c1', sourceIds: ['cost/bearer'], text: '費用負担の変更', before: '研究費', after: '患者負担', reason: '研究費の終了', approval: { committeeId: '', date: '2028-01-20' } }];
    const saved = await repos.filings.saveDoc(change.id, { ...read.content, items, registration: { count: '2症例', asOf: '2028-06-24' } }, read.rev);

    const records = await repos.projectRecords(project.id);
    const resolved = resolveFiling(records, await repos.filings.get(change.id), '2028-07-01', { filedOn: '2028-07-01', method: '電子メール' });
    expect(resolved.doc).toEqual(saved.content);
    // Without its baseline's as-filed copy (records read without { copies: true }) it has no ＜変更前＞: refused.
    await expect(freezeFiling(resolved, change.id, bundledFonts(), '2028-07-01T00:00:00.000Z')).rejects.toThrow('変更申請を作成できません');

    // Stored as the as-filed copy.
    const copy = { filingId: change.id, projectId: project.id, frozenAt: '2028-07-01T00:00:00.000Z', templateSetId: resolved.templateSetId, resolved, files: [], copies: '', addressee: '' };
    await repos.filings.move(change.id, { status: 'filed', date: '2028-07-01', method: '電子メール', note: '' }, copy);
    if (saved.content.kind !== 'change') throw new Error('kind');
    await expect(repos.filings.saveDoc(change.id, { ...saved.content, summary: '後から書き換え' }, saved.rev)).rejects.toMatchObject({ code: 'invalid' });
    const printed = await printFiling(await repos.projectRecords(project.id, { copies: true }), await repos.filings.get(change.id), bundledFonts(), '2028-08-01', new Date().toISOString());
    expect(printed.frozen && parseResolved(printed.copy)?.doc).toEqual(saved.content);
    db.close();
  }, 60_000);
});
