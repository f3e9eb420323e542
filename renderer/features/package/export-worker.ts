/**
 * The Web Worker that makes the package's PDF, Word or ZIP (issue 17 item 3), started by
 * `warmExportWorker` when the package page opens (it parses the fonts then) and kept between
 * exports (`exportPackageOffThread`, package-export.ts), so its parsed fonts stay. It receives the
 * checked request, reports each step, and hands the file's bytes back (transferred, not copied).
 */
import { serveInWorker, type WorkerScope } from '../../platform/worker-run';
import { compressionStreamDeflate, installPdfDeflate } from '../../../shared/render/pdf/deflate';
import { EXPORT_FAILED, EXPORT_WORKER_READY, readExportRequest, serveExport, type ExportProgress, type ExportWorkerRequest, type PackageExportResult, type Warmed } from './package-export';

// Page contents compressed by the browser's native zlib (issue 17).
installPdfDeflate(compressionStreamDeflate());

const scope: WorkerScope = self;
serveInWorker<ExportWorkerRequest, PackageExportResult | Warmed, ExportProgress>(scope, {
  ready: EXPORT_WORKER_READY,
  request: readExportRequest,
  run: serveExport,
  unreadable: { ok: false, message: EXPORT_FAILED },
  // Only a buffer the file fills alone is handed over (a view into a larger one may be something the Worker still uses).
  transfer: (answer) => ('ok' in answer && answer.ok && answer.bytes.buffer instanceof ArrayBuffer && answer.bytes.byteOffset === 0 && answer.bytes.byteLength === answer.bytes.buffer.byteLength ? [answer.bytes.buffer] : []),
});
