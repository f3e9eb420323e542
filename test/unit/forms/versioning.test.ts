import 'fake-indexeddb/auto';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { Repositories } from '../../../renderer/db/repositories';
import { yoshiki5 } from '../../../shared/forms/besshi1/yoshiki5';
import type { FormDefinition } from '../../../shared/forms/definition';
import { readAnswers } from '../../../shared/forms/versioning';
import { templateSetOn, TEMPLATE_SETS } from '../../../shared/filings/template-sets';

/** A form at template version 3: v1 had 「概要」 as `summary`, v2 renamed it `outline`, v3 added `note`. */
const v3Form: FormDefinition = {
  ...yoshiki5,
  id: 'test/versioned',
  version: 3,
  answers: z.object({ outline: z.string(), note: z.string() }),
  empty: () => ({ outline: '', note: '' }),
  migrations: [
    { from: 1, up: ({ summary, ...rest }) => ({ ...rest, outline: summary }) },
    { from: 2, up: (a) => ({ ...a, note: '（版3で追加）' }) },
  ],
};

describe('template versions of stored answers (issue 11 item 3)', () => {
  it('upgrades answers written with version 1 through every migration, keeping the value under its new key', () => {
    const r = readAnswers(v3Form, { summary: '腹腔鏡下に切除する。（術後７日目に評価）' }, 1);
    expect(r).toEqual({ ok: true, answers: { outline: '腹腔鏡下に切除する。（術後７日目に評価）', note: '（版3で追加）' }, unknown: {}, migratedFrom: 1 });
  });

  it('keeps and reports keys the current version does not know instead of dropping them', () => {
    const r = readAnswers(v3Form, { outline: '概要', note: '', futureField: '新しい版の項目' }, 3);
    expect(r).toMatchObject({ ok: true, unknown: { futureField: '新しい版の項目' } });
  });

  it('refuses answers from a newer template version rather than misreading them', () => {
    expect(readAnswers(v3Form, { outline: '' }, 4)).toEqual({ ok: false, reason: 'newer' });
  });

  it('a save keeps a stored key this version does not know, and the editor is told about it', async () => {
    const db = openDatabase(`versions-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const p = await repos.createProject('版の確認');
    await db.formAnswers.put({ projectId: p.id, formId: yoshiki5.id, answers: { ...yoshiki5.empty(), outline: '旧', reviewerMemo: '新しい版で追加された欄の内容' }, formVersion: 1, updatedAt: '2026-11-01T00:00:00.000Z' });
    const read = await repos.readFormAnswers(p.id, yoshiki5);
    expect(read.unknown).toEqual({ reviewerMemo: '新しい版で追加された欄の内容' });
    await repos.saveFormAnswers(p.id, yoshiki5, { ...read.answers, outline: '新しい概要' });
    const row = await db.formAnswers.get([p.id, yoshiki5.id]);
    expect(row?.answers).toMatchObject({ outline: '新しい概要', reviewerMemo: '新しい版で追加された欄の内容' });
    expect(row?.formVersion).toBe(1);
  });

  it('a save never overwrites answers written by a newer version of the form', async () => {
    const db = openDatabase(`newer-${crypto.randomUUID()}`);
    await db.open();
    const repos = new Repositories(db);
    const p = await repos.createProject('新しい版のデータ');
    const newer = { projectId: p.id, formId: yoshiki5.id, answers: { ...yoshiki5.empty(), outline: '新しい版で書いた概要' }, formVersion: 2, updatedAt: '2026-11-01T00:00:00.000Z' };
    await db.formAnswers.put(newer);
    await expect(repos.readFormAnswers(p.id, yoshiki5)).rejects.toMatchObject({ code: 'unreadable', message: expect.stringContaining('新しい版') as unknown });
    await expect(repos.saveFormAnswers(p.id, yoshiki5, { ...yoshiki5.empty(), outline: '古い版で上書き' })).rejects.toMatchObject({ code: 'unreadable' });
    await expect(repos.applyAnswerEdits(p.id, [{ doc: yoshiki5.id, field: 'outline', before: '新しい版で書いた概要', after: '統一' }])).rejects.toMatchObject({ code: 'unreadable' });
    expect(await db.formAnswers.get([p.id, yoshiki5.id])).toEqual(newer);
  });

  it('a filing uses the template set in force on its 届出日', () => {
    // Issue 15 item 8: each 通知's second set (様式第3号・第6号 at version 2) is chosen over its first.
    expect(templateSetOn('2024-03-31').id).toBe('notice-2019-10-v2');
    expect(templateSetOn('2024-04-01').id).toBe('notice-2024-04-v2');
    expect(templateSetOn('2026-12-01').id).toBe('notice-2024-04-v2');
    expect(templateSetOn('2019-10-30').id).toBe(TEMPLATE_SETS[0]?.id);
    expect(TEMPLATE_SETS.find((s) => s.id === 'notice-2019-10')?.packages.find((p) => p.id === 'new-b')?.addressee).toContain('研究開発振興課');
  });
});

describe('template sets are fixed data', () => {
  it('a published set keeps the versions it named: the first sets still print 様式第3号 and 第6号 at version 1 (issue 15 item 8)', () => {
    for (const id of ['notice-2019-10', 'notice-2024-04']) {
      const set = TEMPLATE_SETS.find((s) => s.id === id);
      expect([set?.forms['besshi1/yoshiki3'], set?.forms['besshi1/yoshiki6']]).toEqual([1, 1]);
    }
  });

  it('the newest set names every 様式 of the app at its current version (a version bump needs a new set)', async () => {
    const { FORMS } = await import('../../../shared/forms/registry');
    const { formVersion } = await import('../../../shared/forms/versioning');
    const newest = TEMPLATE_SETS.at(-1);
    expect(newest?.forms).toEqual(Object.fromEntries(FORMS.map((f) => [f.id, formVersion(f)])));
  });
});
