import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { docxText } from '../helpers/docx';
import { readPdf, squash } from '../helpers/pdf';
import { downloadOf, waitSaved } from './helpers';

/**
 * Issue 14, first 「Done when」 line, by label: the hospital's 12-case .xlsx (its own headings in its
 * own order, 和暦 dates, full-width digits) and a Shift_JIS CSV imported into a 定期報告 of the
 * sample; the CSV's bad row is named with its row and column and nothing is imported until it is
 * fixed; then it updates by 整理番号 and adds without duplicating. The report's PDF and Word carry the
 * totals worked out here by hand; 提出済み, 「次年度の報告を作成」 carries the 継続 case 要確認, and the
 * filed 年度 re-prints byte-identical.
 */

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

interface Case {
  readonly no: string;
  readonly age: number;
  readonly sex: '男' | '女';
  readonly diagnosis: string;
  readonly first: string;
  readonly days: number;
  readonly times: number;
  readonly outcome: '治癒' | '死亡' | '中止' | '継続';
  readonly insured: number;
  readonly copay: number;
  readonly patient: number;
  readonly other: number;
  readonly evaluation: '有効' | '無効' | '不明';
}

const CODE = '3105－12－B';

/** 令和11年度 (2028-07-01 … 2029-06-30) at the sample's hospital: one 死亡, one 中止, one 継続 still in hospital on 6/30. */
const TWELVE: readonly Case[] = [
  { no: 'KU-013', age: 60, sex: '男', diagnosis: '早期胃癌（cT1N0M0）', first: '2028-07-13', days: 10, times: 1, outcome: '治癒', insured: 1_204_000, copay: 516_000, patient: 44_384, other: 0, evaluation: '有効' },
  { no: 'KU-014', age: 57, sex: '女', diagnosis: '早期胃癌（cT1aN0M0）', first: '2028-08-03', days: 9, times: 1, outcome: '治癒', insured: 1_150_800, copay: 493_200, patient: 44_384, other: 0, evaluation: '有効' },
  { no: 'KU-015', age: 66, sex: '男', diagnosis: '早期胃癌（cT1bN0M0）', first: '2028-09-07', days: 12, times: 1, outcome: '治癒', insured: 1_311_100, copay: 561_900, patient: 44_384, other: 0, evaluation: '有効' },
  { no: 'KU-016', age: 62, sex: '男', diagnosis: '早期胃癌（cT1N0M0）', first: '2028-10-05', days: 11, times: 1, outcome: '治癒', insured: 1_262_100, copay: 540_900, patient: 44_384, other: 0, evaluation: '有効' },
  { no: 'KU-017', age: 78, sex: '男', diagnosis: '早期胃癌（cT1N0M0）', first: '2028-11-02', days: 41, times: 1, outcome: '死亡', insured: 3_520_000, copay: 880_000, patient: 44_384, other: 0, evaluation: '不明' },
  { no: 'KU-018', age: 49, sex: '女', diagnosis: '早期胃癌（cT1aN0M0）', first: '2028-12-07', days: 9, times: 1, outcome: '治癒', insured: 1_098_300, copay: 470_700, patient: 44_384, other: 0, evaluation: '有効' },
  { no: 'KU-019', age: 70, sex: '男', diagnosis: '早期胃癌（cT1bN0M0）', first: '2029-01-11', days: 15, times: 1, outcome: '中止', insured: 1_540_000, copay: 660_000, patient: 0, other: 44_384, evaluation: '無効' },
  { no: 'KU-020', age: 64, sex: '女', diagnosis: '早期胃癌（cT1N0M0）', first: '2029-02-08', days: 10, times: 1, outcome: '治癒', insured: 1_190_000, copay: 510_000, patient: 44_384, other: 0, evaluation: '有効' },
  { no: 'KU-021', age: 74, sex: '男', diagnosis: '早期胃癌（cT1aN0M0）', first: '2029-03-08', days: 8, times: 1, outcome: '治癒', insured: 1_064_000, copay: 266_000, patient: 44_384, other: 0, evaluation: '有効' },
  { no: 'KU-022', age: 55, sex: '女', diagnosis: '早期胃癌（cT1N0M0）', first: '2029-04-12', days: 13, times: 1, outcome: '治癒', insured: 1_386_000, copay: 594_000, patient: 44_384, other: 0, evaluation: '有効' },
  { no: 'KU-023', age: 68, sex: '男', diagnosis: '早期胃癌（cT1bN0M0）', first: '2029-05-17', days: 10, times: 1, outcome: '治癒', insured: 1_218_000, copay: 522_000, patient: 44_384, other: 0, evaluation: '有効' },
  // In hospital from 6/18, still there on 6/30: 入院期間 up to 6/30, 転帰 継続.
  { no: 'KU-024', age: 63, sex: '男', diagnosis: '早期胃癌（cT1N0M0）', first: '2029-06-18', days: 13, times: 1, outcome: '継続', insured: 1_008_000, copay: 432_000, patient: 44_384, other: 0, evaluation: '不明' },
];

/** The CSV sent later: KU-023's 入院期間 corrected (10 → 11 日), and a case the sheet had missed. */
const CORRECTED: Case = { ...(TWELVE[10] as Case), days: 11 };
const MISSED: Case = { no: 'KU-025', age: 59, sex: '女', diagnosis: '早期胃癌（cT1aN0M0）', first: '2029-02-22', days: 9, times: 1, outcome: '治癒', insured: 1_120_000, copay: 480_000, patient: 44_384, other: 0, evaluation: '有効' };

/** 「令和10年7月13日」, 「R11.1.11」 …: a date as the coordinator typed it (full-width digits in every third row). */
function typedDate(iso: string, i: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const text = i % 2 === 0 ? `令和${y - 2018}年${m}月${d}日` : `R${y - 2018}.${m}.${d}`;
  return i % 3 === 1 ? fullWidth(text) : text;
}

function fullWidth(s: string): string {
  return s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** The hospital's sheet: a title row, its own headings in its own order, 和暦 dates, full-width digits with units in some rows. */
async function hospitalXlsx(cases: readonly Case[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('R11症例');
  const headings = ['症例番号', '初回実施年月日', '病名', '年齢', '性別', '転帰', '評価', '入院日数', '回数', '保険外併用療養費', '一部負担金', '患者負担額', '研究費', 'コード'];
  ws.addRow(['令和11年度 先進医療 実績報告（症例一覧）']);
  ws.mergeCells(1, 1, 1, headings.length);
  ws.addRow(headings);
  cases.forEach((c, i) => {
    const typed = i % 3 === 1;
    const count = (n: number, unit: string): string | number => (typed ? `${fullWidth(String(n))}${unit}` : n);
    const yen = (n: number): string | number => (typed ? `${fullWidth(n.toLocaleString('ja-JP'))}円` : n);
    ws.addRow([c.no, typedDate(c.first, i), c.diagnosis, count(c.age, '歳'), c.sex, c.outcome, c.evaluation, count(c.days, '日'), count(c.times, '回'), yen(c.insured), yen(c.copay), yen(c.patient), yen(c.other), CODE]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV as Excel saves it on Japanese Windows: Shift_JIS, the official headings, amounts with separators, CRLF. */
function shiftJisCsv(rows: ReadonlyArray<{ readonly c: Case; readonly first: string }>): Buffer {
  const headings = ['整理番号', '診断名', '初回実施日', '入院期間（日）', '実施回数', '転帰', '保険外併用療養費分', '保険外併用療養費分に係る一部負担金', '先進医療費用（患者負担）', '先進医療費用（その他）', '評価結果', 'コード番号'];
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const yen = (n: number): string => n.toLocaleString('ja-JP');
  const body = rows.map(({ c, first }) => [c.no, c.diagnosis, first, String(c.days), String(c.times), c.outcome, yen(c.insured), yen(c.copay), yen(c.patient), yen(c.other), c.evaluation, CODE]);
  const text = `${[headings, ...body].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
  return Buffer.from(Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' })));
}

async function zipOf(page: Page, scope: Locator, button: string): Promise<Record<string, string>> {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: button, exact: true }).click()]);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, sha(bytes)]));
}

/** `parts` found in `text` in this order (each after the one before). */
function inOrder(text: string, parts: readonly string[]): boolean {
  let from = 0;
  for (const p of parts) {
    const at = text.indexOf(squash(p), from);
    if (at < 0) return false;
    from = at + squash(p).length;
  }
  return true;
}

test('症例のExcelとShift_JISのCSVを取り込み（誤った行は行・列つきで示され、直すまで何も取り込まない）、報告書のPDF・Wordの合計が手計算と一致し、提出済みの後「次年度の報告を作成」で継続の症例が要確認で引き継がれる', async ({ page }) => {
  test.setTimeout(240_000);
  // 2029-08-20: the 定期報告 due next is 令和11年度, the 年度 after the sample's own (令和10年度).
  await page.clock.setFixedTime(new Date('2029-08-20T10:00:00+09:00'));
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  const projectUrl = page.url();
  const timeline = page.getByRole('list', { name: '届出・報告' });
  // The sample's own first 定期報告 is there, sent.
  await expect(timeline.getByRole('listitem').filter({ hasText: '定期報告（令和10年度）' }).getByRole('heading', { level: 3 })).toContainText('提出済み');

  await page.getByLabel('追加する届出・報告').selectOption({ label: '定期報告' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  const item = timeline.getByRole('listitem').filter({ hasText: '定期報告（令和11年度）' });
  await item.getByRole('link', { name: '報告を作成・編集' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '定期報告（令和11年度）' })).toBeVisible();

  // 1. The hospital's .xlsx: every heading mapped, 12 added.
  const pick = page.getByLabel('症例ファイルを取り込む（Excel・CSV）');
  await pick.setInputFiles({ name: 'R11症例一覧.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await hospitalXlsx(TWELVE) });
  await expect(page.getByText('取り込むと：追加 12 件・更新 0 件・変更なし 0 件（取り込み後 12 件）。')).toBeVisible();
  await expect(page.getByLabel('病名 の取り込み先')).toHaveValue('diagnosis');
  await expect(page.getByLabel('研究費 の取り込み先')).toHaveValue('advancedOther');
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByText('症例を取り込みました（追加 12 件・更新 0 件・変更なし 0 件）。')).toBeVisible();
  await expect(page.getByLabel(/^整理番号（\d+行目）/)).toHaveCount(12);
  // 「令和10年7月13日」 and 「Ｒ１１．１．１１」 read as dates, 「１，１５０，８００円」 as yen.
  await expect(page.getByLabel('初回実施日（1行目）', { exact: true })).toHaveValue('2028-07-13');
  await expect(page.getByLabel('初回実施日（2行目）', { exact: true })).toHaveValue('2028-08-03');
  await expect(page.getByLabel('保険外併用療養費分（2行目）', { exact: true })).toHaveValue('1,150,800');
  await expect(page.getByLabel('転帰（12行目）', { exact: true })).toHaveValue('継続');
  await waitSaved(page);

  // 2. A Shift_JIS CSV with a day that does not exist: named with its row and column; nothing imported.
  const badCsv = shiftJisCsv([
    { c: CORRECTED, first: 'R11.5.17' },
    { c: MISSED, first: 'R11.2.30' },
  ]);
  await pick.setInputFiles({ name: '追加分.csv', mimeType: 'text/csv', buffer: badCsv });
  const problems = page.getByRole('list', { name: '取り込めない値' });
  await expect(problems.getByRole('listitem')).toHaveText(['3行目・初回実施日：「R11.2.30」は暦にない日付です（2月30日）。']);
  await expect(page.getByText('取り込めない値があります（1 件）。何も取り込んでいません。')).toBeVisible();
  await expect(page.getByText('（CSV・Shift_JIS）')).toBeVisible();
  await expect(page.getByRole('button', { name: '取り込む', exact: true })).toBeDisabled();
  await expect(page.getByLabel(/^整理番号（\d+行目）/)).toHaveCount(12);
  await expect(page.getByLabel('入院期間（11行目）', { exact: true })).toHaveValue('10');

  // The row fixed in the file: KU-023 updated (matched by 整理番号), KU-025 added, nothing twice.
  await pick.setInputFiles({ name: '追加分.csv', mimeType: 'text/csv', buffer: shiftJisCsv([{ c: CORRECTED, first: 'R11.5.17' }, { c: MISSED, first: 'R11.2.22' }]) });
  await expect(page.getByText('取り込むと：追加 1 件・更新 1 件・変更なし 0 件（取り込み後 13 件）。')).toBeVisible();
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByLabel(/^整理番号（\d+行目）/)).toHaveCount(13);
  await expect(page.getByLabel('入院期間（11行目）', { exact: true })).toHaveValue('11');
  await expect(page.getByLabel('整理番号（13行目）', { exact: true })).toHaveValue('KU-025');
  await expect(page.getByLabel('初回実施日（13行目）', { exact: true })).toHaveValue('2029-02-22');
  const numbers = await page.getByLabel(/^整理番号（\d+行目）/).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(new Set(numbers).size).toBe(13);

  // What the report needs beside its cases.
  await page.getByLabel('報告書作成日').fill('2029-08-20');
  await page.getByLabel('1. 標題', { exact: true }).fill('ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術');
  await page.getByLabel('目的', { exact: true }).fill('早期胃癌に対し、センチネルリンパ節生検で転移陰性の症例に縮小胃切除術を行い、根治性を損なわずに術後の体重減少を抑えられるかを評価する。');
  await page.getByLabel('計画時', { exact: true }).fill('120');
  await page.getByLabel('中間報告・終了時').fill('２５');
  await page.getByLabel('日本国内における当該疾病患者数', { exact: true }).fill('125000');
  await page.getByLabel('日本国内における当該技術の対象となる患者数', { exact: true }).fill('12000');
  await page.getByLabel('考察', { exact: true }).fill('令和11年度は13例に実施した。重篤な有害事象は1例（死亡、因果関係は否定的）。6月30日現在入院中の1例は継続とした。');
  await waitSaved(page);

  // The totals by hand, from the same 13 cases.
  const all = [...TWELVE.map((c) => (c.no === CORRECTED.no ? CORRECTED : c)), MISSED];
  let days = 0;
  let times = 0;
  let insured = 0;
  let copay = 0;
  let patient = 0;
  let other = 0;
  for (const c of all) {
    days += c.days;
    times += c.times;
    insured += c.insured;
    copay += c.copay;
    patient += c.patient;
    other += c.other;
  }
  const grand = insured + copay + patient + other;
  // 平均入院期間 = Σ入院期間 ÷ patients, to 0.1 日 half up: in tenths, (10·days·2 + n) ÷ 2n.
  const tenths = Math.floor((20 * days + all.length) / (2 * all.length));
  const average = `${Math.floor(tenths / 10)}.${tenths % 10}`;
  const yen = (n: number): string => n.toLocaleString('ja-JP');
  const summary = page.getByTestId('report-summary');
  await expect(summary).toContainText(`年間実施件数${all.length}件`);
  await expect(summary).toContainText(`平均入院期間${average}日`);
  await expect(summary).toContainText(`先進医療総額${yen(patient + other)}円`);
  await expect(summary).toContainText(`総合計${yen(grand)}円`);

  // The report's PDF and Word carry the 13 rows and the same totals.
  const totalsRow = [`合計（${fullWidth(String(all.length))}例）`, String(days), String(times), yen(insured), yen(copay), yen(patient), yen(other)];
  const pdf = await downloadOf(page, '報告書をPDFで保存');
  expect(pdf.download.suggestedFilename()).toMatch(/^定期報告（令和11年度）_.*\.pdf$/);
  const pdfText = squash((await readPdf(pdf.bytes)).pages.map((p) => p.text).join(''));
  const docx = await downloadOf(page, '報告書をWordで保存');
  expect(docx.download.suggestedFilename()).toMatch(/\.docx$/);
  const wordText = squash(await docxText(docx.bytes));
  for (const text of [pdfText, wordText]) {
    expect(inOrder(text, ['報告期間', '令和11年度（令和10年７月１日～令和11年６月30日）'])).toBe(true);
    expect(inOrder(text, all.map((c) => c.no))).toBe(true);
    expect(inOrder(text, ['KU-023', '早期胃癌（cT1bN0M0）', '令11.５.17', '11', '1', '治癒'])).toBe(true);
    expect(inOrder(text, totalsRow), totalsRow.join(' ')).toBe(true);
  }

  // 提出済み, then its ZIP as sent.
  await page.goto(projectUrl);
  await item.getByRole('button', { name: '提出済みにする' }).click();
  const dialog = page.getByRole('dialog', { name: /定期報告（令和11年度）：提出済みを記録/ });
  await dialog.getByLabel('提出日').fill('2029-08-25');
  await dialog.getByLabel('提出方法').selectOption('郵送');
  await dialog.getByRole('button', { name: '提出済みにして控えを保存' }).click();
  await expect(item.getByRole('heading', { level: 3 })).toContainText('提出済み', { timeout: 30_000 });
  const filed = await zipOf(page, item, '提出した書類を保存（ZIP）');
  expect(Object.keys(filed).some((n) => n.endsWith('.pdf'))).toBe(true);

  // 次年度: 令和12年度 carries the 継続 case only, with its 初回実施日, flagged 要確認; its counts and 円 blank.
  await item.getByRole('link', { name: '報告を開く' }).click();
  await expect(page.getByTestId('report-frozen')).toBeVisible();
  await page.getByRole('button', { name: '次年度の報告を作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '定期報告（令和12年度）' })).toBeVisible();
  await expect(page.getByLabel(/^整理番号（\d+行目）/)).toHaveCount(1);
  await expect(page.getByLabel('整理番号（1行目）（要確認）', { exact: true })).toHaveValue('KU-024');
  await expect(page.getByLabel('初回実施日（1行目）（要確認）', { exact: true })).toHaveValue('2029-06-18');
  await expect(page.getByLabel('入院期間（1行目）', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('cases-unconfirmed')).toContainText('要確認」の症例が1件');
  await expect(page.getByTestId('report-unconfirmed')).toContainText(/要確認の項目が\d+件あります/);
  await expect(page.getByLabel('1. 標題', { exact: true })).toHaveValue('ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術');

  // The previous 年度 still prints exactly as filed, twice over.
  await page.goto(projectUrl);
  expect(await zipOf(page, item, '提出した書類を保存（ZIP）')).toEqual(filed);
  expect(await zipOf(page, item, '提出した書類を保存（ZIP）')).toEqual(filed);
});
