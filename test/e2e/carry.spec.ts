/**
 * Issue 19 item 1: 「この案件をもとに新しい案件を作る」, as a coordinator starting next year's
 * technology from the sample: three sections carried, shown 要確認 until confirmed or edited, the
 * technology's own facts empty, and no 提出済み with open 要確認 unless the user says so.
 */
import { expect, test } from '@playwright/test';
import { openSample } from './screens';

const NAME = 'ICG蛍光法（大腸癌）令和９年届出';

test('サンプルをもとに3項目を引き継ぐと、新しい案件では要確認が付き、名称・適応症は空。要確認のままでは確認しないと提出済みにできない', async ({ page }) => {
  await openSample(page);
  const sampleName = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  // The sample's own text of the three sections, to compare with what arrives.
  await page.getByRole('link', { name: /様式第3号 先進医療の実施計画/ }).click();
  const planText = await page.getByLabel('６．治療計画', { exact: true }).inputValue();
  const privacyText = await page.getByLabel('１３．個人情報保護の方法', { exact: true }).inputValue();
  expect(planText.length).toBeGreaterThan(100);
  await page.goBack();

  await page.getByRole('link', { name: 'この案件をもとに新しい案件を作る' }).click();
  await page.getByRole('heading', { level: 1, name: 'この案件をもとに新しい案件を作る' }).waitFor();
  await expect(page.getByTestId('never-carried')).toContainText('先進医療の名称、適応症、区分・制度、告示番号');
  // Without a name nothing is made, and the reason is said beside the field.
  await page.getByRole('button', { name: '新しい案件を作る' }).click();
  await expect(page.getByText('新しい案件の案件名を入力してください。')).toBeVisible();
  await page.getByLabel('新しい案件の案件名').fill(NAME);
  const plan = page.getByRole('group', { name: /様式第3号 先進医療の実施計画/ });
  await plan.getByLabel('６．治療計画').check();
  await plan.getByLabel('１３．個人情報保護の方法').check();
  // The keyboard works: Space ticks the third.
  await plan.getByLabel('８．モニタリング体制及び実施方法').focus();
  await page.keyboard.press('Space');
  await expect(plan.getByLabel('８．モニタリング体制及び実施方法')).toBeChecked();
  await page.getByRole('button', { name: '新しい案件を作る' }).click();

  await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
  const carried = page.getByTestId('carried');
  await expect(carried).toContainText(`${sampleName}をもとに`);
  await expect(page.getByTestId('carried-open')).toContainText('要確認の項目が3件');
  await expect(page.getByLabel('先進医療の名称')).toHaveValue('');
  await expect(page.getByLabel('適応症')).toHaveValue('');

  await carried.getByRole('link', { name: /様式第3号 先進医療の実施計画/ }).click();
  const field = (key: string) => page.locator(`[data-field="${key}"]`);
  await expect(page.getByLabel('６．治療計画', { exact: true })).toHaveValue(planText);
  await expect(page.getByLabel('１３．個人情報保護の方法', { exact: true })).toHaveValue(privacyText);
  for (const key of ['treatmentPlan', 'privacy', 'monitoring']) await expect(field(key).getByText('要確認', { exact: true })).toBeVisible();
  // Not chosen: not carried.
  await expect(page.getByLabel('５．被験者の適格基準及び選定方法', { exact: true })).toHaveValue('');
  await expect(field('eligibility').getByText('要確認', { exact: true })).toHaveCount(0);

  // Confirmed by its button; edited by typing — both lose the mark, and stay so after a reload.
  await page.getByRole('button', { name: '６．治療計画を確認済みにする' }).click();
  await expect(field('treatmentPlan').getByText('要確認', { exact: true })).toHaveCount(0);
  const privacy = page.getByLabel('１３．個人情報保護の方法', { exact: true });
  await privacy.click();
  await privacy.press('End');
  await privacy.pressSequentially('（令和９年４月改訂）');
  await expect(field('privacy').getByText('要確認', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('save-state').filter({ hasText: '保存済み' }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('１３．個人情報保護の方法', { exact: true })).toHaveValue(`${privacyText}（令和９年４月改訂）`);
  await expect(field('treatmentPlan').getByText('要確認', { exact: true })).toHaveCount(0);
  await expect(field('monitoring').getByText('要確認', { exact: true })).toBeVisible();

  // 提出済み with one value still 要確認: refused until 「要確認のまま提出する」 is ticked.
  await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: NAME }).click();
  await expect(page.getByTestId('carried-open')).toContainText('要確認の項目が1件');
  const first = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '新規届出' });
  await first.getByRole('button', { name: '提出済みにする' }).click();
  const dialog = page.getByRole('dialog', { name: /新規届出.*提出済みを記録/ });
  await expect(dialog.getByTestId('unconfirmed-warning')).toContainText('要確認の項目が1件あります。もとの案件から引き継いだ値が、まだ確認されていません。');
  await dialog.getByLabel('提出日').fill('2027-04-01');
  await dialog.getByLabel('提出方法').selectOption('持参');
  await dialog.getByRole('button', { name: '提出済みにして控えを保存' }).click();
  await expect(dialog.getByText('要確認の項目を確認してから提出するか、「要確認のまま提出する」を選んでください。')).toBeVisible();
  await expect(first.getByRole('heading', { level: 3 })).toContainText('作成中');
  await dialog.getByLabel('要確認のまま提出する').check();
  await dialog.getByRole('button', { name: '提出済みにして控えを保存' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(first.getByRole('heading', { level: 3 })).toContainText('提出済み');
});
