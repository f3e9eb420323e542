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

/** Reads a Blob (a chosen File) and validates it; never throws. What the Worker runs. */
export async function readImportBlob(blob: Blob): Promise<ImportRead> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch {
    return { ok: false, code: 'empty', message: 'ファイルを読み取れませんでした。もう一度選んでください。' };
  }
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
export function readImportOffThread(file: Blob, options: { readonly startWorker?: () => ImportWorker | undefined; readonly timeLimitMs?: number } = {}): Promise<ImportRead> {
  return runInWorker(file, {
    startWorker: options.startWorker ?? startImportWorker,
    ready: IMPORT_WORKER_READY,
    isResult: isImportRead,
    runHere: readImportBlob,
    timeLimitMs: options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS,
    timedOut: TIMED_OUT,
    failed: WORKER_FAILED,
  });
}

/** Writes a validated envelope: a workspace file restores everything, a project file adds one project. */
export async function applyImport(repos: Repositories, envelope: ExportEnvelope, label: string, mode: ProjectImportMode = 'add'): Promise<ImportOutcome> {
  try {
    if (envelope.kind === 'workspace') {
      await repos.restoreWorkspace(envelope, label);
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
