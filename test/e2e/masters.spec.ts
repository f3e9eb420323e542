import { expect, test } from '@playwright/test';
import { createProject, waitSaved } from './helpers';

test('様式第3号で品目をその場で新しく登録して選ぶと表に印刷され、マスタで直すと様式も変わる', async ({ page }) => {
  await createProject(page, '品目の登録');
  await page.getByRole('link', { name: /別紙1 様式第3号/ }).click();
  const devices = page.getByRole('group', { name: /^①使用する医療機器/ });
  await devices.getByRole('button', { name: '品目を新しく登録' }).click();
  const quick = devices.getByRole('group', { name: '品目を新しく登録' });
  await expect(quick.getByLabel('種別')).toHaveValue('医療機器');
  await quick.getByLabel('品目名').fill('近赤外蛍光カメラ');
  await quick.getByLabel('承認又は認証番号（16桁）').fill('30200BZX00289000');
  await quick.getByLabel('適応外使用の該当').selectOption('適応外');
  await quick.getByRole('button', { name: '登録して選ぶ' }).click();
  await expect(devices.getByRole('listitem')).toHaveText([/近赤外蛍光カメラ（医療機器・適応外）/]);
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('近赤外蛍光カメラ');
  await expect(preview).toContainText('30200BZX00289000');
  await waitSaved(page);

  // The record lives in the master: one change there reaches the form.
  await page.goto('/#/masters/products');
  await expect(page.getByLabel('品目名（1件目）')).toHaveValue('近赤外蛍光カメラ');
  await page.getByLabel('医薬品医療機器法承認又は認証番号（16桁）（1件目）').fill('3020');
  await expect(page.getByText('承認又は認証番号は16桁（例：30200BZX00289000）です。いまは4文字です。')).toBeVisible();
  await page.getByLabel('医薬品医療機器法承認又は認証番号（16桁）（1件目）').fill('30200BZX00289001');
  await page.getByLabel('品目名（1件目）').fill('近赤外蛍光カメラ改');
  await waitSaved(page);
  await page.goto('/');
  await page.getByRole('link', { name: '品目の登録' }).click();
  await page.getByRole('link', { name: /別紙1 様式第3号/ }).click();
  await expect(page.getByTestId('preview')).toContainText('近赤外蛍光カメラ改');
  await expect(page.getByTestId('preview')).toContainText('30200BZX00289001');
});

test('倫理審査委員会を様式第2号で選ぶと構成員が台帳から印刷され、構成要件の不足が分かる', async ({ page }) => {
  await page.goto('/#/masters/committees');
  await page.getByRole('button', { name: '委員会を追加' }).click();
  await page.getByLabel('委員会の名称（1件目）').fill('架空病院 倫理審査委員会');
  await page.getByRole('button', { name: '委員を追加' }).click();
  await page.getByLabel(/^氏名（架空病院 倫理審査委員会・1人目）$/).fill('中村 和夫');
  await page.getByLabel(/^区分（架空病院 倫理審査委員会・1人目）$/).selectOption('医学・医療の専門家等、自然科学の有識者');
  await expect(page.getByText('委員は5名以上必要です（いま1名）。')).toBeVisible();
  await expect(page.getByText('外部委員は複数（2名以上）必要です（いま0名）。')).toBeVisible();
  await waitSaved(page);

  await createProject(page, '委員会の選択');
  await page.getByRole('link', { name: /別紙1 様式第2号/ }).click();
  await page.getByLabel('倫理審査委員会', { exact: true }).selectOption({ label: '架空病院 倫理審査委員会（倫理審査委員会・委員1名）' });
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('架空病院 倫理審査委員会');
  await expect(preview).toContainText(/中村\s*和夫/);

  // The tree beside the form moves to another form and shows each form's completeness.
  const nav = page.getByRole('navigation', { name: '様式の一覧' });
  await expect(nav.getByRole('link', { name: /様式第2号/ })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: /^様式第5号/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('様式第5号');
});

test('機器台帳の機器を費用の計算で選ぶと台帳の値で償却費を計算し、台帳を直すと費用も変わる', async ({ page }) => {
  await page.goto('/#/masters/equipment');
  await page.getByRole('button', { name: '機器を追加' }).click();
  await page.getByLabel('機器名（1行目）').fill('腹腔鏡システム');
  await page.getByLabel('購入価格（円）（1行目）').fill('１０，０００，０００');
  await page.getByLabel('残存価格（円）（1行目）').fill('1,000,000');
  await page.getByLabel('耐用年数（年）（1行目）').fill('6');
  await page.getByLabel('年間使用回数（1行目）').fill('300');
  await page.getByLabel('購入年月日（1行目）').fill('2024-04-01');
  await waitSaved(page);

  await createProject(page, '機器台帳の利用');
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  await page.getByRole('button', { name: '医療機器使用料の内訳に行を追加' }).click();
  await page.getByLabel('機器台帳（1行目）').selectOption({ label: '腹腔鏡システム' });
  await expect(page.getByLabel('購入価格（円）（1行目）（機器台帳の値）')).toHaveValue('10,000,000');
  await expect(page.getByTestId('cost-total')).toHaveText('5,000円');
  await waitSaved(page);

  await page.goto('/#/masters/equipment');
  await page.getByLabel('年間使用回数（1行目）').fill('150');
  await waitSaved(page);
  await page.goto('/');
  await page.getByRole('link', { name: '機器台帳の利用' }).click();
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  await expect(page.getByTestId('cost-total')).toHaveText('10,000円');
});
