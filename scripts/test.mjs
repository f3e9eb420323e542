// `npm test`: every check, in order, then one closing line "N passed, N failed" (CI reads it).
// Type checks, lint and the build count as one check each; vitest and Playwright count their tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import process from 'node:process';

mkdirSync('.tmp', { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = r.status === 0;
  return ok;
}

function check(name, cmd, args) {
  const ok = step(name, cmd, args);
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

for (const project of ['shared', 'renderer', 'electron', 'test', 'bench']) check(`型チェック ${project}/`, npx, ['tsc', '-p', project]);
check('lint', npx, ['eslint', '--max-warnings', '0', '.']);

// Unit tests (vitest): count tests from its JSON report.
rmSync('.tmp/vitest-report.json', { force: true });
const unitOk = step('unit tests (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.tmp/vitest-report.json']);
const unit = readJson('.tmp/vitest-report.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  if (!unitOk && unit.numFailedTests === 0) {
    failed++;
    failures.push('vitest (run error)');
  } else if (unit.numFailedTests > 0) failures.push(`vitest: ${unit.numFailedTests} failed`);
} else {
  failed++;
  failures.push('vitest (no report)');
}

// The built app, then end-to-end tests against it in Chromium.
// Built into the tests' own folder (never dist/, which a running `npm start` serves).
const e2eOut = process.env.E2E_OUT ?? '.tmp/e2e-app';
const built = check('build (vite + electron)', process.execPath, ['scripts/build-for-tests.mjs', e2eOut]);
if (built) {
  rmSync('.tmp/playwright-report.json', { force: true });
  const e2eOk = step('end-to-end tests (Playwright, Chromium)', npx, ['playwright', 'test']);
  const e2e = readJson('.tmp/playwright-report.json');
  if (e2e?.stats) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky + e2e.stats.skipped;
    if (e2e.stats.unexpected + e2e.stats.flaky > 0) failures.push(`playwright: ${e2e.stats.unexpected + e2e.stats.flaky} failed`);
    if (!e2eOk && e2e.stats.unexpected === 0 && e2e.stats.flaky === 0) {
      failed++;
      failures.push('playwright (run error)');
    }
  } else {
    failed++;
    failures.push('playwright (no report)');
  }
} else {
  failed++;
  failures.push('playwright (not run: build failed)');
}

if (failures.length > 0) console.log(`\n失敗: ${failures.join(' / ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || !existsSync('.tmp') ? 1 : 0);
