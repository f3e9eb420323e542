import { expect, test, type Page } from '@playwright/test';

/**
 * The A4 preview beside every editor is one component (renderer/components/DocumentPreviewPane.tsx):
 * on each screen the pane is the 「A4プレビュー」 region with its heading, the pages are a region
 * named after the document, and the count beside the heading is the number of pages shown.
 */

async function expectPane(page: Page, label: string | RegExp): Promise<void> {
  const pane = page.getByRole('complementary', { name: 'A4プレビュー' });
  await expect(pane.getByRole('heading', { level: 2, name: 'A4プレビュー' })).toBeVisible();
  const pages = pane.getByRole('region', { name: label, exact: true });
  await expect(pages.getByRole('img').first()).toBeVisible();
  const n = await pages.getByRole('img').count();
  await expect(pages.getByRole('img', { name: /1ページ目$/ })).toHaveCount(1);
  await expect(pane.getByText(`A4 ${n}枚`, { exact: true })).toBeVisible();
}

async function openFromTimeline(page: Page, projectUrl: string, kind: string, link: string, heading: string | RegExp): Promise<void> {
  await page.goto(projectUrl);
  const item = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: kind });
  await item.getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Adds a filing of `kind` (作成中) from the project page and opens its screen. */
async function addFiling(page: Page, projectUrl: string, kind: string, heading: string | RegExp): Promise<void> {
  await page.goto(projectUrl);
  await page.getByLabel('追加する届出・報告').selectOption({ label: kind });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  const label = ((await page.getByText(/を追加しました。$/).textContent()) ?? '').replace(/を追加しました。$/, '');
  const added = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: `${label} 作成中` }) });
  await added.first().getByRole('link', { name: /を作成・編集$/ }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

test('どの編集画面でも「A4プレビュー」に文書名のページと枚数が出る（様式・定期報告・重篤な有害事象等報告・健康危険情報・照会回答・変更申請）', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  const projectUrl = page.url();

  await page.getByRole('link', { name: /様式第5号 先進医療の内容（概要）/ }).click();
  await expectPane(page, '様式第5号のプレビュー');

  await addFiling(page, projectUrl, '定期報告', /^定期報告（/);
  await expectPane(page, `${await page.getByRole('heading', { level: 1 }).textContent()}のプレビュー`);

  await addFiling(page, projectUrl, '重篤な有害事象等報告', /先進医療に係る重篤な有害事象等報告書/);
  await expectPane(page, /^先進医療に係る重篤な有害事象等報告書.*のプレビュー$/);

  await addFiling(page, projectUrl, '健康危険情報', /先進医療に係る健康危険情報/);
  await expectPane(page, '先進医療に係る健康危険情報のプレビュー');

  await openFromTimeline(page, projectUrl, '照会事項に対する回答（第1回）', '回答を開く', '照会事項に対する回答（第1回）');
  await expectPane(page, '先進医療審査の照会事項に対する回答１のプレビュー');

  // The 変更申請 prints two documents: each has its own heading with its page count.
  await openFromTimeline(page, projectUrl, '変更申請', '変更申請を開く', '変更申請');
  const pane = page.getByRole('complementary', { name: 'A4プレビュー' });
  await expect(pane.getByRole('heading', { level: 2, name: 'A4プレビュー' })).toBeVisible();
  for (const name of ['変更申請', '新旧対照表']) {
    const pages = pane.getByRole('region', { name: `${name}のプレビュー`, exact: true });
    await expect(pages.getByRole('img').first()).toBeVisible();
    const n = await pages.getByRole('img').count();
    await expect(pane.getByRole('heading', { level: 3, name: `${name}（A4 ${n}枚）` })).toBeVisible();
  }
});
