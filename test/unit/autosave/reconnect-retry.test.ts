import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController } from '../../../renderer/autosave/controller';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('DATA-12 saving resumes when the database is reachable again', () => {
  it('a save that failed on a lost connection is retried at once, not after its 30 s backoff', async () => {
    let reachable = false;
    const saved: string[] = [];
    const c = new AutosaveController<string>({
      save: (v) => (reachable ? (saved.push(v), Promise.resolve()) : Promise.reject(new Error('DatabaseClosedError'))),
      retryDelaysMs: [30_000],
    });
    c.schedule('満杯のときに入力した文字');
    await c.flush();
    expect(c.currentState).toBe('failed');
    reachable = true;
    c.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['満杯のときに入力した文字']);
    expect(c.currentState).toBe('saved');
  });

  it('leaves alone a failure a retry cannot fix (a conflict waits for the user’s choice)', async () => {
    let calls = 0;
    const c = new AutosaveController<string>({
      save: () => {
        calls++;
        return Promise.reject(new Error('conflict'));
      },
      isRetryable: () => false,
    });
    c.schedule('別のウィンドウと競合した入力');
    await c.flush();
    c.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    expect(c.hasPending).toBe(true);
  });
});
