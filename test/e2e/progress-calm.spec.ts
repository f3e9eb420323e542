/**
 * Issue 15 items 3, 4 and 7: honest progress (only the package's forms, why each is needed, a form
 * with an error is not done, 「費用の計算から」 instead of a green 0/0), calm messages (an added empty
 * row is a draft, not 「保存できませんでした」; a plain 管理者 field) and the first-run checklist.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitSaved } from './helpers';

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出書類' }).waitFor();
}

test('空のアプリでは「はじめに」が0/4完了で、設定を入力すると済みになり、管理者は普通の欄で入力できる', async ({ page }) => {
  await page.goto('/');
  const checklist = page.getByRole('region', { name: /はじめに/ });
  await expect(checklist.getByRole('heading', { level: 2 })).toHaveText('はじめに（0/4 完了）');
  await expect(checklist.getByRole('listitem')).toHaveText([/^設定未入力/, /^職員名簿未入力/, /^マスタ未入力/, /^案件の名前を入力未入力/]);
  // The sample button stays beside it.
  await expect(page.getByRole('button', { name: 'サンプルを開く' })).toBeVisible();

  await checklist.getByRole('link', { name: '設定' }).click();
  await page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
  await page.getByLabel('医療機関名').fill('架空大学医学部附属病院');
  await page.getByLabel('保険医療機関の所在地').fill('架空県架空市中央1-1-1');
  await page.getByLabel('開設者氏名').fill('国立大学法人架空大学　学長　架空　太郎');
  // The 管理者 is a plain field; it is the current entry of the history below.
  await page.getByLabel('管理者氏名').fill('病院長　架空　一郎');
  await expect(page.getByLabel('役職（1行目）')).toHaveValue('管理者');
  await expect(page.getByLabel('氏名（1行目）')).toHaveValue('病院長　架空　一郎');
  await waitSaved(page);

  await page.goto('/');
  await expect(checklist.getByRole('heading', { level: 2 })).toHaveText('はじめに（1/4 完了）');
  await expect(page.getByTestId('first-run-settings')).toContainText('済み');
  await expect(page.getByTestId('first-run-roster')).toContainText('未入力');
  // The 案件 step leads to the name field.
  await checklist.getByRole('button', { name: '案件の名前を入力' }).click();
  await expect(page.getByLabel('新しい案件の名前')).toBeFocused();

  // The stored 管理者 is read back into the plain field.
  await page.goto('/#/settings');
  await expect(page.getByLabel('管理者氏名')).toHaveValue('病院長　架空　一郎');
});

test('サンプルの様式一覧は新規届出（先進医療B）の様式だけを理由つきで示し、エラーのある様式は入力済みに数えない', async ({ page }) => {
  await openSample(page);
  const pkg = page.getByTestId('forms-package');
  await expect(pkg).toContainText('新規届出（先進医療B）の様式です（先進医療Bの新規届出に必要な10様式）');
  await expect(pkg).toContainText('エラーのない様式：7/7');
  const items = page.getByTestId('package-forms').getByRole('listitem');
  await expect(items).toHaveCount(10);
  await expect(items.filter({ hasText: '様式第4号' })).toHaveCount(0);
  await expect(items.filter({ hasText: '別紙2' })).toHaveCount(0);
  await expect(items.filter({ hasText: '様式第8-2号' })).toContainText('先進医療Bの新規届出に必要：病床数・看護配置・当直体制・診療科別の常勤医師数');
  await expect(items.filter({ hasText: '様式第6号' })).toContainText('保険外併用療養費分を診療報酬の点数の項目ごとに');
  await expect(page.getByTestId('source-besshi1-yoshiki7-1')).toHaveText('費用の計算から作成');
  await expect(page.getByTestId('source-besshi1-yoshiki7-2')).toHaveText('費用の計算から作成');
  await expect(page.getByText(/0\/0/)).toHaveCount(0);

  // The tree beside a form lists the same 10 forms, says where 7-1/7-2 come from, never 0/0.
  await page.getByRole('link', { name: /別紙1 様式第5号/ }).click();
  await page.getByRole('heading', { level: 1, name: /様式第5号/ }).waitFor();
  const nav = page.getByRole('navigation', { name: '様式の一覧' });
  await expect(nav.getByRole('link', { name: /^様式第/ })).toHaveCount(10);
  await expect(nav.getByRole('link', { name: /^様式第4号/ })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /様式第7-1号\s*費用の計算から作成/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /様式第7-2号\s*費用の計算から作成/ })).toBeVisible();
  await expect(nav.getByText('費用の計算から', { exact: true })).toHaveCount(2);
  await expect(nav.getByRole('link', { name: /様式第8-1号\s*実施責任医師の行は職員名簿から作成/ })).toBeVisible();
  await expect(nav.getByText(/^0\/0$/)).toHaveCount(0);
  await expect(nav.getByTestId('nav-needed-for')).toContainText('先進医療Bの新規届出に必要な10様式。入力済み 7/7');
  const y5 = nav.getByRole('link', { name: /^様式第5号/ });
  await expect(y5).toHaveAccessibleName(/様式第5号\s*必須3項目中3項目入力済み\s/);

  // An amount in the text that differs from the 積算 (R-C-1): all 3 required items filled, not done.
  await page.getByLabel('（先進医療にかかる費用）', { exact: true }).fill('先進医療にかかる費用は、１人当たり２２，０００円である。');
  await expect(y5).toHaveAccessibleName(/様式第5号\s*必須3項目中3項目入力済み、エラー\d+件/);
  await expect(y5.locator('.completeness')).not.toHaveClass(/\bdone\b/);
  await expect(nav.getByTestId('nav-needed-for')).toContainText('入力済み 6/7');
  await waitSaved(page);

  await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: /サンプル/ }).click();
  const y5item = page.getByTestId('completeness-besshi1-yoshiki5');
  await expect(y5item).toHaveText(/^必須 3\/3 項目・エラー\d+件$/);
  await expect(y5item).not.toHaveClass(/\bdone\b/);
  await expect(pkg).toContainText('エラーのない様式：6/7');
});

test('費用の計算で空の行を追加しても「保存できませんでした」にならず「未入力の行があります」と出て、入力すれば保存される', async ({ page }) => {
  await openSample(page);
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  await page.getByRole('heading', { level: 1, name: /費用の計算/ }).waitFor();
  await waitSaved(page);
  const rowsBefore = await page.getByLabel(/^機器名（\d+行目）/).count();
  await page.getByRole('button', { name: '医療機器使用料の内訳に行を追加' }).click();
  const n = rowsBefore + 1;
  await expect(page.getByTestId('save-draft')).toHaveText(/未入力の行があります/);
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  await expect(page.getByText('保存できませんでした')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The row stays on screen to be filled.
  await expect(page.getByLabel(`機器名（${n}行目）`)).toHaveValue('');

  await page.getByLabel(`機器名（${n}行目）`).fill('超音波診断装置');
  await page.getByLabel(`購入価格（円）（${n}行目）`).fill('3,000,000');
  await page.getByLabel(`耐用年数（年）（${n}行目）`).fill('6');
  await page.getByLabel(`年間使用回数（${n}行目）`).fill('200');
  await waitSaved(page);
  await expect(page.getByTestId('save-draft')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel(`機器名（${n}行目）`)).toHaveValue('超音波診断装置');
});
