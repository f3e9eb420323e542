/**
 * The one IPC contract between the renderer and the Electron main process (architecture.md
 * pattern 4, SEC-06/07). Each key is exposed as `window.api.<key>`; main registers each channel
 * once and parses both directions with these schemas. Channel names are kebab-case verb phrases.
 *
 * The renderer never sends a path (SEC-09): files are chosen by the user in a save dialog, the
 * backup folder in a folder dialog; a backup is named by (location, fileName) and main resolves it.
 *
 * Besides the invoke channels there is one event, main → renderer: `app-before-quit` (the quit
 * handshake, DATA-11/DATA-13), exposed as `window.api.onBeforeQuit`.
 */
import { z } from 'zod';

/** Largest file the renderer may hand to main in one call. */
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;

/** Largest backup main writes or reads back (DATA-13); a bigger file is refused before reading. */
export const MAX_BACKUP_BYTES = MAX_SAVE_BYTES;

export const fileKindSchema = z.enum(['pdf', 'docx', 'zip', 'xlsx', 'csv', 'ics']);
export type FileKind = z.infer<typeof fileKindSchema>;

const bytesSchema = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_SAVE_BYTES, { message: 'ファイルの大きさが範囲外です' });

/** A file name without any directory part (no separators, no traversal). */
const suggestedNameSchema = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- control characters are refused on purpose
  .refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n) && n !== '.' && n !== '..', { message: 'ファイル名に使えない文字があります' });

export const backupReasonSchema = z.enum(['interval', 'quit', 'manual', 'pre-restore']);
export type BackupReason = z.infer<typeof backupReasonSchema>;
export const backupLocationSchema = z.enum(['app-data', 'user-folder']);
export type BackupLocation = z.infer<typeof backupLocationSchema>;

/**
 * `senshin-desk-backup-YYYYMMDD-HHMMSS-<reason>.json` (DATA-13), local time. Anchored and made of a
 * fixed alphabet, so no separator, dot-dot, drive letter, NUL or %-escape can pass. The calendar
 * check (no 2月30日) is done by electron/policies/backup-files.ts, which every handler uses too.
 */
export const BACKUP_FILE_NAME_RE = /^senshin-desk-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(interval|quit|manual|pre-restore)\.json$/;

const backupFileNameSchema = z.string().max(80).regex(BACKUP_FILE_NAME_RE);

const backupBytesSchema = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_BACKUP_BYTES, { message: 'バックアップの大きさが範囲外です' });

const failedSchema = z.object({ status: z.literal('failed'), message: z.string() });

export const backupEntrySchema = z.object({
  location: backupLocationSchema,
  fileName: backupFileNameSchema,
  createdAt: z.iso.datetime(),
  bytes: z.number().int().nonnegative(),
  reason: backupReasonSchema,
});

/** Main → renderer event: the app is about to quit; flush edits, write the last backup, then call quitReady. */
export const BEFORE_QUIT_CHANNEL = 'app-before-quit';

export const contract = {
  fileSave: {
    channel: 'file-save',
    request: z.object({ suggestedName: suggestedNameSchema, kind: fileKindSchema, data: bytesSchema }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), fileName: z.string() }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('failed'), message: z.string() }),
    ]),
  },
  pagePrint: {
    channel: 'page-print',
    request: z.object({}),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('printed') }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('failed'), message: z.string() }),
    ]),
  },
  /** DATA-13: write a snapshot into <userData>/backups and the chosen folder, then thin both out. */
  backupCreate: {
    channel: 'backup-create',
    request: z.object({ data: backupBytesSchema, reason: backupReasonSchema }),
    response: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('saved'),
        savedAt: z.iso.datetime(),
        copies: z.array(backupLocationSchema).min(1),
        /** Japanese: the chosen folder could not be written (the app-data copy may still exist). */
        folderError: z.string().optional(),
      }),
      failedSchema,
    ]),
  },
  backupList: {
    channel: 'backup-list',
    request: z.object({}),
    response: z.object({ backups: z.array(backupEntrySchema), folderLabel: z.string().nullable() }),
  },
  backupRead: {
    channel: 'backup-read',
    request: z.object({ location: backupLocationSchema, fileName: backupFileNameSchema }),
    response: z.discriminatedUnion('status', [z.object({ status: z.literal('ok'), data: backupBytesSchema }), failedSchema]),
  },
  /** SEC-09: the folder is chosen in main's dialog; the renderer never sends a path. */
  backupFolderChoose: {
    channel: 'backup-folder-choose',
    request: z.object({}),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), folderLabel: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /** The renderer's answer to `app-before-quit`: its work is done (or failed); main may quit now. */
  quitReady: {
    channel: 'quit-ready',
    request: z.object({}),
    response: z.object({}),
  },
} as const;

export type Contract = typeof contract;
export type ApiKey = keyof Contract;
export type ApiRequest<K extends ApiKey> = z.input<Contract[K]['request']>;
export type ApiResponse<K extends ApiKey> = z.output<Contract[K]['response']>;

/** The shape of `window.api`: one async function per contract entry. */
export type Api = { readonly [K in ApiKey]: (request: ApiRequest<K>) => Promise<ApiResponse<K>> };

export const apiKeys = Object.keys(contract) as ApiKey[];

/** What `window.api.onBeforeQuit` accepts: work to finish before the app quits. */
export type BeforeQuitListener = () => Promise<void>;

/**
 * `window.api` as the preload exposes it: the contract plus the one documented event key.
 * The listener's unsubscribe is returned; no IPC event object ever reaches the page (SEC-06).
 */
export type WindowApi = Api & { readonly onBeforeQuit: (listener: BeforeQuitListener) => () => void };

/** The event keys of `window.api` that are not contract channels. */
export const windowEventKeys = ['onBeforeQuit'] as const;

/**
 * Builds the api object from a raw `invoke(channel, payload)`: requests are parsed before they
 * leave, responses are parsed when they arrive. Used by the preload; pure, so it is unit-tested.
 */
export function buildApi(invoke: (channel: string, payload: unknown) => Promise<unknown>): Api {
  const make = <K extends ApiKey>(key: K) =>
    async (request: ApiRequest<K>): Promise<ApiResponse<K>> => {
      const entry = contract[key];
      const payload = entry.request.parse(request);
      const raw = await invoke(entry.channel, payload);
      return entry.response.parse(raw) as ApiResponse<K>;
    };
  // A mapped object: the compiler refuses it unless every contract key is built here.
  const api: Api = {
    fileSave: make('fileSave'),
    pagePrint: make('pagePrint'),
    backupCreate: make('backupCreate'),
    backupList: make('backupList'),
    backupRead: make('backupRead'),
    backupFolderChoose: make('backupFolderChoose'),
    quitReady: make('quitReady'),
  };
  return Object.freeze(api);
}

/**
 * Builds the frozen `window.api` of the preload: the contract plus `onBeforeQuit`.
 * `subscribe(channel, callback)` attaches to a main → renderer event; the callback gets no
 * arguments, so the IPC event (and its `sender`, an ipcRenderer) never reaches page code.
 *
 * When main announces a quit and nobody has registered work, this answers `quitReady` at once,
 * so a page that has not registered anything does not hold the quit for the whole timeout.
 * With listeners registered, they are started and *they* answer (electronPlatform does, after its
 * work, even if the work failed); main's timeout covers a listener that never answers.
 */
export function buildWindowApi(
  invoke: (channel: string, payload: unknown) => Promise<unknown>,
  subscribe: (channel: string, callback: () => void) => void,
): WindowApi {
  const api = buildApi(invoke);
  // Wrapped in a fresh object each time so the same function registered twice is two entries.
  const listeners = new Set<{ readonly run: BeforeQuitListener }>();
  subscribe(BEFORE_QUIT_CHANNEL, () => {
    if (listeners.size === 0) {
      api.quitReady({}).catch(() => undefined);
      return;
    }
    for (const l of [...listeners]) {
      // A listener that throws synchronously or rejects must not stop the others.
      Promise.resolve()
        .then(() => l.run())
        .catch(() => undefined);
    }
  });
  const onBeforeQuit = (listener: BeforeQuitListener): (() => void) => {
    const entry = { run: listener };
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
    };
  };
  const windowApi: WindowApi = { ...api, onBeforeQuit };
  return Object.freeze(windowApi);
}
