// `npm run bench`: bundles bench/bench.ts with esbuild (TypeScript, the same shared/ code the app
// runs) and runs it with Node. Prints a table; asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

mkdirSync('.tmp', { recursive: true });
await build({
  entryPoints: ['bench/bench.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: '.tmp/bench.mjs',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const r = spawnSync(process.execPath, ['.tmp/bench.mjs'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
