// `npm run bench`: runs bench/bench.ts (bundled by run-ts.mjs). Prints a table; asserts nothing.
// Then the browser timings (scripts/bench-browser.mjs), then the prose corpus's summary line (issue 16): precision and recall of the checker.
import { spawnSync } from 'node:child_process';
import { runTs } from './run-ts.mjs';

const code = await runTs('bench/bench.ts', 'bench.mjs');
// Issue 17 item 3: timings in the built app in Chromium (Playwright, performance marks); one line when skipped. Exits 0.
spawnSync(process.execPath, ['scripts/bench-browser.mjs'], { stdio: 'inherit' });
const corpus = spawnSync(process.execPath, ['scripts/check-corpus.mjs'], { encoding: 'utf8' });
const summary = (corpus.stdout ?? '').trim().split('\n').pop() ?? '';
console.log(`\n${summary || `prose corpus: could not run (${(corpus.stderr ?? '').trim().split('\n')[0] ?? ''})`}`);
process.exit(code);
