// `npm run -s check -- <file> [options]` (-s keeps npm's own header lines out of the JSON):
// bundles cli/main.ts with esbuild (TypeScript, the same shared/ code the app runs) and runs it
// with Node. Options and exit codes: cli/check.ts (`npm run -s check -- --help`).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

mkdirSync('.tmp', { recursive: true });
await build({
  entryPoints: ['cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: '.tmp/check.mjs',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const r = spawnSync(process.execPath, ['.tmp/check.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 2);
