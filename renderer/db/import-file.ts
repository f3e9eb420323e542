/**
 * A chosen file → the database, all or nothing (DATA-15). The file is read and validated in full
 * before anything is written; a refusal leaves the database exactly as it was, with a Japanese
 * message that says what is wrong with the file.
 *
 * Issue 12: a chosen file is read, parsed and validated in a Web Worker (import-worker.ts) with a
 * time limit, so a hostile or huge file never freezes the page: `readImportOffThread`.
 */
import { readImport, type ImportRead } from '../../shared/io/read-import';
import type { ExportEnvelope } from '../../shared/io/envelope';
import type { Repositories } from './repositories';
import type { ReplaceProgress } from './workspace-restore';
import type { ProjectImportMode } from './project-import';
import { runInWorker, type WorkerLike } from '../platform/worker-run';

export type ImportOutcome =
  | { readonly status: 'refused'; readonly message: string }
  | { readonly status: 'restored' }
  | { readonly status: 'imported'; readonly projectId: string };

export const decodeUtf8 = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);

export function readImportFile(bytes: Uint8Array): ImportRead {
  return readImport(bytes, decodeUtf8);
}

/** Where reading a chosen file is (issue 17): its bytes are being read, then inflated, parsed and validated. */
export type ImportStep = 'read' | 'check';

/** What the Worker posts before its answer: the step it has reached. */
export interface ImportStepMessage {
  readonly importStep: ImportStep;
}

/**
 * What the page posts the Worker: the chosen file, or the file with `steps` when the page shows
 * them (then the Worker posts an ImportStepMessage at each step before its answer).
 */
export type ImportRequest = Blob | { readonly file: Blob; readonly steps: true };

/** A message the Worker received → the request, or undefined when it is not one. */
export function importRequestOf(data: unknown): ImportRequest | undefined {
  if (data instanceof Blob) return data;
  if (typeof data !== 'object' || data === null || !('file' in data) || !('steps' in data)) return undefined;
  return data.file instanceof Blob && data.steps === true ? { file: data.file, steps: true } : undefined;
}

/** Reads the request's file, saying each step when the request asks for them. */
export function readImportRequest(request: ImportRequest, onStep: (step: ImportStep) => void): Promise<ImportRead> {
  return request instanceof Blob ? readImportBlob(request) : readImportBlob(request.file, onStep);
}

const isImportStep = (v: unknown): v is ImportStepMessage => typeof v === 'object' && v !== null && 'importStep' in v && (v.importStep === 'read' || v.importStep === 'check');

/** Reads a Blob (a chosen File) and validates it; never throws. What the Worker runs. */
export async function readImportBlob(blob: Blob, onStep?: (step: ImportStep) => void): Promise<ImportRead> {
  onStep?.('read');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch {
    return { ok: false, code: 'empty', message: 'ファイルを読み取れませんでした。もう一度選んでください。' };
  }
  onStep?.('check');
  return readImportFile(bytes);
}

/**
 * The longest a chosen file may take to be read and validated before the Worker is stopped. The
 * largest file the limits allow (128 MB of JSON, shared/io/json-scan.ts) takes about 4 s on the
 * bench machine (its 11 MB backup with as-filed copies reads in 0.34 s); 30 s leaves a slow office
 * PC room, and a file that needs more is refused.
 */
export const IMPORT_TIME_LIMIT_MS = 30_000;

/** What readImportOffThread needs of a Worker (a stand-in in unit tests). */
export type ImportWorker = WorkerLike;

/** The Worker's first message: it loaded (an error before it is a Worker that could not start). */
export const IMPORT_WORKER_READY = 'senshin-desk:import-worker-ready';

const TIMED_OUT: ImportRead = {
  ok: false,
  code: 'timed-out',
  message: `ファイルの読み取りに ${IMPORT_TIME_LIMIT_MS / 1000} 秒以上かかったため中止しました。何も取り込んでいません。senshin-desk で書き出したファイルか確認してください。`,
};
const WORKER_FAILED: ImportRead = { ok: false, code: 'read-failed', message: 'ファイルを読み取る途中で処理が止まりました（メモリ不足など）。何も取り込んでいません。senshin-desk で書き出したファイルか確認してください。' };

function isImportRead(v: unknown): v is ImportRead {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  if (v.ok === true) return 'envelope' in v && typeof v.envelope === 'object' && v.envelope !== null;
  return v.ok === false && 'code' in v && typeof v.code === 'string' && 'message' in v && typeof v.message === 'string';
}

function startImportWorker(): ImportWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * `readImportBlob` in a Web Worker: the page stays responsive while a file is read, and a file
 * that takes longer than `timeLimitMs` is refused (the Worker is stopped). Never throws. Where no
 * Worker can start (Node in unit tests, a Worker that fails to load), the file is read here — the
 * JSON scan still bounds the work (shared/io/json-scan.ts).
 */
export function readImportOffThread(
  file: Blob,
  options: { readonly startWorker?: () => ImportWorker | undefined; readonly timeLimitMs?: number; readonly onStep?: (step: ImportStep) => void } = {},
): Promise<ImportRead> {
  const onStep = options.onStep;
  const request: ImportRequest = onStep ? { file, steps: true } : file;
  return runInWorker<ImportRequest, ImportRead, ImportStepMessage>(request, {
    startWorker: options.startWorker ?? startImportWorker,
    ready: IMPORT_WORKER_READY,
    isResult: isImportRead,
    runHere: (r) => readImportRequest(r, (step) => onStep?.(step)),
    ...(onStep ? { progress: { is: isImportStep, report: (m: ImportStepMessage) => onStep(m.importStep) } } : {}),
    timeLimitMs: options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS,
    timedOut: TIMED_OUT,
    failed: WORKER_FAILED,
  });
}

/**
 * Writes a validated envelope: a workspace file restores everything, a project file adds one
 * project. `onProgress` hears how many of a backup's projects are written so far.
 */
export async function applyImport(repos: Repositories, envelope: ExportEnvelope, label: string, mode: ProjectImportMode = 'add', onProgress?: (p: ReplaceProgress) => void): Promise<ImportOutcome> {
  try {
    if (envelope.kind === 'workspace') {
      await repos.restoreWorkspace(envelope, label, onProgress);
      return { status: 'restored' };
    }
    return { status: 'imported', projectId: await repos.importProject(envelope, mode, label) };
  } catch (e) {
    return { status: 'refused', message: e instanceof Error && /[ぁ-んァ-ヶ一-龠]/.test(e.message) ? e.message : '取り込めませんでした。もう一度お試しください。' };
  }
}

/** Reads, validates and writes in one call (what the tests and the recovery screen use). */
export async function importBytes(repos: Repositories, bytes: Uint8Array, label: string, mode: ProjectImportMode = 'add'): Promise<ImportOutcome> {
  const read = readImportFile(bytes);
  if (!read.ok) return { status: 'refused', message: read.message };
  return applyImport(repos, read.envelope, label, mode);
}
