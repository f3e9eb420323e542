/**
 * The Web Worker that reads a chosen case file (.xlsx or CSV) for the 実績報告 import (issue 14
 * item 3), started by `readCaseFileOffThread` (case-file-read.ts). It receives { file, sheet } and
 * answers with the CaseFileRead: the rows as in the file, or a Japanese refusal.
 */
import { serveInWorker, type WorkerScope } from '../../platform/worker-run';
import { CASE_WORKER_READY, readCaseBlob } from './case-file-read';

const scope: WorkerScope = self;
serveInWorker(scope, {
  ready: CASE_WORKER_READY,
  request: (data) => {
    const file = typeof data === 'object' && data !== null && 'file' in data ? data.file : undefined;
    const sheet = typeof data === 'object' && data !== null && 'sheet' in data && typeof data.sheet === 'string' ? data.sheet : undefined;
    if (!(file instanceof Blob)) return undefined;
    return sheet === undefined ? { file } : { file, sheet };
  },
  run: readCaseBlob,
  unreadable: { ok: false, message: 'ファイルを読み取れませんでした。もう一度選んでください。' },
});
