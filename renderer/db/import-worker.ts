/**
 * The Web Worker that reads, parses and validates a chosen import file (issue 12), started by
 * `readImportOffThread` (import-file.ts): the page stays responsive, and the page stops this Worker
 * when it takes too long. It receives the File and answers with the ImportRead.
 */
import { IMPORT_WORKER_READY, readImportBlob } from './import-file';

interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

const scope: WorkerScope = self;
scope.onmessage = (e) => {
  const file: unknown = e.data;
  if (!(file instanceof Blob)) return scope.postMessage({ ok: false, code: 'read-failed', message: 'ファイルを読み取れませんでした。もう一度選んでください。' });
  void readImportBlob(file).then((read) => scope.postMessage(read));
};
scope.postMessage(IMPORT_WORKER_READY);
