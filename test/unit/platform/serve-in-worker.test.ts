import { describe, expect, test } from 'vitest';
import { serveInWorker, type WorkerScope } from '../../../renderer/platform/worker-run';

/** A Worker's global scope as a test sees it: what was posted, and a way to send a message in. */
function fakeScope(): WorkerScope & { readonly posted: unknown[]; send(data: unknown): void } {
  const posted: unknown[] = [];
  const scope = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    posted,
    postMessage: (m: unknown) => void posted.push(m),
    send(data: unknown) {
      scope.onmessage?.(new MessageEvent('message', { data }));
    },
  };
  return scope;
}

describe('serveInWorker: the Worker side of a file check (backup, case file, attached PDF)', () => {
  test('says it is ready, answers a readable request with the job and anything else with the refusal', async () => {
    const scope = fakeScope();
    serveInWorker<string, { readonly ok: boolean; readonly length?: number; readonly message?: string }>(scope, {
      ready: 'ready',
      request: (d) => (typeof d === 'string' ? d : undefined),
      run: (q: string) => Promise.resolve({ ok: true, length: q.length }),
      unreadable: { ok: false, message: 'ファイルを読み取れませんでした。もう一度選んでください。' },
    });
    expect(scope.posted).toEqual(['ready']);
    scope.send(42);
    expect(scope.posted.at(-1)).toEqual({ ok: false, message: 'ファイルを読み取れませんでした。もう一度選んでください。' });
    scope.send('計画書.pdf');
    await Promise.resolve();
    await Promise.resolve();
    expect(scope.posted.at(-1)).toEqual({ ok: true, length: 7 });
  });
});
