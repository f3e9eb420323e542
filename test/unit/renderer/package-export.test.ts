/**
 * Issue 17 item 3: the package export runs in a Web Worker with a progress bar
 * (renderer/features/package/package-export.ts, export-worker.ts). The same bytes as the page made
 * before, each step reported in order, the request checked where it crosses into the Worker, and a
 * damaged attachment still named. The Worker module runs here behind a stand-in Worker; the built
 * one runs in Chromium in test/e2e/package-export-progress.spec.ts.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPORT_FAILED, exportDocumentOffThread, exportPackageOffThread, stepLabel, warmExportWorker, type ExportProgress } from '../../../renderer/features/package/package-export';
import { WorkerKeeper, type WorkerLike, type WorkerScope } from '../../../renderer/platform/worker-run';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { resolveFacts } from '../../../shared/forms/facts';
import { FORMS } from '../../../shared/forms/registry';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { emptyInstitutionProfile } from '../../../shared/forms/jizen-soudan/schema';
import { buildPackageDocument } from '../../../shared/forms/package-document';
import { templateSetOn } from '../../../shared/filings/template-sets';
import { projectSchema } from '../../../shared/model/project';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { packageFiles, packagePdf, zipFiles } from '../../../shared/render/package-files';
import { docxParts, docxText } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';

const sample = loadSample();
const fonts = bundledFonts();
const today = { year: 2027, month: 4, day: 5 };
const at = '2027-01-01T00:00:00.000Z';

/** What the page hands the export. */
type ExportInput = Parameters<typeof exportPackageOffThread>[0];

function request(action: ExportInput['action'], over: Partial<ExportInput> = {}): ExportInput {
  return {
    action,
    packageId: 'new-b',
    baseName: `${sample.project.technologyName}_新規届出（先進医療B）_案`,
    copy: 'draft',
    pageNumbers: false,
    today,
    project: projectSchema.parse({ id: 'sample', ...sample.project, createdAt: at, updatedAt: at }),
    institution: emptyInstitutionProfile(),
    masters: { people: sample.people, ...sample.masters },
    cost: sample.cost,
    sites: [],
    answers: Object.fromEntries(sample.forms),
    attachmentFiles: [],
    fonts: fonts.bytes,
    ...over,
  };
}

/** Two Word files alike: the same parts and text (the docx library numbers some ids per process, so bytes differ run to run). */
async function sameWord(a: Uint8Array, b: Uint8Array): Promise<boolean> {
  return Object.keys(docxParts(a)).join() === Object.keys(docxParts(b)).join() && (await docxText(a)) === (await docxText(b)) && (await docxText(a)).length > 0;
}

/** What PackagePage made on the page before issue 17, from the same request. */
/**
 * A newly started export Worker, without the fonts: it answers 「needsFonts」 to a request that does
 * not carry them. `carried` says, per request, whether it carried the fonts.
 */
function freshWorker(): { worker: WorkerLike; carried: boolean[] } {
  const carried: boolean[] = [];
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (data) => {
      const withFonts = typeof data === 'object' && data !== null && 'fonts' in data && data.fonts !== undefined;
      carried.push(withFonts);
      const answer = withFonts ? { ok: true, bytes: new Uint8Array([37, 80, 68, 70]), pages: 53, attachedPages: 0 } : { ok: false, message: EXPORT_FAILED, needsFonts: true };
      setTimeout(() => worker.onmessage?.(new MessageEvent('message', { data: answer })), 0);
    },
    terminate: () => undefined,
  };
  return { worker, carried };
}

function pageDocument(q: ExportInput) {
  const pkg = templateSetOn(q.project.filingDate || '2027-04-05').packages.find((p) => p.id === q.packageId)!;
  const facts = resolveFacts({ project: q.project, profile: q.institution, masters: q.masters, cost: q.cost, today: q.today, sites: q.sites });
  return buildPackageDocument(pkg, facts, (f) => q.answers[f.id] ?? f.empty(), fonts.metrics, { draft: q.copy === 'draft', submission: q.copy === 'submission', pageNumbers: false, attachments: [] });
}

beforeAll(() => {
  // The PDF and Word files carry their creation time: one fixed moment, so bytes can be compared.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-04-05T09:00:00+09:00'));
});
afterAll(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(globalThis, 'self');
});

describe('書類一式の出力 on the page where no Worker starts (issue 17)', () => {
  it('makes the same PDF bytes and Word text as the page did before, saying レイアウト then PDF / Word', async () => {
    const heard: string[] = [];
    const onProgress = (p: ExportProgress): void => void heard.push(`${stepLabel(p)} ${p.done}/${p.total}`);
    const doc = pageDocument(request('pdf'));
    const pdf = await exportPackageOffThread(request('pdf'), { startWorker: () => undefined, onProgress });
    expect(pdf.ok && pdf.bytes).toEqual(await packagePdf(doc, fonts.bytes));
    expect(pdf).toMatchObject({ ok: true, pages: doc.laidOut.pages.length, attachedPages: 0 });
    const word = await exportPackageOffThread(request('docx'), { startWorker: () => undefined, onProgress });
    await expect(sameWord(word.ok ? word.bytes : new Uint8Array(), await renderDocx(doc.model, { draft: true, fonts: fonts.metrics }))).resolves.toBe(true);
    expect(heard).toEqual(['レイアウト 0/2', 'PDF 1/2', 'レイアウト 0/2', 'Word 1/2']);
  }, 90_000);

  it('zips the same files, reporting レイアウト → PDF → Word (n/m) for each Word file → ZIP', async () => {
    const heard: ExportProgress[] = [];
    const q = request('zip');
    const zip = await exportPackageOffThread(q, { startWorker: () => undefined, onProgress: (p) => void heard.push(p) });
    const doc = pageDocument(q);
    const before = unzipSync(zipFiles(await packageFiles(doc, fonts.bytes, q.baseName, { draft: true })));
    expect(zip.ok).toBe(true);
    const entries = unzipSync(zip.ok ? zip.bytes : new Uint8Array());
    expect(Object.keys(entries)).toEqual(Object.keys(before));
    for (const [name, bytes] of Object.entries(before)) {
      if (name.endsWith('.docx')) await expect(sameWord(entries[name]!, bytes), name).resolves.toBe(true);
      else expect(entries[name], name).toEqual(bytes);
    }
    const m = doc.forms.length + 1;
    expect(heard.map(stepLabel)).toEqual(['レイアウト', 'PDF', ...Array.from({ length: m }, (_, i) => `Word（${i + 1}/${m}）`), 'ZIP']);
    // The bar only moves forward, and ends one step short of full (the ZIP being written).
    expect(heard.map((p) => p.done)).toEqual(heard.map((_, i) => i));
    expect(new Set(heard.map((p) => p.total))).toEqual(new Set([m + 3]));
  }, 90_000);

  it('says which attached PDF is damaged instead of printing without it', async () => {
    const q = request('pdf', {
      filing: { id: 'f1', projectId: 'sample', attachments: [{ id: 'a1', title: '実施計画書', kind: '' }] },
      attachmentFiles: [{ id: 'a1', filingId: 'f1', projectId: 'sample', fileName: 'plan.pdf', pages: 1, size: 3, sha256: '0'.repeat(64), base64: 'YWJj', addedAt: at }],
    });
    const result = await exportPackageOffThread(q, { startWorker: () => undefined });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('添付したPDF「実施計画書」が保存したときと一致しません') as unknown });
  });
});

describe('the export Worker behind a stand-in Worker (issue 17)', () => {
  /** The Worker module loaded (once) with a stand-in global scope, wired to a stand-in Worker the page talks to. */
  let wired: Promise<WorkerLike & { transferred: number; fontsSent: number }> | undefined;
  const wiredWorker = (): Promise<WorkerLike & { transferred: number; fontsSent: number }> => (wired ??= wire());
  async function wire(): Promise<WorkerLike & { transferred: number; fontsSent: number }> {
    const w: WorkerLike & { transferred: number; fontsSent: number } = {
      transferred: 0,
      fontsSent: 0,
      onmessage: null,
      onerror: null,
      // What crosses is a structured clone, as between threads.
      postMessage: (data) => {
        if (typeof data === 'object' && data !== null && 'fonts' in data && data.fonts !== undefined) w.fontsSent++;
        setTimeout(() => scope.onmessage?.(new MessageEvent('message', { data: structuredClone(data) })), 0);
      },
      terminate: () => undefined,
    };
    const scope: WorkerScope = {
      onmessage: null,
      postMessage: (data, options) => {
        w.transferred += options?.transfer?.length ?? 0;
        setTimeout(() => w.onmessage?.(new MessageEvent('message', { data })), 0);
      },
    };
    Reflect.set(globalThis, 'self', scope);
    await import('../../../renderer/features/package/export-worker');
    return w;
  }

  it('says READY, reports each step to the page, and hands back a PDF whose text reads back', async () => {
    const w = await wiredWorker();
    const transferredBefore = w.transferred;
    const heard: string[] = [];
    const result = await exportPackageOffThread(request('pdf'), { startWorker: () => w, onProgress: (p) => void heard.push(stepLabel(p)) });
    expect(heard).toEqual(['レイアウト', 'PDF']);
    expect(result.ok).toBe(true);
    const text = squash((await readPdf(result.ok ? result.bytes : new Uint8Array())).pages.map((p) => p.text).join(''));
    expect(text).toContain(squash(sample.project.technologyName));
    expect(w.transferred - transferredBefore).toBe(1);
  });

  it('is given the fonts when the page opens, and an export after that sends none of their 13 MB', async () => {
    const w = await wiredWorker();
    await warmExportWorker(fonts.bytes, { startWorker: () => w });
    const sentBefore = w.fontsSent;
    const result = await exportPackageOffThread(request('docx'), { startWorker: () => w });
    expect(result.ok).toBe(true);
    expect(w.fontsSent).toBe(sentBefore);
  });

  it('makes a form page\'s PDF and Word file (ExportBar) too: the same PDF bytes and Word text as on the page', async () => {
    const w = await wiredWorker();
    const q = request('pdf');
    const form = FORMS.find((f) => f.id === 'besshi1/yoshiki5')!;
    const facts = resolveFacts({ project: q.project, profile: q.institution, masters: q.masters, cost: q.cost, today: q.today, sites: q.sites });
    const model = { title: `${form.number} ${form.title}`, margins: FORM_MARGINS, sections: [form.build(facts, form.answers.parse(q.answers[form.id] ?? form.empty()))] };
    const laidOut = layoutDocument(model, fonts.metrics);
    const pdf = await exportDocumentOffThread('pdf', { model, laidOut }, fonts.bytes, { startWorker: () => w });
    expect(pdf.ok && pdf.bytes).toEqual(await renderPdf(laidOut, fonts.bytes, { title: model.title }));
    const word = await exportDocumentOffThread('docx', { model, laidOut }, fonts.bytes, { startWorker: () => w });
    await expect(sameWord(word.ok ? word.bytes : new Uint8Array(), await renderDocx(model, { fonts: fonts.metrics }))).resolves.toBe(true);
    // A laid-out page with an operation no renderer knows is refused, not printed half.
    const odd: unknown = { ...laidOut, pages: [{ sectionIndex: 0, pageInSection: 1, ops: [{ kind: 'image', x: 0 }] }] };
    expect(await exportDocumentOffThread('pdf', { model, laidOut: odd as typeof laidOut }, fonts.bytes, { startWorker: () => w })).toEqual({ ok: false, message: EXPORT_FAILED });
  });

  it('refuses a request that is not one (a font missing) with the generic message, never a half-made file', async () => {
    const w = await wiredWorker();
    const broken: unknown = { ...request('pdf'), fonts: { primary: fonts.bytes.primary } };
    expect(await exportPackageOffThread(broken as ExportInput, { startWorker: () => w })).toEqual({ ok: false, message: EXPORT_FAILED });
  });
});

describe('a Worker that has not had the fonts (issue 17)', () => {
  it('asks for them, and the export is sent once more with them', async () => {
    // The page believes the kept Worker has the fonts (it was warmed) …
    const warm: WorkerLike = { onmessage: null, onerror: null, postMessage: () => setTimeout(() => warm.onmessage?.(new MessageEvent('message', { data: { warmed: true } })), 0), terminate: () => undefined };
    await warmExportWorker(fonts.bytes, { startWorker: () => warm });
    // … but a new one started (the kept one was stopped while idle).
    const { worker: fresh, carried } = freshWorker();
    expect(await exportPackageOffThread(request('pdf'), { startWorker: () => fresh })).toMatchObject({ ok: true, pages: 53 });
    expect(carried).toEqual([false, true]);
  });

  it('gets them with the first request when the kept Worker was stopped while idle (no second round)', async () => {
    const keeper = new WorkerKeeper(60_000);
    const warm: WorkerLike = { onmessage: null, onerror: null, postMessage: () => setTimeout(() => warm.onmessage?.(new MessageEvent('message', { data: { warmed: true } })), 0), terminate: () => undefined };
    // The first message a new Worker posts is READY; the warm-up answer follows.
    const start = (): WorkerLike => {
      setTimeout(() => warm.onmessage?.(new MessageEvent('message', { data: 'senshin-desk:export-worker-ready' })), 0);
      return warm;
    };
    await warmExportWorker(fonts.bytes, { startWorker: start, keeper });
    expect(keeper.holds()).toBe(true);
    keeper.take()?.terminate(); // stopped after its idle minutes
    const { worker: fresh, carried } = freshWorker();
    expect(await exportPackageOffThread(request('pdf'), { startWorker: () => fresh, keeper })).toMatchObject({ ok: true, pages: 53 });
    expect(carried).toEqual([true]);
  });
});
