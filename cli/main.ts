/**
 * The process around `runCheck` (cli/check.ts), bundled and run by scripts/check.mjs: reads files
 * and the bundled fonts (for PRE-GLYPH, as the app checks) from the working directory, writes what
 * it prints, exits with its code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fontSet } from '../shared/render/font-metrics';
import { glyphCoverage } from '../shared/rules/catalog/preflight';
import { runCheck } from './check';
import { readFileChecked } from './read-file';
import { installPdfDeflate } from '../shared/render/pdf/deflate';
import { NODE_DEFLATE } from './node-deflate';

installPdfDeflate(NODE_DEFLATE);

/** What the bundled fonts can print, read as cli/export-main.ts reads them. */
const glyphs = () => {
  const bytes = { primary: new Uint8Array(readFileSync('assets/fonts/BIZUDMincho-Regular.ttf')), fallback: new Uint8Array(readFileSync('assets/fonts/NotoSerifJP-Regular.ttf')) };
  return glyphCoverage(fontSet(bytes));
};

// The size is checked before the file is read (cli/read-file.ts).
const outcome = runCheck(process.argv.slice(2), (path) => readFileChecked(path), new Date(), glyphs);
let stderr = outcome.stderr;
let code: number = outcome.code;
if (outcome.write) {
  try {
    writeFileSync(outcome.write.path, outcome.write.bytes);
  } catch {
    stderr = `ファイルを保存できません（${outcome.write.path}）。保存先のフォルダと書き込み権限を確認してください。\n`;
    code = 2;
  }
}
process.stderr.write(stderr);
process.stdout.write(outcome.stdout);
process.exitCode = code;
