/**
 * DATA-13 in Electron: automatic backups outside IndexedDB. While there are changes, one every
 * INTERVAL_MS; and one when the app quits, after every editor has flushed its last edit. Main
 * writes them into the app's data folder and the folder the user chose, and thins them out
 * (electron/policies/backup-retention.ts). Failures are shown on the backup page, never thrown.
 */
import { envelopeJson } from '../../shared/io/envelope';
import { unrestorableReason } from '../../shared/io/read-import';
import type { AutoBackups, BackupReason } from '../platform/platform';

export const INTERVAL_MS = 10 * 60_000;

export interface BackupSource {
  lastChangeAt(): Promise<string | undefined>;
  exportWorkspace(): Promise<{ readonly envelope: Parameters<typeof envelopeJson>[0] }>;
}

export interface SchedulerDeps {
  readonly source: BackupSource;
  readonly backups: AutoBackups;
  /** Saves every pending edit of every open editor. */
  readonly flushAll: () => Promise<void>;
  readonly setInterval?: (fn: () => void, ms: number) => unknown;
  readonly clearInterval?: (handle: unknown) => void;
  /** Told about every attempt (the backup page shows the last failure). */
  readonly onResult?: (result: { readonly reason: BackupReason; readonly ok: boolean; readonly message?: string }) => void;
}

export interface Scheduler {
  /** Backs up now if anything changed since the last backup (or always, for 'quit'/'manual'). */
  backupNow(reason: BackupReason): Promise<void>;
  stop(): void;
}

export function startAutoBackups(deps: SchedulerDeps): Scheduler {
  const set = deps.setInterval ?? ((fn: () => void, ms: number) => globalThis.setInterval(fn, ms));
  const clear = deps.clearInterval ?? ((h: unknown) => globalThis.clearInterval(h as ReturnType<typeof globalThis.setInterval>));
  let backedUpChange: string | undefined;
  let running: Promise<void> = Promise.resolve();

  const once = async (reason: BackupReason): Promise<void> => {
    const change = await deps.source.lastChangeAt();
    if (change === undefined || (reason === 'interval' && change === backedUpChange)) return;
    const { envelope } = await deps.source.exportWorkspace();
    const json = new TextEncoder().encode(envelopeJson(envelope));
    // A backup the import would refuse is not a backup: say so instead of writing it.
    const why = unrestorableReason(json);
    if (why) {
      deps.onResult?.({ reason, ok: false, message: why });
      return;
    }
    const r = await deps.backups.write(json, reason);
    if (r.status === 'saved') backedUpChange = change;
    deps.onResult?.(r.status === 'saved' ? (r.folderError ? { reason, ok: false, message: r.folderError } : { reason, ok: true }) : { reason, ok: false, message: r.message });
  };
  // One backup at a time, in order; a failure never breaks the next one.
  const backupNow = (reason: BackupReason): Promise<void> => {
    running = running.then(() => once(reason)).catch(() => deps.onResult?.({ reason, ok: false, message: 'バックアップを作成できませんでした。' }));
    return running;
  };

  const timer = set(() => void backupNow('interval'), INTERVAL_MS);
  const off = deps.backups.onBeforeQuit(async () => {
    await deps.flushAll().catch(() => undefined);
    await backupNow('quit');
  });
  return {
    backupNow,
    stop() {
      clear(timer);
      off();
    },
  };
}
