import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createProject, waitSaved } from './helpers';

async function openForm5(page: Page): Promise<void> {
  await page.getByRole('link', { name: '様式第5号' }).first().click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: '様式第5号' }).waitFor();
}

/**
 * Two tabs on the same project's 様式第5号; the other tab saves `first`, then this tab types
 * `second` and is refused (a conflict). Returns the other tab.
 */
async function conflictInTwoTabs(page: Page, context: BrowserContext, project: string, first: string, second: string): Promise<Page> {
  await createProject(page, project);
  const url = page.url();
  await openForm5(page);
  const other = await context.newPage();
  await other.goto(url);
  await openForm5(other);
  await other.getByLabel('（先進性）').fill(first);
  await waitSaved(other);
  await page.getByLabel('（先進性）').fill(second);
  return other;
}

test('同じ様式を2つのタブで開いて両方で書くと、後から保存した側は上書きせずに止まり、選んで上書きできる', async ({ page, context }) => {
  const other = await conflictInTwoTabs(page, context, '二つのタブ', 'もう一方のタブで書いた文章', 'このタブで書いた文章');
  await expect(page.getByRole('alert')).toContainText('別のウィンドウでこの内容が保存されたため、上書きせずに止めました');
  await expect(page.getByLabel('（先進性）')).toHaveValue('このタブで書いた文章');

  await page.getByRole('button', { name: 'この画面の内容で上書き' }).click();
  await waitSaved(page);
  await other.reload();
  await expect(other.getByLabel('（先進性）')).toHaveValue('このタブで書いた文章');
  // The other tab's text is not lost: it is an earlier version in the history.
  await other.getByText('様式第5号の保存履歴').click();
  await expect(other.getByRole('table')).toContainText('もう一方のタブで書いた文章');
});

test('「元に戻す」「やり直す」とCtrl+Z・Ctrl+Shift+Zで編集を取り消し、やり直せる', async ({ page }) => {
  await createProject(page, '元に戻す');
  await openForm5(page);
  const field = page.getByLabel('（概要）', { exact: true });
  await field.fill('一度目の文章');
  await page.waitForTimeout(1100);
  await field.fill('一度目の文章に書き足した');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(field).toHaveValue('一度目の文章');
  await page.getByRole('button', { name: 'やり直す' }).click();
  await expect(field).toHaveValue('一度目の文章に書き足した');
  await field.focus();
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue('一度目の文章');
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(field).toHaveValue('一度目の文章');
  // The undone state is what is saved.
  await waitSaved(page);
  await page.reload();
  await expect(page.getByLabel('（概要）', { exact: true })).toHaveValue('一度目の文章');
});

test('保存履歴から以前の版に戻すと、様式とプレビューがその版になる', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('サンプル：');
  await openForm5(page);
  const field = page.getByLabel('（先進性）');
  const original = await field.inputValue();
  expect(original).toContain('胃がんは年間約12万人');
  await field.fill('取り消したい書き換え');
  await waitSaved(page);
  await page.getByText('様式第5号の保存履歴').click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('取り込み');
  await expect(table).toContainText('取り消したい書き換え');
  await page.getByRole('button', { name: /の版に戻す$/ }).click();
  await expect(page.getByLabel('（先進性）')).toHaveValue(original);
  await expect(page.getByTestId('preview')).toContainText('胃がんは年間約12万人');
});

test('競合のあと「最新の内容を読み込む」を選ぶと相手の文章になり、この画面の入力は保存履歴に残って勝手に戻らない', async ({ page, context }) => {
  await conflictInTwoTabs(page, context, '競合して読み込む', '先に保存された文章', '競合して保存されなかった文章');
  await expect(page.getByRole('alert')).toContainText('保存履歴にも残しました');
  // Typing on does not take the choice away.
  await page.getByLabel('（先進性）').pressSequentially('。追記');
  await expect(page.getByRole('button', { name: '最新の内容を読み込む' })).toBeVisible();
  await page.getByRole('button', { name: '最新の内容を読み込む' }).click();
  await expect(page.getByLabel('（先進性）')).toHaveValue('先に保存された文章');
  await page.reload();
  await expect(page.getByLabel('（先進性）')).toHaveValue('先に保存された文章');
  await page.getByText('様式第5号の保存履歴').click();
  await expect(page.getByRole('table')).toContainText('競合して保存されなかった文章。追記');
  await expect(page.getByRole('table')).toContainText('保存できなかった入力');
});
