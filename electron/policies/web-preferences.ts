/**
 * SEC-01: the one place that sets webPreferences. Every window gets these; nothing else may
 * construct a BrowserWindow with its own preferences.
 */
import type { WebPreferences } from 'electron';

/** `devTools` only in development: a packaged app gives no console to whoever sits at the PC. */
export function secureWebPreferences(preloadPath: string, options: { readonly devTools: boolean } = { devTools: false }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  };
}
