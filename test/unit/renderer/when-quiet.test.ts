import { describe, expect, it } from 'vitest';
import { NO_FRAME_MS, afterPaint, whenQuiet, type FrameTimers, type QuietTimers } from '../../../renderer/app/when-quiet';

/** A hand-driven clock and idle queue. */
function fakeTimers(): QuietTimers & { advance(ms: number): void; idle(): void } {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const idles = new Map<number, () => void>();
  return {
    setTimeout: (run, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (h) => void timers.delete(h as number),
    requestIdleCallback: (run) => {
      const id = next++;
      idles.set(id, run);
      return id;
    },
    cancelIdleCallback: (h) => void idles.delete(h as number),
    advance(ms) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at > now) continue;
        timers.delete(id);
        t.run();
      }
    },
    idle() {
      for (const [id, run] of [...idles]) {
        idles.delete(id);
        run();
      }
    },
  };
}

/** How an effect uses it: on each new value the previous run is cancelled and a new one asked for. */
function follow(timers: QuietTimers, delay: number, ran: string[]): (value: string) => void {
  let cancel: (() => void) | undefined;
  return (value) => {
    cancel?.();
    cancel = whenQuiet(() => ran.push(value), delay, timers);
  };
}

describe('issue 17: the findings follow typing after a pause, never in the keystroke’s task', () => {
  it('a burst of keys is checked once, after the pause, with the last text', () => {
    const t = fakeTimers();
    const ran: string[] = [];
    const change = follow(t, 200, ran);
    for (const v of ['治', '治療', '治療計', '治療計画']) {
      change(v);
      t.advance(100);
      t.idle();
    }
    // Nothing ran in the keystrokes' own tasks, nor between keys 100 ms apart.
    expect(ran).toEqual([]);
    t.advance(100);
    expect(ran).toEqual([]); // the pause is over: waits for the page to be idle
    t.idle();
    expect(ran).toEqual(['治療計画']);
  });

  it('a change while waiting for idle time replaces the older run', () => {
    const t = fakeTimers();
    const ran: string[] = [];
    const change = follow(t, 0, ran);
    change('古い入力');
    t.advance(0);
    change('新しい入力');
    t.advance(0);
    t.idle();
    expect(ran).toEqual(['新しい入力']);
  });

  it('runs after the pause alone where there is no idle queue', () => {
    const ran: string[] = [];
    const t = fakeTimers();
    const bare: QuietTimers = { setTimeout: (run, ms) => t.setTimeout(run, ms), clearTimeout: (h) => t.clearTimeout(h) };
    whenQuiet(() => ran.push('x'), 50, bare);
    t.advance(49);
    expect(ran).toEqual([]);
    t.advance(1);
    expect(ran).toEqual(['x']);
  });
});

/** A hand-driven frame clock: `frame()` runs the animation-frame callbacks (the paint follows them). */
function fakeFrames(): FrameTimers & { frame(): void; advance(ms: number): void } {
  const t = fakeTimers();
  const frames = new Map<number, () => void>();
  let next = 1000;
  return {
    setTimeout: (run, ms) => t.setTimeout(run, ms),
    clearTimeout: (h) => t.clearTimeout(h),
    requestAnimationFrame: (run) => {
      const id = next++;
      frames.set(id, run);
      return id;
    },
    cancelAnimationFrame: (h) => void frames.delete(h as number),
    frame() {
      for (const [id, run] of [...frames]) {
        frames.delete(id);
        run();
      }
    },
    advance: (ms) => t.advance(ms),
  };
}

describe('issue 17: the preview is laid out after the typed character is painted', () => {
  it('runs in a task of its own after the next frame, not in the key’s task nor in the frame itself', () => {
    const f = fakeFrames();
    const ran: string[] = [];
    afterPaint(() => ran.push('layout'), f);
    expect(ran).toEqual([]);
    f.frame();
    expect(ran).toEqual([]);
    f.advance(0);
    expect(ran).toEqual(['layout']);
    f.advance(NO_FRAME_MS);
    f.frame();
    expect(ran).toEqual(['layout']);
  });

  it('a hidden page (no frames) still gets its preview, a moment later', () => {
    const f = fakeFrames();
    const ran: string[] = [];
    afterPaint(() => ran.push('layout'), f);
    f.advance(NO_FRAME_MS - 1);
    expect(ran).toEqual([]);
    f.advance(1);
    expect(ran).toEqual(['layout']);
  });

  it('cancelled (the screen closed), nothing runs', () => {
    const f = fakeFrames();
    const ran: string[] = [];
    afterPaint(() => ran.push('layout'), f)();
    f.frame();
    f.advance(NO_FRAME_MS);
    expect(ran).toEqual([]);
  });
});
