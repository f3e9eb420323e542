import { describe, expect, it } from 'vitest';
import { registerContract, type InvokeEventLike } from '../../../electron/ipc/register';
import { isAppUrl } from '../../../electron/policies/navigation';
import { apiKeys, buildApi, contract } from '../../../shared/ipc/contract';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

describe('SEC-06 window.api', () => {
  it('has exactly the contract keys and is frozen', () => {
    const api = buildApi(() => Promise.resolve({}));
    expect(Object.keys(api).sort()).toEqual([...apiKeys].sort());
    expect(Object.isFrozen(api)).toBe(true);
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
});
