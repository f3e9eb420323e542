/**
 * Issue 12: the 255 KB zip bomb (250 MB of tiny JSON items) froze the page for 20–80 s or crashed
 * it. Now it is counted before it is parsed and refused with a Japanese message, nothing changed;
 * and the built import Worker (renderer/db/import-worker.ts) runs under the app's CSP in Chromium.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_OUT } from '../../playwright.config';
import { tinyItemsZipBomb } from '../helpers/json-bomb';
import { createProject, downloadOf } from './helpers';

const bomb = Buffer.from(tinyItemsZipBomb());

async function toBackupPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'バックアップ' }).click();
}

test('250 MB の小さな項目を詰めた 255 KB の ZIP は、読み込む前に断り、何も変えない（復元・案件の取り込み）', async ({ page }) => {
  await createProject(page, '爆弾の前からある案件');
  await toBackupPage(page);
  await page.getByLabel('バックアップファイルを選んで復元').setInputFiles({ name: 'bomb.zip', mimeType: 'application/zip', buffer: bomb });
  await expect(page.getByRole('alert')).toContainText('ファイルの中の項目が多すぎます（上限 1,000,000 個）');
  await page.getByLabel('案件ファイルを取り込む').setInputFiles({ name: 'bomb-project.zip', mimeType: 'application/zip', buffer: bomb });
  await expect(page.getByRole('alert')).toContainText('読み込む前に中止しました');
  // The page still works, and nothing changed.
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '案件一覧' }).click();
  await expect(page.getByRole('list', { name: '案件' }).locator('a.project-name')).toHaveText(['爆弾の前からある案件']);
});

test('取り込み用の Worker はアプリの CSP の下で動き、爆弾を断り、正しいバックアップを読む', async ({ page }) => {
  const worker = readdirSync(path.join(E2E_OUT, 'assets')).find((f) => /^import-worker-.*\.js$/.test(f));
  expect(worker, 'the build emits the import Worker').toBeDefined();
  await createProject(page, 'Worker で読む案件');
  await toBackupPage(page);
  const { bytes: backup } = await downloadOf(page, 'バックアップを保存');
  const readInWorker = (bytes: Uint8Array): Promise<unknown[]> =>
    page.evaluate(
      async ({ url, base64 }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const w = new Worker(url, { type: 'module' });
        const got: unknown[] = [];
        await new Promise<void>((resolve, reject) => {
          w.onerror = () => reject(new Error('worker failed'));
          w.onmessage = (e: MessageEvent) => {
            const m: unknown = e.data;
            got.push(typeof m === 'object' && m !== null && 'ok' in m ? { ok: m.ok, code: 'code' in m ? m.code : undefined, message: 'message' in m ? m.message : undefined } : m);
            if (got.length === 2) resolve();
          };
          w.postMessage(new File([data], 'chosen.zip'));
        });
        w.terminate();
        return got;
      },
      { url: `./assets/${worker ?? ''}`, base64: Buffer.from(bytes).toString('base64') },
    );
  const refused = await readInWorker(bomb);
  expect(refused[0]).toBe('senshin-desk:import-worker-ready');
  expect(refused[1]).toMatchObject({ ok: false, code: 'too-many-values', message: expect.stringContaining('項目が多すぎます') });
  expect((await readInWorker(backup))[1]).toMatchObject({ ok: true });
});
