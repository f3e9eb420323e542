/**
 * Electron main process: thin wiring of the pure policies in electron/policies and the backup
 * service in electron/backup (each unit-tested). One window, content from app://senshin/, strict
 * CSP, no navigation, no network, no permissions. Logging only through shared/log (SEC-12).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, protocol, session, shell, type FileFilter, type OpenDialogOptions } from 'electron';
import { BEFORE_QUIT_CHANNEL, type FileKind } from '../shared/ipc/contract';
import { errorCode, logEvent } from '../shared/log/log';
import { cspHeader } from '../shared/security/csp';
import { nodeBackupFs } from './backup/node-fs';
import { openBackupService } from './backup/service';
import { registerContract } from './ipc/register';
import { APP_ENTRY, APP_SCHEME, contentTypeFor, resolveAppRequest } from './policies/app-protocol';
import { writeFileAtomic } from './policies/atomic-write';
import { allowNavigation, allowPermission, externalUrlToOpen, isAppUrl, shouldCancelRequest } from './policies/navigation';
import { createPageRecovery } from './policies/page-recovery';
import { createQuitGate } from './policies/quit-gate';
import { focusExistingWindow } from './policies/single-instance';
import { secureWebPreferences } from './policies/web-preferences';

const RENDERER_DIR = path.join(__dirname, '..', '..', 'dist');
const PRELOAD = path.join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

let mainWindow: BrowserWindow | undefined;

const randomSuffix = (): string => randomBytes(6).toString('hex');

/** DATA-11/DATA-13: the first quit waits (≤ 5 s) for the page to flush and write its last backup. */
const quitGate = createQuitGate({
  askRenderer: () => {
    const wc = mainWindow?.webContents;
    if (!wc || wc.isDestroyed() || wc.isCrashed()) return false;
    wc.send(BEFORE_QUIT_CHANNEL);
    logEvent('quit-deferred');
    return true;
  },
  startTimer: (ms, onTimeout) => {
    const timer = setTimeout(onTimeout, ms);
    return () => clearTimeout(timer);
  },
  // On the next turn, so the page's quit-ready call gets its reply before the window goes.
  quit: () => setImmediate(() => app.quit()),
  released: (cause) => logEvent(cause === 'timeout' ? 'quit-timeout' : 'quit-ready'),
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusExistingWindow(mainWindow));
  app.on('before-quit', (event) => {
    if (quitGate.onQuitRequested() === 'prevent') event.preventDefault();
  });
  app.whenReady().then(start, (e: unknown) => {
    logEvent('app-start-failed', { error: errorCode(e) });
    app.quit();
  });
}

async function serveApp(request: Request): Promise<Response> {
  const resolved = resolveAppRequest(request.url, RENDERER_DIR);
  if (!resolved.ok) return new Response(null, { status: resolved.status });
  try {
    const body = await readFile(resolved.filePath);
    return new Response(body, {
      headers: { 'content-type': contentTypeFor(resolved.filePath), 'content-security-policy': cspHeader(), 'x-content-type-options': 'nosniff' },
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}

const FILTERS: Record<FileKind, FileFilter> = { pdf: { name: 'PDF', extensions: ['pdf'] }, docx: { name: 'Word 文書', extensions: ['docx'] }, zip: { name: 'ZIP', extensions: ['zip'] }, xlsx: { name: 'Excel ブック', extensions: ['xlsx'] }, csv: { name: 'CSV', extensions: ['csv'] }, ics: { name: 'カレンダー（iCalendar）', extensions: ['ics'] } };

async function start(): Promise<void> {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(allowPermission(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: shouldCancelRequest(details.url) }));
  protocol.handle(APP_SCHEME, serveApp);

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const external = externalUrlToOpen(url);
      if (external) void shell.openExternal(external);
      return { action: 'deny' };
    });
  });

  const backups = await openBackupService({
    fs: nodeBackupFs,
    userDataDir: app.getPath('userData'),
    now: () => new Date(),
    random: randomSuffix,
    log: logEvent,
    pickFolder: async () => {
      const options: OpenDialogOptions = { title: 'バックアップの保存先フォルダーを選ぶ', properties: ['openDirectory', 'createDirectory'] };
      const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? undefined : choice.filePaths[0];
    },
  });

  registerContract(
    ipcMain,
    {
      fileSave: async ({ suggestedName, kind, data }) => {
        const owner = mainWindow;
        const options = { defaultPath: suggestedName, filters: [FILTERS[kind]] };
        const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
        try {
          await writeFileAtomic(choice.filePath, data, nodeBackupFs, randomSuffix);
          return { status: 'saved', fileName: path.basename(choice.filePath) };
        } catch (e) {
          logEvent('file-save-failed', { error: errorCode(e) });
          return { status: 'failed', message: 'ファイルを書き込めませんでした。保存先の空き容量と書き込み権限を確認してください。' };
        }
      },
      pagePrint: async () => {
        const wc = mainWindow?.webContents;
        if (!wc) return { status: 'failed', message: '印刷できるウィンドウがありません。' };
        return new Promise((resolve) => {
          wc.print({ silent: false, printBackground: false, pageSize: 'A4' }, (success, reason) => {
            if (success) resolve({ status: 'printed' });
            else if (reason === 'cancelled') resolve({ status: 'cancelled' });
            else resolve({ status: 'failed', message: '印刷できませんでした。プリンターの設定を確認してください。' });
          });
        });
      },
      backupCreate: ({ data, reason }) => backups.create(data, reason),
      backupList: () => backups.list(),
      backupRead: ({ location, fileName }) => backups.read(location, fileName),
      backupFolderChoose: () => backups.chooseFolder(),
      quitReady: () => {
        quitGate.onRendererReady();
        return Promise.resolve({});
      },
    },
    isAppUrl,
  );

  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'senshin-desk',
    show: false,
    webPreferences: secureWebPreferences(PRELOAD, { devTools: !app.isPackaged }),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // Closing the only window destroys the page before `before-quit` fires: hold the close too.
  mainWindow.on('close', (event) => {
    if (quitGate.onQuitRequested() === 'prevent') event.preventDefault();
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  // Issue 12: a page that crashed or stopped responding is offered a reload, not left blank.
  const recovery = createPageRecovery({
    show: (offer) => {
      const abort = new AbortController();
      const options = { type: offer.type, title: offer.title, message: offer.message, detail: offer.detail, buttons: [...offer.buttons], defaultId: offer.defaultId, cancelId: offer.cancelId, noLink: true, signal: abort.signal };
      const owner = mainWindow;
      const response = (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options)).then((r) => r.response);
      return { response, close: () => abort.abort() };
    },
    reload: () => mainWindow?.webContents.reload(),
    quit: () => app.quit(),
    quitting: () => quitGate.phase() === 'released',
  });
  mainWindow.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') logEvent('page-gone');
    void recovery.onTrouble({ kind: 'gone', reason: details.reason });
  });
  mainWindow.on('unresponsive', () => {
    logEvent('page-unresponsive');
    void recovery.onTrouble({ kind: 'unresponsive' });
  });
  mainWindow.on('responsive', () => recovery.onResponsive());
  await mainWindow.loadURL(APP_ENTRY);
}

app.on('window-all-closed', () => app.quit());
