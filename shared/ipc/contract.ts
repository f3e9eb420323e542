/**
 * The one IPC contract between the renderer and the Electron main process (architecture.md
 * pattern 4, SEC-06/07). Each key is exposed as `window.api.<key>`; main registers each channel
 * once and parses both directions with these schemas. Channel names are kebab-case verb phrases.
 *
 * The renderer never sends a path (SEC-09): files are chosen by the user in a save dialog.
 */
import { z } from 'zod';

/** Largest file the renderer may hand to main in one call. */
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;

/** Largest backup main writes or reads back (DATA-13); a bigger file is refused before reading. */
export const MAX_BACKUP_BYTES = MAX_SAVE_BYTES;

export const fileKindSchema = z.enum(['pdf', 'docx', 'zip']);
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
} as const;

export type Contract = typeof contract;
export type ApiKey = keyof Contract;
export type ApiRequest<K extends ApiKey> = z.input<Contract[K]['request']>;
export type ApiResponse<K extends ApiKey> = z.output<Contract[K]['response']>;

/** The shape of `window.api`: one async function per contract entry. */
export type Api = { readonly [K in ApiKey]: (request: ApiRequest<K>) => Promise<ApiResponse<K>> };

export const apiKeys = Object.keys(contract) as ApiKey[];

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
  return Object.freeze({ fileSave: make('fileSave'), pagePrint: make('pagePrint') });
}
