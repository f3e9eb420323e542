import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_BASE } from '../../playwright.config';
import { kill, killStarted, startChromium, type RunningChromium } from './chromium-process';

/**
 * DATA-12 on a real full disk: Chromium's profile lives on a 40 MB tmpfs, which a filler file
 * fills while the user types. A full disk does not raise QuotaExceededError in Chromium (the write
 * aborts with 「IO error: … FILE_ERROR_NO_SPACE」, the connection is closed, and reopening fails
 * with 「Internal error opening backing store」): the app must say that the disk is full, keep
 * what is typed, and save it by itself once the filler is deleted — without a reload.
 *
 * Mounting needs root (CI runs as root). Without it the test fails and says why: a skipped test
 * would hide that this was never checked.
 */
const FILLER_CHUNK = Buffer.alloc(1 << 16, 0x61);
let mountPoint: string | undefined;

/** Appends to the filler until the filesystem refuses (ENOSPC), in big then small pieces. */
function fill(file: string): void {
  const fd = openSync(file, 'a');
  try {
    for (const size of [FILLER_CHUNK.length, 512]) {
      try {
        for (;;) writeSync(fd, FILLER_CHUNK, 0, size);
      } catch (e) {
        if (!(e instanceof Error && 'code' in e && e.code === 'ENOSPC')) throw e;
      }
    }
  } finally {
    closeSync(fd);
  }
}

test.beforeAll(() => {
  if (process.getuid?.() !== 0) {
    throw new Error('この試験はディスクが満杯になる状況を小さな tmpfs で作るため、root 権限（mount）が必要です。root で実行してください（CI は root で実行します）。');
  }
  mountPoint = mkdtempSync('/tmp/senshin-full-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', mountPoint]);
});

test.afterEach(killStarted);

test.afterAll(() => {
  if (!mountPoint) return;
  try {
    execFileSync('umount', [mountPoint]);
  } catch {
    execFileSync('umount', ['-l', mountPoint]);
  }
  rmSync(mountPoint, { recursive: true, force: true });
});

test('ディスクが満杯になると空き容量が足りないと表示し、空きができると再読み込みなしで保存を再開して、入力は失われない', async () => {
  test.setTimeout(180_000);
  if (!mountPoint) throw new Error('tmpfs がマウントされていません。');
  const profile = path.join(mountPoint, 'profile');
  mkdirSync(profile);
  const filler = path.join(mountPoint, 'filler');
  let run: RunningChromium | undefined;
  let topUp: ReturnType<typeof setInterval> | undefined;
  try {
    run = await startChromium(profile);
    const { page } = run;
    await page.goto(`${E2E_BASE}/`);
    await page.getByLabel('新しい案件の名前').fill('ディスク満杯の試験');
    await page.getByRole('button', { name: '案件を作成' }).click();
    await page.getByRole('link', { name: '様式第5号' }).first().click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '様式第5号' }).waitFor();
    await page.getByTestId('save-state').filter({ hasText: '保存済み' }).waitFor();
    const field = page.getByLabel('（先進性）', { exact: true });

    // The disk fills up; Chromium deletes files now and then, so the filler keeps taking the space back.
    fill(filler);
    topUp = setInterval(() => fill(filler), 100);
    const before = '満杯のときに入力した先進性の説明。';
    await field.pressSequentially(before, { delay: 10 });
    await expect(page.getByRole('alert').filter({ hasText: 'ディスクの空き容量が足りません' })).toBeVisible({ timeout: 30_000 });
    const after = '髙橋・𠮷田・﨑の字も含む。';
    await field.pressSequentially(after, { delay: 10 });
    await expect(field).toHaveValue(before + after);
    await expect(page.getByTestId('save-state')).toHaveText('保存できませんでした');

    // Space comes back: saving resumes by itself (no click, no reload).
    clearInterval(topUp);
    topUp = undefined;
    rmSync(filler);
    await expect(page.getByTestId('save-state')).toHaveText('保存済み', { timeout: 60_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);

    // Nothing typed was lost: what is stored after a reload is all of it.
    await page.reload();
    await expect(page.getByLabel('（先進性）', { exact: true })).toHaveValue(before + after);
  } finally {
    if (topUp) clearInterval(topUp);
    await run?.browser.close().catch(() => undefined);
    if (run) await kill(run.proc);
  }
});
