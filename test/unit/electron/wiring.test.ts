/**
 * Wiring test of the Electron main process and preload (issue 18 item 12; the Electron binary
 * cannot run on these machines). The real bundles — built by esbuild exactly as
 * scripts/build-electron.mjs builds them — are loaded under a recording stand-in for the `electron`
 * module, and what they register is checked against the policies: window options, permission and
 * network handlers, the app:// protocol with its CSP header, navigation guards, every IPC channel
 * once, the quit gate, and the preload's one frozen `window.api`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadOffer } from '../../../electron/policies/page-recovery';
import { secureWebPreferences } from '../../../electron/policies/web-preferences';
import { apiKeys, contract } from '../../../shared/ipc/contract';

type Listener = (...args: unknown[]) => unknown;

interface Recorded {
  privileged: unknown[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  appListeners: Map<string, Listener[]>;
  ipcChannels: string[];
  windows: Array<{ options: Record<string, unknown>; loaded: string[]; listeners: Map<string, Listener[]>; contentsListeners: Map<string, Listener[]> }>;
  messageBoxes: Array<Record<string, unknown>>;
  /** The button the next message box answers with. */
  messageBoxAnswer: number;
  reloads: number;
  permissionRequest?: Listener;
  permissionCheck?: Listener;
  beforeRequest?: Listener;
  exposed: Map<string, unknown>;
  quitCalls: number;
}

const root = path.resolve(import.meta.dirname, '../../..');
let dir = '';
let rec: Recorded;

function stub(): unknown {
  const on = (map: Map<string, Listener[]>) => (name: string, fn: Listener) => {
    map.set(name, [...(map.get(name) ?? []), fn]);
  };
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((r) => (ready = r));
  const app = {
    requestSingleInstanceLock: () => true,
    on: on(rec.appListeners),
    whenReady: () => whenReady,
    quit: () => {
      rec.quitCalls++;
    },
    getPath: (name: string) => path.join(dir, name),
    isPackaged: true,
  };
  class BrowserWindow {
    readonly listeners = new Map<string, Listener[]>();
    readonly contentsListeners = new Map<string, Listener[]>();
    readonly loaded: string[] = [];
    readonly webContents = {
      send: () => undefined,
      isDestroyed: () => false,
      isCrashed: () => false,
      on: (name: string, fn: Listener) => on(this.contentsListeners)(name, fn),
      reload: () => {
        rec.reloads++;
      },
    };
    constructor(options: Record<string, unknown>) {
      rec.windows.push({ options, loaded: this.loaded, listeners: this.listeners, contentsListeners: this.contentsListeners });
    }
    once(name: string, fn: Listener) {
      on(this.listeners)(name, fn);
    }
    on(name: string, fn: Listener) {
      on(this.listeners)(name, fn);
    }
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => rec.privileged.push(...list),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => rec.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (rec.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (rec.permissionCheck = fn),
        webRequest: { onBeforeRequest: (_filter: unknown, fn: Listener) => (rec.beforeRequest = fn) },
      },
    },
    ipcMain: { handle: (channel: string) => rec.ipcChannels.push(channel) },
    dialog: {
      showMessageBox: (...args: unknown[]) => {
        const options = args.at(-1);
        rec.messageBoxes.push(typeof options === 'object' && options !== null ? { ...options } : {});
        return Promise.resolve({ response: rec.messageBoxAnswer, checkboxChecked: false });
      },
    },
    shell: { openExternal: () => Promise.resolve() },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => rec.exposed.set(key, value) },
    ipcRenderer: { invoke: () => Promise.resolve(), on: () => undefined },
    startReady: () => ready(),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wiring-'));
  await build({
    entryPoints: { main: path.join(root, 'electron/main.ts'), preload: path.join(root, 'electron/preload.ts') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    outdir: path.join(dir, 'build/electron'),
    outExtension: { '.js': '.cjs' },
    logLevel: 'silent',
  });
  // `require('electron')` from the bundles finds this stand-in; the renderer folder main serves is dir/dist.
  mkdirSync(path.join(dir, 'node_modules/electron'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules/electron/index.js'), 'module.exports = globalThis.__electronStandIn;');
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist/index.html'), '<!doctype html><title>senshin-desk</title>');
  rec = { privileged: [], protocolHandlers: new Map(), appListeners: new Map(), ipcChannels: [], windows: [], messageBoxes: [], messageBoxAnswer: 0, reloads: 0, exposed: new Map(), quitCalls: 0 };
  const standIn = stub() as { startReady: () => void };
  Reflect.set(globalThis, '__electronStandIn', standIn);
  const load = createRequire(path.join(dir, 'build/electron/x.cjs'));
  load('./main.cjs');
  load('./preload.cjs');
  standIn.startReady();
  // start() runs after whenReady: wait until the window has loaded the app.
  for (let i = 0; i < 200 && (rec.windows[0]?.loaded.length ?? 0) === 0; i++) await new Promise((r) => setTimeout(r, 10));
}, 60_000);

afterAll(() => {
  Reflect.deleteProperty(globalThis, '__electronStandIn');
  rmSync(dir, { recursive: true, force: true });
});

describe('wiring test: the Electron main bundle and preload under a recording stand-in', () => {
  it('opens one window with the secure webPreferences and the bundled preload, loading app://senshin/', () => {
    expect(rec.windows).toHaveLength(1);
    const w = rec.windows[0];
    expect(w?.options.webPreferences).toEqual(secureWebPreferences(path.join(dir, 'build/electron/preload.cjs'), { devTools: false }));
    expect(w?.loaded).toEqual(['app://senshin/index.html']);
  });

  it('registers app:// as privileged and serves it with the CSP header, refusing traversal', async () => {
    expect(rec.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown })]);
    const serve = rec.protocolHandlers.get('app');
    if (!serve) throw new Error('app:// not handled');
    const ok = await serve(new Request('app://senshin/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await serve(new Request('app://senshin/%2e%2e/%2e%2e/etc/passwd'))).status).toBeGreaterThanOrEqual(400);
  });

  it('denies every permission and cancels requests to the network', () => {
    const granted: unknown[] = [];
    rec.permissionRequest?.(undefined, 'geolocation', (g: unknown) => granted.push(g));
    expect(granted).toEqual([false]);
    expect(rec.permissionCheck?.(undefined, 'media')).toBe(false);
    const decisions: unknown[] = [];
    rec.beforeRequest?.({ url: 'https://example.com/telemetry' }, (d: unknown) => decisions.push(d));
    rec.beforeRequest?.({ url: 'app://senshin/index.html' }, (d: unknown) => decisions.push(d));
    expect(decisions).toEqual([{ cancel: true }, { cancel: false }]);
  });

  it('guards every web contents: no navigation away, no webview, no new window', () => {
    const created = rec.appListeners.get('web-contents-created')?.[0];
    const listeners = new Map<string, Listener[]>();
    let openHandler: Listener | undefined;
    created?.({}, { on: (name: string, fn: Listener) => listeners.set(name, [fn]), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) });
    const prevented = (name: string, url?: string): boolean => {
      let p = false;
      listeners.get(name)?.[0]?.({ preventDefault: () => (p = true) }, url);
      return p;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'app://senshin/index.html#/settings')).toBe(false);
    expect(prevented('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('registers each IPC channel of the contract exactly once', () => {
    expect([...rec.ipcChannels].sort()).toEqual(apiKeys.map((k) => contract[k].channel).sort());
  });

  it('offers a reload when the page crashes or stops responding (render-process-gone, unresponsive), as the policy says', async () => {
    const w = rec.windows[0];
    const gone = w?.contentsListeners.get('render-process-gone');
    const frozen = w?.listeners.get('unresponsive');
    expect(gone).toHaveLength(1);
    expect(frozen).toHaveLength(1);
    expect(w?.listeners.get('responsive')).toHaveLength(1);
    const offer = reloadOffer({ kind: 'gone', reason: 'oom' });
    rec.messageBoxAnswer = 0;
    gone?.[0]?.({}, { reason: 'oom', exitCode: 133 });
    await expect.poll(() => rec.reloads).toBe(1);
    expect(rec.messageBoxes[0]).toMatchObject({ type: 'error', message: offer?.message, buttons: ['再読み込み', 'アプリを終了'], defaultId: 0, cancelId: 0 });
    rec.messageBoxAnswer = 0; // 待つ
    frozen?.[0]?.();
    await expect.poll(() => rec.messageBoxes.length).toBe(2);
    expect(rec.messageBoxes[1]).toMatchObject({ message: '画面が応答していません。', buttons: ['待つ', '再読み込み'] });
    expect(rec.messageBoxes[1]?.signal).toBeInstanceOf(AbortSignal);
    await new Promise((r) => setTimeout(r, 0));
    expect(rec.reloads).toBe(1);
  });

  it('holds the first quit for the page to save (quit gate), and quits when the last window closes', () => {
    let prevented = false;
    rec.appListeners.get('before-quit')?.[0]?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    const before = rec.quitCalls;
    rec.appListeners.get('window-all-closed')?.[0]?.();
    expect(rec.quitCalls).toBe(before + 1);
  });

  it('the preload exposes one frozen window.api with exactly the contract and onBeforeQuit', () => {
    const api = rec.exposed.get('api');
    expect([...rec.exposed.keys()]).toEqual(['api']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api as object).sort()).toEqual([...apiKeys, 'onBeforeQuit'].sort());
  });
});
