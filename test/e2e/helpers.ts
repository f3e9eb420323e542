import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';

export async function createProject(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('新しい案件の名前').fill(name);
  await page.getByRole('button', { name: '案件を作成' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export async function openJizenSoudan(page: Page, projectName: string): Promise<void> {
  await createProject(page, projectName);
  await page.getByRole('link', { name: '事前相談申込書を開く' }).click();
  await page.getByRole('heading', { level: 1, name: '先進医療に係る事前相談申込書' }).waitFor();
}

export async function downloadOf(page: Page, buttonName: string): Promise<{ download: Download; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  const file = await download.path();
  return { download, bytes: new Uint8Array(readFileSync(file)) };
}

export async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-state').filter({ hasText: '保存済み' }).waitFor();
}
