import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { everyScreen, openSample } from './screens';

/**
 * Issue 12 (Screens): axe-core over every screen with the sample loaded finds no serious or
 * critical violation (a label that points nowhere, an aria-describedby at a missing element,
 * text without contrast …). Each violation is reported with the screen and the elements.
 */
test('どの画面にも axe-core の重大（serious・critical）な違反がない（サンプル）', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const id = await openSample(page);
  const found: string[] = [];
  for (const screen of everyScreen(id)) {
    await screen.open(page);
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      const where = v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('、');
      found.push(`${screen.name}：${v.id}（${v.impact}）${v.help} — ${v.nodes.length}件：${where}`);
    }
    // axe passes an aria-describedby that names one existing id among missing ones: check every id.
    const dangling = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls]')].flatMap((el) =>
        ['aria-describedby', 'aria-labelledby', 'aria-controls'].flatMap((attr) =>
          (el.getAttribute(attr) ?? '')
            .split(/\s+/)
            .filter((ref) => ref !== '' && !document.getElementById(ref))
            .map((ref) => `${el.getAttribute('aria-label') || el.id || el.tagName} の ${attr}="${ref}"`),
        ),
      ),
    );
    for (const d of dangling) found.push(`${screen.name}：存在しない要素を指す ${d}`);
  }
  expect(found).toEqual([]);
});
