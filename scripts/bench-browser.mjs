// `npm run bench`, browser section (issue 17 item 3): bench/browser/bench-browser.ts, bundled by
// esbuild into .tmp/ and run with Node, drives the built app in Chromium with Playwright. The app is
// built into .tmp/bench-app (scripts/build-for-tests.mjs) when that build is missing or older than
// the sources. Without Chromium, or when the build fails, one line says the section was skipped
// and why. Always exits 0: the bench prints numbers, it asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { build } from 'esbuild';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const out = process.env.BENCH_APP ?? '.tmp/bench-app';
const skip = (why) => {
  console.log(`\nbrowser timings: skipped — ${why}`);
  process.exit(0);
};

if (!existsSync(chromium)) skip(`Chromium not found at ${chromium} (install Debian's chromium, or set CHROMIUM_PATH)`);

/** The newest modification time of the files the renderer build is made from. */
function newestSource() {
  let newest = 0;
  const walk = (p) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ['renderer', 'shared', 'assets', 'vite.config.ts', 'package-lock.json']) if (existsSync(p)) walk(p);
  return newest;
}

const built = path.join(out, 'index.html');
if (!existsSync(built) || statSync(built).mtimeMs < newestSource()) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['scripts/build-for-tests.mjs', out], { encoding: 'utf8' });
  if (r.status !== 0) skip(`the app did not build (${(r.stderr || r.stdout || '').trim().split('\n')[0] ?? ''})`);
  console.log(`\nbrowser timings: built the app into ${out} in ${((performance.now() - t0) / 1000).toFixed(0)} s (sources newer than the last build)`);
}

mkdirSync('.tmp', { recursive: true });
const outfile = '.tmp/bench-browser.mjs';
try {
  // Packages stay outside the bundle (Playwright, Vite, …): Node loads them from node_modules.
  await build({ entryPoints: ['bench/browser/bench-browser.ts'], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
} catch (e) {
  skip(`the bench did not bundle (${e instanceof Error ? e.message.split('\n')[0] : e})`);
}
const r = spawnSync(process.execPath, [outfile, out], { stdio: 'inherit' });
if (r.status !== 0) console.log(`browser timings: stopped early (exit ${r.status ?? r.signal})`);
process.exit(0);
