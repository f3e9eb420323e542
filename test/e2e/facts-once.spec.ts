import { expect, test } from '@playwright/test';
import { createProject, waitSaved } from './helpers';

/**
 * Issue 15 item 1: a 品目 entered once in the マスタ is picked — not typed again — on the 事前相談申込書,
 * in the 費用の計算 and in the 機器台帳; the 事前相談申込書 prints the project's 区分 without asking it.
 */
test('マスタの品目を事前相談申込書・費用の計算・機器台帳で選び、区分は案件のものが印刷される', async ({ page }) => {
  await page.goto('/#/masters/products');
  await page.getByRole('button', { name: '品目を追加' }).click();
  await page.getByLabel('種別（1件目）').selectOption('医薬品');
  await page.getByLabel('品目名（1件目）').fill('インドシアニングリーン注射用25mg');
  await page.getByLabel('製造販売業者名及び連絡先（1件目）').fill('架空製薬株式会社');
  await page.getByLabel('医薬品医療機器法上の適応外使用の該当（1件目）').selectOption('適応外');
  await page.getByLabel('購入単価（円）（1件目）').fill('１，８８４円');
  await page.getByRole('button', { name: '品目を追加' }).click();
  await page.getByLabel('種別（2件目）').selectOption('医療機器');
  await page.getByLabel('品目名（2件目）').fill('蛍光観察用腹腔鏡システム');
  await waitSaved(page);

  await page.goto('/#/masters/equipment');
  await page.getByRole('button', { name: '機器を追加' }).click();
  await page.getByLabel('医薬品・医療機器の台帳の品目（1行目）').selectOption({ label: '蛍光観察用腹腔鏡システム' });
  await expect(page.getByLabel('機器名（1行目）')).toHaveValue('蛍光観察用腹腔鏡システム');
  await page.getByLabel('購入価格（円）（1行目）').fill('25,000,000');
  await page.getByLabel('耐用年数（年）（1行目）').fill('5');
  await page.getByLabel('年間使用回数（1行目）').fill('300');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByLabel('医薬品・医療機器の台帳の品目（1行目）')).toHaveValue(/.+/);

  await createProject(page, '一度だけ入力');
  await page.getByRole('link', { name: '事前相談申込書を開く' }).click();
  await page.getByRole('heading', { level: 1, name: '先進医療に係る事前相談申込書' }).waitFor();
  // 区分: the project's, shown and printed, not asked again.
  await expect(page.getByTestId('category')).toHaveText('先進医療B');
  await expect(page.getByRole('radio')).toHaveCount(0);
  const picker = page.getByRole('group', { name: '台帳から選ぶ医薬品・医療機器' });
  await picker.getByLabel('台帳から選ぶ医薬品・医療機器に追加する品目').selectOption({ label: 'インドシアニングリーン注射用25mg（医薬品・適応外）' });
  await picker.getByRole('button', { name: '追加' }).click();
  await page.getByLabel('使用する医薬品又は医療機器').fill('使用方法は企業と相談中');
  await waitSaved(page);
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('インドシアニングリーン注射用25mg');
  await expect(preview).toContainText('企業名：架空製薬株式会社');
  await expect(preview).toContainText('使用方法は企業と相談中');

  await page.getByRole('link', { name: '一度だけ入力' }).click();
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  const materials = page.getByRole('region', { name: '医療材料・医薬品費' });
  await materials.getByRole('button', { name: '医療材料・医薬品費に行を追加' }).click();
  await materials.getByLabel('医薬品・医療機器の台帳から選ぶ品目（1行目）').selectOption({ label: 'インドシアニングリーン注射用25mg（医薬品）' });
  await expect(materials.getByLabel('品名（1行目）')).toHaveValue('インドシアニングリーン注射用25mg');
  await expect(materials.getByLabel('単価（円）（1行目）')).toHaveValue('1884');
  await expect(materials.getByLabel('区分（1行目）')).toHaveValue('drug');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('region', { name: '医療材料・医薬品費' }).getByLabel('医薬品・医療機器の台帳から選ぶ品目（1行目）')).toHaveValue(/.+/);
});

test('様式第2号に手入力した協力医療機関を実施医療機関に登録すると、表から移って様式第2号に同じ行が印刷される', async ({ page }) => {
  await createProject(page, '協力医療機関の登録');
  await page.getByRole('link', { name: /別紙1 様式第2号/ }).click();
  const table = page.getByRole('group', { name: '実施医療機関', exact: true });
  await table.getByRole('button', { name: '実施医療機関に行を追加' }).click();
  await table.getByLabel('区分（申請・調整・協力）（1行目）').fill('協力医療機関');
  await table.getByLabel('医療機関名（1行目）').fill('架空市立総合病院');
  await table.getByLabel('実施診療科（1行目）').fill('外科');
  await table.getByLabel('実施責任医師（1行目）').fill('部長 𠮷田 太郎');
  await table.getByLabel('当直体制（診療科名・人数）（1行目）').fill('外科当直医師 1名');
  await waitSaved(page);

  await page.getByRole('link', { name: '協力医療機関の登録' }).click();
  await page.getByRole('link', { name: '実施医療機関を開く' }).click();
  await page.getByRole('heading', { level: 1, name: '実施医療機関' }).waitFor();
  await expect(page.getByTestId('typed-sites')).toContainText('1件');
  await page.getByRole('button', { name: '様式第2号の表から登録' }).click();
  await expect(page.getByText('様式第2号の表から1件の医療機関を登録しました（架空市立総合病院）。')).toBeVisible();
  await expect(page.getByLabel('医療機関名（1件目）')).toHaveValue('架空市立総合病院');
  await expect(page.getByLabel('当直体制（診療科名・人数）（1件目）')).toHaveValue('外科当直医師 1名');
  await expect(page.getByTestId('typed-sites')).toHaveCount(0);

  await page.getByRole('link', { name: '協力医療機関の登録' }).click();
  await page.getByRole('link', { name: /別紙1 様式第2号/ }).click();
  await expect(page.getByRole('group', { name: '実施医療機関', exact: true }).getByLabel('医療機関名（1行目）')).toHaveCount(0);
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('架空市立総合病院');
  await expect(preview).toContainText('外科当直医師');
});
