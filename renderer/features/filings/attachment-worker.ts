/**
 * The Web Worker that checks a chosen PDF before it is attached (issue 15 item 5), started by
 * `readAttachmentOffThread` (attachment-read.ts). It receives the File and answers with the
 * AttachmentRead: its bytes and page count, or a Japanese refusal.
 */
import { serveInWorker, type WorkerScope } from '../../platform/worker-run';
import { ATTACHMENT_WORKER_READY, readAttachmentBlob } from './attachment-read';

const scope: WorkerScope = self;
serveInWorker(scope, {
  ready: ATTACHMENT_WORKER_READY,
  request: (data) => (data instanceof Blob ? data : undefined),
  run: readAttachmentBlob,
  unreadable: { ok: false, message: 'ファイルを読み取れませんでした。もう一度選んでください。' },
});
