import { strFromU8, unzipSync } from 'fflate';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/db/database';
import { expect, test, type Page } from '@playwright/test';
import { createProject, downloadOf } from './helpers';

async function projectNames(page: Page): Promise<string[]> {
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '案件一覧' }).click();
  await page.getByRole('heading', { level: 1, name: '案件一覧' }).waitFor();
  await page.getByRole('list', { name: '案件' }).or(page.getByText('まだ案件がありません')).first().waitFor();
  return (await page.getByRole('list', { name: '案件' }).locator('a.project-name').allTextContents()).map((s) => s.trim());
}

test('バックアップを保存して復元し、「この状態に戻す」で復元前に戻せる。壊れたファイルは何も変えずに断る', async ({ page }) => {
  await createProject(page, 'バックアップ前からある案件');
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'バックアップ' }).click();
  await expect(page.getByTestId('last-backup')).toHaveText('最後のバックアップ：まだありません');
  const { download, bytes } = await downloadOf(page, 'バックアップを保存');
  expect(download.suggestedFilename()).toMatch(/^senshin-desk-backup-\d{8}-\d{4}\.zip$/);
  const inside = JSON.parse(strFromU8(unzipSync(bytes)['senshin-desk.json'] ?? new Uint8Array())) as { format: string; formatVersion: number; kind: string; data: { projects: Array<{ name: string }> } };
  expect(inside).toMatchObject({ format: 'senshin-desk', kind: 'workspace' });
  expect(inside.data.projects.map((p) => p.name)).toEqual(['バックアップ前からある案件']);
  await expect(page.getByTestId('last-backup')).toContainText(download.suggestedFilename());

  await createProject(page, 'バックアップ後の案件');
  expect(await projectNames(page)).toEqual(expect.arrayContaining(['バックアップ前からある案件', 'バックアップ後の案件']));

  // A hostile file: refused with a message, nothing changes.
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'バックアップ' }).click();
  await page.getByLabel('バックアップファイルを選んで復元').setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"__proto__":{"polluted":1},"format":"senshin-desk"}') });
  await expect(page.getByRole('alert')).toContainText('使用できない項目名（__proto__ など）');
  await page.getByLabel('バックアップファイルを選んで復元').setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...inside, formatVersion: inside.formatVersion + 1, appVersion: '9.0.0' })) });
  await expect(page.getByRole('alert')).toContainText('アプリを更新してから取り込んでください');
  expect(await projectNames(page)).toHaveLength(2);

  // Restore the backup.
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'バックアップ' }).click();
  await page.getByLabel('バックアップファイルを選んで復元').setInputFiles(await download.path());
  const dialog = page.getByRole('dialog', { name: 'バックアップから復元しますか？' });
  await expect(dialog).toContainText('案件 1 件');
  await dialog.getByRole('button', { name: '復元する' }).click();
  await expect(page.getByRole('status')).toContainText('から復元しました（案件 1 件）');
  expect(await projectNames(page)).toEqual(['バックアップ前からある案件']);

  // Undo the restore.
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'バックアップ' }).click();
  await page.getByRole('button', { name: /の復元の前の状態に戻す$/ }).first().click();
  await expect(page.getByRole('status')).toContainText('前の状態に戻しました');
  expect(await projectNames(page)).toEqual(expect.arrayContaining(['バックアップ前からある案件', 'バックアップ後の案件']));
  expect(await projectNames(page)).toHaveLength(2);
});

test('案件ファイルを書き出して取り込むと、同じ案件があれば別の案件として追加される', async ({ page }) => {
  await createProject(page, '協力医療機関へ送る案件');
  const { download } = await downloadOf(page, '案件ファイルを書き出す');
  expect(download.suggestedFilename()).toMatch(/^協力医療機関へ送る案件-書き出し-\d{8}-\d{4}\.zip$/);
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'バックアップ' }).click();
  await page.getByLabel('案件ファイルを取り込む').setInputFiles(await download.path());
  const dialog = page.getByRole('dialog', { name: '同じ案件がすでにあります' });
  await dialog.getByRole('button', { name: '別の案件として追加' }).click();
  await expect(page.getByRole('status')).toContainText('の案件を取り込みました');
  expect(await projectNames(page)).toEqual(expect.arrayContaining(['協力医療機関へ送る案件', '協力医療機関へ送る案件（取り込み）']));
  // A backup chosen as a project file is pointed to the right place, not imported.
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'バックアップ' }).click();
  const backup = await downloadOf(page, 'バックアップを保存');
  await page.getByLabel('案件ファイルを取り込む').setInputFiles({ name: 'backup.zip', mimeType: 'application/zip', buffer: Buffer.from(backup.bytes) });
  await expect(page.getByRole('alert')).toContainText('これはバックアップファイルです');
});

/** A page of the app's origin that does not run the app, to prepare its IndexedDB. */
async function blankPageOfOrigin(page: Page): Promise<void> {
  await page.route('**/__setup', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>setup</title>' }));
  await page.goto('/__setup');
}

test('新しい版のアプリで保存されたデータは読み取り専用で開き、帯で知らせる', async ({ page }) => {
  await createProject(page, '新しい版で開かれた案件');
  await blankPageOfOrigin(page);
  // A newer app version upgrades the database past ours (Dexie's native version is ours × 10) with a table we do not know.
  await page.evaluate(
    (nativeVersion) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('senshin-desk', nativeVersion);
        req.onupgradeneeded = () => req.result.createObjectStore('reports', { keyPath: 'id' });
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(new Error('open failed'));
      }),
    (CURRENT_SCHEMA_VERSION + 1) * 10,
  );
  await page.goto('/');
  await expect(page.getByRole('alert').filter({ hasText: '読み取り専用で開いています' })).toBeVisible();
  await expect(page.getByText('新しい版で開かれた案件')).toBeVisible();
  await page.getByLabel('新しい案件の名前').fill('書けないはずの案件');
  await page.getByRole('button', { name: '案件を作成' }).click();
  await expect(page.getByText('読み取り専用').last()).toBeVisible();
  await page.reload();
  await expect(page.getByText('書けないはずの案件')).toHaveCount(0);
});

test('データベースの更新に失敗すると回復画面が出て、読めるデータを書き出せる（白い画面にならない）', async ({ page }) => {
  await blankPageOfOrigin(page);
  // A realistic version-2 database, as the previous app version left it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('senshin-desk', 20);
        req.onupgradeneeded = () => {
          const db = req.result;
          db.createObjectStore('projects', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
          db.createObjectStore('consultations', { keyPath: 'projectId' });
          db.createObjectStore('settings', { keyPath: 'key' });
          db.createObjectStore('formAnswers', { keyPath: ['projectId', 'formId'] }).createIndex('projectId', 'projectId');
          db.createObjectStore('costModels', { keyPath: 'projectId' });
          req.transaction?.objectStore('projects').put({ id: 'p1', name: '救い出す案件', technologyName: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
        };
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(new Error('open failed'));
      }),
  );
  // Fault injection: every version upgrade is aborted by IndexedDB itself (as a crash or a full
  // disk during the upgrade would), so the upgrade to version 3 really fails.
  await page.addInitScript(() => {
    const proto = IDBFactory.prototype;
    const open = proto.open.bind(indexedDB);
    proto.open = function (name: string, version?: number) {
      const req = version === undefined ? open(name) : open(name, version);
      req.addEventListener('upgradeneeded', (e) => {
        if (e.oldVersion > 0) req.transaction?.abort();
      });
      return req;
    };
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'データを開けませんでした' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('更新前の状態のまま残っています');
  const { bytes } = await downloadOf(page, '読めるデータを書き出す');
  const raw = strFromU8(unzipSync(bytes)['senshin-desk-raw.json'] ?? new Uint8Array());
  expect(raw).toContain('救い出す案件');
  await expect(page.getByRole('status')).toContainText('読めるデータ（1件）');
  await page.getByRole('button', { name: '再試行' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'データを開けませんでした' })).toBeVisible();
});

test('設定に、永続保存の状態・使用量と、最後のバックアップの日時と保存先が出る', async ({ page }) => {
  await createProject(page, '設定の表示');
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '設定' }).click();
  await expect(page.getByTestId('storage-info')).toContainText(/永続保存：許可(されています|されていません)/);
  await expect(page.getByTestId('storage-info')).toContainText(/使用量 \d+\.\d MB/);
  await expect(page.getByTestId('last-backup')).toHaveText('最後のバックアップ：まだありません');
  await page.getByRole('link', { name: 'バックアップと復元' }).click();
  const { download } = await downloadOf(page, 'バックアップを保存');
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '設定' }).click();
  await expect(page.getByTestId('last-backup')).toContainText(`（ダウンロードしたファイル ${download.suggestedFilename()}）`);
  await expect(page.getByTestId('last-backup')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
});
