/**
 * Issue 15 items 5 and 6 on the built app: two small PDFs attached by label to the 新規届出's
 * package, placed in order with 上へ, saved in the 提出用 copy as one PDF — both attachments' pages
 * read back with pdftotext, their bookmarks at their first pages, no 案 and no 推定様式 in the PDF or
 * the Word file — and an encrypted PDF refused beside the picker with nothing attached.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { waitSaved } from './helpers';
import { encryptedPdf, outlineOf, plainPdf } from '../helpers/attachment-pdfs';

/** Clicks a save button of the package page (confirming 「エラーがあるまま保存する」 if asked) and returns the file. */
async function save(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  await expect(page.getByRole('button', { name: button, exact: true })).toBeEnabled();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'エラーが残っています' });
  await Promise.race([dialog.waitFor().then(() => dialog.getByRole('button', { name: 'エラーがあるまま保存する' }).click()), downloaded]);
  const download = await downloaded;
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(await download.path())) };
}

/** Text of every part of a DOCX that prints (document, headers, footers). */
function docxText(bytes: Uint8Array): string {
  return Object.entries(unzipSync(bytes))
    .filter(([n]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n))
    .map(([, b]) => [...strFromU8(b).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''))
    .join('\n');
}

/** The 案 mark or a 推定様式 stamp/note, once the words that merely contain 案 (「案内」) are set aside. */
const MARKS = /案|推定様式/;
const withoutWords = (t: string): string => t.replace(/案内/g, '');

test('添付したPDF2つが提出用の一式PDFに順番どおり綴じられ、しおりが付き、暗号化PDFは断られる', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('新しい案件の名前').fill('添付の確認');
  await page.getByLabel('新しい案件の名前').press('Enter');
  await page.getByRole('heading', { level: 1, name: '添付の確認' }).waitFor();
  await page.getByLabel('先進医療の名称').fill('架空蛍光法');
  await page.getByLabel('適応症').fill('早期胃がん');
  await waitSaved(page);
  await page.getByRole('link', { name: '書類一式の出力' }).click();
  await page.getByRole('heading', { level: 1, name: '書類一式の出力' }).waitFor();
  await expect(page.getByLabel('新規届出（先進医療B）')).toBeChecked();

  // Two PDFs, by label: the 試験実施計画書 (an expected paper) and a 概略図 (その他).
  await page.getByLabel('書類の種類').selectOption('試験実施計画書');
  await page.getByLabel('添付書類の名称', { exact: true }).fill('試験実施計画書（第1.0版）');
  await page.getByLabel('PDFを添付する').setInputFiles({ name: 'protocol.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await plainPdf('PROTOCOL', 3)) });
  await expect(page.getByText('「試験実施計画書（第1.0版）」を添付しました（3ページ）。')).toBeVisible();
  await page.getByLabel('書類の種類').selectOption({ label: 'その他（概略図・文献・承認通知など）' });
  await page.getByLabel('添付書類の名称', { exact: true }).fill('概略図');
  await page.getByLabel('PDFを添付する').setInputFiles({ name: 'schema.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await plainPdf('SCHEMA', 2)) });
  await expect(page.getByText('「概略図」を添付しました（2ページ）。')).toBeVisible();
  const list = page.getByRole('list', { name: '添付書類（綴じる順）' }).getByRole('listitem');
  await expect(list).toHaveText([/^1\. 試験実施計画書（第1\.0版）/, /^2\. 概略図/]);
  // The 概略図 goes first, with the keyboard.
  await page.getByRole('button', { name: '上へ（概略図）' }).focus();
  await page.keyboard.press('Enter');
  await expect(list).toHaveText([/^1\. 概略図/, /^2\. 試験実施計画書（第1\.0版）/]);
  // Renamed later: its line and bookmark follow.
  await page.getByRole('button', { name: '名称を変える（概略図）' }).click();
  await page.getByLabel('添付書類の名称（1番目）').fill('概略図（第2版）');
  await page.getByRole('button', { name: '名称を保存' }).click();
  await expect(list).toHaveText([/^1\. 概略図（第2版）/, /^2\. 試験実施計画書（第1\.0版）/]);

  // A hostile PDF: refused beside the picker, nothing attached.
  await page.getByLabel('添付書類の名称', { exact: true }).fill('承認通知');
  await page.getByLabel('PDFを添付する').setInputFiles({ name: 'locked.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await encryptedPdf('LOCKED')) });
  await expect(page.getByRole('alert')).toHaveText('このPDFは暗号化されているため添付できません。パスワードを外したPDFを選んでください。');
  await expect(list).toHaveCount(2);

  // The 提出用 copy with page numbers running through, remembered on the filing.
  await page.getByRole('radio', { name: /^提出用/ }).check();
  await page.getByRole('checkbox', { name: /^通しページ番号を入れる/ }).check();
  // Stored on the filing once the page says so (a reload before it would drop the write).
  await expect(page.getByRole('status').filter({ hasText: 'この届出に保存しました。' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radio', { name: /^提出用/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^通しページ番号を入れる/ })).toBeChecked();
  await expect(list).toHaveCount(2);

  const pdf = await save(page, '一式をPDFで保存');
  expect(pdf.name).toBe('架空蛍光法_新規届出（先進医療B）.pdf');
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.bytes }).toString();
  const pages = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
  const total = pages.length;
  // The attachments' pages close the file, in the order chosen, numbered through the package.
  expect(pages.slice(-5).map((p) => p.match(/(SCHEMA|PROTOCOL) p\d/)?.[0])).toEqual(['SCHEMA p1', 'SCHEMA p2', 'PROTOCOL p1', 'PROTOCOL p2', 'PROTOCOL p3']);
  expect(pages.at(-1)).toContain(`${total} / ${total}`);
  expect(withoutWords(text)).not.toMatch(MARKS);
  // The contents page lists them with their pages.
  expect(pages[0]).toMatch(new RegExp(`概略図（第2版）\\s+${total - 4}～${total - 3}`));
  expect(pages[0]).toMatch(new RegExp(`試験実施計画書（第1\\.0版）\\s+${total - 2}～${total}`));
  // One bookmark per form and per attachment, the attachments' at their first pages.
  const outline = await outlineOf(pdf.bytes);
  expect(outline[0]?.title).toBe('提出書類一覧');
  expect(outline.slice(-2)).toEqual([
    { title: '概略図（第2版）', page: total - 5 },
    { title: '試験実施計画書（第1.0版）', page: total - 3 },
  ]);

  // Word: the contents page lists them (they cannot be merged); no 案 and no 推定様式 either.
  const word = await save(page, '一式をWordで保存');
  const wordText = docxText(word.bytes);
  expect(wordText).toContain('試験実施計画書（第1.0版）');
  expect(wordText).toContain('添付書類はPDFにのみ含まれます');
  expect(withoutWords(wordText)).not.toMatch(MARKS);
});
