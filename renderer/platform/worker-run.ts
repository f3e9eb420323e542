/**
 * One job in a Web Worker with a time limit, and on the page where no Worker can start: what reading
 * a chosen backup/project file (renderer/db/import-file.ts) and a case file (features/reports/
 * case-file-read.ts) share. The page stays responsive while the Worker works; a job that takes
 * longer than the limit is refused and the Worker stopped. Never throws.
 */

/** What runInWorker needs of a Worker (a stand-in in unit tests). */
export interface WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

export interface WorkerJob<Q, R> {
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
}

/** `job.runHere(request)` in a Web Worker, stopped after `job.timeLimitMs`. */
export function runInWorker<Q, R>(request: Q, job: WorkerJob<Q, R>): Promise<R> {
  let worker: WorkerLike | undefined;
  try {
    worker = job.startWorker();
  } catch {
    worker = undefined;
  }
  if (!worker) return job.runHere(request);
  const w = worker;
  return new Promise<R>((resolve) => {
    let ready = false;
    let settled = false;
    const finish = (result: R | Promise<R>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish(job.timedOut), job.timeLimitMs);
    w.onmessage = (e) => {
      const data: unknown = e.data;
      if (data === job.ready) {
        ready = true;
        return;
      }
      finish(job.isResult(data) ? data : job.failed);
    };
    // Before READY the Worker could not start: run here instead. After, it died doing the job.
    w.onerror = () => finish(ready ? job.failed : job.runHere(request));
    w.postMessage(request);
  });
}

/** What a Worker's own global scope offers the job it serves. */
export interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

/**
 * The Worker's side of `runInWorker`: reads each request (`undefined` = not one: answered with
 * `unreadable`), runs the job and posts its answer; says `ready` once loaded.
 */
export function serveInWorker<Q, R>(scope: WorkerScope, job: { readonly ready: string; readonly request: (data: unknown) => Q | undefined; readonly run: (request: Q) => Promise<R>; readonly unreadable: R }): void {
  scope.onmessage = (e) => {
    const request = job.request(e.data);
    if (request === undefined) return scope.postMessage(job.unreadable);
    void job.run(request).then((answer) => scope.postMessage(answer));
  };
  scope.postMessage(job.ready);
}
