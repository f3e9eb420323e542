/**
 * The Web Worker that checks a chosen PDF before it is attached (issue 15 item 5), started by
 * `readAttachmentOffThread` (attachment-read.ts). It receives the File and answers with the
 * AttachmentRead: its bytes and page count, or a Japanese refusal.
 */
import { ATTACHMENT_WORKER_READY, readAttachmentBlob } from './attachment-read';

interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

const scope: WorkerScope = self;
scope.onmessage = (e) => {
  const file: unknown = e.data;
  if (!(file instanceof Blob)) return scope.postMessage({ ok: false, message: 'ファイルを読み取れませんでした。もう一度選んでください。' });
  void readAttachmentBlob(file).then((read) => scope.postMessage(read));
};
scope.postMessage(ATTACHMENT_WORKER_READY);
