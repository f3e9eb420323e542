import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { chromiumLaunch, E2E_BASE } from '../../playwright.config';

/**
 * DATA-11 crash test: type into a form, kill the browser (SIGKILL: no unload, no flush) 300 ms
 * later, start it again on the same profile — the text is there.
 *
 * Playwright's own launchers cannot kill a persistent profile abruptly, so Chromium is started
 * here with a DevTools port and driven over CDP; the process is then killed like a power cut.
 */
const BASE = E2E_BASE;

async function startChromium(profile: string): Promise<{ proc: ChildProcess; browser: Browser }> {
  const proc = spawn(chromiumLaunch.executablePath, ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...chromiumLaunch.args, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const ws = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err.slice(-500)}`)), 20_000);
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const browser = await chromium.connectOverCDP(ws);
  return { proc, browser };
}

async function kill(proc: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  // The whole process group (browser, renderers, GPU…), as a power cut would.
  if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGKILL');
  await exited;
}

test('入力して300ミリ秒後にブラウザーが強制終了しても、再び開くと入力が残っている', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'senshin-crash-'));
  try {
    let { proc, browser } = await startChromium(profile);
    let page = browser.contexts()[0]?.pages()[0] ?? (await browser.contexts()[0]?.newPage());
    if (!page) throw new Error('no page');
    await page.goto(`${BASE}/`);
    await page.getByLabel('新しい案件の名前').fill('強制終了の試験');
    await page.getByRole('button', { name: '案件を作成' }).click();
    await page.getByRole('link', { name: '様式第5号' }).first().click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '様式第5号' }).waitFor();
    // Let the page settle, as a person would have it open before typing.
    await page.getByTestId('save-state').filter({ hasText: '保存済み' }).waitFor();

    const text = '強制終了の直前に入力した先進性の説明。髙橋・𠮷田・﨑の字も含む。';
    await page.getByLabel('（先進性）').pressSequentially(text, { delay: 5 });
    await page.waitForTimeout(300);
    await kill(proc);

    ({ proc, browser } = await startChromium(profile));
    page = browser.contexts()[0]?.pages()[0] ?? (await browser.contexts()[0]?.newPage());
    if (!page) throw new Error('no page');
    await page.goto(`${BASE}/`);
    await page.getByRole('link', { name: '強制終了の試験' }).click();
    await page.getByRole('link', { name: '様式第5号' }).first().click();
    await expect(page.getByLabel('（先進性）')).toHaveValue(text);
    await browser.close();
    await kill(proc);
  } finally {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});
