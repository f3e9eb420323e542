/**
 * Issue 14 item 3: a chosen case file is read in a Web Worker with a time limit, so typing elsewhere
 * never waits on a large sheet (renderer/features/reports/case-file-read.ts, case-file-worker.ts).
 * The Worker here is a stand-in that runs the same reader.
 */
import { describe, expect, it } from 'vitest';
import { CASE_WORKER_READY, readCaseBlob, readCaseFileOffThread, type CaseFileRequest, type CaseWorker } from '../../../renderer/features/reports/case-file-read';
import { MAX_CASE_FILE_BYTES } from '../../../shared/reports/import/read';
import { excelCsvText, shiftJis } from './import-fixtures';

function standIn(behave: (w: CaseWorker, request: CaseFileRequest) => void): CaseWorker & { terminated: boolean; posted: number } {
  const w: CaseWorker & { terminated: boolean; posted: number } = {
    terminated: false,
    posted: 0,
    onmessage: null,
    onerror: null,
    postMessage: (message) => {
      w.posted++;
      // The page posts { file, sheet? } (structured-cloned in a real Worker).
      setTimeout(() => behave(w, message as CaseFileRequest), 0);
    },
    terminate: () => {
      w.terminated = true;
    },
  };
  return w;
}
const say = (w: CaseWorker, data: unknown): void => w.onmessage?.(new MessageEvent('message', { data }));
const csvFile = (): Blob => new Blob([shiftJis(excelCsvText()).slice().buffer]);

describe('reading a case file off the page thread', () => {
  it('takes the rows the Worker read, then stops it', async () => {
    const w = standIn((worker, request) => {
      say(worker, CASE_WORKER_READY);
      void readCaseBlob(request).then((read) => say(worker, read));
    });
    const read = await readCaseFileOffThread({ file: csvFile() }, { startWorker: () => w });
    expect(read.ok && read.rows[1]?.[0]).toBe('C-001');
    expect(read).toMatchObject({ ok: true, format: 'csv', encoding: 'shift_jis' });
    expect(w.terminated).toBe(true);
  });

  it('refuses a file the Worker has not read within the time limit, and stops the Worker', async () => {
    const w = standIn((worker) => say(worker, CASE_WORKER_READY)); // never answers
    const read = await readCaseFileOffThread({ file: csvFile() }, { startWorker: () => w, timeLimitMs: 50 });
    expect(read.ok ? '' : read.message).toMatch(/秒以上かかったため中止しました。何も取り込んでいません/);
    expect(w.terminated).toBe(true);
  });

  it('a Worker that cannot start leaves the reading to the page; a file over 5 MB is refused before any Worker starts', async () => {
    const broken = standIn((worker) => worker.onerror?.(new Event('error') as unknown as ErrorEvent));
    expect(await readCaseFileOffThread({ file: csvFile() }, { startWorker: () => broken })).toMatchObject({ ok: true, format: 'csv' });
    const unused = standIn(() => undefined);
    const big = await readCaseFileOffThread({ file: new Blob([new Uint8Array(MAX_CASE_FILE_BYTES + 1)]) }, { startWorker: () => unused });
    expect(big.ok ? '' : big.message).toContain('ファイルが大きすぎます（5 MB まで）');
    expect(unused.posted).toBe(0);
  });
});
