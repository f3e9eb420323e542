import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { FORMS, formKey } from '../../shared/forms/registry';
import { createProject } from './helpers';
import { everyScreen, openSample } from './screens';

/**
 * Issue 15 item 2 (room and structure), at the size of a hospital PC: 1366×768. Screenshots go to
 * .tmp/b-shots for a person to look at.
 */
const VIEWPORT = { width: 1366, height: 768 };
const SHOTS = '.tmp/b-shots';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name.replace(/[\s/（）、：]/g, '_')}.png` });
}

/** Inputs, textareas and selects whose text is wider than their box (with 2 px for rounding). */
function hiddenText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')) {
      if (el instanceof HTMLInputElement && ['checkbox', 'radio', 'hidden', 'file', 'button', 'submit', 'date'].includes(el.type)) continue;
      if (el.value === '' || el.getClientRects().length === 0) continue;
      const name = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent?.trim() ?? el.name;
      if (el instanceof HTMLSelectElement) {
        // A choice shows its chosen option whole: the box is at least as wide as the option's text.
        const probe = document.createElement('span');
        probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${getComputedStyle(el).font}`;
        probe.textContent = el.selectedOptions[0]?.textContent ?? '';
        document.body.append(probe);
        const need = probe.getBoundingClientRect().width;
        probe.remove();
        if (need > el.clientWidth + 2) out.push(`${name}（${probe.textContent}：${Math.round(need)}px > ${el.clientWidth}px）`);
      } else if (el.scrollWidth > el.clientWidth + 2) {
        out.push(`${name}（${el.value.slice(0, 30)}：${el.scrollWidth}px > ${el.clientWidth}px）`);
      }
    }
    return out;
  });
}

test('1366×768: どの画面も入力欄の文字が隠れず、axe-core の重大な違反がない（サンプル）', async ({ page }) => {
  test.setTimeout(400_000);
  await page.setViewportSize(VIEWPORT);
  const id = await openSample(page);
  const found: string[] = [];
  for (const screen of everyScreen(id)) {
    await screen.open(page);
    await shot(page, screen.name);
    for (const h of await hiddenText(page)) found.push(`${screen.name}：${h}`);
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      found.push(`${screen.name}：${v.id}（${v.impact}）${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('、')}`);
    }
  }
  expect(found).toEqual([]);
});

test('1366×768: どの様式も、画面を開いてから3回以内のTabで最初の入力欄に届き、最初の入力欄が画面内に見えている', async ({ page }) => {
  test.setTimeout(200_000);
  await page.setViewportSize(VIEWPORT);
  const id = await openSample(page);
  const report: string[] = [];
  for (const form of FORMS) {
    // A fresh load: focus starts at the top of the document.
    await page.goto(`/#/projects/${id}/forms/${formKey(form)}`);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.locator('.loading:visible')).toHaveCount(0, { timeout: 20_000 });
    const first = page.locator(`form[data-doc="${form.id}"]`).locator('input:enabled, select:enabled, textarea:enabled').first();
    // Above the fold at 1366×768: the チェック結果 opens as its counts.
    const box = await first.boundingBox();
    expect(box && box.y + box.height, `${form.number}の最初の入力欄`).toBeLessThan(VIEWPORT.height);
    // As a keyboard user: Tab; a skip link (本文へ移動, 最初の入力欄へ移動) is followed with Enter.
    let tabs = 0;
    while (tabs < 10) {
      await page.keyboard.press('Tab');
      tabs++;
      if (await first.evaluate((el) => el === document.activeElement)) break;
      const name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (name === '本文へ移動' || name === '最初の入力欄へ移動') {
        await page.keyboard.press('Enter');
        if (await first.evaluate((el) => el === document.activeElement)) break;
      }
    }
    await expect(first, form.number).toBeFocused();
    report.push(`${form.number}: ${tabs}`);
    expect(tabs, form.number).toBeLessThanOrEqual(3);
  }
  console.log(`Tab presses to the first field: ${report.join(', ')}`);
});

test('様式第3号: 項目の一覧から「３．」「７－２ ④」へ移動でき、プレビューはその項目が印刷されるページを表示する', async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  const id = await openSample(page);
  await page.goto(`/#/projects/${id}/forms/besshi1-yoshiki3`);
  const jump = page.getByRole('navigation', { name: '様式第3号の項目' });
  await expect(jump.getByRole('button')).toHaveCount(24);
  const preview = page.getByTestId('preview');
  // The preview is laid out once the fonts are read, just after the editor shows.
  await expect(preview.locator('svg.page').nth(2)).toBeAttached();
  const pages = await preview.locator('svg.page').count();
  expect(pages).toBeGreaterThan(2);
  expect(await preview.evaluate((el) => el.scrollTop)).toBe(0);

  // From the keyboard: the last heading, 「１９．文献情報」, printed on the last page.
  await jump.getByRole('button', { name: /^１９．\s*文献情報$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '１９．文献情報' })).toBeFocused();
  await expect(preview).toHaveAttribute('data-follow-page', String(pages));
  await expect.poll(() => preview.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await shot(page, '様式第3号_19へ移動');

  // 「３．」 has no number in its field's label (効能・効果): the heading shows it.
  await jump.getByRole('button', { name: /^３．\s*期待される適応症、効能及び効果$/ }).click();
  await expect(page.getByRole('heading', { name: '３．期待される適応症、効能及び効果' })).toBeFocused();
  const page3 = await preview.getAttribute('data-follow-page');
  expect(Number(page3)).toBeLessThan(pages);
  await expect(preview.locator(`svg[data-page="${page3}"]`)).toContainText('３．期待される適応症、効能及び効果');
  // ７－２'s ④ and ⑤ print without a number; the editor numbers them.
  await expect(page.getByRole('heading', { level: 3, name: '④ 予定試験期間及び予定症例数の設定根拠' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '⑤ 生物統計学的設定根拠' })).toBeVisible();
  // Shown once: the heading is the field's own label.
  await expect(page.getByRole('textbox', { name: '生物統計学的設定根拠', exact: true })).toBeVisible();
  await expect(page.locator('form').getByText('生物統計学的設定根拠', { exact: true })).toHaveCount(1);

  // Typing in a section moves the preview to its page.
  await page.getByLabel('１９．文献情報').focus();
  await expect(preview).toHaveAttribute('data-follow-page', String(pages));
});

test('プレビューを隠すと入力欄が広がり、その選択は次に開いたときも続く。大きく表示もできる', async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  const id = await openSample(page);
  await page.goto(`/#/projects/${id}/forms/besshi1-yoshiki5`);
  const field = page.getByRole('textbox', { name: '（先進性）' });
  const before = (await field.boundingBox())?.width ?? 0;
  await page.getByRole('button', { name: 'プレビューを隠す' }).click();
  await expect(page.getByTestId('preview')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'プレビューを表示' })).toBeFocused();
  const after = (await field.boundingBox())?.width ?? 0;
  expect(after).toBeGreaterThan(before + 300);
  await shot(page, '様式第5号_プレビューを隠す');
  // Remembered: another form, another day.
  await page.goto(`/#/projects/${id}/forms/besshi1-yoshiki3`);
  await page.reload();
  await expect(page.getByRole('button', { name: 'プレビューを表示' })).toBeVisible();
  await expect(page.getByTestId('preview')).toHaveCount(0);
  await page.getByRole('button', { name: 'プレビューを表示' }).click();
  await expect(page.getByTestId('preview')).toBeVisible();

  // Large, over the screen; closed with Escape.
  await page.getByRole('button', { name: '大きく表示' }).click();
  const dialog = page.getByRole('dialog', { name: 'A4プレビュー（大きく表示）' });
  await expect(dialog.getByTestId('preview')).toBeVisible();
  expect((await dialog.locator('svg.page').first().boundingBox())?.width ?? 0).toBeGreaterThan(700);
  await shot(page, '様式第3号_大きく表示');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('preview')).toBeVisible();
});

test('様式第2号: 実施医療機関の表は、プレビューを隠して画面の幅で列の見出しの付いた表として編集できる', async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  const id = await openSample(page);
  await page.goto(`/#/projects/${id}/forms/besshi1-yoshiki2`);
  const table = page.getByRole('group', { name: '実施医療機関', exact: true });
  const narrow = (await table.boundingBox())?.width ?? 0;
  // Beside the preview the rows are stacked, each cell under its heading; nothing is cut off.
  const headWidth = () => table.locator('thead').evaluate((el) => el.getBoundingClientRect().width);
  expect(await headWidth()).toBeLessThan(5);
  expect(await hiddenText(page)).toEqual([]);
  await table.getByRole('button', { name: 'プレビューを隠して表を広げる' }).click();
  await expect(page.getByTestId('preview')).toHaveCount(0);
  await expect(table.getByLabel('区分（申請・調整・協力）（1行目）')).toBeFocused();
  expect(await headWidth()).toBeGreaterThan(narrow);
  expect((await table.boundingBox())?.width ?? 0).toBeGreaterThan(narrow + 300);
  await expect(table.getByRole('button', { name: 'プレビューを隠して表を広げる' })).toHaveCount(0);
  expect(await hiddenText(page)).toEqual([]);
  await shot(page, '様式第2号_表を広げる');
  await page.getByRole('button', { name: 'プレビューを表示' }).click();
  await expect(page.getByTestId('preview')).toBeVisible();
});

test('必須の印は欄ごとに1つ（「必須」）で、未入力でも「記載が必要です」を重ねて出さない。推定様式の意味が画面に書かれている', async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  await createProject(page, '必須の印');
  await expect(page.getByTestId('estimated-layout-note')).toContainText('記載要領の項目から構成した様式');
  await page.getByRole('link', { name: /様式第1-1号/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /様式第1-1号/ }).waitFor();
  const field = page.locator('[data-field="otherMeasures"]');
  await expect(field.getByTestId('required-mark')).toHaveText('必須（未入力）');
  await expect(field).not.toContainText('記載が必要です');
  await expect(page.getByText('記載が必要です')).toHaveCount(0);
  // Read with the field, once.
  const measures = page.getByRole('textbox', { name: 'その他の措置', exact: true });
  await expect(measures).toHaveAccessibleDescription(/^必須\s*（未入力）\s*保険以外の措置/);
  await measures.fill('健康被害が生じた場合は、適切な医療を提供する。');
  await expect(field.getByTestId('required-mark')).toHaveText('必須');
  await expect(page.getByTestId('estimated-note')).toHaveText('推定様式：公式の様式を確認できていないため、記載要領の項目から構成した様式です。提出前に厚生労働省の様式と照合してください。');
  // The チェック結果 opens as its counts.
  const summary = page.getByTestId('check-summary');
  await expect(summary).toContainText(/この様式：エラー \d+・警告 \d+・情報 \d+/);
  await expect(page.getByRole('region', { name: 'チェック結果' }).getByRole('link', { name: 'すべてのチェック結果を見る' })).toBeHidden();
  await summary.click();
  await expect(page.getByRole('region', { name: 'チェック結果' }).getByRole('link', { name: 'すべてのチェック結果を見る' })).toBeVisible();
  await shot(page, '様式第1-1号_新規');
});
