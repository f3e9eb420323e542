import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { envelopeJson } from '../../shared/io/envelope';
import type { Product } from '../../shared/model/master';
import type { Sample } from '../../shared/samples/sample';
import { sampleProjectEnvelope } from '../../shared/samples/sample-export';
import { docxText, docxXml } from '../helpers/docx';
import { ink, readPdf, squash, type Gray } from '../helpers/pdf';
import { loadSample } from '../helpers/sample';
import { downloadOf, waitSaved } from './helpers';

/**
 * Issue 13, 「Done when」 1: a research coordinator brings in the approved plan (a project file of the
 * sample, paid from 研究費, its 新規届出 still 作成中), records the 新規届出 as 提出済み and 承認・告示,
 * then moves the cost to the patient, replaces the fluorescence system and extends the periods by
 * three years. The 変更申請 and the 新旧対照表, saved as PDF and as Word and read back, list exactly
 * those changes, each with its ＜変更前＞ and ＜変更後＞, and nothing that did not change.
 */

const PROJECT = '承認済みの計画（ICG蛍光法センチネルリンパ節生検）';
const BURDEN_BY_GRANT = '先進医療にかかる費用は研究費で負担し、患者には請求しない。保険診療分は通常の一部負担金となる。';
const BURDEN_BY_PATIENT = '先進医療にかかる費用は患者負担とする。保険診療分は通常の一部負担金となる。';
const PERIOD_BEFORE = '告示日から2035年6月30日まで（登録期間3年、追跡期間5年）';
const PERIOD_AFTER = '告示日から2038年6月30日まで（登録期間6年、追跡期間5年）';
const DEVICE_BEFORE = [
  '医療機器名：蛍光観察用腹腔鏡システム',
  '製造販売業者名及び連絡先：架空メディカル株式会社（03-0000-0000）',
  '型式：FL-3000',
  '医薬品医療機器法承認又は認証番号（16桁）：30200BZX00289000',
  '医薬品医療機器法承認又は認証上の適応：体腔内の観察及び近赤外蛍光観察',
  '医薬品医療機器法上の適応外使用の該当：適応内',
].join('\n');
const DEVICE_AFTER = [
  '医療機器名：近赤外蛍光内視鏡システム',
  '製造販売業者名及び連絡先：架空光学株式会社（045-000-0000）',
  '型式：NIR-200',
  '医薬品医療機器法承認又は認証番号（16桁）：30600BZX00123000',
  '医薬品医療機器法上の適応外使用の該当：適応内',
].join('\n');
/** Facts of the plan the test leaves as they were: none may be printed as a change. */
const UNCHANGED = ['予定症例数', '120例', '実施責任医師', '人件費', '術中迅速病理標本作製装置', 'インドシアニングリーン', '先進医療にかかる費用（1症例当たり）', '医療機器使用料'];

/**
 * The approved plan as a project file (the app's export envelope, as 「案件ファイルを書き出す」 writes
 * it): the bundled sample with the facts this test changes set here — the cost borne by the research
 * grant (the patient is charged 0円), one fluorescence system, the periods — and its 新規届出 still
 * 作成中, with no filing history.
 */
function approvedPlanFile(file: string): string {
  const sample = loadSample();
  const device: Product = {
    id: 'approved-plan-device',
    kind: '医療機器',
    name: '蛍光観察用腹腔鏡システム',
    maker: '架空メディカル株式会社（03-0000-0000）',
    spec: 'FL-3000',
    approvalNumber: '30200BZX00289000',
    approvedIndication: '体腔内の観察及び近赤外蛍光観察',
    labelUse: '適応内',
    usage: '',
  };
  const forms = new Map(sample.forms);
  forms.set('besshi1/yoshiki3', { ...forms.get('besshi1/yoshiki3'), devices: [device.id], period: PERIOD_BEFORE, patientBurden: BURDEN_BY_GRANT });
  forms.set('besshi1/yoshiki5', { ...forms.get('besshi1/yoshiki5'), costText: '内訳：機器償却費、人件費、医療材料・医薬品費。' });
  const plan: Sample = {
    ...sample,
    project: { ...sample.project, name: PROJECT },
    forms,
    masters: { ...sample.masters, products: [device, ...sample.masters.products.filter((p) => p.kind !== '医療機器')] },
    cost: { ...sample.cost, patientPays: { mode: 'part', patientCharge: 0 } },
  };
  writeFileSync(file, envelopeJson(sampleProjectEnvelope(plan, '0.1.0', '2027-03-01T09:00:00.000Z', 'approved-plan')));
  return file;
}

/** The filing's status dialog: a date (and for 提出済み how it was sent), then the confirm button. */
async function recordStatus(page: Page, button: string, dialogName: string, dateLabel: string, date: string, confirm: string, method?: string, which = '新規届出（先進医療B）'): Promise<void> {
  const filing = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: which });
  await filing.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByLabel(dateLabel).fill(date);
  if (method) await dialog.getByLabel('提出方法').selectOption(method);
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
}

/** The text of the PDF without page numbers, whitespace removed. */
async function pdfBody(bytes: Uint8Array): Promise<string> {
  return squash((await readPdf(bytes)).pages.map((p) => p.bodyText).join(''));
}

function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  expect(start, from).toBeGreaterThanOrEqual(0);
  expect(end, to).toBeGreaterThan(start);
  return text.slice(start + from.length, end);
}

const unescapeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The underlined stretches of a Word document: consecutive underlined runs of a paragraph, joined. */
function underlinedStretches(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    let current = '';
    for (const r of p.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)) {
      const body = r[1] ?? '';
      const text = unescapeXml([...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''));
      if (/<w:u\s+w:val="(?!none")/.test(body)) current += text;
      else if (text !== '') {
        if (squash(current) !== '') out.push(current);
        current = '';
      }
    }
    if (squash(current) !== '') out.push(current);
  }
  return out;
}

/**
 * Page 1 rendered as the README shows it (pdftoppm -r 60 -png), decoded by the browser's own PNG
 * decoder: a grey image for test/helpers/pdf.ts's `ink`, and how many pixels carry colour.
 */
async function renderPng(page: Page, pdf: Uint8Array): Promise<{ gray: Gray; coloured: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'change-lifecycle-png-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const png = readFileSync(path.join(dir, 'page.png')).toString('base64');
    const decoded = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const gray: number[] = [];
      let coloured = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        const [r, g, b] = [rgba[i] ?? 0, rgba[i + 1] ?? 0, rgba[i + 2] ?? 0];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 24) coloured++;
        gray.push(Math.round((r + g + b) / 3));
      }
      return { width: bitmap.width, height: bitmap.height, gray, coloured };
    }, png);
    return { gray: { width: decoded.width, height: decoded.height, data: Uint8Array.from(decoded.gray) }, coloured: decoded.coloured };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pixels whose whole 5×5 neighbourhood is mid-grey: a tinted fill shows up as many, text as few. */
function tintedPatches(img: Gray): number {
  const grey = (x: number, y: number): boolean => {
    const v = img.data[y * img.width + x] ?? 255;
    return v > 60 && v < 200;
  };
  let n = 0;
  for (let y = 2; y < img.height - 2; y++) {
    for (let x = 2; x < img.width - 2; x++) {
      let all = true;
      for (let dy = -2; dy <= 2 && all; dy++) for (let dx = -2; dx <= 2 && all; dx++) all = grey(x + dx, y + dy);
      if (all) n++;
    }
  }
  return n;
}

test('承認済みの計画を取り込んで承認・告示を記録し、費用負担・医療機器・期間を変えると、変更申請と新旧対照表（PDF・Word）に変えた箇所だけが変更前・変更後つきで載る', async ({ page }) => {
  test.setTimeout(180_000);
  // The change is drafted on 2027-08-20, after the approval (dates of 耐用年数 and committee membership are judged at it).
  await page.clock.setFixedTime(new Date('2027-08-20T10:00:00+09:00'));

  // The approved plan comes in as a project file.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'バックアップ' }).click();
  await page.getByLabel('案件ファイルを取り込む').setInputFiles(approvedPlanFile(test.info().outputPath('承認済みの計画.json')));
  await page.getByRole('dialog', { name: '案件を取り込みますか？' }).getByRole('button', { name: '取り込む' }).click();
  await expect(page.getByRole('status')).toContainText('承認済みの計画.json の案件を取り込みました');
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '案件一覧' }).click();
  await page.getByRole('link', { name: PROJECT }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  const projectPath = page.url();
  const newFiling = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '新規届出（先進医療B）' });
  await expect(newFiling.getByRole('heading', { level: 3 })).toContainText('作成中');

  // 提出済み (the as-filed copy is kept), then 承認・告示: the plan as approved.
  await recordStatus(page, '提出済みにする', '新規届出（先進医療B）：提出済みを記録', '提出日', '2027-04-05', '提出済みにして控えを保存', '郵送');
  await expect(newFiling.getByRole('heading', { level: 3 })).toContainText('提出済み');
  await recordStatus(page, '承認・告示を記録', '新規届出（先進医療B）：承認・告示を記録', '承認・告示の日付', '2027-07-01', '承認・告示を記録する');
  await expect(newFiling.getByRole('heading', { level: 3 })).toContainText('承認・告示');
  await expect(newFiling).toContainText('提出済み：令和９年４月５日（郵送）');
  await expect(page.getByText('いま承認されている計画：新規届出（先進医療B）（令和９年７月１日）。')).toBeVisible();

  // The cost bearer: from the research grant to the patient (費用の計算, R-C-5) …
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  await expect(page.getByRole('radio', { name: '一部を医療機関が負担する' })).toBeChecked();
  await page.getByRole('radio', { name: '全額を患者に請求する' }).check();
  await waitSaved(page);

  // … and as 様式第3号 explains it; the periods extended by three years; the fluorescence system replaced.
  await page.goto(projectPath);
  await page.getByRole('link', { name: /様式第3号/ }).first().click();
  const burden = page.getByLabel('１１．患者負担について', { exact: true });
  await expect(burden).toHaveValue(BURDEN_BY_GRANT);
  await burden.fill(BURDEN_BY_PATIENT);
  const period = page.getByLabel('予定試験期間', { exact: true });
  await expect(period).toHaveValue(PERIOD_BEFORE);
  await period.fill(PERIOD_AFTER);
  await period.blur();
  const devices = page.getByRole('group', { name: /^①使用する医療機器/ });
  await devices.getByRole('button', { name: '品目を新しく登録' }).click();
  const quick = devices.getByRole('group', { name: '品目を新しく登録' });
  await quick.getByLabel('品目名').fill('近赤外蛍光内視鏡システム');
  await quick.getByLabel('製造販売業者名及び連絡先').fill('架空光学株式会社（045-000-0000）');
  await quick.getByLabel('型式・規格').fill('NIR-200');
  await quick.getByLabel('承認又は認証番号（16桁）').fill('30600BZX00123000');
  await quick.getByLabel('適応外使用の該当').selectOption('適応内');
  await quick.getByRole('button', { name: '登録して選ぶ' }).click();
  await devices.getByRole('button', { name: '蛍光観察用腹腔鏡システム（医療機器・適応内）を外す' }).click();
  await expect(devices.getByRole('listitem')).toHaveText([/^近赤外蛍光内視鏡システム（医療機器・適応内）/]);
  await waitSaved(page);

  // The 変更申請: 「変更箇所を読み込む」 lists exactly the three changes (the bearer prints twice).
  await page.goto(projectPath);
  await page.getByLabel('追加する届出・報告').selectOption({ label: '変更申請' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  await page.getByRole('link', { name: '変更申請を作成・編集' }).click();
  await page.getByRole('heading', { level: 1, name: '変更申請' }).waitFor();
  await expect(page.getByTestId('baseline')).toHaveText('比較する承認済みの届出：新規届出（先進医療B）（令和9年7月1日承認）');
  await page.getByRole('button', { name: '変更箇所を読み込む' }).click();
  await expect(page.getByText('変更箇所を4件追加しました。')).toBeVisible();
  const list = page.getByRole('list').filter({ has: page.getByRole('group', { name: '変更内容 1', exact: true }) });
  const values = (label: string) => list.getByLabel(label, { exact: true }).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  const texts = await values('【主な変更内容】');
  const befores = await values('＜変更前＞');
  const afters = await values('＜変更後＞');
  expect(texts).toEqual(['①使用する医療機器の変更', '予定試験期間の延長', '１１．患者負担についての変更', '患者負担（患者に請求する額・医療機関が負担する額）の変更']);
  // The whole cost of a case, unchanged, now charged to the patient.
  const total = /^患者に請求する額：0円、医療機関が負担する額：([\d,]+円)$/.exec(befores[3] ?? '')?.[1];
  expect(total, befores[3]).toBeDefined();
  expect(befores).toEqual([DEVICE_BEFORE, PERIOD_BEFORE, BURDEN_BY_GRANT, `患者に請求する額：0円、医療機関が負担する額：${total}`]);
  expect(afters).toEqual([DEVICE_AFTER, PERIOD_AFTER, BURDEN_BY_PATIENT, `全額を患者に請求する（${total}）`]);
  await page.getByRole('group', { name: '変更内容 2', exact: true }).getByLabel('【変更申請する理由】').fill('症例登録が遅れているため、登録期間と試験期間を3年延長する。');
  await waitSaved(page);

  const changes = texts.map((text, i) => ({ text, before: befores[i] ?? '', after: afters[i] ?? '' }));
  const locations = ['別紙1 様式第3号　①使用する医療機器', '別紙1 様式第3号　予定試験期間', '別紙1 様式第3号　１１．患者負担について', '別紙1 様式第3号・第5号・第7-1号　患者負担（患者に請求する額・医療機関が負担する額）'];
  const extended = '（36か月延長）';
  // 【主な変更内容】 as it must read: numbered, each change with its ＜変更前＞ and ＜変更後＞, the extension after the new period.
  const mainChanges = squash(changes.map((c, i) => `${'１２３４'[i] ?? ''}．${c.text}＜変更前＞${c.before}＜変更後＞${c.after}${i === 1 ? extended : ''}`).join(''));
  // The 新旧対照表's rows: 変更箇所 | 変更前 | 変更後 | 備考 (the extension).
  const tableRows = squash(changes.map((c, i) => `${locations[i] ?? ''}${c.before}${c.after}${i === 1 ? extended : ''}`).join(''));

  // The 変更申請, PDF and Word: 【主な変更内容】 is exactly those four items, nothing unchanged among them.
  const changePdf = await pdfBody((await downloadOf(page, '変更申請をPDFで保存')).bytes);
  const changeWord = squash(await docxText((await downloadOf(page, '変更申請をWordで保存')).bytes));
  for (const [name, doc] of [['PDF', changePdf], ['Word', changeWord]] as const) {
    const main = between(doc, '【主な変更内容】', '【変更申請する理由】');
    expect(main, `変更申請（${name}）`).toBe(mainChanges);
    for (const u of UNCHANGED) expect(main, `変更申請（${name}）：${u}`).not.toContain(u);
    expect(between(doc, '【変更申請する理由】（関連する照会回答書を添付する）', '【試験実施計画の変更承認状況】'), name).toContain('２．症例登録が遅れているため、登録期間と試験期間を3年延長する。');
  }

  // The 新旧対照表, PDF and Word: one row per change, in order, and nothing else.
  const tablePdfBytes = (await downloadOf(page, '新旧対照表をPDFで保存')).bytes;
  const tablePdf = await pdfBody(tablePdfBytes);
  const tableWordBytes = (await downloadOf(page, '新旧対照表をWordで保存')).bytes;
  const tableWord = squash(await docxText(tableWordBytes));
  for (const [name, doc] of [['PDF', tablePdf], ['Word', tableWord]] as const) {
    expect(doc, name).toContain('新旧対照表');
    expect(between(doc, '変更箇所（様式・項目）変更前変更後備考', '※下線は変更した語句を示す。'), `新旧対照表（${name}）`).toBe(tableRows);
    for (const u of UNCHANGED) expect(doc, `新旧対照表（${name}）：${u}`).not.toContain(u);
  }
  const tableXml = await docxXml(tableWordBytes);
  expect(tableXml.match(/<w:tr[ >]/g) ?? [], 'header and four rows').toHaveLength(5);
  // The changed words are underlined; the device's unchanged line is not, on either side.
  const marked = underlinedStretches(tableXml);
  expect(marked).toEqual(expect.arrayContaining(['研究費で負担し、患者には請求しない', '患者負担とする', '2035年6月30日', '2038年6月30日', 'FL-3000', 'NIR-200']));
  expect(marked.filter((m) => /適応外使用|法上の/.test(m))).toEqual([]);

  // The page a reader sees (and the README shows): black on white, with the table drawn.
  const { gray, coloured } = await renderPng(page, tablePdfBytes);
  expect(gray.height).toBeGreaterThan(gray.width);
  expect(coloured, 'pixels with colour').toBe(0);
  const paper = gray.data.filter((v) => v >= 240).length / gray.data.length;
  expect(paper, 'share of white paper').toBeGreaterThan(0.8);
  // No tinted fill: mid-grey 5×5 patches (anti-aliased strokes make only a few).
  expect(tintedPatches(gray), 'mid-grey patches').toBeLessThan(gray.width * gray.height * 0.001);
  expect(ink(gray), 'dark pixels').toBeGreaterThan(3000);

  // Issue 13 item 6: the 変更申請, once sent and approved, is the plan; a later 変更申請 compares with it.
  await page.goto(projectPath);
  const changeFiling = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '変更申請' });
  await recordStatus(page, '提出済みにする', '変更申請：提出済みを記録', '提出日', '2027-08-25', '提出済みにして控えを保存', '電子メール', '変更申請');
  await recordStatus(page, '承認・告示を記録', '変更申請：承認・告示を記録', '承認・告示の日付', '2027-10-01', '承認・告示を記録する', undefined, '変更申請');
  await expect(changeFiling.getByRole('heading', { level: 3 })).toContainText('承認・告示');
  await expect(page.getByText('いま承認されている計画：変更申請（令和９年１０月１日）。')).toBeVisible();
  // The 新規届出 stays as it was filed.
  await expect(newFiling.getByRole('heading', { level: 3 })).toContainText('承認・告示');
  await expect(newFiling).toContainText('提出済み：令和９年４月５日（郵送）');

  await page.getByLabel('追加する届出・報告').selectOption({ label: '変更申請' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  await page.getByRole('link', { name: '変更申請を作成・編集' }).click();
  await page.getByRole('heading', { level: 1, name: '変更申請' }).waitFor();
  await expect(page.getByTestId('baseline')).toHaveText('比較する承認済みの届出：変更申請（令和9年10月1日承認）');
  // Nothing changed since that approval: the device, period and bearer are the approved plan now.
  await page.getByRole('button', { name: '変更箇所を読み込む' }).click();
  await expect(page.getByText('承認済みの届出から変わった箇所はありません。')).toBeVisible();
});
