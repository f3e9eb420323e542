/**
 * Issue 12 bench section: files of 1 MB or less must be refused or accepted within 2 s (the unit
 * tests assert refusal and message, never time). Each case is read by `readImport`, as the import
 * Worker, `npm run check` and `npm run export` read files; median of 3 runs.
 */
import { performance } from 'node:perf_hooks';
import { strToU8, zipSync } from 'fflate';
import { emptyWorkspaceData, envelopeJson, makeEnvelope } from '../shared/io/envelope';
import { readImport } from '../shared/io/read-import';
import { tinyItemsZipBomb } from '../test/helpers/json-bomb';

const decode = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);
const MB = 1024 * 1024;


function timed(bytes: Uint8Array): { ms: number; outcome: string } {
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = readImport(bytes, decode);
    times.push(performance.now() - t0);
    outcome = r.ok ? 'accepted' : `refused: ${r.code}`;
  }
  times.sort((a, b) => a - b);
  return { ms: times[1] ?? 0, outcome };
}

/** Rows for bench/bench.ts: [what, time, file size]. */
export function hostileImportRows(): Array<[string, string, string]> {
  const empty = envelopeJson(makeEnvelope('workspace', emptyWorkspaceData(), '0.0.0', 'x'));
  const cases: Array<[string, Uint8Array]> = [
    ['255 KB zip of 250 MB of {} (issue 12)', tinyItemsZipBomb()],
    // Just under the 64 MB a small zip may inflate to: the slowest files of 1 MB or less.
    ['zip of one 63 MB string (as a 案件名)', zipSync({ 'senshin-desk.json': strToU8(empty.replace('"projects":[]', `"projects":[{"name":"${'A'.repeat(63 * MB)}"}]`)) }, { level: 1 })],
    ['zip of 63 MB of spaces around an empty backup', zipSync({ 'senshin-desk.json': strToU8(`${' '.repeat(63 * MB)}${empty}`) }, { level: 1 })],
    ['1 MB JSON of 500,000 numbers as 案件', strToU8(empty.replace('"projects":[]', `"projects":[${'0,'.repeat(500_000)}0]`))],
  ];
  return cases.map(([what, bytes]) => {
    const { ms, outcome } = timed(bytes);
    return [`hostile import, ≤ 1 MB (目標 < 2 s): ${what} — ${outcome}`, `${ms.toFixed(0)} ms`, `${(bytes.byteLength / 1024).toFixed(1)} KB`];
  });
}
