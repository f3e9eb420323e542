import { expect, test } from '@playwright/test';
import { readPdf, squash } from '../helpers/pdf';
import { createProject, downloadOf, waitSaved } from './helpers';

test('技術の基本情報は一度入力すれば様式第5号に印刷され、必須項目の入力状況が分かる', async ({ page }) => {
  await createProject(page, '様式の作成');
  await page.getByLabel('先進医療の名称').fill('腹腔鏡下センチネルリンパ節生検');
  await page.getByLabel('適応症').fill('早期胃がん');
  await waitSaved(page);
  await expect(page.getByTestId('completeness-besshi1-yoshiki5')).toHaveText('必須 0/3 項目');

  await page.getByRole('link', { name: /様式第5号 先進医療の内容（概要）/ }).click();
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('先進医療の名称：腹腔鏡下センチネルリンパ節生検');
  await expect(preview).toContainText('適応症：早期胃がん');
  await page.getByLabel('（先進性）', { exact: true }).fill('従来の開腹手術に比べて低侵襲である。');
  await page.getByLabel('（概要）', { exact: true }).fill('術前にトレーサーを注入し、センチネルリンパ節を同定して生検する。');
  await page.getByLabel('（効果）', { exact: true }).fill('不要なリンパ節郭清を避けられる。');
  await expect(preview).toContainText('不要なリンパ節郭清を避けられる。');
  await waitSaved(page);

  const { bytes } = await downloadOf(page, 'PDFを保存');
  const pdf = await readPdf(bytes);
  const text = squash(pdf.pages.map((p) => p.text).join(''));
  for (const v of ['様式第5号', '腹腔鏡下センチネルリンパ節生検', '早期胃がん', '従来の開腹手術に比べて低侵襲である。', '不要なリンパ節郭清を避けられる。']) expect(text, v).toContain(v);

  // Change the fact once on the project page: the form prints the new value.
  await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '様式の作成' }).click();
  await expect(page.getByTestId('completeness-besshi1-yoshiki5')).toHaveText('必須 3/3 項目');
  await page.getByLabel('適応症').fill('早期胃がん（cT1N0M0）');
  await waitSaved(page);
  await page.getByRole('link', { name: /様式第5号/ }).click();
  await expect(page.getByTestId('preview')).toContainText('適応症：早期胃がん（cT1N0M0）');
});
