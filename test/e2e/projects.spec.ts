import { expect, test } from '@playwright/test';
import { createProject } from './helpers';

test('案件を作成し、名前を変更し、確認のうえ削除する', async ({ page }) => {
  await createProject(page, '陽子線治療');
  await page.getByRole('link', { name: '案件一覧' }).first().click();
  await page.getByRole('button', { name: '「陽子線治療」の名前を変更' }).click();
  await page.getByLabel('案件名').fill('陽子線治療（2027年度）');
  await page.getByRole('button', { name: '名前を保存' }).click();
  await expect(page.getByRole('link', { name: '陽子線治療（2027年度）' })).toBeVisible();

  await page.getByRole('button', { name: '「陽子線治療（2027年度）」を削除' }).click();
  const dialog = page.getByRole('dialog', { name: '案件を削除しますか' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(page.getByRole('link', { name: '陽子線治療（2027年度）' })).toBeVisible();

  await page.getByRole('button', { name: '「陽子線治療（2027年度）」を削除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除する' }).click();
  await expect(page.getByRole('link', { name: '陽子線治療（2027年度）' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('まだ案件がありません')).toBeVisible();
});

test('キーボードだけで案件を作成できる', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('新しい案件の名前').focus();
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'keyboard' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toBeVisible();
});

test('CSPで eval とインラインスクリプトが止まり、外部への通信はできない', async ({ page }) => {
  await page.goto('/');
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective}:${e.blockedURI}`));
    const w = window as unknown as { __timer?: boolean; __injected?: boolean };
    // A string timer is compiled later by the page itself (code typed into DevTools is exempt
    // from CSP, a timer it leaves behind is not): without 'unsafe-eval' it never runs.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    setTimeout('window.__timer = true', 0);
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.append(s);
    let fetchBlocked = false;
    try {
      await fetch('https://example.com/');
    } catch {
      fetchBlocked = true;
    }
    await new Promise((r) => setTimeout(r, 200));
    return { timerRan: w.__timer === true, injected: w.__injected === true, fetchBlocked, violations };
  });
  expect(result.timerRan).toBe(false);
  expect(result.injected).toBe(false);
  expect(result.fetchBlocked).toBe(true);
  expect(result.violations).toEqual(expect.arrayContaining(['script-src-elem:inline', 'connect-src:https://example.com/']));
  expect(result.violations.some((v) => v.startsWith('script-src') && v.endsWith(':eval'))).toBe(true);
});

test('「サンプルを開く」をもう一度押すと、同じサンプルをもう1つ作らずに開く', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('サンプル：');
  await page.getByRole('link', { name: '案件一覧' }).first().click();
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('サンプル：');
  await page.getByRole('link', { name: '案件一覧' }).first().click();
  await expect(page.getByRole('link', { name: /^サンプル：/ })).toHaveCount(1);
});
