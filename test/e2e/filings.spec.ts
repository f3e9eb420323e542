import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';

/** Issue 11: a technology's filings as a timeline; 提出済み keeps exactly what was sent. */

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

interface Manifest {
  kind: string;
  status: string;
  files: Array<{ name: string; pages: number; sha256: string }>;
}

function openZip(bytes: Uint8Array): { manifest: Manifest; files: Record<string, Uint8Array> } {
  const files = unzipSync(bytes);
  const m = files['manifest.json'];
  if (!m) throw new Error('no manifest.json');
  return { manifest: JSON.parse(new TextDecoder().decode(m)) as Manifest, files };
}

function pdfOf(zip: { manifest: Manifest; files: Record<string, Uint8Array> }): Uint8Array {
  const name = zip.manifest.files.find((f) => f.name.endsWith('.pdf'))?.name ?? '';
  const pdf = zip.files[name];
  if (!pdf) throw new Error('no pdf');
  return pdf;
}

function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'filing-'));
  const file = path.join(dir, 'f.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, '');
}

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
}

test('サンプルの新規届出は「承認・告示」まで進み、提出した書類をZIPで保存できる（ハッシュが一致）。変更申請と照会回答（第1回）も提出済み', async ({ page }) => {
  await openSample(page);
  const timeline = page.getByRole('list', { name: '届出・報告' });
  const first = timeline.getByRole('listitem').filter({ hasText: '新規届出（先進医療B）' });
  await expect(first.getByRole('heading', { level: 3 })).toContainText('承認・告示');
  await expect(first).toContainText('提出済み：令和９年４月５日（郵送）');
  await expect(page.getByText(/いま承認されている計画：新規届出（先進医療B）/)).toBeVisible();

  const zip = openZip((await downloadOfIn(page, first, '提出した書類を保存（ZIP）')).bytes);
  expect(zip.manifest).toMatchObject({ kind: 'new', status: 'approved' });
  for (const f of zip.manifest.files) expect(sha(zip.files[f.name] ?? new Uint8Array()), f.name).toBe(f.sha256);
  const text = pdfText(pdfOf(zip));
  expect(text).toContain('ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術');
  expect(text).toContain('提出書類一覧');
  // Filed with the plan as approved then: the older device, the shorter period.
  expect(text).toContain('FL-2000');
  expect(text).not.toContain('FL-3000');

  // After it (issue 13 item 7): the 変更申請 to the plan the 様式 hold now, and the answers to its 照会, both sent.
  const change = timeline.getByRole('listitem').filter({ hasText: '変更申請' });
  await expect(change.getByRole('heading', { level: 3 })).toContainText('提出済み');
  const changeZip = openZip((await downloadOfIn(page, change, '提出した書類を保存（ZIP）')).bytes);
  expect(changeZip.manifest).toMatchObject({ kind: 'change', status: 'filed' });
  expect(changeZip.manifest.files.map((f) => f.name.replace(/^.*_/, ''))).toEqual(['変更申請.pdf', '変更申請.docx', '新旧対照表.pdf', '新旧対照表.docx']);
  for (const f of changeZip.manifest.files) expect(sha(changeZip.files[f.name] ?? new Uint8Array()), f.name).toBe(f.sha256);
  const round = timeline.getByRole('listitem').filter({ hasText: '照会事項に対する回答（第1回）' });
  await expect(round.getByRole('heading', { level: 3 })).toContainText('提出済み');
  const roundZip = openZip((await downloadOfIn(page, round, '提出した書類を保存（ZIP）')).bytes);
  expect(roundZip.manifest).toMatchObject({ kind: 'inquiry-response', status: 'filed' });
  expect(pdfText(pdfOf(roundZip))).toContain('先進医療審査の照会事項に対する回答１');
});

test('提出済みにした届出は、あとで設定や適応症を変えても提出した時と同じファイルを保存し、いま作る届出には新しい内容が入る', async ({ page }) => {
  await openSample(page);
  // A 協力医療機関の追加 filing, marked 提出済み with the keyboard-reachable dialog.
  await page.getByLabel('追加する届出・報告').selectOption({ label: '協力医療機関の追加' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  const item = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '協力医療機関の追加' });
  await expect(item.getByRole('heading', { level: 3 })).toContainText('作成中');
  const draftBefore = openZip((await downloadOfIn(page, item, '書類を保存（ZIP）')).bytes);

  await item.getByRole('button', { name: '提出済みにする' }).click();
  const dialog = page.getByRole('dialog', { name: /協力医療機関の追加：提出済みを記録/ });
  await dialog.getByLabel('提出日').fill('2027-05-10');
  await dialog.getByRole('button', { name: '提出済みにして控えを保存' }).click();
  await expect(dialog.getByText('提出方法を選んでください。')).toBeVisible();
  await dialog.getByLabel('提出方法').selectOption('持参');
  await dialog.getByLabel('メモ（任意）').fill('正本１部・副本４部（研究開発政策課へ持参）');
  // The PDF actually handed in (here: the draft printed before) is kept beside the rendered package.
  await dialog.getByLabel('提出したPDFを選ぶ').setInputFiles({ name: '協力医療機関届出_押印済み.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfOf(draftBefore)) });
  await expect(dialog.getByText('選択中：協力医療機関届出_押印済み.pdf（選び直す）')).toBeVisible();
  await dialog.getByRole('button', { name: '提出済みにして控えを保存' }).click();
  await expect(item.getByRole('heading', { level: 3 })).toContainText('提出済み', { timeout: 20_000 });
  await expect(item).toContainText('提出済み：令和９年５月１０日（持参）');
  const filed = openZip((await downloadOfIn(page, item, '提出した書類を保存（ZIP）')).bytes);
  expect(filed.manifest).toMatchObject({ kind: 'cooperating', status: 'filed' });
  const sent = filed.manifest.files.find((f) => f.name === '提出した原本/協力医療機関届出_押印済み.pdf');
  expect(sent?.sha256).toBe(sha(pdfOf(draftBefore)));
  expect(sent?.pages).toBe(draftBefore.manifest.files.find((f) => f.name.endsWith('.pdf'))?.pages);

  // What the package prints changes afterwards: 設定 and the project's 適応症.
  await page.goto('/#/settings');
  const name = page.getByLabel('医療機関名', { exact: true });
  await name.fill('架空大学病院（名称変更後）');
  await name.blur();
  await page.getByTestId('save-state').filter({ hasText: '保存済み' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: '届出・報告の経過' }).waitFor();
  const indication = page.getByLabel('適応症', { exact: true });
  await indication.fill('早期胃がん（術前診断でcT1N0M0のものに限る。令和９年改訂）');
  await indication.blur();
  await page.getByTestId('save-state').filter({ hasText: '保存済み' }).first().waitFor();

  const again = openZip((await downloadOfIn(page, item, '提出した書類を保存（ZIP）')).bytes);
  expect(again.manifest.files.map((f) => f.sha256)).toEqual(filed.manifest.files.map((f) => f.sha256));
  expect(sha(pdfOf(again))).toBe(sha(pdfOf(filed)));
  expect(pdfText(pdfOf(again))).not.toContain('令和９年改訂');
  expect(filed.manifest.files.length).toBe(draftBefore.manifest.files.length + 1);

  // A filing drafted now prints the new 適応症 (so the comparison above could have failed).
  await page.getByLabel('追加する届出・報告').selectOption({ label: '協力医療機関の追加' });
  await page.getByRole('button', { name: '届出・報告を追加' }).click();
  const draft = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '協力医療機関の追加' }).filter({ hasText: '作成中' });
  const drafted = openZip((await downloadOfIn(page, draft, '書類を保存（ZIP）')).bytes);
  expect(pdfText(pdfOf(drafted))).toContain('令和９年改訂');
});

async function downloadOfIn(page: Page, scope: Locator, button: string): Promise<{ bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: button, exact: true }).click()]);
  return { bytes: new Uint8Array(readFileSync(await download.path())) };
}
