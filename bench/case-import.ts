/**
 * Issue 14 item 3 bench section: case import of the 実績報告, 目標 「1,000行 < 1 s」 — read the file
 * (zip guard + exceljs, or decoding + papaparse), find the headings, map the columns and merge by
 * 整理番号 into a report, as the import screen does (its Worker reads; mapping and merging run on
 * the page). Median of `runs`. The files are this app's own export of generated cases.
 */
import { performance } from 'node:perf_hooks';
import { emptyCase, type ReportCase } from '../shared/reports/model';
import { casesToCsv, casesToXlsx } from '../shared/reports/import/export';
import { importCases } from '../shared/reports/import/merge';
import { readCaseFile } from '../shared/reports/import/read';
import { findTable, guessTargets } from '../shared/reports/import/table';

const OUTCOMES = ['治癒', '死亡', '中止', '継続'] as const;

function generatedCases(n: number): ReportCase[] {
  return Array.from({ length: n }, (_, i) => ({
    ...emptyCase(`c${i}`),
    caseNumber: `C-${String(i + 1).padStart(5, '0')}`,
    siteName: i % 3 === 0 ? '協力医療機関 第二病院' : '',
    age: 20 + (i % 70),
    sex: i % 2 === 0 ? '男' : '女',
    diagnosis: `診断名 ${i % 40}（原発性、術後再発を含む）`,
    firstDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    inpatientDays: i % 30,
    procedures: 1 + (i % 3),
    outcome: OUTCOMES[i % 4] ?? '治癒',
    insuredAmount: 100_000 + i * 37,
    copayment: 30_000 + i * 11,
    advancedPatient: 120_000,
    advancedOther: i % 5 === 0 ? 50_000 : 0,
    evaluation: i % 4 === 3 ? '' : '有効',
    code: '123-45-B',
    note: i % 10 === 0 ? '備考：外来で実施' : '',
  }));
}

async function timed(bytes: Uint8Array, runs: number): Promise<{ ms: number; outcome: string }> {
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const read = await readCaseFile(bytes);
    if (!read.ok) throw new Error(read.message);
    const table = findTable(read.rows);
    if (!table) throw new Error('no table');
    const r = importCases([], table, guessTargets(table));
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    outcome = `${r.added.toLocaleString('en-US')} cases added`;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)] ?? 0, outcome };
}

/** Rows for bench/bench.ts: [what, time, file size]. */
export async function caseImportRows(runs: number): Promise<Array<[string, string, string]>> {
  const rows: Array<[string, string, string]> = [];
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const thousand = generatedCases(1_000);
  const csv = casesToCsv(thousand, 'shift_jis');
  if (!csv.ok) throw new Error(csv.message);
  const files: Array<[string, Uint8Array]> = [
    ['1,000-row .xlsx', await casesToXlsx(thousand)],
    ['1,000-row CSV (Shift_JIS)', csv.bytes],
    ['5,000-row .xlsx (MAX_CASES; for reference)', await casesToXlsx(generatedCases(5_000))],
  ];
  for (const [what, bytes] of files) {
    const { ms, outcome } = await timed(bytes, runs);
    rows.push([`実績報告 case import (目標 1,000行 < 1 s): ${what}, parse + map + merge — ${outcome}`, `${ms.toFixed(1)} ms`, kb(bytes.byteLength)]);
  }
  return rows;
}
