import { expect, test, type Page } from '@playwright/test';
import { docxText } from '../helpers/docx';
import { readPdf, squash } from '../helpers/pdf';
import { downloadOf, waitSaved } from './helpers';

/**
 * Issue 13: a 変更申請 compares the working 様式 with the approved 新規届出 as filed. 「変更箇所を
 * 読み込む」 lists exactly what changed, with ＜変更前＞/＜変更後＞; the 新旧対照表 prints them and
 * nothing unchanged; the user's wording, reason and committee approval are kept.
 */

async function openSample(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  return page.url();
}

async function openChange(page: Page, projectPath: string): Promise<void> {
  await page.goto(projectPath);
  await page.getByRole('link', { name: '変更申請を作成・編集' }).click();
  await page.getByRole('heading', { level: 1, name: '変更申請' }).waitFor();
}

const item = (page: Page, n: number) => page.getByRole('group', { name: `変更内容 ${n}`, exact: true });

/** What the sample's 新規届出 was approved with (its as-filed copy), where the sample's 様式 differ now. */
const APPROVED_PERIOD = '告示日から2035年6月30日まで（登録期間3年、追跡期間5年）';

test('変更申請：変わった箇所だけが変更前・変更後つきで並び、新旧対照表のPDFにもそれだけが載る。理由・委員会・承認日は再読み込み後も残る', async ({ page }) => {
  const projectPath = await openSample(page);
  // The sample's own 変更申請 was sent (it opens with 「変更申請を開く」); this one is new, 作成中.
  await page.getByLabel('追加する届出・報告').selectOption({ label: '変更申請' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  await openChange(page, projectPath);
  await expect(page.getByTestId('baseline')).toHaveText('比較する承認済みの届出：新規届出（先進医療B）（令和9年7月1日承認）');

  // The sample's 様式 are the plan after its 変更申請, not approved yet: against the approved 新規届出,
  // exactly the device, the period and who pays differ.
  await page.getByRole('button', { name: '変更箇所を読み込む' }).click();
  await expect(page.getByText('変更箇所を5件追加しました。')).toBeVisible();
  const list = page.getByRole('list').filter({ has: item(page, 1) });
  const values = async (label: string): Promise<string[]> => list.getByLabel(label).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  expect(await values('【主な変更内容】')).toEqual(['①使用する医療機器の変更', '予定試験期間の延長', '１１．患者負担についての変更', '（先進医療にかかる費用）の変更', '患者負担（患者に請求する額・医療機関が負担する額）の変更']);
  const firstBefores = await values('＜変更前＞');
  const firstAfters = await values('＜変更後＞');
  expect(firstBefores[0]).toContain('型式：FL-2000');
  expect(firstAfters[0]).toContain('型式：FL-3000');
  expect(firstBefores[1]).toBe(APPROVED_PERIOD);
  expect(firstBefores[2]).toContain('研究費');
  expect(firstAfters[2]).toContain('患者負担とする');
  expect(firstBefores[4]).toMatch(/^患者に請求する額：0円/);
  expect(firstAfters[4]).toMatch(/^全額を患者に請求する/);

  // The 予定試験期間 ＜変更後＞ is what 様式第3号 says now.
  await page.goto(projectPath);
  await page.getByRole('link', { name: /様式第3号/ }).first().click();
  const periodNow = await page.getByLabel('予定試験期間', { exact: true }).inputValue();
  expect(firstAfters[1]).toBe(periodNow);

  // Reading again adds nothing and keeps the user's wording.
  await openChange(page, projectPath);
  await item(page, 2).getByLabel('【主な変更内容】').fill('登録期間と研究期間を24か月延長する');
  await page.getByRole('button', { name: '変更箇所を読み込む' }).click();
  await expect(page.getByText('新しい変更箇所はありません（すべて変更内容に含まれています）。')).toBeVisible();
  await expect(item(page, 6)).toHaveCount(0);
  await expect(item(page, 2).getByLabel('【主な変更内容】')).toHaveValue('登録期間と研究期間を24か月延長する');
  await waitSaved(page);

  // Change a 材料費 (費用の計算): what it changes in print is added, each once.
  await page.goto(projectPath);
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  const materials = page.getByRole('region', { name: '医療材料・医薬品費' });
  const price = materials.getByLabel('単価（円）（1行目）');
  const priceBefore = await price.inputValue();
  await price.fill(String(Number(priceBefore.replace(/[,，]/g, '')) + 1000));
  await price.blur();
  await waitSaved(page);

  await openChange(page, projectPath);
  await page.getByRole('button', { name: '変更箇所を読み込む' }).click();
  await expect(page.getByText('変更箇所を4件追加しました。')).toBeVisible();
  const texts = await values('【主な変更内容】');
  const befores = await values('＜変更前＞');
  const afters = await values('＜変更後＞');
  const priceAfter = Number(priceBefore.replace(/[,，]/g, '')) + 1000;
  const yen = (n: number): string => n.toLocaleString('ja-JP');
  expect(texts.slice(5)).toEqual([
    '先進医療にかかる費用（1症例当たり）の変更',
    '医療材料費・医薬品費の変更',
    expect.stringMatching(/^医療材料・医薬品費（.+：単価）の変更$/),
    expect.stringMatching(/^医療材料・医薬品費（.+：金額）の変更$/),
  ]);
  expect(texts[1]).toBe('登録期間と研究期間を24か月延長する');
  expect(befores.slice(7)).toEqual([yen(Number(priceBefore)), yen(Number(priceBefore))]);
  expect(afters.slice(7)).toEqual([yen(priceAfter), yen(priceAfter)]);
  for (let i = 5; i < 7; i++) expect(afters[i], texts[i]).not.toBe(befores[i]);

  const period = item(page, 2);
  await period.getByLabel('【変更申請する理由】').fill('登録が遅れているため、研究期間を延長する。');
  const committee = period.getByLabel('承認した委員会');
  const option = (await committee.locator('option', { hasText: '架空大学医学部附属病院 倫理審査委員会' }).textContent()) ?? '';
  await committee.selectOption({ label: option });
  await period.getByLabel('承認日').fill('2028-04-10');
  await period.getByLabel('承認日').blur();
  await waitSaved(page);

  // The 新旧対照表: every change with its 変更前 and 変更後; nothing that did not change.
  const table = squash((await readPdf((await downloadOf(page, '新旧対照表をPDFで保存')).bytes)).pages.map((p) => p.text).join(''));
  expect(table).toContain('新旧対照表');
  for (const [i, t] of texts.entries()) {
    for (const line of [...(befores[i] ?? '').split('\n'), ...(afters[i] ?? '').split('\n')]) expect(table, t).toContain(squash(line));
  }
  expect(table).toContain('24か月延長');
  for (const unchanged of ['予定症例数', '実施責任医師', '職種', '選択基準']) expect(table, unchanged).not.toContain(unchanged);

  // The same table as an editable Word file.
  const word = squash(await docxText((await downloadOf(page, '新旧対照表をWordで保存')).bytes));
  expect(word).toContain(squash(APPROVED_PERIOD));
  expect(word).toContain(squash(periodNow));
  expect(word).toContain('FL-2000');
  expect(word).toContain(yen(priceAfter));
  expect(word).not.toContain('予定症例数');

  // The 変更申請 prints the reason and the committee that approved the change.
  const change = squash((await readPdf((await downloadOf(page, '変更申請をPDFで保存')).bytes)).pages.map((p) => p.text).join(''));
  expect(change).toContain('登録が遅れているため、研究期間を延長する。');
  expect(change).toContain('２．架空大学医学部附属病院倫理審査委員会2028年4月10日承認');
  expect(change).toContain(squash(periodNow));

  // Reload: the edits are still there.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '変更申請' }).waitFor();
  await expect(item(page, 9)).toHaveCount(1);
  await expect(item(page, 10)).toHaveCount(0);
  await expect(item(page, 2).getByLabel('【主な変更内容】')).toHaveValue('登録期間と研究期間を24か月延長する');
  await expect(item(page, 2).getByLabel('【変更申請する理由】')).toHaveValue('登録が遅れているため、研究期間を延長する。');
  await expect(item(page, 2).getByLabel('承認した委員会').locator('option:checked')).toHaveText(option);
  await expect(item(page, 2).getByLabel('承認日')).toHaveValue('2028-04-10');
});

test('サンプルの変更申請は提出済みで、変更前・変更後と理由・承認状況を提出した時のまま読むだけで開く', async ({ page }) => {
  await openSample(page);
  const sent = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '変更申請' });
  await expect(sent.getByRole('heading', { level: 3 })).toContainText('提出済み');
  await expect(page.getByRole('link', { name: '変更申請を作成・編集' })).toHaveCount(0);
  await sent.getByRole('link', { name: '変更申請を開く' }).click();
  await page.getByRole('heading', { level: 1, name: '変更申請' }).waitFor();
  await expect(page.getByText('この変更申請は「提出済み」のため、内容を書き換えられません。提出した内容を表示しています。')).toBeVisible();
  await expect(page.getByTestId('baseline')).toHaveText('比較する承認済みの届出：新規届出（先進医療B）（令和9年7月1日承認）');
  await expect(item(page, 3)).toHaveCount(1);
  await expect(item(page, 4)).toHaveCount(0);
  await expect(item(page, 1).getByLabel('【主な変更内容】')).toHaveValue('先進医療費用の研究費から患者負担への変更');
  await expect(item(page, 2).getByLabel('＜変更前＞')).toHaveValue(/型式：FL-2000/);
  await expect(item(page, 2).getByLabel('＜変更後＞')).toHaveValue(/型式：FL-3000/);
  await expect(item(page, 3).getByLabel('＜変更前＞')).toHaveValue(APPROVED_PERIOD);
  await expect(item(page, 3).getByLabel('【変更申請する理由】')).toHaveValue(/研究期間を24か月延長/);
  await expect(item(page, 3).getByLabel('承認日')).toHaveValue('2028-01-18');
  await expect(item(page, 1).getByLabel('【主な変更内容】')).toBeDisabled();
  await expect(page.getByRole('button', { name: '変更箇所を読み込む' })).toBeDisabled();
});

test('変更申請：手で書いた項目を並べ替え・まとめ・削除でき（キーボードでも）、取下げた変更申請は読むだけで開く', async ({ page }) => {
  const projectPath = await openSample(page);
  await page.getByLabel('追加する届出・報告').selectOption({ label: '変更申請' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  await openChange(page, projectPath);

  for (const text of ['使用する医療機器の変更', '費用負担の変更', '協力医療機関の追加']) {
    await page.getByRole('button', { name: '変更内容を手で追加' }).click();
    const n = await page.getByRole('group', { name: /^変更内容 \d+$/ }).count();
    await item(page, n).getByLabel('【主な変更内容】').fill(text);
  }
  // 費用負担 first: moved up with the keyboard.
  await page.getByRole('button', { name: '変更内容 2を上へ移動' }).focus();
  await page.keyboard.press('Enter');
  await expect(item(page, 1).getByLabel('【主な変更内容】')).toHaveValue('費用負担の変更');
  await expect(item(page, 2).getByLabel('【主な変更内容】')).toHaveValue('使用する医療機器の変更');
  // 協力医療機関 joins the 医療機器 item; then the 費用負担 item is removed.
  await page.getByRole('button', { name: '変更内容 3を前の項目とまとめる' }).click();
  await expect(item(page, 3)).toHaveCount(0);
  await expect(item(page, 2).getByLabel('【主な変更内容】')).toHaveValue('使用する医療機器の変更\n協力医療機関の追加');
  await page.getByRole('button', { name: '変更内容 1を削除' }).click();
  await expect(item(page, 2)).toHaveCount(0);
  await expect(item(page, 1).getByLabel('【主な変更内容】')).toHaveValue('使用する医療機器の変更\n協力医療機関の追加');
  await waitSaved(page);
  await expect(page.getByRole('region', { name: '新旧対照表のプレビュー' })).toBeVisible();

  // 取下げ: the document opens read-only, as it was.
  await page.goto(projectPath);
  // The new one (作成中), not the sample's 変更申請 that was sent.
  const filing = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '変更申請' }).filter({ has: page.getByRole('link', { name: '変更申請を作成・編集' }) });
  await filing.getByRole('button', { name: '取下げを記録' }).click();
  const dialog = page.getByRole('dialog', { name: /変更申請：取下げを記録/ });
  await dialog.getByLabel('取下げの日付').fill('2027-09-01');
  await dialog.getByRole('button', { name: '取下げを記録する' }).click();
  const withdrawn = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '変更申請' }).filter({ hasText: '取下げ：' });
  await withdrawn.getByRole('link', { name: '変更申請を開く' }).click();
  await expect(page.getByText('この変更申請は「取下げ」のため、内容を書き換えられません。')).toBeVisible();
  await expect(item(page, 1).getByLabel('【主な変更内容】')).toHaveValue('使用する医療機器の変更\n協力医療機関の追加');
  await expect(item(page, 1).getByLabel('【主な変更内容】')).toBeDisabled();
  await expect(page.getByRole('button', { name: '変更箇所を読み込む' })).toBeDisabled();
  await expect(page.getByRole('button', { name: '変更申請をPDFで保存' })).toBeEnabled();
});

test('変更申請を2つのタブで開いて両方で書くと、後から保存した側は上書きせずに止まり、選べば上書きできる（DATA-10）', async ({ page, context }) => {
  const projectPath = await openSample(page);
  await page.getByLabel('追加する届出・報告').selectOption({ label: '変更申請' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  await openChange(page, projectPath);
  await page.getByLabel('【試験の概要】').fill('最初に保存した概要');
  await waitSaved(page);
  const other = await context.newPage();
  await openChange(other, projectPath);
  await page.getByLabel('【試験の概要】').fill('このタブで書いた概要');
  await waitSaved(page);
  await other.getByLabel('【試験の概要】').fill('もう一方のタブで書いた概要');
  await expect(other.getByRole('alert')).toContainText('別のウィンドウでこの内容が保存されたため、上書きせずに止めました');
  await other.getByRole('button', { name: 'この画面の内容で上書き' }).click();
  await waitSaved(other);
  await page.reload();
  await expect(page.getByLabel('【試験の概要】')).toHaveValue('もう一方のタブで書いた概要');
});
