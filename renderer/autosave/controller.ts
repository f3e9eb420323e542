/**
 * Autosave (DATA-11): a debounced save (≤ 500 ms after the last edit) that can be flushed at once
 * on blur, when the page is hidden or unloaded. A failed save keeps the value in memory, shows
 * 保存できませんでした and retries with backoff; nothing typed is dropped.
 *
 * The caller decides *when* to schedule: editors do not schedule while an IME composition is in
 * progress, so Japanese input is never interrupted (see useAutosave).
 */
import { measureAutosaveWrite } from '../app/perf-marks';

export type SaveState = 'saved' | 'saving' | 'failed';

export interface AutosaveOptions<T> {
  /**
   * Writes a value. `editedAt` is when the value was typed (ISO): the stored row carries it, so a
   * journal entry can be compared with the row like for like — not with the time the save ran,
   * which is later than edits typed while it was running.
   */
  readonly save: (value: T, editedAt: string) => Promise<void>;
  readonly delayMs?: number;
  readonly onState?: (state: SaveState, error?: unknown) => void;
  /** Backoff for automatic retries after a failure, in ms. */
  readonly retryDelaysMs?: readonly number[];
  /** Synchronous write-ahead copy of the latest unsaved value (renderer/db/journal.ts). */
  readonly journal?: { write(value: T, at: string): void; clear(): void };
  /** False for failures a retry cannot fix (invalid input): the value is kept, and the next edit tries again. */
  readonly isRetryable?: (error: unknown) => boolean;
}

export const AUTOSAVE_DELAY_MS = 400;

export class AutosaveController<T> {
  private pending: { value: T; at: string } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private failures = 0;
  private state: SaveState = 'saved';
  private readonly delay: number;
  private readonly retryDelays: readonly number[];

  private save: (value: T, editedAt: string) => Promise<void>;
  private disposed = false;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.save = options.save;
    this.delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.retryDelays = options.retryDelaysMs ?? [1000, 3000, 10_000, 30_000];
  }

  /** Replaces the save function (e.g. when the editor's context changes); pending values stay. */
  setSave(save: (value: T, editedAt: string) => Promise<void>): void {
    this.save = save;
  }

  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  get currentState(): SaveState {
    return this.state;
  }

  /** Records the latest value and saves it after the debounce delay. */
  schedule(value: T): void {
    const at = new Date().toISOString();
    this.pending = { value, at };
    this.options.journal?.write(value, at);
    this.setState(this.state === 'failed' ? 'failed' : 'saving');
    this.arm(this.delay);
  }

  /** Saves any pending value now. Resolves when everything scheduled so far is written (or failed). */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.running) return this.running.then(() => (this.pending ? this.flush() : undefined));
    if (!this.pending) return Promise.resolve();
    const { value, at } = this.pending;
    this.pending = undefined;
    this.setState('saving');
    const start = performance.now();
    this.running = this
      .save(value, at)
      .then(() => {
        measureAutosaveWrite(start);
        this.failures = 0;
        if (!this.pending) {
          this.options.journal?.clear();
          this.setState('saved');
        }
      })
      .catch((e: unknown) => {
        // Keep the value: a newer edit wins, otherwise retry this one.
        this.pending ??= { value, at };
        this.failures++;
        this.setState('failed', e);
        if (this.options.isRetryable?.(e) ?? true) {
          const wait = this.retryDelays[Math.min(this.failures - 1, this.retryDelays.length - 1)] ?? 30_000;
          this.arm(wait);
        }
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running.then(() => (this.pending && this.state !== 'failed' ? this.flush() : undefined));
  }

  /**
   * Runs a waiting automatic retry now (the database is reachable again, DATA-12). Nothing happens
   * when no retry waits: a failure a retry cannot fix (a conflict, invalid input) stays as it is.
   */
  retryNow(): void {
    if (this.state === 'failed' && this.timer !== undefined && !this.disposed) void this.flush();
  }

  /** Stops timers; a save already running finishes, but nothing is retried after this. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private arm(ms: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setState(state: SaveState, error?: unknown): void {
    // 'saving' again while saving is no news: each keystroke would render the editor again for it.
    if (state !== 'failed' && state === this.state) return;
    this.state = state;
    this.options.onState?.(state, error);
  }
}
