/**
 * The platform adapter: the same UI runs inside Electron (window.api, shared/ipc/contract.ts) and
 * in a plain browser (download + window.print), which is how Playwright drives it.
 */
import { MAX_BACKUP_BYTES, type FileKind, type WindowApi } from '../../shared/ipc/contract';

export type SaveResult =
  | { readonly status: 'saved'; readonly fileName: string }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

export type BackupReason = 'interval' | 'quit' | 'manual' | 'pre-restore';
export type BackupLocation = 'app-data' | 'user-folder';
export interface BackupEntry { readonly location: BackupLocation; readonly fileName: string; readonly createdAt: string; readonly bytes: number; readonly reason: BackupReason }

/**
 * DATA-13 (Electron): rolling backups that main writes outside IndexedDB, into the app's data
 * folder and, when chosen, a folder of the user's (shared drive, USB stick). Names, never paths,
 * cross the bridge (SEC-09). Messages in results are Japanese and meant for the user.
 */
export interface AutoBackups {
  write(data: Uint8Array, reason: BackupReason): Promise<{ readonly status: 'saved'; readonly savedAt: string; readonly copies: readonly BackupLocation[]; readonly folderError?: string } | { readonly status: 'failed'; readonly message: string }>;
  list(): Promise<{ readonly backups: readonly BackupEntry[]; readonly folderLabel: string | null }>;
  read(location: BackupLocation, fileName: string): Promise<{ readonly status: 'ok'; readonly data: Uint8Array } | { readonly status: 'failed'; readonly message: string }>;
  chooseFolder(): Promise<{ readonly status: 'chosen'; readonly folderLabel: string } | { readonly status: 'cancelled' }>;
  /** Registers the work to do before the app quits (flush edits, final backup). Returns an unsubscribe. */
  onBeforeQuit(work: () => Promise<void>): () => void;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  saveFile(suggestedName: string, kind: FileKind, data: Uint8Array): Promise<SaveResult>;
  /** Resolves with a Japanese message when printing failed (undefined when printed or cancelled). */
  print(): Promise<string | undefined>;
  /** Present only in Electron; the browser build offers a backup file download instead. */
  readonly backups?: AutoBackups;
}

const MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  ics: 'text/calendar',
};

declare global {
  interface Window {
    readonly api?: WindowApi;
  }
}

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    saveFile(suggestedName, kind, data) {
      const blob = new Blob([data.slice().buffer], { type: MIME[kind] });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      // Let the download start before the URL is released.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve({ status: 'saved', fileName: suggestedName });
    },
    print() {
      window.print();
      return Promise.resolve(undefined);
    },
  };
}

const BACKUP_MESSAGES = {
  empty: 'バックアップする内容がありません。',
  tooLarge: 'データが大きすぎるため自動バックアップできません（256 MB まで）。「書き出し」でファイルに保存してください。',
  writeFailed: 'バックアップを保存できませんでした。アプリを再起動してからもう一度お試しください。',
  readFailed: 'バックアップを読み込めませんでした。一覧を更新してから選び直してください。',
} as const;

/**
 * AutoBackups over window.api. The quit handshake: all registered work runs (each to its end,
 * success or not), then `quitReady` is called exactly once — even when work failed — so main
 * quits without waiting for its timeout. While nothing is registered this adapter is not
 * subscribed at all, and the preload answers main's quit question at once.
 */
function electronBackups(api: WindowApi): AutoBackups {
  const works = new Set<{ readonly run: () => Promise<void> }>();
  let unsubscribe: (() => void) | undefined;

  const beforeQuit = async (): Promise<void> => {
    await Promise.allSettled([...works].map((w) => Promise.resolve().then(() => w.run())));
    try {
      await api.quitReady({});
    } catch {
      // The window may already be closing; main's timeout quits in any case.
    }
  };

  return {
    async write(data, reason) {
      if (data.byteLength === 0) return { status: 'failed', message: BACKUP_MESSAGES.empty };
      if (data.byteLength > MAX_BACKUP_BYTES) return { status: 'failed', message: BACKUP_MESSAGES.tooLarge };
      try {
        return await api.backupCreate({ data: new Uint8Array(data), reason });
      } catch {
        return { status: 'failed', message: BACKUP_MESSAGES.writeFailed };
      }
    },
    list: () => api.backupList({}),
    async read(location, fileName) {
      try {
        return await api.backupRead({ location, fileName });
      } catch {
        // Includes a name that is not a backup name: refused before it is sent.
        return { status: 'failed', message: BACKUP_MESSAGES.readFailed };
      }
    },
    chooseFolder: () => api.backupFolderChoose({}),
    onBeforeQuit(work) {
      const entry = { run: work };
      works.add(entry);
      unsubscribe ??= api.onBeforeQuit(beforeQuit);
      return () => {
        works.delete(entry);
        if (works.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = undefined;
        }
      };
    },
  };
}

export function electronPlatform(api: WindowApi): Platform {
  return {
    kind: 'electron',
    backups: electronBackups(api),
    async saveFile(suggestedName, kind, data) {
      return api.fileSave({ suggestedName, kind, data: new Uint8Array(data) });
    },
    async print() {
      const r = await api.pagePrint({});
      return r.status === 'failed' ? r.message : undefined;
    },
  };
}

export function detectPlatform(): Platform {
  return window.api ? electronPlatform(window.api) : browserPlatform();
}

/** A file name safe on Windows, macOS and Linux: forbidden characters become 「_」. */
export function safeFileName(base: string, ext: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${cleaned === '' ? '無題' : cleaned}.${ext}`;
}
