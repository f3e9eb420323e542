/**
 * 書類一式の出力 off the page (issue 17 item 3): the package is laid out and written as PDF, Word or
 * ZIP in a Web Worker (export-worker.ts), so the page never freezes while a 50-page package is made
 * and shows a progress bar (レイアウト → PDF → Word (n/m) → ZIP). The page sends the project's
 * stored rows, the answers and the attached PDFs' stored records; the Worker checks them (zod) and
 * answers with the file's bytes. The Worker is started and given the fonts when the page opens
 * (`warmExportWorker`) and kept between exports: its parsed fonts stay, and the 13 MB of font bytes
 * cross only once. Where no Worker can start, the same export runs on the page. The bytes are those
 * the page made before.
 */
import { z } from 'zod';
import { costModelSchema } from '../../../shared/cost/model';
import { templateSetOn } from '../../../shared/filings/template-sets';
import { toIsoDate } from '../../../shared/dates/iso-date';
import type { FontSet, LaidOutDocument } from '../../../shared/document/layout/types';
import type { DocumentModel } from '../../../shared/document/model';
import { attachmentFileSchema, filingAttachmentSchema } from '../../../shared/filings/attachments';
import { FILING_COPIES } from '../../../shared/filings/filing';
import { resolveFacts } from '../../../shared/forms/facts';
import { institutionProfileSchema } from '../../../shared/forms/jizen-soudan/schema';
import { buildPackageDocument, packageForms } from '../../../shared/forms/package-document';
import { committeesSchema, departmentsSchema, equipmentListSchema, productsSchema, type Masters } from '../../../shared/model/master';
import { rosterSchema } from '../../../shared/model/person';
import { projectSchema } from '../../../shared/model/project';
import { siteSchema } from '../../../shared/model/site';
import { fontSet, type FontBytes } from '../../../shared/render/font-metrics';
import { runInWorker, WorkerKeeper, type WorkerLike } from '../../platform/worker-run';

export const PACKAGE_ACTIONS = ['pdf', 'docx', 'zip'] as const;
export type PackageAction = (typeof PACKAGE_ACTIONS)[number];

const bytesSchema = z.instanceof(Uint8Array);
const fontsSchema = z.object({ primary: bytesSchema, fallback: bytesSchema });

/** Everything the export needs, as it crosses into the Worker (checked there). */
export const packageExportRequestSchema = z.object({
  action: z.enum(PACKAGE_ACTIONS),
  packageId: z.enum(['new-a', 'new-b', 'cooperating', 'outsourcing']),
  /** The ZIP's file names start with it (the page names the saved file itself). */
  baseName: z.string().max(500),
  copy: z.enum(FILING_COPIES),
  /** 提出用 only: running page numbers. */
  pageNumbers: z.boolean(),
  /** Today in Japan: the 届出日 when the project has none yet. */
  today: z.object({ year: z.number().int(), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  project: projectSchema,
  institution: institutionProfileSchema,
  masters: z.object({ people: rosterSchema, departments: departmentsSchema, committees: committeesSchema, products: productsSchema, equipment: equipmentListSchema }),
  cost: costModelSchema,
  sites: z.array(siteSchema).max(500),
  /** Stored answers by form id (each is parsed with its form's schema when the form is built). */
  answers: z.record(z.string().max(64), z.record(z.string(), z.unknown())),
  /** The 作成中 filing that prints this package: its attached PDFs, in order, with their stored bytes. */
  filing: z.object({ id: z.string().min(1).max(64), projectId: z.string().min(1).max(64), attachments: z.array(filingAttachmentSchema).max(100).optional() }).optional(),
  attachmentFiles: z.array(attachmentFileSchema).max(100),
  /** Which fonts (`fontsIdOf`); their bytes only when the Worker has not had them yet. */
  fontsId: z.number().int(),
  fonts: fontsSchema.optional(),
});
export type PackageExportRequest = Omit<z.infer<typeof packageExportRequestSchema>, 'masters' | 'fonts'> & { readonly masters: Masters; readonly fonts?: FontBytes };

/** Parse the fonts ahead of the first export (sent when the page opens). */
const warmRequestSchema = z.object({ warm: z.literal(true), fontsId: z.number().int(), fonts: fontsSchema });
export type WarmRequest = Omit<z.infer<typeof warmRequestSchema>, 'fonts'> & { readonly fonts: FontBytes };
/**
 * One laid-out document of a form page (ExportBar: 「PDFを保存」「Wordを保存」): its laid-out pages for
 * the PDF, its model for Word. Checked for shape only; unknown fields pass through untouched (what
 * the renderers read of them is what the page laid out).
 */
const numbers = z.number().finite();
const opSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('text'), x: numbers, y: numbers, size: numbers, text: z.string(), font: z.enum(['primary', 'fallback']), width: numbers }),
  z.looseObject({ kind: z.literal('line'), x1: numbers, y1: numbers, x2: numbers, y2: numbers, width: numbers }),
  z.looseObject({ kind: z.literal('ellipse'), cx: numbers, cy: numbers, rx: numbers, ry: numbers, width: numbers }),
  z.looseObject({ kind: z.literal('pill'), x: numbers, y: numbers, w: numbers, h: numbers, width: numbers }),
]);
const documentRequestSchema = z.object({
  document: z.enum(['pdf', 'docx']),
  laidOut: z.looseObject({ width: numbers, height: numbers, pages: z.array(z.looseObject({ sectionIndex: z.number().int(), pageInSection: z.number().int(), ops: z.array(opSchema) })), sectionPageCounts: z.array(z.number().int()) }),
  model: z.looseObject({ title: z.string(), margins: z.looseObject({ top: numbers, right: numbers, bottom: numbers, left: numbers }), sections: z.array(z.looseObject({ blocks: z.array(z.looseObject({ type: z.string() })) })) }),
  fontsId: z.number().int(),
  fonts: fontsSchema.optional(),
});
export type DocumentRequest = { readonly document: 'pdf' | 'docx'; readonly laidOut: LaidOutDocument; readonly model: DocumentModel; readonly fontsId: number; readonly fonts?: FontBytes };

export type ExportWorkerRequest = PackageExportRequest | WarmRequest | DocumentRequest;
/** The Worker parsed the fonts (`false`: no Worker started, or it failed; nothing was kept). */
export type Warmed = { readonly warmed: true } | { readonly warmed: false };

/** The file's bytes with its A4 pages and attached pages (for 「保存しました」), or why it could not be made. */
export type PackageExportResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly pages: number; readonly attachedPages: number }
  | { readonly ok: false; readonly message: string; readonly needsFonts?: true };

export type ExportStep = 'layout' | 'pdf' | 'word' | 'zip';

/** Where the export is: its step (Word file `n` of `m`), and `done` of `total` steps finished. */
export interface ExportProgress {
  readonly type: typeof EXPORT_PROGRESS;
  readonly step: ExportStep;
  readonly n: number;
  readonly m: number;
  readonly done: number;
  readonly total: number;
}

/** The Worker's first message: it loaded (an error before it is a Worker that could not start). */
export const EXPORT_WORKER_READY = 'senshin-desk:export-worker-ready';
export const EXPORT_PROGRESS = 'senshin-desk:export-progress';

/** A 53-page package takes well under a second; a slow PC with a 500-page attachment is given two minutes. */
export const EXPORT_TIME_LIMIT_MS = 120_000;

export const EXPORT_FAILED = 'ファイルを作成できませんでした。もう一度お試しください。';
const TIMED_OUT: PackageExportResult = { ok: false, message: `書類の作成に ${EXPORT_TIME_LIMIT_MS / 1000} 秒以上かかったため中止しました。もう一度お試しください。` };
const WORKER_FAILED: PackageExportResult = { ok: false, message: '書類を作成する途中で処理が止まりました（メモリ不足など）。もう一度お試しください。' };

/** The step as the progress bar says it: レイアウト, PDF, Word（3/11）, ZIP. */
export function stepLabel(p: Pick<ExportProgress, 'step' | 'n' | 'm'>): string {
  if (p.step === 'layout') return 'レイアウト';
  if (p.step === 'word') return p.m > 1 ? `Word（${p.n}/${p.m}）` : 'Word';
  return p.step === 'pdf' ? 'PDF' : 'ZIP';
}

// Parsed fonts of the last export (in the Worker: kept between exports while it lives), by `fontsIdOf`.
let parsed: { readonly id: number; readonly bytes: FontBytes; readonly metrics: FontSet } | undefined;

/** The fonts as parsed here: parsed once per id; undefined when their bytes were not sent and are not here. */
function fontsFor(id: number, bytes: FontBytes | undefined): { readonly bytes: FontBytes; readonly metrics: FontSet } | undefined {
  if (parsed?.id === id) return parsed;
  if (!bytes) return undefined;
  parsed = { id, bytes, metrics: fontSet(bytes) };
  return parsed;
}

/** The Worker's side of `warmExportWorker`: parse the fonts now. */
export function warmFonts(request: WarmRequest): Promise<Warmed> {
  fontsFor(request.fontsId, request.fonts);
  return Promise.resolve({ warmed: true });
}

const NEEDS_FONTS: PackageExportResult = { ok: false, message: EXPORT_FAILED, needsFonts: true };

/**
 * The export itself (what the Worker runs, and the page where no Worker starts): lays the package
 * out and writes the file, reporting each step. Never throws: a missing or damaged attachment says
 * which one; anything else is the generic refusal.
 */
export async function exportPackage(request: PackageExportRequest, progress: (p: ExportProgress) => void): Promise<PackageExportResult> {
  try {
    const { project, today } = request;
    const packages = templateSetOn(project.filingDate || toIsoDate(today)).packages;
    const pkg = packages.find((p) => p.id === request.packageId) ?? packages[0];
    if (!pkg) return { ok: false, message: '様式のセットが見つかりません。' };
    // Word files of a ZIP: the whole package, then one per form (as packageFiles writes them).
    const m = request.action === 'zip' ? 1 + packageForms(pkg).length : 1;
    const total = request.action === 'zip' ? m + 3 : 2;
    const report = (step: ExportStep, done: number, n = 1): void => progress({ type: EXPORT_PROGRESS, step, n, m, done, total });
    const fonts = fontsFor(request.fontsId, request.fonts);
    if (!fonts) return NEEDS_FONTS;
    report('layout', 0);
    const facts = resolveFacts({ project, profile: request.institution, masters: request.masters, cost: request.cost, today, sites: request.sites });
    const draft = request.copy === 'draft';
    const submission = request.copy === 'submission';
    const pageNumbers = submission && request.pageNumbers;
    // The attached PDFs in filing order, read from their stored bytes (refused if one is missing or damaged).
    const { filingAttachments } = await import('../../../shared/filings/freeze');
    const attachments = request.filing ? filingAttachments({ attachmentFiles: request.attachmentFiles }, request.filing) : [];
    const doc = buildPackageDocument(pkg, facts, (f) => request.answers[f.id] ?? f.empty(), fonts.metrics, { draft, submission, pageNumbers, attachments });
    const { packageFiles, packagePdf, zipFiles } = await import('../../../shared/render/package-files');
    let bytes: Uint8Array;
    if (request.action === 'zip') {
      const files = await packageFiles(doc, fonts.bytes, request.baseName, { draft, onProgress: (s) => (s.step === 'pdf' ? report('pdf', 1) : report('word', 1 + s.n, s.n)) });
      report('zip', 2 + m);
      bytes = zipFiles(files, { submission });
    } else if (request.action === 'pdf') {
      report('pdf', 1);
      bytes = await packagePdf(doc, fonts.bytes);
    } else {
      report('word', 1);
      const { renderDocx } = await import('../../../shared/render/docx/render-docx');
      bytes = await renderDocx(doc.model, { draft, fonts: fonts.metrics });
    }
    const attachedPages = request.action === 'docx' ? 0 : doc.attachments.reduce((n, a) => n + a.pages, 0);
    return { ok: true, bytes, pages: doc.laidOut.pages.length, attachedPages };
  } catch (e) {
    const { FilingNotPrintable } = await import('../../../shared/filings/resolve');
    return { ok: false, message: e instanceof FilingNotPrintable ? e.message : EXPORT_FAILED };
  }
}

/** The request as the Worker reads it: checked, or undefined (answered with the refusal). */
export function readExportRequest(data: unknown): ExportWorkerRequest | undefined {
  const warm = warmRequestSchema.safeParse(data);
  if (warm.success) return warm.data;
  if (typeof data === 'object' && data !== null && 'document' in data) {
    const d = documentRequestSchema.safeParse(data);
    // The shapes checked, the page's own objects go on (unknown fields the renderers read kept as they were).
    return d.success ? (data as DocumentRequest) : undefined;
  }
  const r = packageExportRequestSchema.safeParse(data);
  return r.success ? r.data : undefined;
}

/** What the Worker runs for a request: the warm-up or the export. */
export function serveExport(request: ExportWorkerRequest, progress: (p: ExportProgress) => void): Promise<PackageExportResult | Warmed> {
  if ('warm' in request) return warmFonts(request);
  return 'document' in request ? exportDocument(request) : exportPackage(request, progress);
}

/** A form page's one document as PDF or Word (what ExportBar saves). Never throws. */
export async function exportDocument(request: DocumentRequest): Promise<PackageExportResult> {
  try {
    const fonts = fontsFor(request.fontsId, request.fonts);
    if (!fonts) return NEEDS_FONTS;
    const bytes =
      request.document === 'pdf'
        ? await (await import('../../../shared/render/pdf/render-pdf')).renderPdf(request.laidOut, fonts.bytes, { title: request.model.title })
        : await (await import('../../../shared/render/docx/render-docx')).renderDocx(request.model, { fonts: fonts.metrics });
    return { ok: true, bytes, pages: request.laidOut.pages.length, attachedPages: 0 };
  } catch {
    return { ok: false, message: EXPORT_FAILED };
  }
}

export function isExportProgress(v: unknown): v is ExportProgress {
  if (typeof v !== 'object' || v === null || !('type' in v) || v.type !== EXPORT_PROGRESS) return false;
  return 'step' in v && typeof v.step === 'string' && ['layout', 'pdf', 'word', 'zip'].includes(v.step) && 'done' in v && typeof v.done === 'number' && 'total' in v && typeof v.total === 'number' && 'n' in v && typeof v.n === 'number' && 'm' in v && typeof v.m === 'number';
}

const isWarmed = (v: unknown): v is Warmed => typeof v === 'object' && v !== null && 'warmed' in v && v.warmed === true;

export function isExportResult(v: unknown): v is PackageExportResult {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  if (v.ok === true) return 'bytes' in v && v.bytes instanceof Uint8Array && v.bytes.byteLength > 0 && 'pages' in v && typeof v.pages === 'number' && 'attachedPages' in v && typeof v.attachedPages === 'number';
  return v.ok === false && 'message' in v && typeof v.message === 'string';
}

function startExportWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
}

/** The export Worker between exports: its parsed fonts stay for the next one; stopped after 5 idle minutes. */
const keeper = new WorkerKeeper(5 * 60_000);

const fontIds = new WeakMap<FontBytes, number>();
let lastFontsId = 0;
/** A number for these font bytes (the same object: the same number), so they cross to the Worker once. */
export function fontsIdOf(fonts: FontBytes): number {
  let id = fontIds.get(fonts);
  if (id === undefined) {
    id = ++lastFontsId;
    fontIds.set(fonts, id);
  }
  return id;
}

/** The fonts the kept Worker was given last (a guess: a Worker that lost them says so, and gets them again). */
let fontsInWorker: number | undefined;
let warming: Promise<unknown> | undefined;

interface OffThreadOptions {
  readonly startWorker?: () => WorkerLike | undefined;
  readonly timeLimitMs?: number;
  readonly keeper?: WorkerKeeper;
}

/** Where the Worker waits between jobs: a stand-in Worker (unit tests) is not kept unless the test brings its own keeper. */
const keeperOf = (options: OffThreadOptions): WorkerKeeper | undefined => options.keeper ?? (options.startWorker ? undefined : keeper);

/** Whether the Worker the next job gets has had these fonts (as far as the page knows: one that lost them asks again). */
const workerHasFonts = (id: number, options: OffThreadOptions): boolean => fontsInWorker === id && (keeperOf(options)?.holds() ?? true);

/** The options of runInWorker every job of this Worker shares. */
function shared(options: OffThreadOptions) {
  const k = keeperOf(options);
  return {
    startWorker: options.startWorker ?? startExportWorker,
    ready: EXPORT_WORKER_READY,
    timeLimitMs: options.timeLimitMs ?? EXPORT_TIME_LIMIT_MS,
    ...(k ? { keeper: k } : {}),
  };
}

/**
 * Starts the export Worker and has it parse the fonts while the page is read, so the first export
 * does not wait for either. Nothing happens where no Worker can start.
 */
export function warmExportWorker(fonts: FontBytes, options: OffThreadOptions = {}): Promise<void> {
  const id = fontsIdOf(fonts);
  if (workerHasFonts(id, options)) return Promise.resolve();
  const run = runInWorker<WarmRequest, Warmed>(
    { warm: true, fontsId: id, fonts },
    { ...shared(options), isResult: isWarmed, runHere: () => Promise.resolve({ warmed: false }), timedOut: { warmed: false }, failed: { warmed: false } },
  ).then((w) => {
    if (w.warmed) fontsInWorker = id;
  });
  warming = run;
  return run;
}

/**
 * One job of the export Worker with the fonts sent only when it has not had them: a Worker that
 * asks for them (a new one, the kept one stopped) gets the job once more with them.
 */
async function withFontsOnce<Q extends { readonly fontsId: number; readonly fonts?: FontBytes }>(
  options: OffThreadOptions,
  fonts: FontBytes,
  request: Omit<Q, 'fontsId' | 'fonts'>,
  run: (q: Q) => Promise<PackageExportResult>,
): Promise<PackageExportResult> {
  const id = fontsIdOf(fonts);
  await warming;
  // Q is the request plus exactly these two fields.
  const attempt = (withFonts: boolean): Promise<PackageExportResult> => run({ ...request, fontsId: id, fonts: withFonts ? fonts : undefined } as unknown as Q);
  const sent = !workerHasFonts(id, options);
  let result = await attempt(sent);
  if (!result.ok && result.needsFonts === true && !sent) result = await attempt(true);
  fontsInWorker = result.ok || result.needsFonts !== true ? id : undefined;
  return result;
}

/**
 * `exportPackage` in a Web Worker (kept between exports), stopped after `timeLimitMs`; each step is
 * handed to `onProgress`. Never throws. Where no Worker can start it runs on the page.
 */
export function exportPackageOffThread(
  request: Omit<PackageExportRequest, 'fontsId' | 'fonts'> & { readonly fonts: FontBytes },
  options: OffThreadOptions & { readonly onProgress?: (p: ExportProgress) => void } = {},
): Promise<PackageExportResult> {
  const report = options.onProgress ?? (() => undefined);
  return withFontsOnce<PackageExportRequest>(options, request.fonts, request, (q) =>
    runInWorker<PackageExportRequest, PackageExportResult, ExportProgress>(q, {
      ...shared(options),
      isResult: isExportResult,
      // On the page the fonts are at hand.
      runHere: (here) => exportPackage({ ...here, fonts: request.fonts }, report),
      timedOut: TIMED_OUT,
      failed: WORKER_FAILED,
      progress: { is: isExportProgress, report },
    }),
  );
}

/** A form page's document (ExportBar) as PDF or Word in the same Worker; on the page where none starts. Never throws. */
export function exportDocumentOffThread(kind: 'pdf' | 'docx', doc: { readonly model: DocumentModel; readonly laidOut: LaidOutDocument }, fonts: FontBytes, options: OffThreadOptions = {}): Promise<PackageExportResult> {
  return withFontsOnce<DocumentRequest>(options, fonts, { document: kind, model: doc.model, laidOut: doc.laidOut }, (q) =>
    runInWorker<DocumentRequest, PackageExportResult>(q, {
      ...shared(options),
      isResult: isExportResult,
      runHere: (here) => exportDocument({ ...here, fonts }),
      timedOut: TIMED_OUT,
      failed: WORKER_FAILED,
    }),
  );
}
