// `npm run stress -- --rounds 20`: the crash test of every editor, many rounds each (DATA-11).
// Each round types into the editor, kills Chromium 300 ms later (SIGKILL of its process group),
// starts it again and reads the field. Prints 「失われた文字: N / 入力 M」 per editor (expected 0).
// Not part of `npm test` (it takes minutes). Builds into its own folder and serves on its own
// port (STRESS_PORT, default 4187), so it runs beside `npm start` and `npm test`.
// Options: --rounds N (default 20), --slow-cpu N (the page's CPU N times slower, as on a busy PC),
// --skip-build (reuse the last build in .tmp/stress-app).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import process from 'node:process';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args[at + 1]) : 20;
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('--rounds には1以上の整数を指定してください（例：npm run stress -- --rounds 20）。');
  process.exit(2);
}
const slow = args.indexOf('--slow-cpu');
const slowDown = slow >= 0 ? Number(args[slow + 1]) : 1;
if (!(slowDown >= 1)) {
  console.error('--slow-cpu には1以上の数を指定してください（例：--slow-cpu 4 で4倍遅いCPU）。');
  process.exit(2);
}
const out = '.tmp/stress-app';
const port = process.env.STRESS_PORT ?? '4187';
const report = '.tmp/stress-report.jsonl';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

mkdirSync('.tmp', { recursive: true });
if (!args.includes('--skip-build') || !existsSync(out)) {
  const built = spawnSync(process.execPath, ['scripts/build-for-tests.mjs', out], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
rmSync(report, { force: true });
console.log(`強制終了の試験：各画面 ${rounds} 回${slowDown > 1 ? `（CPU を ${slowDown} 倍遅くして）` : ''}`);
const run = spawnSync(npx, ['playwright', 'test', 'test/e2e/crash.spec.ts', '--reporter=line'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, CRASH_ROUNDS: String(rounds), CRASH_CPU_SLOWDOWN: String(slowDown), CRASH_REPORT: report, E2E_PORT: port, E2E_OUT: out },
});

const rows = existsSync(report)
  ? readFileSync(report, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l))
  : [];
console.log('\n画面ごとの結果');
let lost = 0;
let typed = 0;
for (const r of rows) {
  console.log(`  ${r.editor}：失われた文字: ${r.lost} / 入力 ${r.typed}（${r.rounds}回）`);
  for (const l of r.losses) console.log(`    第${l.round}回：入力「${l.typed}」→ 再び開くと「${l.found}」`);
  lost += r.lost;
  typed += r.typed;
}
console.log(`合計：失われた文字: ${lost} / 入力 ${typed}`);
if (rows.length === 0) console.log('結果がありません（試験を実行できませんでした）。');
process.exit(run.status === 0 && rows.length > 0 && lost === 0 ? 0 : 1);
