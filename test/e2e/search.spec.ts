/**
 * Issue 19 item 3: an office finds the paragraph it wrote for another technology — typed in
 * full-width, found as written, and one click away from its form.
 */
import { expect, test } from '@playwright/test';
import { openSample } from './screens';

test('検索: 様式第3号の文章の一部（全角・半角を問わない）で案件と欄が見つかり、リンクからその様式を開ける', async ({ page }) => {
  await openSample(page);
  await page.getByRole('link', { name: /様式第3号 先進医療の実施計画/ }).click();
  const plan = await page.getByLabel('６．治療計画', { exact: true }).inputValue();
  // Eight characters from the middle of the plan, typed with full-width letters and digits where it has ASCII.
  const phrase = /\S{8}/u.exec(plan.slice(20))?.[0] ?? '';
  expect(phrase).toHaveLength(8);
  const typed = phrase.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '検索' }).click();
  await page.getByRole('heading', { level: 1, name: '案件をまたいで検索' }).waitFor();
  await page.getByLabel('検索する語句').fill(typed);
  await expect(page.getByTestId('search-count')).toContainText('件見つかりました（1案件）');
  const hit = page.getByRole('list', { name: '検索結果' }).getByRole('listitem').filter({ hasText: '様式第3号「６．治療計画」' });
  await expect(hit.locator('mark')).toHaveText(phrase);

  await page.getByLabel('検索する語句').fill('この語句はどこにも書かれていない');
  await expect(page.getByTestId('search-count')).toHaveText('見つかりませんでした。');

  await page.getByLabel('検索する語句').fill(typed);
  await hit.getByRole('link').click();
  await expect(page.getByLabel('６．治療計画', { exact: true })).toHaveValue(plan);
});
