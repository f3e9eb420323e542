/**
 * Issue 13: a 変更申請 and a 照会回答 round are filings with their own files. Marked 提出済み, a
 * 変更申請 freezes 「…_変更申請」 (spec §3.18) and 「…_新旧対照表」 (PDF and Word), compared with the
 * as-filed copy of the approved baseline; a 照会回答 freezes 「…_照会事項に対する回答N」 (spec §3.17).
 * Re-printed later they are the same bytes whatever changed since; a draft prints what the
 * documents say now.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { CHANGE_DOCUMENT_TITLE, CHANGE_HEADINGS } from '../../../shared/changes/change-document';
import { CLOSING, INQUIRY_NOTE } from '../../../shared/changes/inquiry-document';
import { SHINTAISHO_HEADERS, SHINTAISHO_TITLE } from '../../../shared/changes/shintaisho';
import type { FiledFile } from '../../../shared/filings/as-filed';
import type { Filing } from '../../../shared/filings/filing';
import { addInquiryItem, type ChangeDoc, type InquiryDoc } from '../../../shared/filings/filing-doc';
import { filedBytes } from '../../../shared/filings/files';
import { FilingNotPrintable, freezeContext, freezeFiling, resolveFiling } from '../../../shared/filings/freeze';
import { printFiling } from '../../../shared/filings/print';
import { yoshiki3 } from '../../../shared/forms/besshi1/yoshiki3';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';

const TECH = loadSample().project.technologyName;
const PERIOD_BEFORE = '告示日から2037年6月30日まで（登録期間5年、追跡期間5年）';
const PERIOD_AFTER = '告示日から2040年6月30日まで（登録期間8年、追跡期間5年）';
const BURDEN_BEFORE = '先進医療にかかる費用は患者負担とする。保険診療分は通常の一部負担金となる。';
const BURDEN_AFTER = '先進医療にかかる費用は研究費（架空財団研究助成）で負担し、患者には請求しない。保険診療分は通常の一部負担金となる。';
const REASON_PERIOD = '延長後の登録期間（5年）でも予定症例数に到達しない見込みとなったため、登録期間を3年延長する。';
const REASON_BURDEN = '架空財団の研究助成が採択されたため、先進医療に係る費用を研究費で負担する。';
const FILED_ON = '2028-10-01';

const pdfText = async (f: FiledFile | undefined): Promise<string> => {
  if (!f) throw new Error('no such file');
  return squash((await readPdf(filedBytes(f))).pages.map((p) => p.text).join(''));
};
const named = (files: readonly FiledFile[], name: string): FiledFile | undefined => files.find((f) => f.name === name);
const hashes = (files: readonly FiledFile[]): string[] => files.map((f) => f.sha256);

/** The sample (its 新規届出 filed and approved, with its as-filed copy), the plan then changed in the working copy: 予定試験期間 +3 years, 患者負担 → 研究費. */
async function approvedSample(): Promise<{ repos: Repositories; projectId: string; close: () => void }> {
  const db = openDatabase(`freeze-change-${crypto.randomUUID()}`);
  await db.open();
  const repos = new Repositories(db);
  const project = await repos.importSample(loadSample(), bundledFonts());
  const answers = await repos.getFormAnswers(project.id, yoshiki3);
  expect(answers.period).toBe(PERIOD_BEFORE);
  expect(answers.patientBurden).toBe(BURDEN_BEFORE);
  await repos.saveFormAnswers(project.id, yoshiki3, { ...answers, period: PERIOD_AFTER, patientBurden: BURDEN_AFTER });
  return { repos, projectId: project.id, close: () => db.close() };
}

/** A 変更申請 as a coordinator writes it: two items, each with its reason and the committee's approval. */
async function changeFiling(repos: Repositories, projectId: string): Promise<Filing> {
  const filing = await repos.filings.create(projectId, 'change', { title: '登録期間の延長と費用負担の変更' });
  const read = await repos.filings.getDoc(filing.id);
  if (read.content.kind !== 'change') throw new Error('not a change');
  const approval = { committeeId: 'sample-committee', date: '2028-09-10' };
  const content: ChangeDoc = {
    ...read.content,
    items: [
      { id: 'item-period', sourceIds: ['besshi1/yoshiki3/period'], text: '予定試験期間の延長', before: PERIOD_BEFORE, after: PERIOD_AFTER, reason: REASON_PERIOD, approval },
      { id: 'item-burden', sourceIds: ['besshi1/yoshiki3/patientBurden'], text: '患者負担の変更（患者負担から研究費による負担へ）', before: BURDEN_BEFORE, after: BURDEN_AFTER, reason: REASON_BURDEN, approval },
    ],
    registration: { count: '2症例', asOf: '2028-09-30' },
  };
  await repos.filings.saveDoc(filing.id, content, read.rev);
  return repos.filings.get(filing.id);
}

/** What 「提出済み」 does (filing-actions moveFiling): resolve, freeze with the baseline's copy and the round, store. */
async function markFiled(repos: Repositories, filing: Filing): Promise<Filing> {
  const records = await repos.projectRecords(filing.projectId, { copies: true });
  const copy = await freezeFiling(resolveFiling(records, filing, FILED_ON, { filedOn: FILED_ON, method: '電子メール' }), filing.id, bundledFonts(), `${FILED_ON}T09:00:00.000Z`, undefined, freezeContext(records, filing));
  return repos.filings.move(filing.id, { status: 'filed', date: FILED_ON, method: '電子メール', note: '' }, copy);
}

async function printNow(repos: Repositories, filing: Filing, at = new Date().toISOString()) {
  return printFiling(await repos.projectRecords(filing.projectId, { copies: true }), await repos.filings.get(filing.id), bundledFonts(), FILED_ON, at);
}

describe('a 変更申請 marked 提出済み (issue 13, spec §3.18)', () => {
  it('freezes the 変更申請 and the 新旧対照表 (PDF and Word) with every change, 変更前 from the approved copy', async () => {
    const { repos, projectId, close } = await approvedSample();
    const filing = await markFiled(repos, await changeFiling(repos, projectId));
    const copy = await repos.filings.copy(filing.id);
    if (!copy) throw new Error('no copy');
    expect(copy.files.map((f) => f.name)).toEqual([`${TECH}_変更申請.pdf`, `${TECH}_変更申請.docx`, `${TECH}_新旧対照表.pdf`, `${TECH}_新旧対照表.docx`]);

    const change = await pdfText(named(copy.files, `${TECH}_変更申請.pdf`));
    expect(change).toContain(squash(CHANGE_DOCUMENT_TITLE));
    let from = 0;
    for (const h of CHANGE_HEADINGS) {
      const at = change.indexOf(squash(h), from);
      expect(at, h).toBeGreaterThanOrEqual(from);
      from = at;
    }
    const items = change.slice(change.indexOf('【主な変更内容】'));
    for (const s of ['１．予定試験期間の延長', '２．患者負担の変更', '＜変更前＞', '＜変更後＞', PERIOD_BEFORE, PERIOD_AFTER, '（36か月延長）', BURDEN_BEFORE, BURDEN_AFTER, REASON_PERIOD, REASON_BURDEN, '架空大学医学部附属病院倫理審査委員会2028年9月10日承認']) {
      expect(items, s).toContain(squash(s));
    }

    const table = await pdfText(named(copy.files, `${TECH}_新旧対照表.pdf`));
    for (const s of [SHINTAISHO_TITLE, ...SHINTAISHO_HEADERS, `先進医療の名称：${TECH}`, '申請医療機関：架空大学医学部附属病院', '別紙1様式第3号予定試験期間', '2037年6月30日', '2040年6月30日', '登録期間8年', '（36か月延長）', '研究費（架空財団研究助成）で負担し']) {
      expect(table, s).toContain(squash(s));
    }
    // Only what changed: the 予定症例数 and the 評価 (unchanged) are not in the table.
    expect(table).not.toContain('予定症例数');
    expect(table).not.toContain(squash('主要評価項目：術後1年時の体重減少率'));
    // Word files are real .docx (zip) files.
    for (const f of copy.files.filter((x) => x.name.endsWith('.docx'))) expect([...filedBytes(f).slice(0, 2)]).toEqual([0x50, 0x4b]);
    close();
  }, 120_000);

  it('re-prints byte-identical after the plan, the committee and 設定 change; a draft printed the same way does change', async () => {
    const { repos, projectId, close } = await approvedSample();
    const draft = await changeFiling(repos, projectId);
    const filed = await markFiled(repos, await changeFiling(repos, projectId));
    const copy = await repos.filings.copy(filed.id);
    const at = '2028-10-02T00:00:00.000Z';
    const draftBefore = await printNow(repos, draft, at);
    expect(draftBefore.frozen).toBe(false);
    // The same document as the filed one, drafted now: the same files.
    expect(draftBefore.files.map((f) => f.name)).toEqual(copy?.files.map((f) => f.name));

    // Everything the documents print changes afterwards.
    const answers = await repos.getFormAnswers(projectId, yoshiki3);
    await repos.saveFormAnswers(projectId, yoshiki3, { ...answers, period: '告示日から2041年6月30日まで（登録期間9年、追跡期間5年）' });
    const committees = await repos.getMasterList('committees');
    await repos.saveMasterList('committees', committees.map((c) => ({ ...c, name: `${c.name}（改組）` })));
    await repos.saveInstitution({ ...(await repos.getInstitution()), institutionName: '架空大学病院（名称変更）' });

    const again = await printNow(repos, filed, at);
    expect(again.frozen).toBe(true);
    expect(hashes(again.files)).toEqual(hashes(copy?.files ?? []));
    expect(await pdfText(named(again.files, `${TECH}_新旧対照表.pdf`))).not.toContain('2041年6月30日');

    const draftAfter = await printNow(repos, draft, at);
    expect(draftAfter.frozen).toBe(false);
    const [changeBefore, tableBefore] = [draftBefore.files[0]?.sha256, draftBefore.files[2]?.sha256];
    expect(draftAfter.files[0]?.sha256).not.toBe(changeBefore);
    // The 新旧対照表 shows the items as the user worded them: a new period enters it when the user
    // re-reads the changes on the screen, not behind their back.
    expect(draftAfter.files[2]?.sha256).toBe(tableBefore);
    expect(await pdfText(named(draftAfter.files, `${TECH}_変更申請.pdf`))).toContain(squash('倫理審査委員会（改組）'));
    close();
  }, 180_000);

  it('is refused, in Japanese, without the as-filed copy of its baseline (nothing to take ＜変更前＞ from)', async () => {
    const { repos, projectId, close } = await approvedSample();
    const filing = await changeFiling(repos, projectId);
    // Records read without the as-filed copies carry no baseline.
    const records = await repos.projectRecords(projectId);
    await expect(printFiling(records, filing, bundledFonts(), FILED_ON, new Date().toISOString())).rejects.toThrow(FilingNotPrintable);
    await expect(printFiling(records, filing, bundledFonts(), FILED_ON, new Date().toISOString())).rejects.toThrow('比べる承認済みの届出の控え（提出済みの書類）が見つからないため、変更申請を作成できません。');
    await expect(freezeFiling(resolveFiling(records, filing, FILED_ON), filing.id, bundledFonts(), `${FILED_ON}T09:00:00.000Z`)).rejects.toThrow('変更申請を作成できません');
    close();
  }, 60_000);
});

describe('a 照会事項に対する回答 round marked 提出済み (issue 13, spec §3.17)', () => {
  const INQUIRY_1 = '１．予定試験期間について\n登録期間を延長する根拠を示してください。';
  const ANSWER_1 = '2028年9月30日時点の登録は2症例であり、協力医療機関の追加とあわせて登録期間を3年延長します。';
  const INQUIRY_2 = '２．費用について\n研究費の財源と期間を示してください。';
  const ANSWER_2 = '架空財団研究助成（2028年度から2031年度まで）により負担します。';

  async function inquiryFiling(repos: Repositories, projectId: string): Promise<Filing> {
    const filing = await repos.filings.create(projectId, 'inquiry-response');
    const read = await repos.filings.getDoc(filing.id);
    if (read.content.kind !== 'inquiry-response') throw new Error('not an inquiry');
    let content: InquiryDoc = { ...read.content, date: '2028-09-20', responderPersonId: 'sample-takahashi' };
    content = addInquiryItem(addInquiryItem(content, 'q1', INQUIRY_1), 'q2', INQUIRY_2);
    content = { ...content, items: content.items.map((i) => ({ ...i, answer: i.id === 'q1' ? ANSWER_1 : ANSWER_2 })) };
    await repos.filings.saveDoc(filing.id, content, read.rev);
    return repos.filings.get(filing.id);
  }

  it('freezes 「照会事項に対する回答N」 with every 照会 and 【回答】, and re-prints it byte-identical after the roster changes', async () => {
    const { repos, projectId, close } = await approvedSample();
    const filed = await markFiled(repos, await inquiryFiling(repos, projectId));
    // The sample already answered a first round (issue 13 item 7): this is the second.
    expect(filed.round).toBe(2);
    const copy = await repos.filings.copy(filed.id);
    if (!copy) throw new Error('no copy');
    expect(copy.files.map((f) => f.name)).toEqual([`${TECH}_照会事項に対する回答2.pdf`, `${TECH}_照会事項に対する回答2.docx`]);
    const text = await pdfText(copy.files[0]);
    for (const s of ['先進医療審査の照会事項に対する回答２', INQUIRY_NOTE, INQUIRY_1, ANSWER_1, INQUIRY_2, ANSWER_2, '【回答】', '髙橋誠一', CLOSING]) expect(text, s).toContain(squash(s));

    const draft = await inquiryFiling(repos, projectId);
    expect(draft.round).toBe(3);
    const at = '2028-10-02T00:00:00.000Z';
    const draftBefore = await printNow(repos, draft, at);
    expect(draftBefore.files.map((f) => f.name)).toEqual([`${TECH}_照会事項に対する回答3.pdf`, `${TECH}_照会事項に対する回答3.docx`]);
    expect(await pdfText(draftBefore.files[0])).toContain('先進医療審査の照会事項に対する回答３');

    // The responder changes name afterwards.
    const people = await repos.getRoster();
    await repos.saveRoster(people.map((p) => ({ ...p, name: `${p.name}（改姓）` })));
    const again = await printNow(repos, filed, at);
    expect(again.frozen).toBe(true);
    expect(hashes(again.files)).toEqual(hashes(copy.files));
    expect(await pdfText(again.files[0])).not.toContain('（改姓）');
    const draftAfter = await printNow(repos, draft, at);
    expect(draftAfter.files[0]?.sha256).not.toBe(draftBefore.files[0]?.sha256);
    expect(await pdfText(draftAfter.files[0])).toContain('髙橋誠一（改姓）');
    close();
  }, 180_000);
});
