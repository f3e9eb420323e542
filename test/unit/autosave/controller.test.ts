import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, type SaveState } from '../../../renderer/autosave/controller';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(save: (v: string) => Promise<void>) {
  const states: SaveState[] = [];
  const c = new AutosaveController<string>({ save, delayMs: 400, onState: (s) => states.push(s), retryDelaysMs: [1000] });
  return { c, states };
}

describe('DATA-11 autosave', () => {
  it('saves the last value once, 400 ms after the last edit', async () => {
    const saved: string[] = [];
    const { c } = setup((v) => {
      saved.push(v);
      return Promise.resolve();
    });
    c.schedule('髙');
    await vi.advanceTimersByTimeAsync(300);
    c.schedule('髙橋');
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['髙橋']);
  });

  it('flush writes at once (blur, page hide, unload)', async () => {
    const saved: string[] = [];
    const { c, states } = setup((v) => {
      saved.push(v);
      return Promise.resolve();
    });
    c.schedule('﨑');
    await c.flush();
    expect(saved).toEqual(['﨑']);
    expect(states.at(-1)).toBe('saved');
  });

  it('keeps the value after a failed save, shows the failure and retries', async () => {
    let fail = true;
    const saved: string[] = [];
    const { c, states } = setup((v) => {
      if (fail) return Promise.reject(new Error('quota'));
      saved.push(v);
      return Promise.resolve();
    });
    c.schedule('𠮷田');
    await c.flush();
    expect(states.at(-1)).toBe('failed');
    expect(c.hasPending).toBe(true);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['𠮷田']);
    expect(states.at(-1)).toBe('saved');
  });

  it('saves an edit made while a save is running, after it', async () => {
    const saved: string[] = [];
    const { c } = setup(async (v) => {
      await Promise.resolve();
      saved.push(v);
    });
    c.schedule('a');
    const first = c.flush();
    c.schedule('ab'); // typed while 'a' is being written
    const second = c.flush();
    await Promise.all([first, second]);
    expect(saved).toEqual(['a', 'ab']);
  });

  it('does not retry a value the database refuses as invalid, but keeps it for the next edit', async () => {
    const attempts: string[] = [];
    const c = new AutosaveController<string>({
      save: (v) => {
        attempts.push(v);
        return Promise.reject(new Error('invalid'));
      },
      isRetryable: () => false,
      retryDelaysMs: [10],
    });
    c.schedule('長すぎる値');
    await c.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempts).toEqual(['長すぎる値']);
    expect(c.hasPending).toBe(true);
    expect(c.currentState).toBe('failed');
  });

  it('stops retrying once disposed (the editor was closed)', async () => {
    let attempts = 0;
    const c = new AutosaveController<string>({ save: () => (attempts++, Promise.reject(new Error('closed'))), retryDelaysMs: [10] });
    c.schedule('x');
    // As on unmount: flush, then dispose while the save is still running.
    const running = c.flush();
    c.dispose();
    await running;
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempts).toBe(1);
  });
});
