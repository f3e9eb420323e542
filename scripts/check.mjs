// `npm run -s check -- <file> [options]` (-s keeps npm's own header lines out of the JSON):
// runs cli/main.ts (bundled by run-ts.mjs). Options and exit codes: cli/check.ts (`--help`).
import { runTs } from './run-ts.mjs';

process.exit(await runTs('cli/main.ts', 'check.mjs', process.argv.slice(2), 2));
