import { expect, test } from '@playwright/test';
import { BACKUP_PROJECTS, backupFile } from '../../bench/backup-500';
import { loadSample } from '../helpers/sample';

type Seen = { readonly label: string; readonly value: string | null; readonly max: string | null; readonly text: string; readonly restoreDisabled: boolean };

test(`issue 17: a backup of ${BACKUP_PROJECTS} projects restores with a progress bar (読み込み → 点検 → 書き込み n/${BACKUP_PROJECTS}件), the restore buttons off meanwhile`, async ({ page }) => {
  const { zip } = backupFile(loadSample());
  await page.goto('/');
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'バックアップ' }).click();
  await page.getByRole('heading', { level: 1, name: 'バックアップと復元' }).waitFor();
  // Every state of the progress bar the page shows, as it is committed to the page.
  await page.evaluate(() => {
    const seen: Seen[] = [];
    Reflect.set(window, '__progressSeen', seen);
    const restoreInput = (): HTMLInputElement | null | undefined =>
      [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'バックアップファイルを選んで復元')?.querySelector('input');
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (!bar) return;
      const region = bar.closest('[aria-busy]');
      seen.push({ label: bar.labels[0]?.textContent ?? '', value: bar.getAttribute('value'), max: bar.getAttribute('max'), text: region?.textContent ?? '', restoreDisabled: restoreInput()?.disabled === true });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  await page.getByLabel('バックアップファイルを選んで復元').setInputFiles({ name: 'senshin-desk-backup-500.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  const dialog = page.getByRole('dialog', { name: 'バックアップから復元しますか？' });
  await expect(dialog).toContainText(`案件 ${BACKUP_PROJECTS} 件`);
  await dialog.getByRole('button', { name: '復元する' }).click();
  await expect(page.getByRole('progressbar', { name: '復元しています' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`から復元しました（案件 ${BACKUP_PROJECTS} 件）`, { timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByLabel('バックアップファイルを選んで復元')).toBeEnabled();

  const seen = await page.evaluate(() => Reflect.get(window, '__progressSeen') as Seen[]);
  // The file was read and checked with the bar shown, then written with the projects counted.
  expect(seen.some((s) => s.label === 'バックアップファイルを点検しています' && s.text.includes('点検：いま行っています'))).toBe(true);
  const writing = seen.filter((s) => s.label === '復元しています');
  expect(writing.length).toBeGreaterThan(0);
  expect(writing.some((s) => s.max === String(BACKUP_PROJECTS) && new RegExp(`書き込み（\\d+/${BACKUP_PROJECTS}件）`).test(s.text))).toBe(true);
  expect(writing.every((s) => s.text.includes('読み込み：済み') && s.text.includes('点検：済み'))).toBe(true);
  // Nothing can start another restore while this one runs.
  expect(seen.every((s) => s.restoreDisabled)).toBe(true);
  // The marks the speed bench reads: the restore began when confirmed and ended with the message shown.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('senshin:restore-done').length)).toBe(1);
  const [start, done] = await page.evaluate(() => ['senshin:restore-start', 'senshin:restore-done'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1));
  expect(start).toBeGreaterThan(0);
  expect(done).toBeGreaterThan(start ?? 0);
});
