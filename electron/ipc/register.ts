/**
 * SEC-07: every IPC channel of the contract is registered exactly once, through this one function,
 * which checks the sender's origin and parses the request and the response.
 */
import type { z } from 'zod';
import { apiKeys, contract, type ApiKey, type ApiResponse, type Contract } from '../../shared/ipc/contract';

export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
}

export type Handlers = {
  readonly [K in ApiKey]: (request: z.output<Contract[K]['request']>) => Promise<ApiResponse<K>>;
};

export class IpcRefused extends Error {
  constructor(readonly reason: 'untrusted-sender' | 'invalid-request' | 'invalid-response') {
    super(reason);
    this.name = 'IpcRefused';
  }
}

interface Entry<Req, Res> {
  readonly channel: string;
  readonly request: z.ZodType<Req>;
  readonly response: z.ZodType<Res>;
}

export function registerContract(ipc: IpcMainLike, handlers: Handlers, isTrustedSender: (url: string) => boolean): string[] {
  const registered: string[] = [];
  const registerOne = <Req, Res>(entry: Entry<Req, Res>, handler: (request: Req) => Promise<Res>): void => {
    if (registered.includes(entry.channel)) throw new Error(`channel registered twice: ${entry.channel}`);
    registered.push(entry.channel);
    ipc.handle(entry.channel, async (event, payload) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) throw new IpcRefused('untrusted-sender');
      const request = entry.request.safeParse(payload);
      if (!request.success) throw new IpcRefused('invalid-request');
      const response = entry.response.safeParse(await handler(request.data));
      if (!response.success) throw new IpcRefused('invalid-response');
      return response.data;
    });
  };
  // A mapped object: the compiler refuses it unless every contract key is registered here.
  const all: { readonly [K in ApiKey]: () => void } = {
    fileSave: () => registerOne(contract.fileSave, handlers.fileSave),
    pagePrint: () => registerOne(contract.pagePrint, handlers.pagePrint),
    backupCreate: () => registerOne(contract.backupCreate, handlers.backupCreate),
    backupList: () => registerOne(contract.backupList, handlers.backupList),
    backupRead: () => registerOne(contract.backupRead, handlers.backupRead),
    backupFolderChoose: () => registerOne(contract.backupFolderChoose, handlers.backupFolderChoose),
    quitReady: () => registerOne(contract.quitReady, handlers.quitReady),
  };
  for (const key of apiKeys) all[key]();
  return registered;
}
