import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built app (vite preview) in Debian's Chromium, as a person would:
 * fields found by their labels, files downloaded and read back. Playwright's own browser download
 * does not work on these machines (tech-notes.md).
 */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=ja-JP'],
};

/**
 * The tests serve their own build on their own port, so `npm test` runs beside a running
 * `npm start` (port 4173, folder dist/) without touching it. Two test runs side by side pick
 * different E2E_PORT / E2E_OUT.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? '4183');
export const E2E_OUT = process.env.E2E_OUT ?? '.tmp/e2e-app';
export const E2E_BASE = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-report.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: E2E_BASE,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    launchOptions: chromiumLaunch,
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${E2E_PORT} --strictPort --outDir ${JSON.stringify(path.resolve(E2E_OUT))}`,
    url: E2E_BASE,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
