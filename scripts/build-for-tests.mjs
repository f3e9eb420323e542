// The app as the end-to-end tests use it: the renderer into <out> (default .tmp/e2e-app) and the
// Electron bundles beside it in <out>-electron — never dist/ or build/, which `npm start` uses.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { build } from 'vite';

const out = path.resolve(process.argv[2] ?? '.tmp/e2e-app');
try {
  await build({ logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
} catch {
  console.error('画面のビルドに失敗しました。');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['scripts/build-electron.mjs', `${out}-electron`], { stdio: 'inherit' });
process.exit(r.status ?? 1);
