/**
 * One job in a Web Worker with a time limit, and on the page where no Worker can start: what reading
 * a chosen backup/project file (renderer/db/import-file.ts) and a case file (features/reports/
 * case-file-read.ts) share. The page stays responsive while the Worker works; a job that takes
 * longer than the limit is refused and the Worker stopped. Never throws.
 *
 * A job may also hear progress (issue 17: the package export's progress bar) and keep its Worker
 * between jobs (`WorkerKeeper`: what the Worker caches, e.g. parsed fonts, stays warm).
 */

/** What runInWorker needs of a Worker (a stand-in in unit tests). */
export interface WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

export interface WorkerJob<Q, R, P = never> {
  /** Starts the Worker (its `new Worker(new URL(…))` stays beside the caller for the bundler); undefined where none can start. */
  readonly startWorker: () => WorkerLike | undefined;
  /** The Worker's first message: it loaded (an error before it is a Worker that could not start). */
  readonly ready: string;
  /** The Worker's answer, checked (anything else counts as `failed`). */
  readonly isResult: (v: unknown) => v is R;
  /** The same job on the page: where no Worker starts or it fails to load. */
  readonly runHere: (request: Q) => Promise<R>;
  readonly timeLimitMs: number;
  /** The answer when the time limit passes. */
  readonly timedOut: R;
  /** The answer when the Worker died after it loaded, or answered something else. */
  readonly failed: R;
  /** Progress the Worker posts before its answer: checked by `is`, then handed to `report` (anything else is the answer). */
  readonly progress?: { readonly is: (v: unknown) => v is P; readonly report: (p: P) => void };
  /** Where a Worker that answered waits for the next job (else it is stopped after each one). */
  readonly keeper?: WorkerKeeper;
}

/**
 * One idle Worker kept between jobs, stopped after `idleMs` without one. A job takes it (or starts
 * a new one when there is none) and gives it back only when it answered as expected: a Worker that
 * timed out, died or answered something else is stopped, never reused.
 */
export class WorkerKeeper {
  private idle: WorkerLike | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly idleMs: number) {}

  /** The idle Worker, if any (it has loaded: it is not waited for again). */
  take(): WorkerLike | undefined {
    const w = this.idle;
    this.idle = undefined;
    clearTimeout(this.timer);
    return w;
  }

  /** Whether a Worker is waiting for the next job. */
  holds(): boolean {
    return this.idle !== undefined;
  }

  /** Keeps `w` for the next job (stopping any other idle one). */
  keep(w: WorkerLike): void {
    if (this.idle !== w) this.idle?.terminate();
    this.idle = w;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.take()?.terminate(), this.idleMs);
  }
}

/** `job.runHere(request)` in a Web Worker, stopped after `job.timeLimitMs`. */
export function runInWorker<Q, R, P = never>(request: Q, job: WorkerJob<Q, R, P>): Promise<R> {
  const kept = job.keeper?.take();
  let worker: WorkerLike | undefined = kept;
  try {
    worker ??= job.startWorker();
  } catch {
    worker = undefined;
  }
  if (!worker) return job.runHere(request);
  const w = worker;
  return new Promise<R>((resolve) => {
    // A kept Worker loaded for an earlier job: it says READY no more.
    let ready = kept !== undefined;
    let settled = false;
    const finish = (result: R | Promise<R>, answered = false): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.onmessage = null;
      w.onerror = null;
      if (answered && job.keeper) job.keeper.keep(w);
      else w.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish(job.timedOut), job.timeLimitMs);
    w.onmessage = (e) => {
      const data: unknown = e.data;
      if (data === job.ready) {
        ready = true;
        return;
      }
      if (job.progress?.is(data)) return job.progress.report(data);
      if (job.isResult(data)) finish(data, true);
      else finish(job.failed);
    };
    // Before READY the Worker could not start: run here instead. After, it died doing the job.
    w.onerror = () => finish(ready ? job.failed : job.runHere(request));
    try {
      w.postMessage(request);
    } catch {
      // A request that cannot cross (not structured-cloneable) is run here.
      finish(job.runHere(request));
    }
  });
}

/** What a Worker's own global scope offers the job it serves. */
export interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(message: unknown, options?: { transfer?: Transferable[] }): void;
}

/**
 * The Worker's side of `runInWorker`: reads each request (`undefined` = not one: answered with
 * `unreadable`), runs the job and posts its answer; says `ready` once loaded. The job may post
 * progress on the way (`progress`), and name the buffers of its answer to hand over rather than
 * copy (`transfer`: they are the page's afterwards).
 */
export function serveInWorker<Q, R, P = never>(
  scope: WorkerScope,
  job: {
    readonly ready: string;
    readonly request: (data: unknown) => Q | undefined;
    readonly run: (request: Q, progress: (p: P) => void) => Promise<R>;
    readonly unreadable: R;
    readonly transfer?: (answer: R) => Transferable[];
  },
): void {
  const progress = (p: P): void => scope.postMessage(p);
  scope.onmessage = (e) => {
    const request = job.request(e.data);
    if (request === undefined) return scope.postMessage(job.unreadable);
    void job.run(request, progress).then((answer) => scope.postMessage(answer, { transfer: job.transfer?.(answer) ?? [] }));
  };
  scope.postMessage(job.ready);
}
