// `npm run -s export -- <project file | --sample> --out DIR [--filing ID] [--copy draft|submission]`: runs cli/export-main.ts
// (bundled by run-ts.mjs). Options and exit codes: cli/export.ts (`--help`).
import { runTs } from './run-ts.mjs';

process.exit(await runTs('cli/export-main.ts', 'export.mjs', process.argv.slice(2), 2));
