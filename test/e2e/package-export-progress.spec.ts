import { expect, test } from '@playwright/test';
import { readPdf, squash } from '../helpers/pdf';
import { downloadOf } from './helpers';
import { openSample } from './screens';

/**
 * Issue 17 item 3: the package is made in a Web Worker while the page shows 「書類を作成しています」
 * with each step; the buttons wait meanwhile, and the bar is gone once the file is saved.
 */
test('書類一式を保存する間「書類を作成しています」の進み具合（レイアウト → PDF）が表示され、保存後に消える', async ({ page }) => {
  const projectId = await openSample(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`/#/projects/${projectId}/package`);
  const pdfButton = page.getByRole('button', { name: '一式をPDFで保存', exact: true });
  await expect(pdfButton).toBeEnabled();
  // Every label the progress bar shows, and whether the buttons were disabled meanwhile, as the page changes.
  await page.evaluate(() => {
    const seen: Array<{ label: string; buttonsDisabled: boolean }> = [];
    Reflect.set(window, '__exportProgress', seen);
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress')) {
        const label = bar.labels[0]?.textContent ?? '';
        const buttonsDisabled = [...document.querySelectorAll<HTMLButtonElement>('.export-buttons button')].every((b) => b.disabled);
        if (seen.at(-1)?.label !== label) seen.push({ label, buttonsDisabled });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });

  const { bytes } = await downloadOf(page, '一式をPDFで保存');
  // Made off the page, in the one export Worker started when the page opened (kept for the export).
  expect(workers.filter((u) => /export-worker/.test(u))).toHaveLength(1);
  await expect(page.getByRole('status').filter({ hasText: /保存しました：.*\.pdf（A4 \d+ページ）/ })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(pdfButton).toBeEnabled();

  const seen = await page.evaluate(() => Reflect.get(window, '__exportProgress') as Array<{ label: string; buttonsDisabled: boolean }>);
  expect(seen.map((s) => s.label)).toEqual(['書類を作成しています：レイアウト', '書類を作成しています：PDF']);
  expect(seen.every((s) => s.buttonsDisabled)).toBe(true);
  // The marks the bench times an export with.
  expect(await page.evaluate(() => ['senshin:export-start', 'senshin:export-done'].map((n) => performance.getEntriesByName(n, 'mark').length))).toEqual([1, 1]);

  const text = squash((await readPdf(bytes)).pages.map((p) => p.text).join(''));
  expect(text).toContain('提出書類一覧');
  expect(text).toContain(squash('ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術'));
});
