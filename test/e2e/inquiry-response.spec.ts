import { expect, test, type Page } from '@playwright/test';
import { readPdf, squash } from '../helpers/pdf';
import { downloadOf, waitSaved } from './helpers';

/**
 * Issue 13 item 3 (spec §3.17, R-CH-4, R-CH-6): a 照会回答 round, numbered for good, printed verbatim.
 * The sample already answered round 1 (issue 13 item 7): a round added to it is the second.
 */

const INQUIRY_1 = ['主要評価項目（術後３０日以内の合併症発生割合）について、', '設定根拠を説明してください。', '（２）症例数の算出根拠も示すこと。'].join('\n');
const ANSWER_1 = '合併症発生割合は先行研究（３施設）の結果から設定しました。';
const INQUIRY_2 = ['同意説明文書の「費用」の項について、', '患者負担額（１２３，４５６円）の内訳を記載してください。'].join('\n');
const ANSWER_2 = ['ご指摘を踏まえ、同意説明文書に内訳を追記しました。', '詳細は照会回答１－１もご参照ください。'].join('\n');
const INQUIRY_3 = ['（追加）モニタリング体制について、', '  実施頻度を明記してください。'].join('\n');
const ANSWER_3 = '年２回の中央モニタリングを実施します。';

async function openNewRound(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  await page.getByLabel('追加する届出・報告').selectOption({ label: '照会事項に対する回答' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  const round = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '照会事項に対する回答（第2回）' });
  await round.getByRole('link', { name: '回答を作成・編集' }).click();
  await page.getByRole('heading', { level: 1, name: '照会事項に対する回答（第2回）' }).waitFor();
}

test('照会回答: 照会は貼り付けたまま、番号は削除しても振り直さず（R-CH-6）、再読み込み後も残り、PDFに照会・【回答】・注記・以上が出る', async ({ page }) => {
  await openNewRound(page);
  await expect(page.getByTestId('inquiry-title')).toHaveText('表題：先進医療審査の照会事項に対する回答２');

  await page.getByLabel('日付').fill('2028-06-15');
  // 所属・氏名: a person of the 職員名簿, printed by name.
  const responder = page.getByLabel('所属・氏名');
  await responder.selectOption({ index: 1 });
  const person = ((await responder.locator('option:checked').textContent()) ?? '').split('　')[0] ?? '';
  expect(person).not.toBe('');
  await page.getByRole('button', { name: '照会事項を追加' }).click();
  await page.getByLabel('照会１', { exact: true }).fill(INQUIRY_1);
  await page.getByLabel('回答１', { exact: true }).fill(ANSWER_1);
  await page.getByRole('button', { name: '照会事項を追加' }).click();
  await page.getByLabel('照会２', { exact: true }).fill(INQUIRY_2);
  await page.getByLabel('回答２', { exact: true }).fill(ANSWER_2);
  await expect(page.getByTestId('inquiry-ref-2')).toHaveText('引用：照会回答２－２');

  // Removing item 1 asks first; item 2 keeps its number, and the next one is 3, not 2.
  await page.getByRole('button', { name: '照会１を削除' }).click();
  const dialog = page.getByRole('dialog', { name: '照会１を削除しますか' });
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(page.getByLabel('照会１', { exact: true })).toHaveValue(INQUIRY_1);
  await page.getByRole('button', { name: '照会１を削除' }).click();
  await dialog.getByRole('button', { name: '削除する' }).click();
  await expect(page.getByLabel('照会１', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '照会事項を追加' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByLabel('照会３', { exact: true }).fill(INQUIRY_3);
  await page.getByLabel('回答３', { exact: true }).fill(ANSWER_3);
  await expect(page.getByLabel('照会２', { exact: true })).toHaveValue(INQUIRY_2);
  await expect(page.getByTestId('inquiry-ref-3')).toHaveText('引用：照会回答２－３');
  await expect(page.getByTestId('inquiry-ref-2')).toHaveText('引用：照会回答２－２');
  await waitSaved(page);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: '照会事項に対する回答（第2回）' }).waitFor();
  await expect(page.getByLabel('日付')).toHaveValue('2028-06-15');
  await expect(page.getByLabel('所属・氏名').locator('option:checked')).toHaveText(new RegExp(`^${person}`));
  await expect(page.getByLabel('照会１', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('照会２', { exact: true })).toHaveValue(INQUIRY_2);
  await expect(page.getByLabel('回答２', { exact: true })).toHaveValue(ANSWER_2);
  await expect(page.getByLabel('照会３', { exact: true })).toHaveValue(INQUIRY_3);
  await expect(page.getByLabel('回答３', { exact: true })).toHaveValue(ANSWER_3);

  const { download, bytes } = await downloadOf(page, '回答をPDFで保存');
  expect(download.suggestedFilename()).toMatch(/^先進医療審査の照会事項に対する回答２.*\.pdf$/);
  const pdf = await readPdf(bytes);
  const text = squash(pdf.pages.map((p) => p.text).join(''));
  expect(text).toContain('先進医療審査の照会事項に対する回答２');
  expect(text).toContain('2028年6月15日');
  expect(text).toContain(`所属・氏名：`);
  expect(text).toContain(squash(person));
  expect(text).not.toContain('所属・氏名：（未記入）');
  expect(text).toContain('※照会に伴い変更が生じた場合は、関係書類も併せて修正して下さい。');
  for (const line of [...INQUIRY_2.split('\n'), ...INQUIRY_3.split('\n')]) expect(text).toContain(squash(line));
  for (const line of [...ANSWER_2.split('\n'), ANSWER_3]) expect(text).toContain(squash(line));
  expect(text).not.toContain(squash(INQUIRY_1.split('\n')[0] ?? ''));
  // Numbers as kept (２ and ３: no renumbering), each 照会 followed by its 【回答】, then 以上.
  const i2 = text.indexOf(`２．${squash(INQUIRY_2.split('\n')[0] ?? '')}`);
  const i3 = text.indexOf(`３．${squash(INQUIRY_3.split('\n')[0] ?? '')}`);
  expect(i2).toBeGreaterThan(0);
  expect(i3).toBeGreaterThan(i2);
  expect(text.slice(i2, i3)).toContain('【回答】');
  expect(text.lastIndexOf('以上')).toBeGreaterThan(text.indexOf(squash(ANSWER_3)));
});

test('照会回答: 事前照会の構成員名で表題が変わり、提出済みの回は読み取り専用で開く', async ({ page }) => {
  await openNewRound(page);
  await page.getByLabel('事前照会の構成員名').fill('佐藤');
  await expect(page.getByTestId('inquiry-title')).toHaveText('表題：先進医療審査の事前照会事項（佐藤構成員）に対する回答２');
  await page.getByRole('button', { name: '照会事項を追加' }).click();
  await page.getByLabel('照会１', { exact: true }).fill('安全性について説明してください。');
  await waitSaved(page);

  const projectLink = page.getByRole('navigation', { name: '現在位置' }).getByRole('link').nth(1);
  await projectLink.click();
  const round = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '照会事項に対する回答（第2回）' });
  await round.getByRole('button', { name: '提出済みにする' }).click();
  const dialog = page.getByRole('dialog', { name: /照会事項に対する回答（第2回）：提出済みを記録/ });
  await dialog.getByLabel('提出日').fill('2028-06-20');
  await dialog.getByLabel('提出方法').selectOption({ index: 1 });
  await dialog.getByRole('button', { name: '提出済みにして控えを保存' }).click();
  await expect(round.getByRole('heading', { level: 3 })).toContainText('提出済み', { timeout: 20_000 });

  await round.getByRole('link', { name: '回答を開く' }).click();
  await expect(page.getByTestId('inquiry-frozen')).toContainText('読み取り専用');
  await expect(page.getByLabel('照会１', { exact: true })).toHaveValue('安全性について説明してください。');
  await expect(page.getByLabel('照会１', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: '照会事項を追加' })).toBeDisabled();
  await expect(page.getByTestId('inquiry-title')).toHaveText('表題：先進医療審査の事前照会事項（佐藤構成員）に対する回答２');
});

test('サンプルの照会回答（第1回）は提出済みで、貼り付けた照会と回答、変更申請との関連付けを読むだけで開く', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  const round = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '照会事項に対する回答（第1回）' });
  await expect(round.getByRole('heading', { level: 3 })).toContainText('提出済み');
  await round.getByRole('link', { name: '回答を開く' }).click();
  await page.getByRole('heading', { level: 1, name: '照会事項に対する回答（第1回）' }).waitFor();
  await expect(page.getByTestId('inquiry-frozen')).toContainText('読み取り専用');
  await expect(page.getByTestId('inquiry-title')).toHaveText('表題：先進医療審査の照会事項に対する回答１');
  // The 照会 as pasted, line breaks kept; the answer gives the committee's approval date of the 変更申請.
  await expect(page.getByLabel('照会１', { exact: true })).toHaveValue(/^変更内容１（先進医療費用の研究費から患者負担への変更）について、.+\n（１）/);
  await expect(page.getByLabel('回答１', { exact: true })).toHaveValue(/2028年1月18日に架空大学医学部附属病院 倫理審査委員会で承認/);
  await expect(page.getByLabel('回答３', { exact: true })).toHaveValue(/照会回答１－１/);
  await expect(page.getByLabel('照会１', { exact: true })).toBeDisabled();
  // Answer 1 changed the plan: it is linked to the 変更申請's first item, whose 様式 are listed to revise.
  const links = (n: string) => page.getByRole('group', { name: `関連する変更申請の変更内容（回答${n}・任意）` }).getByRole('checkbox', { name: '変更申請 １．先進医療費用の研究費から患者負担への変更' });
  await expect(links('１')).toBeChecked();
  await expect(links('２')).not.toBeChecked();
  await expect(page.getByTestId('inquiry-revise-1')).toContainText('様式第3号');
});

test('照会回答を2つのタブで開いて両方で書くと、後から保存した側は止まり、「この画面の内容で上書き」で上書きできる（DATA-10）', async ({ page, context }) => {
  await openNewRound(page);
  const url = page.url();
  await page.getByLabel('事前照会の構成員名').fill('佐藤');
  await waitSaved(page);
  const other = await context.newPage();
  await other.goto(url);
  await other.getByRole('heading', { level: 1, name: '照会事項に対する回答（第2回）' }).waitFor();
  await page.getByLabel('事前照会の構成員名').fill('鈴木');
  await waitSaved(page);
  await other.getByLabel('事前照会の構成員名').fill('高橋');
  await expect(other.getByRole('alert')).toContainText('別のウィンドウでこの内容が保存されたため、上書きせずに止めました');
  await other.getByRole('button', { name: 'この画面の内容で上書き' }).click();
  await waitSaved(other);
  await page.reload();
  await expect(page.getByLabel('事前照会の構成員名')).toHaveValue('高橋');
});
