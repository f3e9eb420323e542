/**
 * SEC-06: the preload exposes exactly the contract as one frozen `window.api` — no ipcRenderer,
 * no Node. It runs sandboxed; esbuild bundles the contract (and zod) into it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc/contract';

contextBridge.exposeInMainWorld('api', buildApi((channel, payload) => ipcRenderer.invoke(channel, payload)));
