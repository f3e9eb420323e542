/**
 * The Web Worker that reads, parses and validates a chosen import file (issue 12), started by
 * `readImportOffThread` (import-file.ts): the page stays responsive, and the page stops this Worker
 * when it takes too long. It receives the File (with `steps`: it then
 * posts each step it reaches, reading and checking) and answers with the ImportRead.
 */
import { serveInWorker, type WorkerScope } from '../platform/worker-run';
import type { ImportRead } from '../../shared/io/read-import';
import { IMPORT_WORKER_READY, importRequestOf, readImportRequest, type ImportRequest, type ImportStepMessage } from './import-file';

const scope: WorkerScope = self;
serveInWorker<ImportRequest, ImportRead, ImportStepMessage>(scope, {
  ready: IMPORT_WORKER_READY,
  request: importRequestOf,
  // When the page shows the steps (読み込み → 点検), it hears each one before the answer.
  run: (request, progress) => readImportRequest(request, (importStep) => progress({ importStep })),
  unreadable: { ok: false, code: 'read-failed', message: 'ファイルを読み取れませんでした。もう一度選んでください。' },
});
