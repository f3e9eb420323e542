import { describe, expect, it } from 'vitest';
import { registerContract, type InvokeEventLike } from '../../../electron/ipc/register';
import { isAppUrl } from '../../../electron/policies/navigation';
import { BEFORE_QUIT_CHANNEL, apiKeys, buildApi, buildWindowApi, contract, windowEventKeys } from '../../../shared/ipc/contract';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

const backupName = 'senshin-desk-backup-20250602-173000-manual.json';

describe('SEC-06 window.api', () => {
  it('has exactly the contract keys and is frozen', () => {
    const api = buildApi(() => Promise.resolve({}));
    expect(Object.keys(api).sort()).toEqual([...apiKeys].sort());
    expect(Object.isFrozen(api)).toBe(true);
    // The preload's window.api: the contract plus the one documented event key, nothing else.
    const windowApi = buildWindowApi(() => Promise.resolve({}), () => undefined);
    expect(Object.keys(windowApi).sort()).toEqual([...apiKeys, ...windowEventKeys].sort());
    expect(windowEventKeys).toEqual(['onBeforeQuit']);
    expect(Object.isFrozen(windowApi)).toBe(true);
  });

  it('names every channel as a kebab-case verb phrase', () => {
    expect(Object.fromEntries(Object.entries(contract).map(([k, e]) => [k, e.channel]))).toEqual({
      fileSave: 'file-save',
      pagePrint: 'page-print',
      backupCreate: 'backup-create',
      backupList: 'backup-list',
      backupRead: 'backup-read',
      backupFolderChoose: 'backup-folder-choose',
      quitReady: 'quit-ready',
    });
  });

  it('never sends a path for a backup: only a location and a backup name (SEC-09)', async () => {
    const sent: unknown[] = [];
    const api = buildApi((ch, p) => {
      sent.push([ch, p]);
      return Promise.resolve({ status: 'failed', message: '見つかりません' });
    });
    for (const fileName of ['../secret.json', '/etc/passwd', 'C:\\Users\\yamada\\x.json', `../${backupName}`, `${backupName}\0`, '%2e%2e%2fx']) {
      await expect(api.backupRead({ location: 'app-data', fileName }), fileName).rejects.toThrow();
    }
    expect(sent).toEqual([]);
    await api.backupRead({ location: 'user-folder', fileName: backupName });
    expect(sent).toEqual([['backup-read', { location: 'user-folder', fileName: backupName }]]);
  });

  it('refuses an empty backup or an unknown reason before anything is sent', async () => {
    const sent: unknown[] = [];
    const api = buildApi((ch) => {
      sent.push(ch);
      return Promise.resolve({ status: 'failed', message: 'x' });
    });
    await expect(api.backupCreate({ data: new Uint8Array(), reason: 'manual' })).rejects.toThrow();
    // @ts-expect-error an unknown reason does not type-check either
    await expect(api.backupCreate({ data: pdf, reason: 'nightly' })).rejects.toThrow();
    expect(sent).toEqual([]);
  });

  it('refuses a backup answer from main that breaks the contract', async () => {
    const api = buildApi(() => Promise.resolve({ status: 'saved', savedAt: 'yesterday', copies: [] }));
    await expect(api.backupCreate({ data: pdf, reason: 'interval' })).rejects.toThrow();
    const list = buildApi(() => Promise.resolve({ backups: [{ location: 'desktop', fileName: '../x', createdAt: 'now', bytes: -1, reason: 'interval' }], folderLabel: null }));
    await expect(list.backupList({})).rejects.toThrow();
  });

  it('refuses a path-like file name before anything is sent (SEC-09)', async () => {
    const sent: unknown[] = [];
    const api = buildApi((ch, p) => {
      sent.push([ch, p]);
      return Promise.resolve({ status: 'cancelled' });
    });
    await expect(api.fileSave({ suggestedName: '../../evil.pdf', kind: 'pdf', data: pdf })).rejects.toThrow();
    await expect(api.fileSave({ suggestedName: 'C:\\x.pdf', kind: 'pdf', data: pdf })).rejects.toThrow();
    expect(sent).toEqual([]);
    await expect(api.fileSave({ suggestedName: '事前相談申込書.pdf', kind: 'pdf', data: pdf })).resolves.toEqual({ status: 'cancelled' });
    expect(sent).toHaveLength(1);
  });

  it('refuses a malformed response from main', async () => {
    const api = buildApi(() => Promise.resolve({ status: 'saved' }));
    await expect(api.fileSave({ suggestedName: 'a.pdf', kind: 'pdf', data: pdf })).rejects.toThrow();
  });
});

describe('SEC-07 IPC registration', () => {
  type Listener = (event: InvokeEventLike, payload: unknown) => Promise<unknown>;
  const setup = () => {
    const handlers = new Map<string, Listener>();
    const calls: unknown[] = [];
    const registered = registerContract(
      { handle: (ch, l) => { if (handlers.has(ch)) throw new Error('twice'); handlers.set(ch, l); } },
      {
        fileSave: (req) => {
          calls.push(req);
          return Promise.resolve({ status: 'saved', fileName: req.suggestedName });
        },
        pagePrint: () => Promise.resolve({ status: 'printed' }),
        backupCreate: (req) => {
          calls.push(req);
          return Promise.resolve({ status: 'saved', savedAt: '2025-06-02T08:30:00.000Z', copies: ['app-data'] });
        },
        backupList: () => Promise.resolve({ backups: [], folderLabel: null }),
        backupRead: (req) => {
          calls.push(req);
          return Promise.resolve({ status: 'ok', data: pdf });
        },
        backupFolderChoose: () => Promise.resolve({ status: 'cancelled' }),
        quitReady: () => {
          calls.push('quit-ready');
          return Promise.resolve({});
        },
      },
      isAppUrl,
    );
    return { handlers, calls, registered };
  };
  const fromApp: InvokeEventLike = { senderFrame: { url: 'app://senshin/index.html#/projects/1' } };

  it('registers every contract channel exactly once', () => {
    const { registered, handlers } = setup();
    expect(registered.sort()).toEqual(Object.values(contract).map((e) => e.channel).sort());
    expect(handlers.size).toBe(apiKeys.length);
  });

  it('serves the app and refuses other senders without calling the handler', async () => {
    const { handlers, calls } = setup();
    const save = handlers.get('file-save')!;
    await expect(save(fromApp, { suggestedName: 'a.pdf', kind: 'pdf', data: pdf })).resolves.toEqual({ status: 'saved', fileName: 'a.pdf' });
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/index.html', '']) {
      await expect(save({ senderFrame: { url } }, { suggestedName: 'a.pdf', kind: 'pdf', data: pdf }), url).rejects.toThrow('untrusted-sender');
    }
    await expect(save({ senderFrame: null }, {})).rejects.toThrow('untrusted-sender');
    expect(calls).toHaveLength(1);
  });

  it('parses the payload and refuses a bad one', async () => {
    const { handlers, calls } = setup();
    const save = handlers.get('file-save')!;
    for (const bad of [null, {}, { suggestedName: 'a.pdf', kind: 'exe', data: pdf }, { suggestedName: 'a.pdf', kind: 'pdf', data: 'not bytes' }, { suggestedName: '/etc/passwd', kind: 'pdf', data: pdf }]) {
      await expect(save(fromApp, bad)).rejects.toThrow('invalid-request');
    }
    expect(calls).toEqual([]);
  });

  it('refuses a backup path or foreign file name from the page without calling the handler', async () => {
    const { handlers, calls } = setup();
    const read = handlers.get('backup-read')!;
    for (const bad of [{ location: 'app-data', fileName: '../../etc/passwd' }, { location: 'C:\\', fileName: backupName }, { location: 'user-folder', fileName: 'メモ.json' }, { path: '/home/yamada/x.json' }]) {
      await expect(read(fromApp, bad)).rejects.toThrow('invalid-request');
    }
    const create = handlers.get('backup-create')!;
    await expect(create(fromApp, { data: new Uint8Array(), reason: 'manual' })).rejects.toThrow('invalid-request');
    await expect(read({ senderFrame: { url: 'https://evil.example/' } }, { location: 'app-data', fileName: backupName })).rejects.toThrow('untrusted-sender');
    await expect(handlers.get('quit-ready')!({ senderFrame: { url: 'file:///tmp/x.html' } }, {})).rejects.toThrow('untrusted-sender');
    expect(calls).toEqual([]);
    await expect(read(fromApp, { location: 'app-data', fileName: backupName })).resolves.toEqual({ status: 'ok', data: pdf });
  });
});

describe('DATA-13 quit handshake in window.api', () => {
  const setup = () => {
    const invoked: string[] = [];
    let announce: (() => void) | undefined;
    const api = buildWindowApi(
      (channel) => {
        invoked.push(channel);
        return Promise.resolve({});
      },
      (channel, callback) => {
        expect(channel).toBe(BEFORE_QUIT_CHANNEL);
        announce = callback;
      },
    );
    return { api, invoked, announce: () => announce?.() };
  };
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('answers main at once when the page registered no work, so quitting is not held', async () => {
    const { invoked, announce } = setup();
    announce();
    await settle();
    expect(invoked).toEqual(['quit-ready']);
  });

  it('runs every registered work item, passes them no IPC event, and leaves the answer to them', async () => {
    const { api, invoked, announce } = setup();
    const args: unknown[][] = [];
    api.onBeforeQuit((...a: unknown[]) => {
      args.push(a);
      return Promise.resolve();
    });
    api.onBeforeQuit(() => Promise.reject(new Error('flush failed')));
    api.onBeforeQuit((...a: unknown[]) => {
      args.push(a);
      return Promise.resolve();
    });
    announce();
    await settle();
    expect(args).toEqual([[], []]);
    expect(invoked).toEqual([]);
  });

  it('does not run work that was unsubscribed', async () => {
    const { api, invoked, announce } = setup();
    let ran = 0;
    const off = api.onBeforeQuit(() => {
      ran++;
      return Promise.resolve();
    });
    off();
    off();
    announce();
    await settle();
    expect(ran).toBe(0);
    expect(invoked).toEqual(['quit-ready']);
  });
});
