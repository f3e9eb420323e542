/**
 * `npm run -s check:corpus`: the prose corpus through the same rule set as the app and `npm run
 * check` (PRE-GLYPH with the bundled fonts). Prints per rule family and form family TP/FP/FN,
 * precision and recall, the passages the checker gets wrong, and a summary line last. Exits 1 when
 * the targets are not met.
 */
import { readFileSync } from 'node:fs';
import { fontSet } from '../../shared/render/font-metrics';
import { glyphCoverage } from '../../shared/rules/catalog/preflight';
import { formatReport, meetsTargets, runCorpus } from './corpus';
import { CORPUS } from './entries';

const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const bytes = { primary: new Uint8Array(readFileSync('assets/fonts/BIZUDMincho-Regular.ttf')), fallback: new Uint8Array(readFileSync('assets/fonts/NotoSerifJP-Regular.ttf')) };
const report = runCorpus(CORPUS, { sample: read('assets/samples/sample-project.json'), second: read('test/corpus/second-project.json') }, glyphCoverage(fontSet(bytes)));
process.stdout.write(formatReport(report));
process.exitCode = meetsTargets(report) ? 0 : 1;
