import path from 'node:path';
import { build } from 'esbuild';

/** cli/main.ts bundled into `dir`/check.mjs as `npm run check` runs it (scripts/run-ts.mjs does the same). */
export async function bundleCheckCli(dir: string): Promise<string> {
  const outfile = path.join(dir, 'check.mjs');
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}
