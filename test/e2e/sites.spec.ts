import { expect, test } from '@playwright/test';
import { downloadOf, waitSaved } from './helpers';
import { readPdf, squash } from '../helpers/pdf';

/**
 * Issue 11: sites as entities. A 協力医療機関 entered once prints on 様式第2号; its copy of 様式第9号
 * is checked against the 申請医療機関's (R-ID-7): identical after 「写す」, an エラー after the
 * 申請医療機関 changes one row.
 */
test('協力医療機関を登録すると様式第2号に印刷され、様式第9号の写しが1行違うと R-ID-7 のエラーになる', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('link', { name: '実施医療機関を開く' }).click();
  await page.getByRole('heading', { level: 1, name: '実施医療機関' }).waitFor();

  await page.getByRole('button', { name: '医療機関を追加' }).click();
  await expect(page.getByLabel('区分（1件目）')).toHaveValue('協力医療機関');
  await page.getByLabel('医療機関名（1件目）').fill('架空県立がんセンター');
  await page.getByLabel('所在地（1件目）').fill('架空県架空市南町２丁目３番地の４');
  await page.getByLabel('実施診療科（1件目）').fill('消化器外科');
  await page.getByLabel('実施責任医師（1件目）').fill('消化器外科部長　斎藤　健（日本外科学会専門医）');
  await page.getByLabel('当直体制（診療科名・人数）（1件目）').fill('外科系当直医師１名、麻酔科オンコール１名');
  await page.getByRole('button', { name: '病床数を追加（1件目）' }).click();
  await page.getByLabel('病床数（1件目の1行目）').fill('５００床');
  await page.getByLabel('時点（1件目の1行目）').fill('2026-04-01');
  await waitSaved(page);
  await expect(page.getByText('様式第9号の写しはまだありません。')).toBeVisible();
  await page.getByRole('button', { name: '申請医療機関の様式第9号を写す' }).click();
  await expect(page.getByText('様式第9号：申請医療機関のものと同一です。')).toBeVisible();

  // Survives a reload (stored, not only on screen).
  await page.reload();
  await expect(page.getByLabel('医療機関名（1件目）')).toHaveValue('架空県立がんセンター');
  await expect(page.getByLabel('病床数（1件目の1行目）')).toHaveValue('５００床');

  // 様式第2号 prints the registered site after the applicant.
  await page.getByRole('link', { name: /サンプル：/ }).click();
  await page.getByRole('link', { name: /様式第2号 先進医療の実施診療科及び実施体制/ }).click();
  await page.getByRole('heading', { level: 1, name: /様式第2号/ }).waitFor();
  const { bytes } = await downloadOf(page, 'PDFを保存');
  const text = squash((await readPdf(bytes)).pages.map((p) => p.text).join(''));
  expect(text).toContain('架空県立がんセンター');
  expect(text).toContain(squash('消化器外科部長　斎藤　健'));

  // The 申請医療機関 changes one row of 様式第9号: the copy no longer agrees.
  await page.getByRole('link', { name: /様式第9号/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /様式第9号/ }).waitFor();
  await page.getByLabel('病床数（内容）').fill('６００');
  await waitSaved(page);
  const panel = page.getByRole('region', { name: 'チェック結果' });
  await expect(panel.locator('[data-rule="R-ID-7"]')).toContainText('協力医療機関「架空県立がんセンター」の様式第9号が申請医療機関のものと1か所違います（「病床数」）');

  await page.goto(page.url().replace(/\/forms\/.*$/, '/sites'));
  await expect(page.getByText('様式第9号：申請医療機関のものと1か所違います（「病床数」）。')).toBeVisible();
  await page.getByRole('button', { name: '申請医療機関の様式第9号を写す' }).click();
  await expect(page.getByText('様式第9号：申請医療機関のものと同一です。')).toBeVisible();
});
