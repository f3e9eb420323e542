import { describe, expect, it } from 'vitest';
import { startAutoBackups } from '../../../renderer/backup/scheduler';
import { emptyWorkspaceData, makeEnvelope } from '../../../shared/io/envelope';
import type { AutoBackups, BackupReason } from '../../../renderer/platform/platform';

function fakes() {
  const written: BackupReason[] = [];
  let quitWork: (() => Promise<void>) | undefined;
  let tick: (() => void) | undefined;
  let change: string | undefined = '2026-11-21T00:00:00.000Z';
  const order: string[] = [];
  const backups: AutoBackups = {
    write: (_data, reason) => {
      written.push(reason);
      order.push(`backup:${reason}`);
      return Promise.resolve({ status: 'saved', savedAt: '2026-11-21T00:00:00.000Z', copies: ['app-data'] });
    },
    list: () => Promise.resolve({ backups: [], folderLabel: null }),
    read: () => Promise.resolve({ status: 'failed', message: '' }),
    chooseFolder: () => Promise.resolve({ status: 'cancelled' }),
    onBeforeQuit: (work) => {
      quitWork = work;
      return () => {
        quitWork = undefined;
      };
    },
  };
  const scheduler = startAutoBackups({
    source: { lastChangeAt: () => Promise.resolve(change), exportWorkspace: () => Promise.resolve({ envelope: makeEnvelope('workspace', emptyWorkspaceData(), '0.1.0', 'x') }) },
    backups,
    flushAll: () => {
      order.push('flush');
      change = '2026-11-21T00:05:00.000Z';
      return Promise.resolve();
    },
    setInterval: (fn) => {
      tick = fn;
      return 1;
    },
    clearInterval: () => {
      tick = undefined;
    },
  });
  return { written, order, scheduler, tick: () => tick?.(), quit: () => quitWork?.(), setChange: (c: string) => (change = c), hasQuitWork: () => quitWork !== undefined };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('DATA-13 automatic backups in Electron', () => {
  it('backs up on the interval only while there are changes since the last backup', async () => {
    const f = fakes();
    f.tick();
    await settle();
    f.tick();
    await settle();
    expect(f.written).toEqual(['interval']);
    f.setChange('2026-11-21T01:00:00.000Z');
    f.tick();
    await settle();
    expect(f.written).toEqual(['interval', 'interval']);
  });

  it('at quit, saves every open editor first and then writes the final backup', async () => {
    const f = fakes();
    await f.quit();
    expect(f.order).toEqual(['flush', 'backup:quit']);
  });

  it('stops the timer and the quit work when stopped', () => {
    const f = fakes();
    f.scheduler.stop();
    expect(f.hasQuitWork()).toBe(false);
  });
});
