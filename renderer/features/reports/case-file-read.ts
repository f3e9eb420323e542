/**
 * Reading a chosen case file (issue 14 item 3) in a Web Worker (case-file-worker.ts): decoding,
 * the zip guard, exceljs and papaparse run there, so typing elsewhere never waits on a large sheet,
 * and a file that takes longer than the time limit is refused (the Worker is stopped). Where no
 * Worker can start (unit tests, a Worker that fails to load) the file is read here — the size,
 * zip and row limits (shared/reports/import/read.ts) still bound the work. Never throws.
 */
import { MAX_CASE_FILE_BYTES, readCaseFile, type CaseFileRead } from '../../../shared/reports/import/read';
import { runInWorker, type WorkerLike } from '../../platform/worker-run';

/** The Worker's first message: it loaded (an error before it is a Worker that could not start). */
export const CASE_WORKER_READY = 'senshin-desk:case-file-worker-ready';

/** A 5,000-case .xlsx reads in about a second on the bench machine; 30 s leaves a slow PC room. */
export const CASE_READ_TIME_LIMIT_MS = 30_000;

export interface CaseFileRequest {
  readonly file: Blob;
  readonly sheet?: string;
}

/** What readCaseFileOffThread needs of a Worker (a stand-in in unit tests). */
export type CaseWorker = WorkerLike;

const TOO_BIG: CaseFileRead = { ok: false, message: `ファイルが大きすぎます（${MAX_CASE_FILE_BYTES / 1024 / 1024} MB まで）。何も取り込んでいません。` };
const TIMED_OUT: CaseFileRead = { ok: false, message: `ファイルの読み取りに ${CASE_READ_TIME_LIMIT_MS / 1000} 秒以上かかったため中止しました。何も取り込んでいません。` };
const FAILED: CaseFileRead = { ok: false, message: 'ファイルを読み取る途中で処理が止まりました（メモリ不足など）。何も取り込んでいません。' };

/** Reads a Blob here (what the Worker runs). The size is checked before the bytes are read. */
export async function readCaseBlob(request: CaseFileRequest): Promise<CaseFileRead> {
  if (request.file.size > MAX_CASE_FILE_BYTES) return TOO_BIG;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await request.file.arrayBuffer());
  } catch {
    return { ok: false, message: 'ファイルを読み取れませんでした。もう一度選んでください。' };
  }
  try {
    return await readCaseFile(bytes, request.sheet === undefined ? {} : { sheet: request.sheet });
  } catch {
    return FAILED;
  }
}

function isCaseFileRead(v: unknown): v is CaseFileRead {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  if (v.ok === true) return 'rows' in v && Array.isArray(v.rows);
  return v.ok === false && 'message' in v && typeof v.message === 'string';
}

function startCaseWorker(): CaseWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./case-file-worker.ts', import.meta.url), { type: 'module' });
}

/** `readCaseBlob` in a Web Worker, stopped after `timeLimitMs`. */
export function readCaseFileOffThread(request: CaseFileRequest, options: { readonly startWorker?: () => CaseWorker | undefined; readonly timeLimitMs?: number } = {}): Promise<CaseFileRead> {
  if (request.file.size > MAX_CASE_FILE_BYTES) return Promise.resolve(TOO_BIG);
  return runInWorker(request, {
    startWorker: options.startWorker ?? startCaseWorker,
    ready: CASE_WORKER_READY,
    isResult: isCaseFileRead,
    runHere: readCaseBlob,
    timeLimitMs: options.timeLimitMs ?? CASE_READ_TIME_LIMIT_MS,
    timedOut: TIMED_OUT,
    failed: FAILED,
  });
}
