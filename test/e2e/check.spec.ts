import { expect, test, type Page } from '@playwright/test';
import { readPdf, squash } from '../helpers/pdf';
import { createProject, downloadOf, waitSaved } from './helpers';

/** A 0円 row 「文書料」 in the 積算's その他: an R-C-4 警告 (and the project is left on the cost page). */
async function addZeroCostRow(page: Page): Promise<void> {
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  await page.getByRole('button', { name: 'その他に行を追加' }).click();
  await page.getByLabel('項目（1行目）').fill('文書料');
  await page.getByLabel('金額（円）（1行目）').fill('0');
  await waitSaved(page);
}

async function openSampleForm5(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('サンプル：');
  await page.getByRole('link', { name: /様式第5号 先進医療の内容（概要）/ }).click();
  await page.getByRole('heading', { level: 1, name: /様式第5号/ }).waitFor();
}

test('R-C-1: 様式第5号に積算と違う金額を書くとエラーになり、欄へ移動でき、「この値に統一」でそろい、「元に戻す」で戻る', async ({ page }) => {
  await openSampleForm5(page);
  const panel = page.getByRole('region', { name: 'チェック結果' });
  // It opens as its counts (issue 15): opened to work with the findings.
  await panel.getByTestId('check-summary').click();
  const errors = panel.getByTestId('check-counts-error');
  await expect(errors).toHaveText('エラー 0件');

  const field = page.getByLabel('（先進医療にかかる費用）', { exact: true });
  await field.fill('先進医療にかかる費用は99,999円です。');
  await waitSaved(page);
  const finding = panel.locator('[data-rule="R-C-1"]');
  await expect(finding).toContainText('「99,999円」');
  await expect(finding).toContainText('記載要領');
  await expect(errors).toHaveText('エラー 1件');

  // The finding leads to its field: focused and outlined (from the keyboard).
  await finding.getByRole('button', { name: /99,999円/ }).focus();
  await page.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await expect(page.locator('[data-doc="besshi1/yoshiki5"] [data-field="costText"]')).toHaveClass(/field-highlight/);

  // Side by side: the typed amount cannot overrule the computed total.
  const typedRow = finding.getByRole('row', { name: /^様式第5号/ });
  await expect(typedRow.getByRole('button', { name: 'この値に統一' })).toBeDisabled();
  await expect(typedRow).toContainText('費用の積算で計算される額です。費用の積算を変更してください');
  await expect(typedRow.getByRole('link', { name: '費用の積算を開く' })).toBeVisible();
  const modelRow = finding.getByRole('row', { name: /^費用の積算/ });
  const total = (await modelRow.getByRole('cell').first().textContent())?.trim() ?? '';
  expect(total).toMatch(/^[\d,]+円$/);
  await modelRow.getByRole('button', { name: 'この値に統一' }).click();

  await expect(errors).toHaveText('エラー 0件');
  await expect(panel.getByRole('status').filter({ hasText: '統一しました' })).toBeVisible();
  await expect(page.getByLabel('（先進医療にかかる費用）', { exact: true })).toHaveValue(`先進医療にかかる費用は${total}です。`);
  await expect(page.getByTestId('preview')).toContainText(total);

  // 元に戻す has the focus (the pressed button is gone): Enter undoes the whole 統一.
  const undo = panel.getByRole('button', { name: '元に戻す' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(errors).toHaveText('エラー 1件');
  await expect(page.getByLabel('（先進医療にかかる費用）', { exact: true })).toHaveValue('先進医療にかかる費用は99,999円です。');
  await page.reload();
  await expect(page.getByLabel('（先進医療にかかる費用）', { exact: true })).toHaveValue('先進医療にかかる費用は99,999円です。');
  await expect(page.getByRole('region', { name: 'チェック結果' }).getByTestId('check-counts-error')).toHaveText('エラー 1件');
});

test('R-C-4: 警告は理由を付けて確認済みにでき、再読み込み後も確認済みのまま。エラーは確認済みにできない', async ({ page }) => {
  await createProject(page, '確認済みの記録');
  await addZeroCostRow(page);
  await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '確認済みの記録' }).click();
  await page.getByRole('link', { name: 'チェック結果', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'チェック結果' })).toBeVisible();

  const warning = page.locator('[data-rule="R-C-4"]');
  await expect(warning).toContainText('「文書料」の金額が0円です');
  await warning.getByRole('button', { name: '確認済みにする' }).click();
  // A reason is required.
  await warning.getByRole('button', { name: '確認済みとして記録する' }).click();
  await expect(warning.getByRole('alert')).toHaveText('確認済みにする理由を入力してください。');
  await warning.getByLabel('確認済みにする理由').fill('文書料は算定しないことを院内で確認した。');
  await warning.getByRole('button', { name: '確認済みとして記録する' }).click();
  const acknowledged = page.getByRole('list', { name: /（確認済み）$/ });
  await expect(acknowledged.locator('[data-rule="R-C-4"]')).toContainText('確認済み：文書料は算定しないことを院内で確認した。');
  await expect(page.getByTestId('check-counts')).toContainText('確認済み 1件');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'チェック結果' })).toBeVisible();
  await expect(acknowledged.locator('[data-rule="R-C-4"]')).toContainText('確認済み：文書料は算定しないことを院内で確認した。');
  await expect(page.getByTestId('check-counts')).toContainText('確認済み 1件');

  // Errors (R-C-1: the cost is 0円; R-REQ: empty forms) have no 確認済み.
  const errors = page.locator('.finding-error');
  await expect(page.locator('[data-rule="R-C-1"]')).toBeVisible();
  expect(await errors.count()).toBeGreaterThan(0);
  await expect(errors.getByRole('button', { name: '確認済みにする' })).toHaveCount(0);

  // The チェック結果報告書 lists the findings and the acknowledgement with its reason.
  const { download, bytes } = await downloadOf(page, 'チェック結果報告書をPDFで保存');
  expect(download.suggestedFilename()).toMatch(/^チェック結果報告書.*\.pdf$/);
  const text = squash((await readPdf(bytes)).pages.map((p) => p.text).join(''));
  expect(text).toContain('チェック結果報告書');
  expect(text).toContain('R-C-4');
  expect(text).toContain(squash('確認済み：文書料は算定しないことを院内で確認した。'));
  expect(text).toContain('R-C-1');

  // Withdrawn: the warning is open again.
  await warning.getByRole('button', { name: '確認済みを取り消す' }).click();
  await expect(warning.getByRole('button', { name: '確認済みにする' })).toBeVisible();
  await expect(page.getByTestId('check-counts')).not.toContainText('確認済み');
});

test('R-C-1: エラーが残ったまま「案」なしで一式を保存しようとすると、エラーの一覧で確認を求める', async ({ page }) => {
  await openSampleForm5(page);
  await page.getByLabel('（先進医療にかかる費用）', { exact: true }).fill('先進医療にかかる費用は99,999円です。');
  await waitSaved(page);
  await page.getByRole('link', { name: '書類一式の出力' }).click();
  await page.getByRole('heading', { level: 1, name: '書類一式の出力' }).waitFor();
  await page.getByRole('radio', { name: /^提出用/ }).check();
  await page.getByRole('button', { name: '一式をWordで保存' }).click();
  const dialog = page.getByRole('dialog', { name: 'エラーが残っています' });
  await expect(dialog).toContainText('R-C-1');
  await expect(dialog).toContainText('99,999円');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(dialog).toBeHidden();
  // A draft is always allowed.
  await page.getByRole('radio', { name: /^下書き/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '一式をWordで保存' }).click()]);
  expect(download.suggestedFilename()).toMatch(/_案\.docx$/);

  // From the dialog to the チェック結果, and from the finding to its field in another screen.
  await page.getByRole('radio', { name: /^提出用/ }).check();
  await page.getByRole('button', { name: '一式をPDFで保存' }).click();
  await dialog.getByRole('link', { name: 'チェック結果を開いて直す' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'チェック結果' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^様式第5号/ }).first()).toBeVisible();
  await page.locator('[data-rule="R-C-1"]').getByRole('button', { name: /99,999円/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /様式第5号/ })).toBeVisible();
  await expect(page.getByLabel('（先進医療にかかる費用）', { exact: true })).toBeFocused();
});

test('R-ID-2 / R-C-4: findings about the project and the 積算 lead to those pages, with the field focused', async ({ page }) => {
  await createProject(page, '移動の確認');
  await page.getByRole('link', { name: 'チェック結果', exact: true }).click();
  const indication = page.locator('[data-rule="R-ID-2"]');
  await expect(indication).toContainText('適応症が未記入です');
  await indication.getByRole('button', { name: /適応症が未記入です/ }).click();
  await expect(page.getByLabel('適応症', { exact: true })).toBeFocused();
  await expect(page.locator('[data-field="indication"]')).toHaveClass(/field-highlight/);
  await page.getByLabel('適応症', { exact: true }).fill('早期胃がん');
  await waitSaved(page);

  await addZeroCostRow(page);
  await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '移動の確認' }).click();
  await page.getByRole('link', { name: 'チェック結果', exact: true }).click();
  await expect(page.locator('[data-rule="R-ID-2"]')).toHaveCount(0);
  await page.locator('[data-rule="R-C-4"]').getByRole('button', { name: /文書料/ }).click();
  await expect(page.getByLabel('項目（1行目）')).toBeFocused();
  await expect(page.locator('[data-field="others"]')).toHaveClass(/field-highlight/);
});
