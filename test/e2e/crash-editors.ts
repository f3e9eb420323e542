import type { Locator, Page } from '@playwright/test';

/**
 * Every editor of the app, for the crash test (test/e2e/crash.spec.ts) and its stress mode
 * (scripts/stress.mjs): how to reach it from an empty profile, and the field typed into.
 */
export interface CrashEditor {
  readonly name: string;
  /** From an empty profile at the app's start page: create what the editor needs and open it. */
  readonly open: (page: Page) => Promise<void>;
  readonly field: (page: Page) => Locator;
}

async function newProject(page: Page, name: string): Promise<void> {
  await page.getByLabel('新しい案件の名前').fill(name);
  await page.getByRole('button', { name: '案件を作成' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export const CRASH_EDITORS: readonly CrashEditor[] = [
  {
    name: '事前相談申込書',
    open: async (page) => {
      await newProject(page, '強制終了の試験（事前相談）');
      await page.getByRole('link', { name: '事前相談申込書を開く' }).click();
      await page.getByRole('heading', { level: 1, name: '先進医療に係る事前相談申込書' }).waitFor();
    },
    field: (page) => page.getByLabel('医療技術名', { exact: true }),
  },
  {
    name: '技術の基本情報',
    open: (page) => newProject(page, '強制終了の試験（技術）'),
    field: (page) => page.getByLabel('適応症', { exact: true }),
  },
  {
    name: '設定',
    open: async (page) => {
      await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '設定' }).click();
      await page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
    },
    field: (page) => page.getByLabel('医療機関名', { exact: true }),
  },
  {
    name: '職員名簿',
    open: async (page) => {
      await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '職員名簿' }).click();
      await page.getByRole('button', { name: '名簿に人を追加' }).click();
    },
    field: (page) => page.getByLabel('氏名（1人目）', { exact: true }),
  },
  {
    name: 'マスタ',
    open: async (page) => {
      await page.goto(new URL('#/masters/committees', page.url()).href);
      await page.getByRole('button', { name: '委員会を追加' }).click();
    },
    field: (page) => page.getByLabel('委員会の名称（1件目）', { exact: true }),
  },
  {
    name: '費用の計算',
    open: async (page) => {
      await newProject(page, '強制終了の試験（費用）');
      await page.getByRole('link', { name: '費用の計算を開く' }).click();
      // A row is saved once its amount reads as one.
      await page.getByRole('button', { name: 'その他に行を追加' }).click();
      await page.getByLabel('金額（円）（1行目）', { exact: true }).fill('12000');
    },
    field: (page) => page.getByLabel('項目（1行目）', { exact: true }),
  },
  {
    name: '様式第5号',
    open: async (page) => {
      await newProject(page, '強制終了の試験（様式）');
      await page.getByRole('link', { name: '様式第5号' }).first().click();
      await page.getByRole('heading', { level: 1 }).filter({ hasText: '様式第5号' }).waitFor();
    },
    field: (page) => page.getByLabel('（先進性）', { exact: true }),
  },
];

/** Characters of `typed` missing from `found` (what is kept is a prefix of what was typed). */
export function lostCharacters(typed: string, found: string): number {
  const t = Array.from(typed);
  const f = Array.from(found);
  let kept = 0;
  while (kept < t.length && t[kept] === f[kept]) kept++;
  return t.length - kept;
}
