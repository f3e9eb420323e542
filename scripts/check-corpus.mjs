// `npm run -s check:corpus`: runs test/corpus/main.ts (bundled by run-ts.mjs) — the prose corpus's
// precision and recall per rule family (issue 16).
import { runTs } from './run-ts.mjs';

process.exit(await runTs('test/corpus/main.ts', 'check-corpus.mjs'));
