import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SenshinDb } from '../../../renderer/db/database';
import { DbError, Repositories } from '../../../renderer/db/repositories';
import { docKeys } from '../../../renderer/db/revisions';
import { FORMS } from '../../../shared/forms/registry';
import { projectSchema } from '../../../shared/model/project';
import { loadSample } from '../../helpers/sample';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const form = (id: string) => {
  const f = FORMS.find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};

let db: SenshinDb;
let repos: Repositories;
let projectId: string;
beforeEach(async () => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  repos = new Repositories(db);
  projectId = (await repos.importSample(loadSample())).id;
});

async function text(formId: string, key: string): Promise<unknown> {
  return (await repos.getFormAnswers(projectId, form(formId)))[key];
}

describe('applyAnswerEdits (この値に統一 and its 元に戻す)', () => {
  it('rewrites fields of several 様式 together, keeps their other answers and records a revision of each', async () => {
    const y3 = String(await text(Y3, 'patientBurden'));
    const y5 = String(await text(Y5, 'costText'));
    const outcome = await text(Y5, 'outline');
    const before = (await repos.revisions.history(docKeys.form(projectId, Y5))).length;
    await repos.applyAnswerEdits(projectId, [
      { doc: Y3, field: 'patientBurden', before: y3, after: `${y3}（改）` },
      { doc: Y5, field: 'costText', before: y5, after: '先進医療にかかる費用は21,938円です。' },
    ]);
    expect(await text(Y3, 'patientBurden')).toBe(`${y3}（改）`);
    expect(await text(Y5, 'costText')).toBe('先進医療にかかる費用は21,938円です。');
    expect(await text(Y5, 'outline')).toEqual(outcome);
    expect((await repos.revisions.history(docKeys.form(projectId, Y5))).length).toBeGreaterThan(before);
  });

  it('writes nothing when one field no longer reads as before (newer typing is never overwritten)', async () => {
    const y3 = String(await text(Y3, 'patientBurden'));
    const y5 = String(await text(Y5, 'costText'));
    const edits = [
      { doc: Y3, field: 'patientBurden', before: y3, after: 'A' },
      { doc: Y5, field: 'costText', before: `${y5}（古い）`, after: 'B' },
    ];
    await expect(repos.applyAnswerEdits(projectId, edits)).rejects.toMatchObject({ code: 'conflict' });
    expect(await text(Y3, 'patientBurden')).toBe(y3);
    expect(await text(Y5, 'costText')).toBe(y5);
  });

  it('the reverse edits put every field back (one undoable action)', async () => {
    const y5 = String(await text(Y5, 'costText'));
    const edits = [{ doc: Y5, field: 'costText', before: y5, after: '費用は1,000円。' }];
    await repos.applyAnswerEdits(projectId, edits);
    await repos.applyAnswerEdits(projectId, edits.map((e) => ({ ...e, before: e.after, after: e.before })));
    expect(await text(Y5, 'costText')).toBe(y5);
  });

  it('a window whose editor is behind another window\'s save gets a conflict, and nothing is written', async () => {
    const other = new Repositories(db);
    const y5 = String(await text(Y5, 'costText')); // this window has read 様式第5号
    await other.getFormAnswers(projectId, form(Y5));
    await other.saveFormAnswers(projectId, form(Y5), { ...(await other.getFormAnswers(projectId, form(Y5))), outline: '別のウィンドウで書いた概要' });
    const stored = await db.formAnswers.get([projectId, Y5]);
    await expect(repos.applyAnswerEdits(projectId, [{ doc: Y5, field: 'costText', before: y5, after: '費用は1円です。' }])).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.formAnswers.get([projectId, Y5])).toEqual(stored);
    // The stale editor of this window is still refused afterwards: the rewrite did not mark it as up to date.
    await expect(repos.saveFormAnswers(projectId, form(Y5), { ...(stored?.answers ?? {}), outline: '古い画面の概要' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses an edit of something that is not a 様式', async () => {
    await expect(repos.applyAnswerEdits(projectId, [{ doc: 'cost', field: 'x', before: '', after: '1' }])).rejects.toBeInstanceOf(DbError);
  });
});

describe('acknowledgements (確認済み)', () => {
  it('are stored on the project row and travel with the project file', async () => {
    const ack = { key: 'R-C-4@cost.others..0', ruleId: 'R-C-4', reason: '院内の規程で0円と確認済み', at: '2027-01-02T00:00:00.000Z' };
    await repos.updateAcknowledgements(projectId, (acks) => [...acks, ack]);
    expect((await repos.getProject(projectId)).acknowledgements).toEqual([ack]);
    const file = await repos.exportProject(projectId);
    expect(file.envelope.data.projects[0]?.acknowledgements).toEqual([ack]);
    await repos.updateAcknowledgements(projectId, (acks) => acks.filter((a) => a.key !== ack.key));
    expect((await repos.getProject(projectId)).acknowledgements).toEqual([]);
  });

  it('an empty reason is refused; older rows without the list read as []', async () => {
    await expect(repos.updateAcknowledgements(projectId, () => [{ key: 'k', ruleId: 'R', reason: '', at: '' }])).rejects.toMatchObject({ code: 'invalid' });
    const old = projectSchema.parse({ id: 'old', name: '旧', technologyName: '', createdAt: 't', updatedAt: 't' });
    expect(old.acknowledgements).toEqual([]);
  });
});
