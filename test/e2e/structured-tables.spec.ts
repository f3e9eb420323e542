import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { downloadOf, waitSaved } from './helpers';

/** The PDF's text as pdftotext lays it out: one printed table row per line. */
function pdfLines(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'yoshiki6-'));
  const file = path.join(dir, 'yoshiki6.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().split('\n');
}

async function openSampleForm(page: Page, form: RegExp): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  // Importing the sample freezes its filed copies (PDF and Word of each): it takes a while.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('サンプル：', { timeout: 60_000 });
  await page.getByRole('link', { name: form }).first().click();
}

/** The チェック結果 beside the form, opened (it opens as its counts). */
async function checkPanel(page: Page) {
  const region = page.getByRole('region', { name: 'チェック結果' });
  const details = region.locator('details');
  // Leave the table first: while a cell has focus the wide table takes the preview's width, and it
  // narrows on blur — a click that blurs it lands beside its target (reported to the layout's owner).
  await page.getByRole('heading', { level: 1 }).click();
  if ((await details.getAttribute('open')) === null) await region.getByTestId('check-summary').click();
  await expect(details).toHaveAttribute('open', '');
  return region;
}

test('様式第6号の保険外併用療養費分の内訳：行を足すと小計と合計が計算され、記載額と違えば指摘され、PDFに表で印刷される（issue 15 item 8）', async ({ page }) => {
  await openSampleForm(page, /様式第6号 先進医療に要する費用/);
  const preview = page.getByTestId('preview');
  // The sample's 11 items: 合計 103,867点 = 1,038,670円 = 727,069円 + 311,601円 (no finding).
  await expect(preview).toContainText('103,867点');
  await expect(preview).toContainText('1,038,670円');

  await page.getByRole('button', { name: '保険外併用療養費分の内訳に行を追加' }).click();
  await page.getByLabel('区分（12行目）', { exact: true }).fill('投薬');
  await page.getByLabel('診療報酬項目（12行目）', { exact: true }).fill('F200 薬剤料（抗菌薬）');
  await page.getByLabel('点数（12行目）', { exact: true }).fill('２３点');
  await page.getByLabel('回数（12行目）', { exact: true }).fill('6回');
  // 小計 23 × 6 = 138点; 合計 104,005点 = 1,040,050円, no longer the stated 1,038,670円.
  await expect(preview).toContainText('138点');
  await expect(preview).toContainText('104,005点');
  await expect(preview).toContainText('1,040,050円');
  // The editor shows the same computed 小計 beside the row and the 合計 under the table.
  await expect(page.getByLabel('小計（12行目）', { exact: true })).toHaveText('138点');
  await expect(page.locator('.rows-summary')).toHaveText('合計　104,005点（1,040,050円）');
  const panel = await checkPanel(page);
  await expect(panel.getByText('保険外併用療養費分の内訳の合計（104,005点＝1,040,050円）が、保険外併用療養費（保険者負担）「727,069円」と一部負担金「311,601円」の合計（1,038,670円）と一致しません')).toBeVisible();
  await waitSaved(page);

  const { bytes } = await downloadOf(page, 'PDFを保存');
  const lines = pdfLines(bytes);
  const row = (re: RegExp) => lines.find((l) => re.test(l));
  // Each row read back with its 点数, 回数 and computed 小計 on one printed line.
  expect(row(/K655-2.*64,120点\s+1回\s+64,120点/), 'K655-2').toBeDefined();
  expect(row(/A100 急性期一般入院料1\s.*1,650点\s+10日\s+16,500点/), 'A100').toBeDefined();
  expect(row(/K936 自動縫合器加算.*2,500点\s+3回\s+7,500点/), 'K936').toBeDefined();
  expect(row(/投薬\s+F200 薬剤料（抗菌薬）\s+23点\s+6回\s+138点/), 'F200').toBeDefined();
  expect(row(/合計点数\s+104,005点/), '合計点数').toBeDefined();
  expect(row(/合計金額（合計点数×10円）\s+1,040,050円/), '合計金額').toBeDefined();

  // The stated amounts brought in line (typed with full-width digits): the finding goes.
  await page.getByLabel('保険外併用療養費（保険者負担）', { exact: true }).fill('728,035');
  await page.getByLabel('保険外併用療養費分に係る一部負担金', { exact: true }).fill('３１２，０１５円');
  await expect(panel.getByText(/内訳の合計.*一致しません/)).toHaveCount(0);
  await expect(panel).toContainText('この様式：エラー 0');
  await waitSaved(page);
});

test('様式第3号の7-2 実績症例は①と②の二つの表で印刷される（issue 15 item 8）', async ({ page }) => {
  await openSampleForm(page, /様式第3号 先進医療の実施計画/);
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('①有効性が認められた事例');
  await expect(preview).toContainText('他　41例（早期胃がん）');
  await expect(preview).toContainText('②有効性が認められなかった事例、安全上の問題が発生した事例');
  await expect(page.getByLabel('病名（2行目）', { exact: true }).first()).toHaveValue('早期胃がん（cT1N0M0）');
});
