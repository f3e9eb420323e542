import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/**
 * 期限 across all projects (issue 14 item 6), with the sample (a 先進医療B approved 令和9年7月1日,
 * 予定試験期間 「告示日から2037年6月30日まで（登録期間5年、追跡期間5年）」, 予定症例数 120例, a 変更申請
 * with 【現在の登録状況】 9症例 as of 2028-01-31, its 令和10年度 定期報告 提出済み): the next 定期報告 is
 * 令和11年度's. The clock is fixed so the test never depends on today.
 */
async function openSampleAt(page: Page, now: string): Promise<void> {
  await page.clock.setFixedTime(new Date(now));
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'ＩＣＧ蛍光法' }).waitFor();
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '案件一覧' }).click();
  await page.getByRole('heading', { level: 1, name: '案件一覧' }).waitFor();
}

test('案件一覧の「期限」に、サンプルの次の定期報告が和暦・曜日・残り日数と「要確認」（根拠つき）で出て、開く画面へ移れる', async ({ page }) => {
  await openSampleAt(page, '2029-07-01T10:00:00+09:00');
  const section = page.getByRole('region', { name: '期限' });
  const list = section.getByRole('list', { name: '期限を過ぎたものと90日以内の期限' });
  const row = list.getByRole('listitem').filter({ hasText: '定期報告（令和１１年度）の提出期限' });
  await expect(row).toContainText('令和１１年８月３１日（金）');
  await expect(row).toContainText('あと61日');
  await expect(row).toContainText('サンプル：ＩＣＧ蛍光法');
  // 8月末 is pre-2016 text (spec §5.2): 要確認, its basis the badge's description — reachable by keyboard.
  const badge = row.getByText('要確認', { exact: true });
  await expect(badge).toHaveAccessibleDescription(/8月末まで.*未確認/);
  await badge.focus();
  await expect(row.getByRole('tooltip')).toBeVisible();
  // The 令和10年度 report is 提出済み: not due any more. The 研究期間 (2037) is not within 90 days: only on the page of every deadline.
  await expect(list).not.toContainText('令和１０年度');
  await expect(list).not.toContainText('研究期間の終了');
  await expect(section.getByRole('link', { name: /すべての期限を見る/ })).toBeVisible();
  // The title opens the screen to work on (no 定期報告 drafted yet: the project).
  await row.getByRole('link', { name: '定期報告（令和１１年度）の提出期限' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ＩＣＧ蛍光法');
});

test('「すべての期限を見る」で、サンプルの研究期間の終了（2037年6月30日）と登録状況が月ごとに並び、期限を過ぎた定期報告は「超過」と出る', async ({ page }) => {
  await openSampleAt(page, '2029-09-05T10:00:00+09:00');
  const section = page.getByRole('region', { name: '期限' });
  // After 8月末 the 令和11年度 report not filed is overdue, first on the start screen.
  const overdue = section.getByRole('listitem').first();
  await expect(overdue).toContainText('定期報告（令和１１年度）の提出期限');
  await expect(overdue).toContainText('5日超過');
  await section.getByRole('link', { name: /すべての期限を見る/ }).click();
  await page.getByRole('heading', { level: 1, name: 'すべての期限' }).waitFor();
  const june2037 = page.getByRole('list', { name: '令和１９年６月の期限' });
  await expect(june2037.getByRole('listitem').filter({ has: page.getByRole('link', { name: '研究期間の終了', exact: true }) })).toContainText('令和１９年６月３０日（火）');
  await expect(june2037.getByRole('listitem').filter({ hasText: '総括報告（研究期間終了後）' }).getByText('要確認', { exact: true })).toBeVisible();
  const enrolment = page.getByRole('list', { name: '令和１４年６月の期限' }).getByRole('listitem').filter({ hasText: '被験者登録期間の終了' });
  await expect(enrolment).toContainText('登録状況：9症例／120例（2028年1月31日現在）');
  await expect(page.getByRole('list', { name: '令和１２年８月の期限' })).toContainText('定期報告（令和１２年度）の提出期限');
});

test('「期限をカレンダーに書き出す（.ics）」で、期限ごとに終日の予定（日本語の件名）を書いたファイルを保存する', async ({ page }) => {
  await openSampleAt(page, '2029-07-01T10:00:00+09:00');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '期限をカレンダーに書き出す（.ics）' }).click()]);
  expect(download.suggestedFilename()).toBe('先進医療の期限.ics');
  const text = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '');
  expect(text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(4);
  expect(text).toMatch(/^DTSTART;VALUE=DATE:20370630$/m);
  expect(text).toMatch(/^SUMMARY:［要確認］定期報告（令和１１年度）の提出期限（サンプル：/m);
});
