import { writeFileSync } from 'node:fs';
import { addCalendarMonths, addDays, todayIn, toIsoDate } from '../../shared/dates/iso-date';
import { formatWareki } from '../../shared/dates/wareki';
import { expect, test } from '@playwright/test';
import { docxText } from '../helpers/docx';
import { ink, readPdf, renderGray, squash } from '../helpers/pdf';
import { downloadOf, openJizenSoudan, waitSaved } from './helpers';

const values = {
  institutionName: '架空大学医学部附属病院',
  affiliation: '臨床研究推進センター',
  contactName: '髙橋 﨑子',
  tel: '03-1234-5678',
  fax: '03-1234-5679',
  email: 'senshin@example.ac.jp',
  technology: 'パクリタキセル腹腔内投与及び静脈内投与並びにS-1内服併用療法',
  products: '一般名：パクリタキセル（製品名：タキソール注射液100mg、企業名：架空製薬株式会社）腹腔内投与は適応外',
  visitor1: '𠮷田 太郎',
  visitor1Aff: '架空大学医学部附属病院 消化器外科',
  visitor2: '山﨑 花子',
  visitor2Aff: '架空製薬株式会社 開発本部',
};

test('設定の医療機関情報が申込書にあらかじめ入る', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByLabel('医療機関名').fill(values.institutionName);
  await page.getByLabel('担当者の所属').fill(values.affiliation);
  await page.getByLabel('担当者の氏名').fill(values.contactName);
  await page.getByLabel('TEL', { exact: true }).fill(values.tel);
  await page.getByLabel('FAX', { exact: true }).fill(values.fax);
  await page.getByLabel('e-mail').fill(values.email);
  await waitSaved(page);
  await openJizenSoudan(page, '設定の引継ぎ');
  await expect(page.getByLabel('医療機関名')).toHaveValue(values.institutionName);
  await expect(page.getByLabel('担当者の氏名')).toHaveValue(values.contactName);
  await expect(page.getByLabel('e-mail')).toHaveValue(values.email);
  await expect(page.getByTestId('preview')).toContainText(values.institutionName);
});

test('申込書を記入し、1枚のA4 PDFとWordを保存する', async ({ page }, testInfo) => {
  await openJizenSoudan(page, 'パクリタキセル腹腔内投与');
  await page.getByLabel('医療機関名').fill(values.institutionName);
  await page.getByLabel('担当者の所属').fill(values.affiliation);
  await page.getByLabel('担当者の氏名').fill(values.contactName);
  await page.getByLabel('TEL', { exact: true }).fill(values.tel);
  await page.getByLabel('FAX', { exact: true }).fill(values.fax);
  await page.getByLabel('e-mail').fill(values.email);
  await page.getByLabel('医療技術名').fill(values.technology);
  await page.getByLabel('使用する医薬品又は医療機器').fill(values.products);
  await page.getByLabel('第1希望 日付').fill('2027-01-12');
  await expect(page.getByLabel('第1希望 日付')).toHaveAccessibleDescription(/令和9年1月12日/);
  await page.getByLabel('第1希望 開始時刻').fill('14:00');
  await page.getByLabel('第1希望 終了時刻').fill('16:00');
  await page.getByLabel('第2希望 日付').fill('2027-01-13');
  await page.getByLabel('第2希望 開始時刻').fill('14:30');
  await page.getByLabel('第2希望 終了時刻').fill('17:00');
  await page.getByLabel('訪問予定者の氏名（1人目）').fill(values.visitor1);
  await page.getByLabel('所属・会社名（1人目）').fill(values.visitor1Aff);
  await page.getByRole('button', { name: '訪問予定者を追加' }).click();
  await page.getByLabel('訪問予定者の氏名（2人目）').fill(values.visitor2);
  await page.getByLabel('所属・会社名（2人目）').fill(values.visitor2Aff);
  await expect(page.getByTestId('category')).toHaveText('先進医療B');
  await waitSaved(page);
  await expect(page.getByTestId('preview')).toContainText(values.visitor2);

  const { download, bytes } = await downloadOf(page, 'PDFを保存');
  expect(download.suggestedFilename()).toBe(`事前相談申込書_${values.technology}.pdf`);
  await expect(page.getByText('PDFを保存しました')).toBeVisible();
  const pdf = await readPdf(bytes);
  expect(pdf.pages).toHaveLength(1);
  expect(pdf.pages[0]!.width).toBeCloseTo(595.28, 1);
  expect(pdf.pages[0]!.height).toBeCloseTo(841.89, 1);
  const text = squash(pdf.pages[0]!.text);
  for (const v of Object.values(values)) expect(text, v).toContain(squash(v));
  expect(text).toContain('ＦＡＸ：03-3503-0595');
  expect(text).toContain('厚生労働省医政局研究開発政策課');
  expect(text).toContain('第1希望１月１２日（火）１４時～１６時');
  const img = renderGray(bytes, 60);
  expect(ink(img)).toBeGreaterThan(4000);
  writeFileSync(testInfo.outputPath('jizen-soudan.pdf'), bytes);

  const word = await downloadOf(page, 'Wordを保存');
  expect(word.download.suggestedFilename()).toMatch(/\.docx$/);
  const docText = squash(await docxText(word.bytes));
  for (const v of Object.values(values)) expect(docText, v).toContain(squash(v));
});

test('「印刷」はA4のシートだけを1枚に印刷する（印刷用スタイル）', async ({ page }) => {
  await openJizenSoudan(page, '印刷');
  await page.getByLabel('医療機関名').fill(values.institutionName);
  await page.getByLabel('訪問予定者の氏名（1人目）').fill(values.visitor1);
  await expect(page.getByTestId('preview')).toContainText(values.visitor1);
  await page.emulateMedia({ media: 'print' });
  // What the print dialog would send to the printer, as Chromium lays it out.
  const printed = await page.pdf({ preferCSSPageSize: true });
  const pdf = await readPdf(new Uint8Array(printed));
  expect(pdf.pages).toHaveLength(1);
  expect(pdf.pages[0]!.width).toBeCloseTo(595.28, 0);
  expect(pdf.pages[0]!.height).toBeCloseTo(841.89, 0);
  const text = squash(pdf.pages[0]!.text);
  expect(text).toContain(squash(values.institutionName));
  expect(text).toContain('先進医療に係る事前相談申込書');
  // Only the sheet: none of the editor's controls are printed.
  expect(text).not.toContain('PDFを保存');
  expect(text).not.toContain('案件一覧');
});

test('土日・祝日・18時の希望日時は欄の横に注意が出て、入力はそのまま残る', async ({ page }) => {
  await openJizenSoudan(page, '日時の確認');
  await page.getByLabel('第1希望 日付').fill('2027-01-16');
  await page.getByLabel('第1希望 開始時刻').fill('14:00');
  await page.getByLabel('第1希望 終了時刻').fill('15:00');
  await page.getByLabel('第2希望 日付').fill('2027-01-11');
  await page.getByLabel('第2希望 開始時刻').fill('14:00');
  await page.getByLabel('第2希望 終了時刻').fill('15:00');
  await page.getByLabel('第3希望 日付').fill('2027-01-12');
  await page.getByLabel('第3希望 開始時刻').fill('18:00');
  await page.getByLabel('第3希望 終了時刻').fill('19:00');

  await expect(page.getByTestId('slot-1')).toContainText('土曜日です');
  await expect(page.getByTestId('slot-2')).toContainText('祝日（成人の日）です');
  await expect(page.getByTestId('slot-3')).toContainText('18:00〜19:00 は午後2時〜5時');
  // Messages are beside the field, not in a modal; nothing blocks the user.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The described-by link tells a screen reader about the message.
  await expect(page.getByLabel('第3希望 開始時刻')).toHaveAccessibleDescription(/午後2時〜5時/);
  await expect(page.getByLabel('第1希望 日付')).toHaveValue('2027-01-16');
  await expect(page.getByLabel('第3希望 開始時刻')).toHaveValue('18:00');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByLabel('第3希望 開始時刻')).toHaveValue('18:00');
  await expect(page.getByTestId('slot-1')).toContainText('土曜日です');
});

test('入力直後（1秒以内）に再読み込みしても、すべての値が残っている', async ({ page }) => {
  await openJizenSoudan(page, '再読み込み');
  // Several rounds, each reloading straight after the last keystroke (no wait for the autosave).
  for (const round of [1, 2, 3]) {
    await page.getByLabel('医療技術名').fill(`重粒子線治療 ${round}`);
    await page.getByLabel('使用する医薬品又は医療機器').fill(`未承認医療機器：架空重粒子線装置 第${round}版`);
    await page.getByLabel('担当者の氏名').fill(`髙橋 﨑子 ${round}`);
    await page.getByLabel('第1希望 日付').fill(`2027-02-0${round + 1}`);
    await page.getByLabel('訪問予定者の氏名（1人目）').fill(`𠮷田 太郎 ${round}`);
    const typedAt = Date.now();
    await page.reload();
    expect(Date.now() - typedAt).toBeLessThan(3000);
    await expect(page.getByLabel('医療技術名')).toHaveValue(`重粒子線治療 ${round}`);
    await expect(page.getByLabel('使用する医薬品又は医療機器')).toHaveValue(`未承認医療機器：架空重粒子線装置 第${round}版`);
    await expect(page.getByLabel('担当者の氏名')).toHaveValue(`髙橋 﨑子 ${round}`);
    await expect(page.getByLabel('第1希望 日付')).toHaveValue(`2027-02-0${round + 1}`);
    await expect(page.getByLabel('訪問予定者の氏名（1人目）')).toHaveValue(`𠮷田 太郎 ${round}`);
  }
  // And the values reached the database: the project list shows the technology name.
  await waitSaved(page);
  await page.goto('/');
  await expect(page.getByText('重粒子線治療 3')).toBeVisible();
});

test('日本語入力（IME）の変換中は保存も検証もしない', async ({ page }) => {
  await openJizenSoudan(page, 'IME');
  const field = page.getByLabel('医療技術名');
  await field.click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'せんしん', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.imeSetComposition', { text: 'せんしんいりょう', selectionStart: 8, selectionEnd: 8 });
  await page.waitForTimeout(800); // longer than the autosave delay
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  await expect(page.getByTestId('preview')).not.toContainText('せんしん');
  await cdp.send('Input.insertText', { text: '先進医療' });
  await expect(page.getByTestId('preview')).toContainText('先進医療');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByLabel('医療技術名')).toHaveValue('先進医療');
});

test('事前相談の実施日から有効期限（6か月）を案件に表示する', async ({ page }) => {
  await openJizenSoudan(page, '有効期限');
  await page.getByLabel('事前相談の実施日').fill('2020-01-10');
  await expect(page.getByTestId('validity')).toContainText('有効期限切れ');
  // The 和暦 beside the date input (the input itself follows the PC's locale).
  await expect(page.getByLabel('事前相談の実施日')).toHaveAccessibleDescription(/令和2年1月10日/);
  // A date after today is a plan, not a consultation that took place.
  await page.getByLabel('事前相談の実施日').fill('2099-01-10');
  await expect(page.getByTestId('validity')).toContainText('実施日が令和８１年１月１０日（今日より後）');
  // Held 10 days ago (in Japan): valid for 6 months from that day.
  const held = addDays(todayIn('Asia/Tokyo'), -10);
  const expires = formatWareki(addDays(addCalendarMonths(addDays(held, 1), 6), -1));
  await page.getByLabel('事前相談の実施日').fill(toIsoDate(held));
  await expect(page.getByTestId('validity')).toContainText(`有効期限：${expires}まで`);
  await waitSaved(page);
  await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '有効期限' }).click();
  await expect(page.getByTestId('project-validity')).toContainText(`事前相談の実施日：${formatWareki(held)}。有効期限：${expires}まで`);
});
