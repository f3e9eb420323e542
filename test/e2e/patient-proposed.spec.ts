import { expect, test } from '@playwright/test';
import { readPdf, squash } from '../helpers/pdf';
import { downloadOf, waitSaved } from './helpers';

/**
 * Issue 13 item 5: a technology filed as a 患者申出療養 (技術の基本情報 › 制度) prints its 変更申請 with
 * the cover sheet and 【患者申出療養告示番号と名称】 (spec §3.18), not the 先進医療 heading.
 */
test('制度を患者申出療養にすると、変更申請のPDFは表紙つきで【患者申出療養告示番号と名称】を印刷する', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  const projectPath = page.url();

  const scheme = page.getByLabel('制度', { exact: true });
  await expect(scheme).toHaveValue('先進医療');
  await scheme.selectOption({ label: '患者申出療養' });
  await waitSaved(page);
  const technology = await page.getByLabel('先進医療の名称', { exact: true }).inputValue();

  // A new 変更申請, whatever filings the sample already lists: the link that was not there before.
  const links = page.getByRole('link', { name: '変更申請を作成・編集' });
  const before = new Set(await links.evaluateAll((els) => els.map((e) => e.getAttribute('href'))));
  await page.getByLabel('追加する届出・報告').selectOption({ label: '変更申請' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  await expect(links).toHaveCount(before.size + 1);
  const added = (await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')))).find((h) => !before.has(h));
  expect(added).toBeTruthy();
  await page.locator(`a[href="${added ?? ''}"]`).click();
  await page.getByRole('heading', { level: 1, name: '変更申請' }).waitFor();

  const { pages } = await readPdf((await downloadOf(page, '変更申請をPDFで保存')).bytes);
  const cover = squash(pages[0]?.text ?? '');
  expect(cover).toMatch(new RegExp(`^.+による患者申出療養「${squash(technology)}」について、別紙の通り提出されている研究実施計画の変更を承認して良いか、ご確認いただきたい。$`));
  const all = squash(pages.map((p) => p.text).join(''));
  expect(squash(pages[1]?.text ?? '').startsWith('患者申出療養の研究実施計画の変更について')).toBe(true);
  expect(all).toContain('【患者申出療養告示番号と名称】');
  expect(all).not.toContain('【先進医療告示番号と名称】');

  // The 制度 stays after a reload.
  await page.goto(projectPath);
  await expect(page.getByLabel('制度', { exact: true })).toHaveValue('患者申出療養');
});
