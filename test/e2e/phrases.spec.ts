/**
 * Issue 19 item 2: the office's 定型文, as a coordinator uses them — registered in マスタ with
 * placeholders, inserted into 様式第3号 with the project's values filled in, and left as inserted
 * when the 定型文 is edited afterwards; text saved to the library from a field.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSample } from './screens';

const TEXT = '{先進医療の名称}の試験で得られた個人情報は、実施責任医師（{実施責任医師}）の管理のもと、匿名化した上で院内の施錠できる保管庫に保存する（保存期間：研究終了後５年）。';

async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state').filter({ hasText: '保存済み' }).first()).toBeVisible();
}

test('定型文をマスタに登録し、様式第3号に挿入すると案件の名称と実施責任医師が入る。あとで定型文を直しても挿入済みの文章は変わらない', async ({ page }) => {
  await openSample(page);
  const technology = await page.getByLabel('先進医療の名称').inputValue();
  const sampleUrl = page.url();

  await page.getByRole('link', { name: 'マスタ' }).first().click();
  await page.getByRole('link', { name: '定型文' }).click();
  await page.getByRole('button', { name: '定型文を追加' }).click();
  await page.getByLabel('定型文の名前').fill('個人情報の保護（匿名化・院内保管）');
  await page.getByLabel('本文').fill(TEXT);
  await page.getByLabel('「個人情報の保護（匿名化・院内保管）」に加える記入欄').selectOption({ label: '１３．個人情報保護の方法' });
  await page.getByRole('button', { name: '向いている記入欄に追加' }).click();
  await expect(page.getByText('別紙1 様式第3号「１３．個人情報保護の方法」')).toBeVisible();
  await saved(page);

  await page.goto(sampleUrl);
  await page.getByRole('link', { name: /様式第3号 先進医療の実施計画/ }).click();
  const privacy = page.getByLabel('１３．個人情報保護の方法', { exact: true });
  const before = await privacy.inputValue();
  await privacy.focus();
  await privacy.press('Control+End');
  await page.locator('[data-field="privacy"]').getByRole('button', { name: '定型文を挿入' }).click();
  const dialog = page.getByRole('dialog', { name: '１３．個人情報保護の方法に定型文を挿入' });
  // The one registered for this field is offered first and already chosen, its text shown filled.
  await expect(dialog.getByLabel('個人情報の保護（匿名化・院内保管）')).toBeChecked();
  const filled = TEXT.replace('{先進医療の名称}', technology).replace('{実施責任医師}', '髙橋 誠一');
  await expect(dialog.getByLabel('挿入される文章')).toHaveText(filled);
  await dialog.getByRole('button', { name: '挿入する' }).click();
  await expect(privacy).toHaveValue(before + filled);
  await saved(page);
  // The preview prints it.
  await expect(page.getByTestId('preview')).toContainText('匿名化した上で院内の施錠できる保管庫に保存する');

  // Text of a field saved to the library, under a name.
  await page.locator('[data-field="treatmentPlan"]').getByRole('button', { name: '定型文として保存' }).click();
  const saveDialog = page.getByRole('dialog', { name: '６．治療計画を定型文として保存' });
  await expect(saveDialog.getByLabel('保存する文章')).toHaveText(await page.getByLabel('６．治療計画', { exact: true }).inputValue());
  await saveDialog.getByLabel('定型文の名前').fill('治療計画（ICG・縮小手術）');
  await saveDialog.getByRole('button', { name: '定型文に保存' }).click();
  await expect(saveDialog).toBeHidden();

  // The 定型文 edited afterwards: what was inserted stays as it was.
  await page.getByRole('link', { name: 'マスタ' }).first().click();
  await page.getByRole('link', { name: '定型文' }).click();
  const first = page.getByRole('list', { name: '定型文' }).getByRole('listitem').first();
  await first.getByLabel('本文').fill('（改訂版）個人情報は外部の委託先で保管する。');
  await saved(page);
  await expect(page.getByRole('list', { name: '定型文' }).getByLabel('定型文の名前')).toHaveCount(2);
  await expect(page.getByRole('list', { name: '定型文' }).getByLabel('定型文の名前').nth(1)).toHaveValue('治療計画（ICG・縮小手術）');

  await page.goto(sampleUrl);
  await page.getByRole('link', { name: /様式第3号 先進医療の実施計画/ }).click();
  await expect(page.getByLabel('１３．個人情報保護の方法', { exact: true })).toHaveValue(before + filled);
});
