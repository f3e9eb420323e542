import { describe, expect, it } from 'vitest';
import { QUIT_TIMEOUT_MS, createQuitGate } from '../../../electron/policies/quit-gate';

/** A gate with recorded effects and a hand-driven timer (no real time passes in these tests). */
function setup(options: { readonly pageAlive?: boolean } = {}) {
  const calls: string[] = [];
  let fireTimer: (() => void) | undefined;
  let timerMs: number | undefined;
  const gate = createQuitGate({
    askRenderer: () => {
      calls.push('ask');
      return options.pageAlive ?? true;
    },
    startTimer: (ms, onTimeout) => {
      timerMs = ms;
      fireTimer = onTimeout;
      calls.push('timer');
      return () => calls.push('cancel-timer');
    },
    quit: () => calls.push('quit'),
    released: (cause) => calls.push(`released:${cause}`),
  });
  return { gate, calls, fireTimer: () => fireTimer?.(), timerMs: () => timerMs };
}

describe('DATA-11/DATA-13 quit handshake', () => {
  it('holds the first quit, asks the page once, and quits when the page says it is ready', () => {
    const { gate, calls, timerMs } = setup();
    expect(gate.onQuitRequested()).toBe('prevent');
    expect(gate.phase()).toBe('waiting');
    expect(timerMs()).toBe(QUIT_TIMEOUT_MS);
    gate.onRendererReady();
    expect(calls).toEqual(['ask', 'timer', 'cancel-timer', 'released:ready', 'quit']);
  });

  it('lets the quit it started itself pass, so quitting does not loop', () => {
    const { gate } = setup();
    gate.onQuitRequested();
    gate.onRendererReady();
    expect(gate.onQuitRequested()).toBe('allow');
    expect(gate.onQuitRequested()).toBe('allow');
  });

  it('holds a second quit (window close, then before-quit) without asking the page again', () => {
    const { gate, calls } = setup();
    expect(gate.onQuitRequested()).toBe('prevent');
    expect(gate.onQuitRequested()).toBe('prevent');
    expect(calls.filter((c) => c === 'ask')).toHaveLength(1);
  });

  it('quits after the timeout when the page never answers', () => {
    const { gate, calls, fireTimer } = setup();
    gate.onQuitRequested();
    fireTimer();
    expect(calls).toEqual(['ask', 'timer', 'cancel-timer', 'released:timeout', 'quit']);
    expect(gate.phase()).toBe('released');
  });

  it('quits once only when the page answers after the timeout', () => {
    const { gate, calls, fireTimer } = setup();
    gate.onQuitRequested();
    fireTimer();
    gate.onRendererReady();
    expect(calls.filter((c) => c === 'quit')).toHaveLength(1);
  });

  it('lets the quit through at once when there is no page to ask', () => {
    const { gate, calls } = setup({ pageAlive: false });
    expect(gate.onQuitRequested()).toBe('allow');
    expect(calls).toEqual(['ask', 'released:no-renderer']);
  });

  it('ignores a quit-ready that comes when no quit is waiting', () => {
    const { gate, calls } = setup();
    gate.onRendererReady();
    expect(calls).toEqual([]);
    expect(gate.phase()).toBe('running');
    expect(gate.onQuitRequested()).toBe('prevent');
  });
});
