import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';

/**
 * Chromium on a profile folder, driven over CDP, that can be killed like a power cut (the crash
 * and disk-full tests). Playwright's own launchers cannot kill a persistent profile abruptly, so
 * Chromium is started here with a DevTools port.
 */
export interface RunningChromium {
  readonly proc: ChildProcess;
  readonly browser: Browser;
  readonly page: Page;
}

/** Every Chromium started here and not yet killed (a test that timed out never reaches its `finally`). */
const started = new Set<ChildProcess>();

export async function startChromium(profile: string): Promise<RunningChromium> {
  const proc = spawn(chromiumLaunch.executablePath, ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...chromiumLaunch.args, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const ws = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err.slice(-500)}`)), 20_000);
    started.add(proc);
    proc.once('exit', () => started.delete(proc));
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
  const context = browser.contexts()[0];
  const page = context?.pages()[0] ?? (await context?.newPage());
  if (!page) throw new Error('Chromium opened no page');
  return { proc, browser, page };
}

/** SIGKILL to the whole process group (browser, renderers, GPU…), as a power cut would. */
export async function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGKILL');
  await exited;
}

/** Kills every Chromium this file started that still runs (an afterEach, for tests that timed out). */
export async function killStarted(): Promise<void> {
  await Promise.all([...started].map((proc) => kill(proc)));
}
