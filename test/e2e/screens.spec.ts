import { expect, test, type Page } from '@playwright/test';
import { createProject, waitSaved } from './helpers';
import { everyScreen, openSample } from './screens';

/**
 * Issue 12 (Screens): at ordinary window sizes no input hides part of its text. Every screen is
 * visited with the sample loaded; an input or textarea whose text is wider than its box
 * (scrollWidth > clientWidth, with 2 px for rounding) is reported with the screen and its label.
 */

interface Clipped {
  readonly label: string;
  readonly value: string;
  readonly scrollWidth: number;
  readonly clientWidth: number;
}

function clippedInputs(page: Page): Promise<Clipped[]> {
  return page.evaluate(() => {
    const labelOf = (el: HTMLInputElement | HTMLTextAreaElement): string => {
      const aria = el.getAttribute('aria-label');
      if (aria) return aria;
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      return el.labels?.[0]?.textContent?.trim() ?? el.name;
    };
    const out: Clipped[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (el instanceof HTMLInputElement && ['checkbox', 'radio', 'hidden', 'file', 'button', 'submit'].includes(el.type)) continue;
      if (el.value === '' || el.getClientRects().length === 0) continue;
      if (el.scrollWidth > el.clientWidth + 2) out.push({ label: labelOf(el), value: el.value.slice(0, 40), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
    }
    return out;
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`${viewport.width}×${viewport.height} で、どの画面の入力欄も文字が欄からはみ出して隠れない（サンプル）`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize(viewport);
    const id = await openSample(page);
    const offenders: string[] = [];
    let checked = 0;
    for (const screen of everyScreen(id)) {
      await screen.open(page);
      checked += await page.locator('input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea').count();
      for (const c of await clippedInputs(page)) offenders.push(`${screen.name}：「${c.label}」（${c.value}… 幅 ${c.clientWidth}px に ${c.scrollWidth}px）`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
}

test('𠮷 を入力欄に打つと、PDFと同じ同梱のフォント（Noto Serif JP）で表示され、PCのフォントや豆腐（□）にならない', async ({ page }) => {
  await page.goto('/');
  const input = page.getByLabel('新しい案件の名前');
  await input.fill('𠮷田　花子');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // What Chromium actually drew the input's text with (DevTools' 「Rendered Fonts」).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#new-project' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.filter((f) => !f.isCustomFont)).toEqual([]);
  expect(fonts.map((f) => f.familyName)).toContain('Noto Serif JP');
  const face = await page.evaluate(() => ({
    status: [...document.fonts].find((f) => f.family.replace(/"/g, '') === 'SenshinFallback')?.status,
    ready: document.fonts.check('16px "SenshinFallback"', '𠮷'),
  }));
  expect(face).toEqual({ status: 'loaded', ready: true });
  // Every kind of input uses the same faces as the page (a textarea, a select), in the PDF's order.
  await createProject(page, '𠮷田の案件');
  for (const el of [page.getByLabel('先進医療の名称'), page.getByLabel('実施責任医師')]) {
    expect(await el.evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/^SenshinUI, SenshinFallback,/);
  }
});

test('様式第7-1号・第7-2号は「必須 0/0」を出さず、費用の計算から作られることとそこへのリンクを示す', async ({ page }) => {
  await openSample(page);
  const list = page.getByRole('list').filter({ has: page.getByRole('link', { name: /様式第7-1号/ }) });
  const item71 = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: /様式第7-1号/ }) });
  await expect(item71).toContainText('費用の計算から作成');
  await expect(item71).not.toContainText('0/0');
  await expect(page.getByText(/必須 0\/0/)).toHaveCount(0);

  await item71.getByRole('link', { name: /様式第7-1号/ }).click();
  await page.getByRole('heading', { level: 1, name: /様式第7-1号/ }).waitFor();
  const nav = page.getByRole('navigation', { name: '様式の一覧' });
  await expect(nav.getByRole('link', { name: /様式第7-1号\s*費用の計算から作成/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /様式第7-2号\s*費用の計算から作成/ })).toBeVisible();
  // 様式第4号 is not in a 先進医療B 新規届出 (issue 15 item 3); 第8-1号 says where its content comes from.
  await expect(nav.getByRole('link', { name: /様式第4号/ })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /様式第8-1号\s*実施責任医師の行は職員名簿から作成/ })).toBeVisible();
  await expect(nav.getByText(/^0\/0$/)).toHaveCount(0);
  await expect(page.getByTestId('filled-from')).toContainText('費用の計算の入力から作成されます');
  await page.getByTestId('filled-from').getByRole('link', { name: '費用の計算' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('費用の計算');

  await page.goBack();
  await nav.getByRole('link', { name: /様式第7-2号/ }).click();
  await page.getByRole('heading', { level: 1, name: /様式第7-2号/ }).waitFor();
  await expect(page.getByTestId('filled-from').getByRole('link', { name: '費用の計算' })).toHaveAttribute('href', /\/cost$/);
});

test('日付の入力欄の横に和暦が出て、変えるとすぐに変わり、開き直しても出る', async ({ page }) => {
  await createProject(page, '和暦の表示');
  const filing = page.getByLabel('届出日（予定）');
  await filing.fill('2027-04-05');
  await expect(filing).toHaveAccessibleDescription(/令和9年4月5日/);
  await expect(page.getByText('令和9年4月5日', { exact: true })).toBeVisible();
  await filing.fill('2019-05-01');
  await expect(filing).toHaveAccessibleDescription(/令和元年5月1日/);
  await expect(page.getByText('令和9年4月5日', { exact: true })).toHaveCount(0);
  await waitSaved(page);
  const projectUrl = page.url();
  await page.reload();
  await expect(page.getByLabel('届出日（予定）')).toHaveAccessibleDescription(/令和元年5月1日/);

  // In a table row (職員名簿) and in a dialog (提出の記録) too.
  await page.goto('/#/roster');
  await page.getByRole('button', { name: '名簿に人を追加' }).click();
  const asOf = page.getByLabel('経験年数・症例数の時点（1人目）');
  await asOf.fill('2026-12-31');
  await expect(asOf).toHaveAccessibleDescription('令和8年12月31日');
  await asOf.fill('');
  await expect(asOf).toHaveAccessibleDescription('');

  await page.goto(projectUrl);
  await page.getByLabel('追加する届出・報告').selectOption({ label: '協力医療機関の追加' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  await page.getByRole('button', { name: '提出済みにする' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('提出日').fill('2027-01-12');
  await expect(dialog.getByLabel('提出日')).toHaveAccessibleDescription(/令和9年1月12日/);
});
