import { expect, test, type Page } from '@playwright/test';
import { waitSaved } from './helpers';

/**
 * Issue 13: the 変更申請 and 照会回答 screens check what is typed on them (R-CH-2, R-CH-3, R-CH-4):
 * an item without its reason is an error beside the page, leads to the field, and goes away once the
 * reason is written; the same committee approval given another date in the 照会回答 is a warning
 * on the answer, and the check page lists it under 照会事項に対する回答.
 */

const COMMITTEE = '架空大学医学部附属病院 倫理審査委員会';

async function openSample(page: Page): Promise<string> {
  // A fixed day: the drafts are dated today, and the sample's devices and committee are judged on it.
  await page.clock.setFixedTime(new Date('2028-02-20T10:00:00+09:00'));
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  return page.url();
}

async function addFiling(page: Page, kind: string): Promise<void> {
  await page.getByLabel('追加する届出・報告').selectOption({ label: kind });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
}

test('変更申請：理由のない変更内容はエラーとして画面の横に出て、欄へ移動でき、理由を書くと消える（R-CH-2）。照会回答で同じ委員会承認を別の日付で書くと警告（R-CH-3）', async ({ page }) => {
  const projectPath = await openSample(page);
  await addFiling(page, '変更申請');
  await page.getByRole('link', { name: '変更申請を作成・編集' }).click();
  await page.getByRole('heading', { level: 1, name: '変更申請' }).waitFor();

  await page.getByRole('button', { name: '変更内容を手で追加' }).click();
  const items = page.getByRole('group', { name: /^変更内容 \d+$/ });
  const item = items.last();
  const n = await items.count();
  await item.getByLabel('【主な変更内容】').fill('説明文書・同意文書の改訂（費用負担の記載）');
  await item.getByLabel('＜変更前＞').fill('先進医療にかかる費用は研究費で負担します。');
  await item.getByLabel('＜変更後＞').fill('先進医療にかかる費用は、患者さんにご負担いただきます。');
  await item.getByLabel('【主な変更内容】').blur();

  const panel = page.getByRole('region', { name: 'チェック結果' });
  // It opens as its counts (issue 15): opened to work with the findings.
  await panel.getByTestId('check-summary').click();
  const noReason = panel.locator('[data-rule="R-CH-2"]').filter({ hasText: `変更内容${n}に【変更申請する理由】がありません` });
  await expect(noReason).toHaveCount(1);
  await expect(noReason).toContainText('エラー');

  // The finding leads to the field (from the keyboard).
  await noReason.getByRole('button', { name: /【変更申請する理由】がありません/ }).focus();
  await page.keyboard.press('Enter');
  const reason = item.getByLabel('【変更申請する理由】');
  await expect(reason).toBeFocused();
  await reason.fill('費用負担を研究費から患者負担に変更するため。');
  await reason.blur();
  await expect(noReason).toHaveCount(0);

  // The committee and the day it approved.
  const committee = item.getByLabel('承認した委員会');
  const option = (await committee.locator('option', { hasText: COMMITTEE }).first().textContent()) ?? '';
  await committee.selectOption({ label: option });
  await item.getByLabel('承認日').fill('2028-01-10');
  await item.getByLabel('承認日').blur();
  await expect(panel.locator('[data-rule="R-CH-2"]').filter({ hasText: `変更内容${n}` })).toHaveCount(0);
  await waitSaved(page);

  // A 照会回答 that gives the same approval the day of the notice instead, linked to the item.
  await page.goto(projectPath);
  await addFiling(page, '照会事項に対する回答');
  await page.getByRole('link', { name: '回答を作成・編集' }).last().click();
  await page.getByRole('heading', { level: 1, name: /照会事項に対する回答（第\d+回）/ }).waitFor();
  await page.getByRole('button', { name: '照会事項を追加' }).click();
  await page.getByLabel('照会１', { exact: true }).fill('１．費用負担の変更について\n倫理審査委員会での審議の経過を説明してください。');
  const answer = page.getByLabel('回答１', { exact: true });
  await answer.fill(`${COMMITTEE}において、令和１０年１月１７日に承認されました。`);
  await page.getByRole('checkbox', { name: /説明文書・同意文書の改訂/ }).check();
  await answer.blur();

  const inquiryPanel = page.getByRole('region', { name: 'チェック結果' });
  // Opened once, it stays open on the next screen (remembered on this PC).
  await expect(inquiryPanel.locator('details')).toHaveAttribute('open', '');
  const mismatch = inquiryPanel.locator('[data-rule="R-CH-3"]');
  await expect(mismatch).toHaveCount(1);
  await expect(mismatch).toContainText('「令和１０年１月１７日」');
  await expect(mismatch).toContainText('2028年1月10日');
  await expect(mismatch).toContainText('警告');
  // Its other place is the change item's approval, one click away.
  await expect(mismatch.getByRole('button', { name: `変更申請（変更内容${n}の【試験実施計画の変更承認状況】）へ移動` })).toBeVisible();
  // R-CH-4: the linked change item's reason does not name this answer yet.
  await expect(inquiryPanel.locator('[data-rule="R-CH-4"]')).toContainText('による変更です');

  // Corrected to the approval day: the warning goes.
  await answer.fill(`${COMMITTEE}において、2028年1月10日に承認されました。`);
  await answer.blur();
  await expect(mismatch).toHaveCount(0);
  await waitSaved(page);

  // Back to the first date: the check page lists it under the 照会回答.
  await answer.fill(`${COMMITTEE}において、2028年1月17日に承認されました。`);
  await answer.blur();
  await waitSaved(page);
  await page.goto(projectPath);
  await page.getByRole('link', { name: 'チェック結果', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'チェック結果' })).toBeVisible();
  const listed = page.locator('[data-rule="R-CH-3"]');
  await expect(listed).toHaveCount(1);
  await listed.getByRole('button', { name: /2028年1月17日/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /照会事項に対する回答/ })).toBeVisible();
  await expect(page.getByLabel('回答１', { exact: true })).toBeFocused();
});
