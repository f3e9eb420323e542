// `npm run bench`: runs bench/bench.ts (bundled by run-ts.mjs). Prints a table; asserts nothing.
import { runTs } from './run-ts.mjs';

process.exit(await runTs('bench/bench.ts', 'bench.mjs'));
