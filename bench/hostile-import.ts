/**
 * Issue 12 bench section: files of 1 MB or less must be refused or accepted within 2 s (the unit
 * tests assert refusal and message, never time). Each case is read by `readImport`, as the import
 * Worker, `npm run check` and `npm run export` read files; median of 3 runs.
 */
import { performance } from 'node:perf_hooks';
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import { emptyWorkspaceData, envelopeJson, makeEnvelope } from '../shared/io/envelope';
import { readImport } from '../shared/io/read-import';

const decode = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);
const MB = 1024 * 1024;

/** The 255 KB zip of issue 12: `[{},{},…]`, 250 MB inflated (as test/helpers/json-bomb.ts). */
function tinyItemsBomb(): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  const entry = new ZipDeflate('senshin-desk.json', { level: 9 });
  zip.add(entry);
  const chunk = strToU8('{},'.repeat(1 << 20));
  entry.push(strToU8('['));
  for (let i = 0; i < 83; i++) entry.push(chunk);
  entry.push(strToU8('{}]'), true);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

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
    ['255 KB zip of 250 MB of {} (issue 12)', tinyItemsBomb()],
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
