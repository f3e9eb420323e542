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

test('費用の入力を変えると、様式第3号・第5号・第6号・第7-1号のプレビューがすべて新しい金額になる', async ({ page }) => {
  await createProject(page, '費用の一致');
  await page.getByLabel('先進医療の名称').fill('腹腔鏡下センチネルリンパ節生検');
  await waitSaved(page);
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  await page.getByRole('button', { name: '医療機器使用料の内訳に行を追加' }).click();
  await page.getByLabel('機器名（1行目）').fill('腹腔鏡システム');
  await page.getByLabel('購入価格（円）（1行目）').fill('１０，０００，０００');
  await page.getByLabel('残存価格（円）（1行目）').fill('1,000,000円');
  await page.getByLabel('耐用年数（年）（1行目）').fill('6');
  await page.getByLabel('年間使用回数（1行目）').fill('300');
  await page.getByLabel('購入年月日（1行目）').fill('2024-04-01');
  await expect(page.getByTestId('cost-total')).toHaveText('5,000円');
  await expect(page.getByText('(10,000,000円 − 1,000,000円) ÷ 6年 ÷ 300回 = 5,000円')).toBeVisible();

  // Bad input: a message beside the field, the text kept as typed, nothing overwritten in the database.
  await page.getByLabel('耐用年数（年）（1行目）').fill('六');
  await expect(page.getByText('整数で入力してください')).toBeVisible();
  await expect(page.getByLabel('耐用年数（年）（1行目）')).toHaveValue('六');
  await page.getByLabel('耐用年数（年）（1行目）').fill('6');
  await waitSaved(page);

  const forms = [/様式第3号 先進医療の実施計画/, /様式第5号 先進医療の内容（概要）/, /様式第6号 先進医療に要する費用/, /様式第7-1号 先進医療に係る費用の積算根拠/];
  const seeOnAllForms = async (amount: string) => {
    for (const name of forms) {
      await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '費用の一致' }).click();
      await page.getByRole('link', { name }).click();
      await expect(page.getByTestId('preview'), String(name)).toContainText(amount);
    }
  };
  await seeOnAllForms('5,000円');

  await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '費用の一致' }).click();
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  await page.getByLabel('年間使用回数（1行目）').fill('150');
  await expect(page.getByTestId('cost-total')).toHaveText('10,000円');
  await waitSaved(page);
  await seeOnAllForms('10,000円');
});

test('書類一式を選んで、しおり付きのPDFとZIPを保存する', async ({ page }) => {
  await createProject(page, '一式の出力');
  await page.getByLabel('先進医療の名称').fill('腹腔鏡下センチネルリンパ節生検');
  await page.getByLabel('適応症').fill('早期胃がん');
  await waitSaved(page);
  await page.getByRole('link', { name: '書類一式の出力' }).click();
  await page.getByLabel('協力医療機関の届出（先進医療B）').check();
  await expect(page.getByText('部数：正本1・副本4')).toBeVisible();
  await expect(page.getByRole('list', { name: '含まれる様式' }).getByRole('listitem')).toHaveCount(9);

  const { download, bytes } = await downloadOf(page, '一式をPDFで保存');
  expect(download.suggestedFilename()).toBe('腹腔鏡下センチネルリンパ節生検_協力医療機関の届出（先進医療B）_案.pdf');
  const pdf = await readPdf(bytes);
  expect(pdf.pages.length).toBeGreaterThanOrEqual(10);
  expect(squash(pdf.pages[0]!.text)).toContain('提出書類一覧');
  for (const p of pdf.pages) expect(p.text).toContain('案');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const outline = await doc.getOutline();
  expect(outline.map((o) => o.title)).toEqual([
    '提出書類一覧',
    '別紙1 様式第1-1号 先進医療実施届出書',
    '別紙1 様式第2号 先進医療の実施診療科及び実施体制',
    '別紙1 様式第4号 （様式未確認）',
    '別紙1 様式第6号 先進医療に要する費用',
    '別紙1 様式第7-1号 先進医療に係る費用の積算根拠',
    '別紙1 様式第7-2号 先進医療に係る費用の積算根拠（内訳）',
    '別紙1 様式第8-1号 先進医療の実施科及び実施体制',
    '別紙1 様式第8-2号 先進医療の実施科及び実施体制（医療機関）',
    '別紙1 様式第9号 先進医療を実施可能とする保険医療機関の要件として考えられるもの',
  ]);
  await doc.destroy();

  const zip = await downloadOf(page, 'すべてのファイルをZIPで保存');
  expect(zip.download.suggestedFilename()).toMatch(/\.zip$/);
  const { unzipSync } = await import('fflate');
  const names = Object.keys(unzipSync(zip.bytes));
  expect(names.filter((n) => n.startsWith('Word/'))).toHaveLength(9);
});

test('「サンプルを開く」で、すべての様式が記入済みの案件が開く', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('サンプル：');
  const items = page.getByTestId(/^completeness-/);
  // Only the 10 forms of 新規届出（先進医療B）; 7-1・7-2 come from 費用の計算 and 8-1 from the 職員名簿 (issue 15 item 3).
  await expect(items).toHaveCount(7);
  for (const t of await items.allTextContents()) expect(t).toMatch(/^必須 (\d+)\/\1 項目$/);
  await page.getByRole('link', { name: /別紙1 様式第9号/ }).click();
  await expect(page.getByTestId('preview')).toContainText('消化器外科又は外科');
});

test('職員名簿の実施責任医師を直すと、その医師を印刷するすべての様式が変わる', async ({ page }) => {
  await page.goto('/#/roster');
  await page.getByRole('button', { name: '名簿に人を追加' }).click();
  await page.getByLabel('氏名（1人目）').fill('髙橋 誠一');
  await page.getByLabel('所属（診療科）（1人目）').fill('消化器外科');
  await page.getByLabel('職名（1人目）').fill('教授');
  await page.getByLabel('経験症例数（術者（実施者）として）（1人目）').fill('60例');
  await waitSaved(page);

  await createProject(page, '名簿の反映');
  await page.getByLabel('実施責任医師').selectOption({ label: '消化器外科 教授 髙橋 誠一' });
  await waitSaved(page);

  // From the project page: open each form that prints the 実施責任医師, check its preview, come back.
  const forms = [/別紙1 様式第1-1号/, /別紙1 様式第1-2号/, /別紙1 様式第2号/, /別紙1 様式第8-1号/, /別紙2 様式第8号/];
  // Narrow table cells wrap a name across lines: compare ignoring white space.
  const seeOnAllForms = async (text: RegExp, not?: RegExp) => {
    for (const name of forms) {
      // 様式第1-2号 and 別紙2 are not in a 先進医療B 新規届出: listed, folded, under 「この届出に含まれない様式」.
      if ((await page.getByRole('link', { name }).count()) === 0) await page.getByText(/^この届出に含まれない様式/).click();
      await page.getByRole('link', { name }).click();
      await expect(page.getByTestId('preview'), String(name)).toContainText(text);
      if (not) await expect(page.getByTestId('preview'), String(name)).not.toContainText(not);
      await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '名簿の反映' }).click();
    }
  };
  await seeOnAllForms(/髙橋\s*誠\s*一/);

  // One change in the roster; every form that prints the 実施責任医師 follows.
  await page.goto('/#/roster');
  await page.getByLabel('氏名（1人目）').fill('髙橋 誠');
  await page.getByLabel('職名（1人目）').fill('病院長');
  await waitSaved(page);
  await page.goto('/');
  await page.getByRole('link', { name: '名簿の反映' }).click();
  await seeOnAllForms(/髙橋\s*誠/, /髙橋\s*誠\s*一/);
  await page.getByRole('link', { name: /別紙1 様式第1-1号/ }).click();
  await expect(page.getByTestId('preview')).toContainText('消化器外科 病院長 髙橋 誠');
});
