import { expect, test } from '@playwright/test';
import { createProject, waitSaved } from './helpers';

/**
 * Issue 11: a field this version of a 様式 does not know (written by a newer app, or left by an
 * older one) is shown, kept through edits, never dropped silently.
 */
test('このアプリの版で使わない項目は、様式を編集しても消えずに残り、画面でそう知らせる', async ({ page }) => {
  await createProject(page, '版の違う様式');
  const projectId = /#\/projects\/([^/]+)/.exec(page.url())?.[1] ?? '';
  expect(projectId).not.toBe('');
  const put = await page.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('senshin-desk');
        req.onsuccess = () => {
          const tx = req.result.transaction('formAnswers', 'readwrite');
          tx.objectStore('formAnswers').put({ projectId: id, formId: 'besshi1/yoshiki5', answers: { lead: '', advancement: '既存の先進性', outline: '', effect: '', costText: '', reviewerMemo: '新しい版の欄に書かれた内容' }, formVersion: 1, updatedAt: '2026-11-01T00:00:00.000Z' });
          tx.oncomplete = () => {
            req.result.close();
            resolve('ok');
          };
          tx.onerror = () => resolve('error');
        };
        req.onerror = () => resolve('open failed');
      }),
    projectId,
  );
  expect(put).toBe('ok');
  await page.goto(`/#/projects/${projectId}/forms/besshi1-yoshiki5`);
  await expect(page.getByTestId('unknown-fields')).toContainText('使わない項目が1件保存されています（reviewerMemo）');
  await page.getByLabel('（先進性）', { exact: true }).fill('既存の先進性に、令和８年１２月の追記。');
  await waitSaved(page);
  const stored = await page.evaluate(
    (id) =>
      new Promise<unknown>((resolve) => {
        const req = indexedDB.open('senshin-desk');
        req.onsuccess = () => {
          const get = req.result.transaction('formAnswers').objectStore('formAnswers').get([id, 'besshi1/yoshiki5']);
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result);
          };
        };
      }),
    projectId,
  );
  expect(stored).toMatchObject({ answers: { advancement: '既存の先進性に、令和８年１２月の追記。', reviewerMemo: '新しい版の欄に書かれた内容' } });
});
