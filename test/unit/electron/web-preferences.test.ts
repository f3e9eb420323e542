import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/policies/web-preferences';
import { focusExistingWindow } from '../../../electron/policies/single-instance';

describe('SEC-01 webPreferences', () => {
  it('isolates and sandboxes every window, with no Node anywhere', () => {
    const p = secureWebPreferences('/app/preload.cjs');
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: '/app/preload.cjs',
      devTools: false,
    });
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });

  it('is the only place that sets webPreferences', () => {
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main.match(/webPreferences\s*:/g)).toEqual(['webPreferences:']);
    expect(main).toContain('webPreferences: secureWebPreferences(PRELOAD, { devTools: !app.isPackaged })');
  });
});

describe('DATA-01 single instance', () => {
  it('restores and focuses the existing window on a second launch', () => {
    const calls: string[] = [];
    const win = { isMinimized: () => true, restore: () => calls.push('restore'), show: () => calls.push('show'), focus: () => calls.push('focus') };
    expect(focusExistingWindow(win)).toBe(true);
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(focusExistingWindow(undefined)).toBe(false);
  });
});

describe('SEC-10 fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and inspect, and requires an integrity-checked asar', () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    for (const line of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false', 'enableEmbeddedAsarIntegrityValidation: true', 'onlyLoadAppFromAsar: true', 'enableCookieEncryption: true', 'output: release']) {
      expect(yml).toContain(line);
    }
  });
});
