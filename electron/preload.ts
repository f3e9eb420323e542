/**
 * SEC-06: the preload exposes exactly the contract plus the documented `onBeforeQuit` event key
 * as one frozen `window.api` — no ipcRenderer, no Node. It runs sandboxed; esbuild bundles the
 * contract (and zod) into it. The IPC event object is dropped here: page code only ever gets a
 * call with no arguments (the event's `sender` would be an ipcRenderer).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildWindowApi } from '../shared/ipc/contract';

contextBridge.exposeInMainWorld(
  'api',
  buildWindowApi(
    (channel, payload) => ipcRenderer.invoke(channel, payload),
    (channel, callback) => {
      ipcRenderer.on(channel, () => callback());
    },
  ),
);
