/**
 * The process around `runCheck` (cli/check.ts), bundled and run by scripts/check.mjs: reads files
 * from the working directory, writes what it prints, exits with its code.
 */
import { writeFileSync } from 'node:fs';
import { runCheck } from './check';
import { readFileChecked } from './read-file';

// The size is checked before the file is read (cli/read-file.ts).
const outcome = runCheck(process.argv.slice(2), (path) => readFileChecked(path));
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
