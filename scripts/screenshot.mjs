// `npm run screenshot` (at 1366×768, the hospital PC the app is designed for): fills a fictional 事前相談申込書 in the built app and saves
// docs/screenshot.png (the app with its live preview) and docs/jizen-soudan-page.png (the PDF page
// rendered by pdftoppm). Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';

const server = await preview({ preview: { host: '127.0.0.1', port: 4174, strictPort: true }, logLevel: 'silent' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=ja-JP'],
});
try {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:4174/#/settings');
  const fill = (label, value, exact = false) => page.getByLabel(label, { exact }).fill(value);
  await fill('医療機関名', '架空大学医学部附属病院');
  await fill('担当者の所属', '臨床研究推進センター 先進医療支援室');
  await fill('担当者の氏名', '髙橋 﨑子');
  await fill('TEL', '03-1234-5678', true);
  await fill('FAX', '03-1234-5679', true);
  await fill('e-mail', 'senshin@example.ac.jp');
  await page.waitForTimeout(600);
  await page.goto('http://127.0.0.1:4174/');
  await fill('新しい案件の名前', 'パクリタキセル腹腔内投与（2027年度届出）');
  await page.getByRole('button', { name: '案件を作成' }).click();
  await page.getByRole('link', { name: '事前相談申込書を開く' }).click();
  await fill('医療技術名', 'パクリタキセル腹腔内投与及び静脈内投与並びにS-1内服併用療法');
  await fill('使用する医薬品又は医療機器', '一般名：パクリタキセル（製品名：タキソール注射液100mg、企業名：架空製薬株式会社）\n使用方法：20mg/m²を第1・8日に腹腔内投与。腹腔内投与は適応外。\n一般名：テガフール・ギメラシル・オテラシルカリウム配合剤（製品名：ティーエスワン配合OD錠、企業名：架空薬品工業株式会社）適応内');
  await fill('第1希望 日付', '2027-01-12');
  await fill('第1希望 開始時刻', '14:00');
  await fill('第1希望 終了時刻', '16:00');
  await fill('第2希望 日付', '2027-01-16');
  await fill('第2希望 開始時刻', '14:00');
  await fill('第2希望 終了時刻', '15:00');
  await fill('第3希望 日付', '2027-01-19');
  await fill('第3希望 開始時刻', '15:00');
  await fill('第3希望 終了時刻', '18:00');
  await fill('訪問予定者の氏名（1人目）', '𠮷田 太郎');
  await fill('所属・会社名（1人目）', '架空大学医学部附属病院 消化器外科');
  await page.getByRole('button', { name: '訪問予定者を追加' }).click();
  await fill('訪問予定者の氏名（2人目）', '山﨑 花子');
  await fill('所属・会社名（2人目）', '架空製薬株式会社 開発本部');
  await page.waitForTimeout(800);
  await page.getByLabel('医療技術名').scrollIntoViewIfNeeded();
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/screenshot.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDFを保存' }).click()]);
  const pdf = readFileSync(await download.path());
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/jizen-soudan.pdf', pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', '.tmp/jizen-soudan.pdf', '.tmp/jizen-soudan-page']);
  renameSync('.tmp/jizen-soudan-page.png', 'docs/jizen-soudan-page.png');
  rmSync('.tmp/jizen-soudan.pdf');

  // The sample package, opened and exported as a user would; a few pages rendered with pdftoppm.
  await page.goto('http://127.0.0.1:4174/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  // A form beside its tree and preview: 様式第3号, whose 2-1 tables come from the product master.
  await page.getByRole('link', { name: /別紙1 様式第3号/ }).click();
  await page.getByTestId('preview').getByText('蛍光観察用腹腔鏡システム').first().waitFor();
  await page.screenshot({ path: 'docs/form-yoshiki3.png' });
  await page.getByRole('navigation', { name: '様式の一覧' }).getByRole('link', { name: '書類一式の出力' }).click();
  await page.getByRole('radio', { name: /^提出用/ }).check();
  await page.screenshot({ path: 'docs/package.png' });
  const [pkgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '一式をPDFで保存' }).click()]);
  writeFileSync('.tmp/sample-package.pdf', readFileSync(await pkgDownload.path()));
  // Find each form's first page by its printed 様式番号 (page numbers move as the sample grows).
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['.tmp/sample-package.pdf'], { encoding: 'utf8' }))?.[1] ?? 0);
  const firstPage = (mark) => {
    for (let n = 1; n <= pageCount; n++) {
      const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', '.tmp/sample-package.pdf', '-'], { encoding: 'utf8' });
      if (text.trimStart().startsWith(mark)) return n;
    }
    throw new Error(`${mark} not found in the sample package`);
  };
  const pages = { 'sample-contents': 1, 'sample-yoshiki1-1': firstPage('様式第1-1号'), 'sample-yoshiki2': firstPage('様式第2号'), 'sample-yoshiki3': firstPage('様式第3号'), 'sample-yoshiki7-2': firstPage('様式第7-2号'), 'sample-yoshiki9': firstPage('様式第9号') };
  for (const [name, n] of Object.entries(pages)) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', '.tmp/sample-package.pdf', `.tmp/${name}`]);
    renameSync(`.tmp/${name}.png`, `docs/${name}.png`);
  }
  console.log('docs/screenshot.png, docs/jizen-soudan-page.png, docs/form-yoshiki3.png, docs/package.png, docs/sample-*.png');
  // バックアップと復元 after one backup was saved.
  await page.goto('http://127.0.0.1:4174/#/backup');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'バックアップを保存', exact: true }).click()]);
  await page.getByRole('status').filter({ hasText: 'バックアップを' }).waitFor();
  await page.screenshot({ path: 'docs/backup.png' });
  // チェック結果: a different amount typed into 様式第5号, the finding opened beside the form.
  await page.goto('http://127.0.0.1:4174/');
  await page.getByRole('link', { name: /^サンプル：/ }).first().click();
  await page.getByRole('link', { name: /様式第5号 先進医療の内容（概要）/ }).click();
  await page.getByLabel('（先進医療にかかる費用）', { exact: true }).fill('先進医療にかかる費用は１人当たり２２，０００円とし、全額を患者に請求する。');
  await page.getByTestId('save-state').filter({ hasText: '保存済み' }).waitFor();
  // The panel opens as its counts (issue 15): open it to show the finding.
  await page.getByRole('region', { name: 'チェック結果' }).getByTestId('check-summary').click();
  const finding = page.locator('[data-rule="R-C-1"]').first();
  await finding.waitFor();
  await finding.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/check.png' });
  await page.getByRole('link', { name: 'すべてのチェック結果を見る' }).click();
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'チェック結果報告書をPDFで保存' }).click()]);
  writeFileSync('.tmp/check-report.pdf', readFileSync(await report.path()));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', '.tmp/check-report.pdf', '.tmp/check-report']);
  renameSync('.tmp/check-report.png', 'docs/check-report.png');
  console.log('docs/check.png, docs/check-report.png');
  // 届出・報告の経過 (issue 11): the sample's approved 新規届出 and a 照会回答 being prepared.
  await page.goto('http://127.0.0.1:4174/');
  await page.getByRole('link', { name: /^サンプル：/ }).first().click();
  await page.getByLabel('追加する届出・報告').selectOption({ label: '照会事項に対する回答' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  await page.getByRole('heading', { level: 3, name: /照会事項に対する回答（第1回）/ }).waitFor();
  // The timeline re-renders once its filings load: scroll when it has settled.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/filings.png' });
  console.log('docs/filings.png');
  // 「この案件をもとに新しい案件を作る」 (issue 19): three sections of the sample carried, shown 要確認.
  await page.goto('http://127.0.0.1:4174/');
  await page.getByRole('link', { name: /^サンプル：/ }).first().click();
  await page.getByRole('link', { name: 'この案件をもとに新しい案件を作る' }).click();
  await page.getByLabel('新しい案件の案件名').fill('ICG蛍光法（大腸癌）令和９年届出');
  const plan = page.getByRole('group', { name: /様式第3号 先進医療の実施計画/ });
  for (const heading of ['６．治療計画', '８．モニタリング体制及び実施方法', '１３．個人情報保護の方法']) await plan.getByLabel(heading).check();
  await plan.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/carry.png' });
  await page.getByRole('button', { name: '新しい案件を作る' }).click();
  await page.getByTestId('carried').getByRole('link', { name: /様式第3号/ }).click();
  await page.getByLabel('６．治療計画', { exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: /６．治療計画/ }).first().scrollIntoViewIfNeeded().catch(() => page.getByLabel('６．治療計画', { exact: true }).scrollIntoViewIfNeeded());
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/carried-form.png' });
  console.log('docs/carry.png, docs/carried-form.png');
  // 定型文 (issue 19): one registered in マスタ, then the insert dialog beside 様式第3号 「１３．」.
  await page.getByRole('link', { name: 'マスタ' }).first().click();
  await page.getByRole('link', { name: '定型文' }).click();
  await page.getByRole('button', { name: '定型文を追加' }).click();
  await page.getByLabel('定型文の名前').fill('個人情報の保護（匿名化・院内保管）');
  await page.getByLabel('本文').fill('{先進医療の名称}の試験で得られた個人情報は、実施責任医師（{実施責任医師}）の管理のもと、匿名化した上で院内の施錠できる保管庫に保存する（保存期間：研究終了後５年）。');
  await page.getByLabel('「個人情報の保護（匿名化・院内保管）」に加える記入欄').selectOption({ label: '１３．個人情報保護の方法' });
  await page.getByRole('button', { name: '向いている記入欄に追加' }).click();
  await page.getByTestId('save-state').filter({ hasText: '保存済み' }).first().waitFor();
  await page.goto('http://127.0.0.1:4174/');
  await page.getByRole('link', { name: /^サンプル：/ }).first().click();
  await page.getByRole('link', { name: /様式第3号 先進医療の実施計画/ }).click();
  await page.locator('[data-field="privacy"]').getByRole('button', { name: '定型文を挿入' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '挿入する' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/phrase-insert.png' });
  await page.getByRole('dialog').getByRole('button', { name: 'キャンセル' }).click();
  // 検索 across projects.
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '検索' }).click();
  await page.getByLabel('検索する語句').fill('センチネルリンパ節');
  await page.getByRole('list', { name: '検索結果' }).waitFor();
  await page.screenshot({ path: 'docs/search.png' });
  console.log('docs/phrase-insert.png, docs/search.png');
} finally {
  await browser.close();
  await server.close();
}
