import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_BASE } from '../../playwright.config';
import { kill, killStarted, startChromium, type RunningChromium } from './chromium-process';
import { CRASH_EDITORS, lostCharacters } from './crash-editors';

/**
 * DATA-11 crash test, on every editor: type into a field, kill the browser (SIGKILL of its whole
 * process group: no unload, no flush) 300 ms later, start it again on the same profile — the text
 * is there.
 *
 * `npm test` runs one round per editor. The stress mode (`npm run stress -- --rounds 20`, see
 * scripts/stress.mjs) sets CRASH_ROUNDS and CRASH_REPORT: many rounds per editor, each round's
 * losses counted and written to the report, the test failing if any character was lost;
 * CRASH_CPU_SLOWDOWN (`--slow-cpu N`) types on a page whose CPU is N times slower, as on a busy PC.
 */
const ROUNDS = Math.max(1, Number(process.env.CRASH_ROUNDS ?? '1') || 1);
const REPORT = process.env.CRASH_REPORT;
/** Stress mode on a slow or busy PC: the page's CPU slowed down this many times (CDP throttling). */
const CPU_SLOWDOWN = Number(process.env.CRASH_CPU_SLOWDOWN ?? '1') || 1;

async function slowDown(page: Page): Promise<void> {
  if (CPU_SLOWDOWN <= 1) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-state').filter({ hasText: '保存済み' }).first().waitFor();
}

test.afterEach(killStarted);

for (const editor of CRASH_EDITORS) {
  test(`${editor.name}：入力して300ミリ秒後にブラウザーが強制終了しても、再び開くと入力が残っている`, async () => {
    test.setTimeout(60_000 + ROUNDS * 30_000);
    const profile = mkdtempSync(path.join(tmpdir(), 'senshin-crash-'));
    let run: RunningChromium | undefined;
    try {
      run = await startChromium(profile);
      await run.page.goto(`${E2E_BASE}/`);
      await editor.open(run.page);
      const url = run.page.url();
      const losses: Array<{ round: number; typed: string; found: string }> = [];
      let typedTotal = 0;
      let lostTotal = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        const field = editor.field(run.page);
        await field.waitFor();
        if ((await field.inputValue()) !== '') await field.fill('');
        // The page has settled, as a person would have it open before typing.
        await waitSaved(run.page);
        await slowDown(run.page);
        const text = `第${round}回、強制終了の直前に入力：髙橋・𠮷田・﨑`;
        await field.pressSequentially(text, { delay: 5 });
        await run.page.waitForTimeout(300);
        await kill(run.proc);

        run = await startChromium(profile);
        await run.page.goto(url);
        const reopened = editor.field(run.page);
        await reopened.waitFor();
        const found = await reopened.inputValue();
        const lost = lostCharacters(text, found);
        typedTotal += Array.from(text).length;
        lostTotal += lost;
        if (lost > 0 || found !== text) losses.push({ round, typed: text, found });
      }
      const line = `${editor.name}：失われた文字: ${lostTotal} / 入力 ${typedTotal}（${ROUNDS}回）`;
      console.log(line);
      if (REPORT) appendFileSync(REPORT, `${JSON.stringify({ editor: editor.name, rounds: ROUNDS, typed: typedTotal, lost: lostTotal, losses })}\n`);
      expect(losses, line).toEqual([]);
    } finally {
      await run?.browser.close().catch(() => undefined);
      if (run) await kill(run.proc);
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
}
