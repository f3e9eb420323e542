// `node scripts/build-electron.mjs [outdir]` (default build/electron).
// Bundles the Electron main process and the sandboxed preload into CommonJS files (a sandboxed
// preload cannot be an ES module). The contract and zod are bundled in; electron stays external.
import process from 'node:process';
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  outdir: process.argv[2] ?? 'build/electron',
  outExtension: { '.js': '.cjs' },
  sourcemap: true,
  logLevel: 'warning',
});
