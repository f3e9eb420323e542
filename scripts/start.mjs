// `npm start`: builds the app, then opens it in Electron. Where the Electron binary is missing and
// cannot be fetched (or cannot run on this machine), it says so in one line and serves the same
// app on 127.0.0.1 instead, so the work can still be done in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

import { previewOnFixedPort } from './port-owner.mjs';

const require = createRequire(import.meta.url);
const PORT = 4173;
const quiet = { stdio: 'ignore' };

function run(args, what) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${what}に失敗しました。`);
    process.exit(r.status ?? 1);
  }
}

function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const vite = await import('vite');
try {
  await vite.build({ logLevel: 'warn' });
} catch {
  console.error('画面のビルドに失敗しました。');
  process.exit(1);
}
run(['scripts/build-electron.mjs'], 'Electron 部分のビルド');

let binary = electronBinary();
if (!binary && !process.env.SENSHIN_BROWSER) {
  // npm install skips Electron's download (allowScripts); fetch it now, on first start.
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { ...quiet, timeout: 180_000 });
  binary = electronBinary();
}

if (binary && !process.env.SENSHIN_BROWSER) {
  const started = Date.now();
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => {
    if (code !== 0 && Date.now() - started < 5000) {
      serveInBrowser('Electron を起動できませんでした');
    } else {
      process.exit(code ?? 0);
    }
  });
} else {
  await serveInBrowser('Electron の実行ファイルがなく、取得もできませんでした');
}

async function serveInBrowser(reason) {
  // The browser keeps the user's work per origin (host and port): another port would open an
  // empty app. So the port is fixed, and a busy port is refused with the program to close.
  let server;
  try {
    server = await previewOnFixedPort(vite, PORT);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${PORT}/`;
  console.log(`${reason}。同じアプリをブラウザ版として ${url} で開きます（Ctrl+C で終了）。`);
  openBrowser(url);
}

function openBrowser(url) {
  const cmd = process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]]
    : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ['xdg-open', [url]] : undefined;
  if (!cmd) return;
  try {
    const c = spawn(cmd[0], cmd[1], { stdio: 'ignore', detached: true });
    c.on('error', () => undefined);
    c.unref();
  } catch {
    // No browser: the URL printed above is enough.
  }
}
