/**
 * The process around `runExport` (cli/export.ts), bundled and run by scripts/export.mjs: reads the
 * file and the bundled fonts from the working directory, writes the package folders.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fontSet } from '../shared/render/font-metrics';
import type { Fonts } from '../shared/filings/freeze';
import { runExport } from './export';
import { readFileChecked } from './read-file';
import { installPdfDeflate } from '../shared/render/pdf/deflate';
import { NODE_DEFLATE } from './node-deflate';

installPdfDeflate(NODE_DEFLATE);

let fonts: Fonts | undefined;
const outcome = await runExport(process.argv.slice(2), {
  // The size is checked before the file is read (cli/read-file.ts).
  readFile: (path) => readFileChecked(path),
  writeFile: (path, bytes) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  },
  fonts: () => {
    if (!fonts) {
      const bytes = { primary: new Uint8Array(readFileSync('assets/fonts/BIZUDMincho-Regular.ttf')), fallback: new Uint8Array(readFileSync('assets/fonts/NotoSerifJP-Regular.ttf')) };
      fonts = { bytes, metrics: fontSet(bytes) };
    }
    return fonts;
  },
});
process.stderr.write(outcome.stderr);
process.stdout.write(outcome.stdout);
process.exitCode = outcome.code;
