/**
 * Issue 12: a chosen file is read, parsed and validated in a Web Worker with a time limit, so the
 * page stays responsive (renderer/db/import-file.ts readImportOffThread, renderer/db/import-worker.ts).
 * The Worker here is a stand-in that runs the same reader; the built Worker runs in Chromium in
 * test/e2e/import-worker.spec.ts.
 */
import { strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_WORKER_READY, readImportBlob, readImportOffThread, type ImportWorker } from '../../../renderer/db/import-file';
import { envelopeJson, emptyWorkspaceData, makeEnvelope } from '../../../shared/io/envelope';
import { tinyItemsZipBomb } from '../../helpers/json-bomb';

const validFile = (): Blob => new Blob([strToU8(envelopeJson(makeEnvelope('workspace', emptyWorkspaceData(), '0.0.0', '2027-01-01T00:00:00.000Z')))]);

/** A stand-in Worker: `behave` decides what it answers to the posted file. */
function standIn(behave: (w: ImportWorker, file: Blob) => void): ImportWorker & { terminated: boolean } {
  const w: ImportWorker & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (file) => setTimeout(() => behave(w, file instanceof Blob ? file : new Blob()), 0),
    terminate: () => {
      w.terminated = true;
    },
  };
  return w;
}
const say = (w: ImportWorker, data: unknown): void => w.onmessage?.(new MessageEvent('message', { data }));
/** Node has no ErrorEvent: a plain error Event stands in (the reader only needs that one came). */
const errorEvent = (): ErrorEvent => new Event('error') as unknown as ErrorEvent;

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'self');
});

describe('reading an import off the page thread (issue 12)', () => {
  it('takes the answer of the Worker, then stops it', async () => {
    const w = standIn((worker, file) => {
      say(worker, IMPORT_WORKER_READY);
      void readImportBlob(file).then((read) => say(worker, read));
    });
    const read = await readImportOffThread(validFile(), { startWorker: () => w });
    expect(read.ok && read.envelope.kind).toBe('workspace');
    expect(w.terminated).toBe(true);
  });

  it('refuses a file the Worker has not finished within the time limit, and stops the Worker', async () => {
    const w = standIn((worker) => say(worker, IMPORT_WORKER_READY)); // never answers
    const read = await readImportOffThread(validFile(), { startWorker: () => w, timeLimitMs: 50 });
    expect(read).toMatchObject({ ok: false, code: 'timed-out' });
    expect(!read.ok && read.message).toMatch(/秒以上かかったため中止しました。何も取り込んでいません/);
    expect(w.terminated).toBe(true);
  });

  it('refuses when the Worker dies while reading (out of memory), without reading on the page', async () => {
    const w = standIn((worker) => {
      say(worker, IMPORT_WORKER_READY);
      worker.onerror?.(errorEvent());
    });
    const read = await readImportOffThread(validFile(), { startWorker: () => w });
    expect(read).toMatchObject({ ok: false, code: 'read-failed' });
    expect(!read.ok && read.message).toMatch(/処理が止まりました/);
  });

  it('reads on the page when no Worker can start (a Worker that fails to load, or none at all)', async () => {
    const broken = standIn((worker) => worker.onerror?.(errorEvent()));
    expect((await readImportOffThread(validFile(), { startWorker: () => broken })).ok).toBe(true);
    expect((await readImportOffThread(validFile(), { startWorker: () => undefined })).ok).toBe(true);
  });

  it('the Worker module answers READY, then the refusal of the 255 KB zip bomb', async () => {
    const posted: unknown[] = [];
    const scope: { onmessage: ((e: MessageEvent) => void) | null; postMessage: (m: unknown) => void } = { onmessage: null, postMessage: (m) => posted.push(m) };
    Reflect.set(globalThis, 'self', scope);
    await import('../../../renderer/db/import-worker');
    expect(posted).toEqual([IMPORT_WORKER_READY]);
    scope.onmessage?.(new MessageEvent('message', { data: new Blob([tinyItemsZipBomb()]) }));
    await expect.poll(() => posted.length, { timeout: 20_000 }).toBe(2);
    expect(posted[1]).toMatchObject({ ok: false, code: 'too-many-values' });
  });
});
