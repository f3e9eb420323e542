import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';

/**
 * Issue 14 items 1, 2 and 4, by label: a 定期報告 written on its screen (別紙7 様式第1号 and the 実績報告
 * table, values kept as typed, totals beside the table, a CSV imported), kept across a reload,
 * marked 提出済み; 「次年度の報告を作成」 carries the 継続 case with its 初回実施日 and flags what it
 * carried 要確認 (提出済み then asks 「要確認のまま提出する」); the previous 年度 still prints as filed.
 */

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function zipOf(page: Page, scope: Locator, button: string): Promise<Record<string, string>> {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: button, exact: true }).click()]);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, sha(bytes)]));
}

async function saved(page: Page): Promise<void> {
  await page.getByTestId('save-state').filter({ hasText: '保存済み' }).waitFor();
}

/** Fills row `n` (1-based) of the 実績報告 by its cells' labels 「診断名（n行目）」. */
async function fillCase(page: Page, n: number, values: Readonly<Record<string, string>>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    const cell = page.getByLabel(`${label}（${n}行目）`, { exact: true });
    if (['性別', '転帰', '評価結果'].includes(label)) await cell.selectOption(value);
    else await cell.fill(value);
  }
}

test('定期報告を画面で作成し、症例・合計が再読み込み後も残り、提出済みにした後「次年度の報告を作成」で継続の症例が要確認付きで引き継がれる', async ({ page }) => {
  test.setTimeout(180_000);
  // 2029-08-20: the 定期報告 whose deadline is next is 令和11年度 (令和10年7月1日～令和11年6月30日), the
  // 年度 after the sample's own 定期報告 (令和10年度, issue 14 item 7).
  await page.clock.setFixedTime(new Date('2029-08-20T10:00:00+09:00'));
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  const projectUrl = page.url();

  // The add form asks only for the kind: the 年度 is the one whose 8/31 deadline is next.
  await page.getByLabel('追加する届出・報告').selectOption({ label: '定期報告' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  const timeline = page.getByRole('list', { name: '届出・報告' });
  const item = timeline.getByRole('listitem').filter({ hasText: '定期報告（令和11年度）' });
  await item.getByRole('link', { name: '報告を作成・編集' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '定期報告（令和11年度）' })).toBeVisible();
  await expect(page.getByTestId('report-period')).toHaveText('報告期間：令和11年度（令和10年７月１日～令和11年６月30日）');
  // B 定期: the 総括-only parts are shown as not printed, not hidden.
  await expect(page.getByTestId('report-final-only')).toContainText('この報告には印刷されません');
  await expect(page.getByLabel('選択基準')).toBeDisabled();

  await page.getByLabel('1. 標題', { exact: true }).fill('ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術');
  await page.getByLabel('目的', { exact: true }).fill('早期胃癌に対する縮小手術の安全性と有効性を評価する。');
  await page.getByLabel('計画時', { exact: true }).fill('40');
  await page.getByLabel('中間報告・終了時').fill('１２');
  await page.getByLabel('日本国内における当該疾病患者数', { exact: true }).fill('12万人');
  await expect(page.getByText('0以上の整数で入力してください（例：14、１４日）。')).toBeVisible();
  await page.getByLabel('日本国内における当該疾病患者数', { exact: true }).fill('120000');
  await expect(page.getByText('0以上の整数で入力してください（例：14、１４日）。')).toHaveCount(0);
  // 0件 until a case is added: 「０件の理由」 is asked for, by the チェック結果 too (R-R-10), as typed.
  await expect(page.getByLabel('０件の理由')).toBeVisible();
  // The チェック結果 panel opens as its counts (issue 15): open it to read the finding.
  await page.getByRole('region', { name: 'チェック結果' }).getByTestId('check-summary').click();
  const zeroFinding = page.getByText('定期報告（令和11年度）の実績が0件です。「０件の理由」を書いてください。');
  await expect(zeroFinding).toBeVisible();
  await page.getByLabel('０件の理由').fill('対象となる患者の紹介がなかったため。');
  await expect(zeroFinding).toHaveCount(0);
  await page.getByLabel('０件の理由').fill('');

  const add = page.getByRole('button', { name: '症例を追加' });
  for (let i = 0; i < 3; i++) await add.click();
  // The new row's first cell has the keyboard focus.
  await expect(page.getByLabel('整理番号（3行目）', { exact: true })).toBeFocused();
  await fillCase(page, 1, { 整理番号: 'R-001', 診断名: '早期胃癌', 初回実施日: '2028-09-01', 入院期間: '１４日', 実施回数: '1', 転帰: '治癒', 保険外併用療養費分: '812,340', 保険外併用療養費分に係る一部負担金: '348,146円', '先進医療費用（患者負担）': '450000', '先進医療費用（その他）': '0' });
  await fillCase(page, 2, { 整理番号: 'R-002', 診断名: '早期胃癌', 初回実施日: '2029-05-10', 入院期間: '10', 実施回数: '1', 転帰: '継続', 保険外併用療養費分: '700000', 保険外併用療養費分に係る一部負担金: '300000', '先進医療費用（患者負担）': '450000', '先進医療費用（その他）': '0', 評価結果: '不明' });
  await fillCase(page, 3, { 整理番号: 'R-003', 診断名: '胃腺腫', 初回実施日: '2028-11-20', 入院期間: '7', 実施回数: '1', 転帰: '死亡', 保険外併用療養費分: '約12万円', 保険外併用療養費分に係る一部負担金: '0', '先進医療費用（患者負担）': '450000', '先進医療費用（その他）': '0' });
  // A value that does not read stays as typed with its message beside the cell; the sum waits for it.
  await expect(page.getByLabel('保険外併用療養費分（3行目）', { exact: true })).toHaveValue('約12万円');
  await expect(page.getByText('概数は入力できません。円まで正確な金額を入力してください（例：10,000,000）。')).toBeVisible();
  await expect(page.getByTestId('total-insuredAmount')).toContainText('未確定');
  await page.getByLabel('保険外併用療養費分（3行目）', { exact: true }).fill('12万円');
  await expect(page.getByText('概数は入力できません。円まで正確な金額を入力してください（例：10,000,000）。')).toHaveCount(0);

  // Totals: 14 + 10 + 7 days; 812,340 + 700,000 + 120,000; 総合計 = every 円 column.
  await expect(page.getByTestId('total-inpatientDays')).toHaveText('31');
  await expect(page.getByTestId('total-insuredAmount')).toHaveText('1,632,340');
  const summary = page.getByTestId('report-summary');
  await expect(summary).toContainText('年間実施件数3件');
  await expect(summary).toContainText('平均入院期間10.3日');
  await expect(summary).toContainText('総合計3,630,486円');
  await expect(page.getByTestId('report-ratio')).toHaveText('【②/③：0.1未満％、②/④：　　％】');
  await expect(page.getByLabel('０件の理由')).toHaveCount(0);
  await saved(page);

  // Reload: everything typed is still there (counts and 円 now stored as numbers, shown as such).
  await page.reload();
  await expect(page.getByLabel('1. 標題', { exact: true })).toHaveValue('ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術');
  await expect(page.getByLabel('中間報告・終了時')).toHaveValue('12');
  await expect(page.getByLabel('入院期間（1行目）', { exact: true })).toHaveValue('14');
  await expect(page.getByLabel('保険外併用療養費分に係る一部負担金（1行目）', { exact: true })).toHaveValue('348,146');
  await expect(page.getByLabel('転帰（2行目）', { exact: true })).toHaveValue('継続');
  await expect(page.getByLabel('初回実施日（2行目）', { exact: true })).toHaveValue('2029-05-10');
  await expect(summary).toContainText('総合計3,630,486円');

  // A CSV from the hospital's sheet: R-003 updated (matched by 整理番号), R-004 added.
  const csv = ['整理番号,診断名,初回実施日,入院期間,実施回数,転帰', 'R-003,胃腺腫（再診断）,2028-11-20,7,1,死亡', 'R-004,早期胃癌,2029-01-15,5,1,治癒'].join('\r\n');
  await page.getByLabel('症例ファイルを取り込む（Excel・CSV）').setInputFiles({ name: '症例.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`, 'utf8') });
  await expect(page.getByText('取り込むと：追加 1 件・更新 1 件')).toBeVisible();
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByLabel('診断名（3行目）', { exact: true })).toHaveValue('胃腺腫（再診断）');
  await expect(page.getByLabel('整理番号（4行目）', { exact: true })).toHaveValue('R-004');
  await expect(summary).toContainText('年間実施件数4件');
  // The new case has no 円 yet: the sum says so rather than counting it as 0.
  await expect(summary).toContainText('総合計未確定');
  await fillCase(page, 4, { 保険外併用療養費分: '500,000', 保険外併用療養費分に係る一部負担金: '200,000', '先進医療費用（患者負担）': '450,000', '先進医療費用（その他）': '0' });
  await expect(summary).toContainText('総合計4,780,486円');
  await saved(page);

  // Marked 提出済み from the timeline: nothing carried, so no 要確認 question.
  await page.goto(projectUrl);
  await item.getByRole('button', { name: '提出済みにする' }).click();
  const dialog = page.getByRole('dialog', { name: /定期報告（令和11年度）：提出済みを記録/ });
  await dialog.getByLabel('提出日').fill('2029-08-25');
  await dialog.getByLabel('提出方法').selectOption('郵送');
  await expect(dialog.getByTestId('unconfirmed-warning')).toHaveCount(0);
  await dialog.getByRole('button', { name: '提出済みにして控えを保存' }).click();
  await expect(item.getByRole('heading', { level: 3 })).toContainText('提出済み', { timeout: 30_000 });
  const filed = await zipOf(page, item, '提出した書類を保存（ZIP）');
  expect(Object.keys(filed).some((n) => n.endsWith('.pdf'))).toBe(true);

  // 次年度: from the filed report.
  await item.getByRole('link', { name: '報告を開く' }).click();
  await expect(page.getByTestId('report-frozen')).toBeVisible();
  await page.getByRole('button', { name: '次年度の報告を作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '定期報告（令和12年度）' })).toBeVisible();
  await expect(page.getByTestId('report-period')).toHaveText('報告期間：令和12年度（令和11年７月１日～令和12年６月30日）');
  // Only the 継続 case, with its 初回実施日; its counts and 円 blank; carried values 要確認.
  await expect(page.getByLabel(/^整理番号（\d+行目）/)).toHaveCount(1);
  await expect(page.getByLabel('整理番号（1行目）（要確認）', { exact: true })).toHaveValue('R-002');
  await expect(page.getByLabel('初回実施日（1行目）（要確認）', { exact: true })).toHaveValue('2029-05-10');
  await expect(page.getByLabel('入院期間（1行目）', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('保険外併用療養費分（1行目）', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('cases-unconfirmed')).toContainText('要確認」の症例が1件');
  await expect(page.getByLabel('1. 標題', { exact: true })).toHaveValue('ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術');
  const flagged = page.getByTestId('report-unconfirmed');
  await expect(flagged).toContainText(/要確認の項目が\d+件あります/);
  // The screen with its 要確認 marks has no serious or critical axe-core violation.
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('、')}`)).toEqual([]);
  // Editing a carried value confirms it; 「確認済みにする」 confirms a field as it is.
  await page.getByLabel('1. 標題', { exact: true }).fill('ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術（第2年度）');
  await expect(page.locator('[data-field="title"]').getByText('要確認')).toHaveCount(0);
  await page.getByRole('button', { name: '計画時を確認済みにする' }).click();
  await expect(page.locator('[data-field="plannedPatients"]').getByText('要確認')).toHaveCount(0);
  await saved(page);
  const open = Number((await flagged.textContent())?.match(/要確認の項目が(\d+)件/)?.[1]);
  expect(open).toBeGreaterThan(0);

  // 提出済み with values still 要確認: only once 「要確認のまま提出する」 is ticked.
  await page.goto(projectUrl);
  const next = timeline.getByRole('listitem').filter({ hasText: '定期報告（令和12年度）' });
  await next.getByRole('button', { name: '提出済みにする' }).click();
  const nextDialog = page.getByRole('dialog', { name: /定期報告（令和12年度）：提出済みを記録/ });
  await expect(nextDialog.getByTestId('unconfirmed-warning')).toContainText(`要確認の項目が${open}件あります`);
  await nextDialog.getByLabel('提出日').fill('2030-08-20');
  await nextDialog.getByLabel('提出方法').selectOption('郵送');
  await nextDialog.getByRole('button', { name: '提出済みにして控えを保存' }).click();
  await expect(nextDialog.getByText('要確認の項目を確認してから提出するか、「要確認のまま提出する」を選んでください。')).toBeVisible();
  await expect(next.getByRole('heading', { level: 3 })).toContainText('作成中');
  await nextDialog.getByLabel('要確認のまま提出する').check();
  await nextDialog.getByRole('button', { name: '提出済みにして控えを保存' }).click();
  await expect(next.getByRole('heading', { level: 3 })).toContainText('提出済み', { timeout: 30_000 });

  // The previous 年度 still prints exactly as filed, twice over.
  expect(await zipOf(page, item, '提出した書類を保存（ZIP）')).toEqual(filed);
  expect(await zipOf(page, item, '提出した書類を保存（ZIP）')).toEqual(filed);
});
