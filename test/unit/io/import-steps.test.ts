/**
 * Issue 17: while a chosen backup is read in the Worker, the page shows its steps (読み込み → 点検).
 * The Worker says each step only when the page asks for them, so a plain File still gets the one
 * answer it always got (test/e2e/import-worker.spec.ts speaks to the built Worker that way).
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_WORKER_READY, importRequestOf, readImportOffThread, readImportRequest, type ImportStep, type ImportWorker } from '../../../renderer/db/import-file';
import { envelopeJson, emptyWorkspaceData, makeEnvelope } from '../../../shared/io/envelope';

const validFile = (): Blob => new Blob([strToU8(envelopeJson(makeEnvelope('workspace', emptyWorkspaceData(), '0.0.0', '2027-01-01T00:00:00.000Z')))]);

/** A stand-in Worker that serves requests as import-worker.ts does, recording what it posts. */
function standIn(): ImportWorker & { readonly posted: unknown[] } {
  const posted: unknown[] = [];
  const say = (data: unknown): void => {
    posted.push(data);
    w.onmessage?.(new MessageEvent('message', { data }));
  };
  const w: ImportWorker & { readonly posted: unknown[] } = {
    posted,
    onmessage: null,
    onerror: null,
    postMessage: (data) =>
      setTimeout(() => {
        say(IMPORT_WORKER_READY);
        const request = importRequestOf(data);
        if (request) void readImportRequest(request, (importStep) => say({ importStep })).then(say);
      }, 0),
    terminate: () => undefined,
  };
  return w;
}

describe('the steps of reading a chosen file (issue 17)', () => {
  it('the page hears 読み込み, then 点検, then gets the checked file', async () => {
    const w = standIn();
    const steps: ImportStep[] = [];
    const read = await readImportOffThread(validFile(), { startWorker: () => w, onStep: (s) => steps.push(s) });
    expect(steps).toEqual(['read', 'check']);
    expect(read.ok && read.envelope.kind).toBe('workspace');
  });

  it('a plain File gets only the answer (no steps), as before', async () => {
    const w = standIn();
    const read = await readImportOffThread(validFile(), { startWorker: () => w });
    expect(read.ok).toBe(true);
    expect(w.posted).toHaveLength(2);
    expect(w.posted[0]).toBe(IMPORT_WORKER_READY);
  });

  it('without a Worker the file is read on the page, with the same steps', async () => {
    const steps: ImportStep[] = [];
    const read = await readImportOffThread(validFile(), { startWorker: () => undefined, onStep: (s) => steps.push(s) });
    expect(steps).toEqual(['read', 'check']);
    expect(read.ok).toBe(true);
  });
});
