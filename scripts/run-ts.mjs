// Bundles a TypeScript entry (the same shared/ code the app runs) with esbuild into .tmp/ and runs
// it with Node, passing the arguments on. Used by `npm run bench` and `npm run check`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

export async function runTs(entry, outName, args = [], failCode = 1) {
  mkdirSync('.tmp', { recursive: true });
  const outfile = `.tmp/${outName}`;
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
  return r.status ?? failCode;
}
