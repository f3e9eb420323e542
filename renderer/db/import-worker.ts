/**
 * The Web Worker that reads, parses and validates a chosen import file (issue 12), started by
 * `readImportOffThread` (import-file.ts): the page stays responsive, and the page stops this Worker
 * when it takes too long. It receives the File and answers with the ImportRead.
 */
import { serveInWorker, type WorkerScope } from '../platform/worker-run';
import { IMPORT_WORKER_READY, readImportBlob } from './import-file';

const scope: WorkerScope = self;
serveInWorker(scope, {
  ready: IMPORT_WORKER_READY,
  request: (data) => (data instanceof Blob ? data : undefined),
  run: readImportBlob,
  unreadable: { ok: false, code: 'read-failed', message: 'ファイルを読み取れませんでした。もう一度選んでください。' },
});
