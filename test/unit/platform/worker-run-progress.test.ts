/**
 * Issue 17 item 3: runInWorker hears a Worker's progress before its answer (the package export's
 * progress bar) and can keep a Worker between jobs (its parsed fonts stay warm). The Worker here is
 * a stand-in; the built export Worker runs in Chromium in test/e2e/package-export-progress.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { runInWorker, serveInWorker, WorkerKeeper, type WorkerJob, type WorkerLike, type WorkerScope } from '../../../renderer/platform/worker-run';

interface Step {
  readonly type: 'step';
  readonly label: string;
}
type Answer = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

const isStep = (v: unknown): v is Step => typeof v === 'object' && v !== null && 'type' in v && v.type === 'step' && 'label' in v && typeof v.label === 'string';
const isAnswer = (v: unknown): v is Answer => typeof v === 'object' && v !== null && 'ok' in v && ((v.ok === true && 'text' in v && typeof v.text === 'string') || (v.ok === false && 'message' in v));

/** A stand-in Worker: `behave` decides what it says for each posted request. */
function standIn(behave: (say: (data: unknown) => void, request: unknown, w: WorkerLike) => void): WorkerLike & { terminated: boolean; requests: unknown[] } {
  const w: WorkerLike & { terminated: boolean; requests: unknown[] } = {
    terminated: false,
    requests: [],
    onmessage: null,
    onerror: null,
    postMessage: (request) => {
      w.requests.push(request);
      setTimeout(() => behave((data) => w.onmessage?.(new MessageEvent('message', { data })), request, w), 0);
    },
    terminate: () => {
      w.terminated = true;
    },
  };
  return w;
}
const errorEvent = (): ErrorEvent => new Event('error') as unknown as ErrorEvent;

function job(startWorker: () => WorkerLike | undefined, heard: string[], extra: Partial<WorkerJob<string, Answer, Step>> = {}): WorkerJob<string, Answer, Step> {
  return {
    startWorker,
    ready: 'ready',
    isResult: isAnswer,
    runHere: (q) => {
      heard.push('ページで作成');
      return Promise.resolve({ ok: true, text: `here:${q}` });
    },
    timeLimitMs: 5_000,
    timedOut: { ok: false, message: '時間切れ' },
    failed: { ok: false, message: '処理が止まりました' },
    progress: { is: isStep, report: (p) => heard.push(p.label) },
    ...extra,
  };
}

describe('runInWorker with progress (issue 17: 書類を作成しています)', () => {
  it('hands each step the Worker reports to the progress bar, in order, then takes its answer', async () => {
    const heard: string[] = [];
    const w = standIn((say, q) => {
      say('ready');
      for (const label of ['レイアウト', 'PDF', 'Word（1/2）', 'Word（2/2）', 'ZIP']) say({ type: 'step', label });
      say({ ok: true, text: `worker:${String(q)}` });
    });
    const answer = await runInWorker('一式', job(() => w, heard));
    expect(answer).toEqual({ ok: true, text: 'worker:一式' });
    expect(heard).toEqual(['レイアウト', 'PDF', 'Word（1/2）', 'Word（2/2）', 'ZIP']);
    expect(w.terminated).toBe(true);
  });

  it('a message that is neither a step nor an answer counts as a failure, and the Worker is stopped', async () => {
    const heard: string[] = [];
    const w = standIn((say) => {
      say('ready');
      say({ type: 'step', label: 'レイアウト' });
      say({ type: 'step', label: 42 }); // not a step: read as the answer, which it is not either
    });
    expect(await runInWorker('一式', job(() => w, heard))).toEqual({ ok: false, message: '処理が止まりました' });
    expect(heard).toEqual(['レイアウト']);
    expect(w.terminated).toBe(true);
  });

  it('runs on the page, still reporting there, when no Worker starts or it fails to load', async () => {
    const heard: string[] = [];
    expect(await runInWorker('一式', job(() => undefined, heard))).toEqual({ ok: true, text: 'here:一式' });
    const broken = standIn((_say, _q, w) => w.onerror?.(errorEvent()));
    expect(await runInWorker('一式', job(() => broken, heard))).toEqual({ ok: true, text: 'here:一式' });
    expect(heard).toEqual(['ページで作成', 'ページで作成']);
  });

  it('runs on the page a request that cannot be sent to the Worker (not structured-cloneable)', async () => {
    const heard: string[] = [];
    const w = standIn(() => undefined);
    w.postMessage = () => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    };
    expect(await runInWorker('一式', job(() => w, heard))).toEqual({ ok: true, text: 'here:一式' });
    expect(heard).toEqual(['ページで作成']);
    expect(w.terminated).toBe(true);
  });

  it('keeps a Worker that answered for the next job: no second start, and its death then is a failure, not a page run', async () => {
    const keeper = new WorkerKeeper(60_000);
    const heard: string[] = [];
    let started = 0;
    const w = standIn((say, q, worker) => {
      if (w.requests.length === 1) say('ready'); // a kept Worker says READY once, when it loads
      if (q === '3回目') return worker.onerror?.(errorEvent());
      say({ ok: true, text: `worker:${String(q)}` });
    });
    const start = (): WorkerLike => {
      started++;
      return w;
    };
    expect(await runInWorker('1回目', job(start, heard, { keeper }))).toEqual({ ok: true, text: 'worker:1回目' });
    expect(await runInWorker('2回目', job(start, heard, { keeper }))).toEqual({ ok: true, text: 'worker:2回目' });
    expect(started).toBe(1);
    expect(w.terminated).toBe(false);
    expect(await runInWorker('3回目', job(start, heard, { keeper }))).toEqual({ ok: false, message: '処理が止まりました' });
    expect(heard).toEqual([]);
    expect(w.terminated).toBe(true);
    expect(keeper.take()).toBeUndefined();
  });

  it('never keeps a Worker that ran out of time or died: the next job starts a new one', async () => {
    const keeper = new WorkerKeeper(60_000);
    const slow = standIn((say) => say('ready')); // never answers
    expect(await runInWorker('1回目', job(() => slow, [], { keeper, timeLimitMs: 30 }))).toEqual({ ok: false, message: '時間切れ' });
    expect(slow.terminated).toBe(true);
    const dying = standIn((say, _q, w) => {
      say('ready');
      w.onerror?.(errorEvent());
    });
    expect(await runInWorker('2回目', job(() => dying, [], { keeper }))).toEqual({ ok: false, message: '処理が止まりました' });
    expect(dying.terminated).toBe(true);
    const fresh = standIn((say, q) => {
      say('ready');
      say({ ok: true, text: `worker:${String(q)}` });
    });
    expect(await runInWorker('3回目', job(() => fresh, [], { keeper }))).toEqual({ ok: true, text: 'worker:3回目' });
    expect(slow.requests).toHaveLength(1);
    expect(dying.requests).toHaveLength(1);
    keeper.take()?.terminate();
  });

  it('stops a kept Worker once it has been idle for the keeper\'s time', async () => {
    const keeper = new WorkerKeeper(20);
    const w = standIn((say) => {
      say('ready');
      say({ ok: true, text: 'ok' });
    });
    await runInWorker('一式', job(() => w, [], { keeper }));
    expect(w.terminated).toBe(false);
    expect(keeper.holds()).toBe(true);
    await expect.poll(() => w.terminated).toBe(true);
    expect(keeper.holds()).toBe(false);
    expect(keeper.take()).toBeUndefined();
  });
});

describe('serveInWorker with progress (the export Worker\'s side)', () => {
  it('posts each step as the job reports it, then the answer with its buffer handed over', async () => {
    const posted: Array<{ message: unknown; transfer: readonly Transferable[] }> = [];
    const scope: WorkerScope = { onmessage: null, postMessage: (message, options) => void posted.push({ message, transfer: options?.transfer ?? [] }) };
    serveInWorker<string, { readonly ok: true; readonly bytes: Uint8Array }, Step>(scope, {
      ready: 'ready',
      request: (d) => (typeof d === 'string' ? d : undefined),
      run: (q, progress) => {
        progress({ type: 'step', label: 'レイアウト' });
        progress({ type: 'step', label: 'PDF' });
        return Promise.resolve({ ok: true, bytes: new TextEncoder().encode(q) });
      },
      unreadable: { ok: true, bytes: new Uint8Array() },
      transfer: (a) => [a.bytes.buffer as ArrayBuffer],
    });
    scope.onmessage?.(new MessageEvent('message', { data: '一式' }));
    await expect.poll(() => posted.length).toBe(4);
    expect(posted.map((p) => p.message)).toEqual(['ready', { type: 'step', label: 'レイアウト' }, { type: 'step', label: 'PDF' }, { ok: true, bytes: new TextEncoder().encode('一式') }]);
    expect(posted[3]!.transfer).toHaveLength(1);
  });
});
