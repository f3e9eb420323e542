/**
 * Checking a chosen PDF before it is attached (issue 15 item 5) in a Web Worker
 * (attachment-worker.ts): pdf-lib parses the whole file there, so typing elsewhere never waits on a
 * large scan, and a file that takes longer than the time limit is refused (the Worker is stopped).
 * Where no Worker can start (unit tests, a Worker that fails to load) it is checked here — the
 * size limit is checked first either way. Never throws; nothing is stored by this module.
 */
import { MAX_ATTACHMENT_BYTES, PDF_REFUSAL_MESSAGE, inspectPdf } from '../../../shared/filings/attachments';
import { runInWorker, type WorkerLike } from '../../platform/worker-run';

/** The Worker's first message: it loaded (an error before it is a Worker that could not start). */
export const ATTACHMENT_WORKER_READY = 'senshin-desk:attachment-worker-ready';

/** A 30 MB, 500-page scan parses in a few seconds; 30 s leaves a slow PC room. */
export const ATTACHMENT_READ_TIME_LIMIT_MS = 30_000;

/** The file's bytes and page count when it may be attached, else the refusal to show beside the picker. */
export type AttachmentRead = { readonly ok: true; readonly bytes: Uint8Array; readonly pages: number } | { readonly ok: false; readonly message: string };

const TOO_BIG: AttachmentRead = { ok: false, message: PDF_REFUSAL_MESSAGE['too-large'] };
const TIMED_OUT: AttachmentRead = { ok: false, message: `PDFの確認に ${ATTACHMENT_READ_TIME_LIMIT_MS / 1000} 秒以上かかったため中止しました。添付していません。` };
const FAILED: AttachmentRead = { ok: false, message: 'PDFを確認する途中で処理が止まりました（メモリ不足など）。添付していません。' };

/** Reads and checks a Blob here (what the Worker runs). The size is checked before the bytes are read. */
export async function readAttachmentBlob(file: Blob): Promise<AttachmentRead> {
  if (file.size > MAX_ATTACHMENT_BYTES) return TOO_BIG;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, message: 'ファイルを読み取れませんでした。もう一度選んでください。' };
  }
  try {
    const checked = await inspectPdf(bytes);
    return checked.ok ? { ok: true, bytes, pages: checked.pages } : { ok: false, message: checked.message };
  } catch {
    return FAILED;
  }
}

function isAttachmentRead(v: unknown): v is AttachmentRead {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  if (v.ok === true) return 'bytes' in v && v.bytes instanceof Uint8Array && 'pages' in v && typeof v.pages === 'number';
  return v.ok === false && 'message' in v && typeof v.message === 'string';
}

function startAttachmentWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./attachment-worker.ts', import.meta.url), { type: 'module' });
}

/** `readAttachmentBlob` in a Web Worker, stopped after `timeLimitMs`. */
export function readAttachmentOffThread(file: Blob, options: { readonly startWorker?: () => WorkerLike | undefined; readonly timeLimitMs?: number } = {}): Promise<AttachmentRead> {
  if (file.size > MAX_ATTACHMENT_BYTES) return Promise.resolve(TOO_BIG);
  return runInWorker(file, {
    startWorker: options.startWorker ?? startAttachmentWorker,
    ready: ATTACHMENT_WORKER_READY,
    isResult: isAttachmentRead,
    runHere: readAttachmentBlob,
    timeLimitMs: options.timeLimitMs ?? ATTACHMENT_READ_TIME_LIMIT_MS,
    timedOut: TIMED_OUT,
    failed: FAILED,
  });
}
