/**
 * DATA-11 / DATA-13: the quit handshake. Before the app quits, the renderer gets one chance to
 * flush its edits and write the last backup.
 *
 * - The first quit request (app `before-quit`, or the window's `close` — closing the only window
 *   destroys the page *before* `before-quit` fires, so both must be held) is deferred: the
 *   renderer is told (`app-before-quit`) and a timer starts.
 * - Further requests while waiting are deferred too, without asking the renderer again.
 * - The renderer's `quit-ready`, or the timeout (5 s), releases the gate once and quits; from then
 *   on every request passes, so the quit main starts itself is not caught again.
 * - With no renderer to ask (no window, crashed page) the request passes at once.
 * A hung renderer can therefore delay quitting by the timeout at most, never block it.
 *
 * Pure state machine; Electron, the page and the clock are injected.
 */
export type QuitPhase = 'running' | 'waiting' | 'released';

export interface QuitGateEffects {
  /** Sends `app-before-quit` to the page; false when there is no live page to ask. */
  askRenderer(): boolean;
  /** Starts a timer; returns its cancel function. */
  startTimer(ms: number, onTimeout: () => void): () => void;
  /** Quits the app for real (called at most once, after the gate is released). */
  quit(): void;
  /** Told how the wait ended, for the log. */
  released?(cause: 'ready' | 'timeout' | 'no-renderer'): void;
}

export const QUIT_TIMEOUT_MS = 5_000;

export interface QuitGate {
  /** Call from `before-quit` and the window's `close`; on 'prevent' call event.preventDefault(). */
  onQuitRequested(): 'allow' | 'prevent';
  /** Call when the renderer answers `quit-ready`. Ignored unless a quit is waiting. */
  onRendererReady(): void;
  phase(): QuitPhase;
}

export function createQuitGate(effects: QuitGateEffects, timeoutMs: number = QUIT_TIMEOUT_MS): QuitGate {
  let phase: QuitPhase = 'running';
  let cancelTimer: (() => void) | undefined;

  const release = (cause: 'ready' | 'timeout'): void => {
    if (phase !== 'waiting') return;
    phase = 'released';
    cancelTimer?.();
    cancelTimer = undefined;
    effects.released?.(cause);
    effects.quit();
  };

  return {
    onQuitRequested() {
      if (phase === 'released') return 'allow';
      if (phase === 'waiting') return 'prevent';
      if (!effects.askRenderer()) {
        phase = 'released';
        effects.released?.('no-renderer');
        return 'allow';
      }
      phase = 'waiting';
      cancelTimer = effects.startTimer(timeoutMs, () => release('timeout'));
      return 'prevent';
    },
    onRendererReady() {
      release('ready');
    },
    phase: () => phase,
  };
}
