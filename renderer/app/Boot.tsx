import { useEffect, useMemo, useState } from 'react';
import { currentDatabaseName, openWorkspace, type OpenResult } from '../db/open';
import { READ_ONLY_MESSAGE } from '../db/errors';
import { DraftStorage } from '../db/draft-storage';
import { installJournalStorage, localStorageOrUndefined } from '../db/journal';
import { Repositories } from '../db/repositories';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import type { Platform } from '../platform/platform';
import { App } from './App';
import { startAutoBackups } from '../backup/scheduler';
import { flushAllAutosaves } from '../autosave/use-autosave';
import { AppContext } from './context';

/**
 * Opens the database, then shows the app (DATA-05/06/07): a recovery screen when it cannot be
 * opened, a read-only banner when the data is from a newer app version. Never a blank page.
 */
export function Boot({ platform }: { readonly platform: Platform }) {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ attempt: number; name: string; value: OpenResult }>();
  useEffect(() => {
    let alive = true;
    const name = currentDatabaseName();
    void (async () => {
      const value = await openWorkspace(name);
      if (value.status === 'ready' || value.status === 'read-only') {
        if (!alive) {
          value.db.close();
          return;
        }
        // The journal becomes durable at once (DATA-11) before any editor mounts.
        // If the drafts cannot be read, the journal still works on localStorage.
        installJournalStorage(await DraftStorage.load(value.readOnly ? undefined : value.db, localStorageOrUndefined()).catch(() => DraftStorage.load(undefined, localStorageOrUndefined())));
      }
      if (alive) setResult({ attempt, name, value });
    })();
    return () => {
      alive = false;
    };
  }, [attempt]);
  const current = result?.attempt === attempt ? result : undefined;
  const services = useMemo(() => {
    const v = current?.value;
    return v && (v.status === 'ready' || v.status === 'read-only') ? { repos: new Repositories(v.db, { readOnly: v.readOnly }), platform } : undefined;
  }, [current, platform]);

  // DATA-13: automatic backups in Electron (interval while changed, and at quit after a flush).
  useEffect(() => {
    const backups = services?.platform.backups;
    if (!services || !backups || services.repos.readOnly) return;
    const scheduler = startAutoBackups({ source: services.repos, backups, flushAll: flushAllAutosaves });
    return () => scheduler.stop();
  }, [services]);

  if (!current) return <p className="loading boot-loading">データを開いています…</p>;
  const v = current.value;
  if (v.status === 'blocked' || v.status === 'failed') {
    return <RecoveryScreen result={v} databaseName={current.name} platform={platform} onRetry={() => setAttempt((a) => a + 1)} />;
  }
  if (!services) return null;
  return (
    <AppContext.Provider value={services}>
      {v.status === 'read-only' && (
        <div className="read-only-banner" role="alert">
          {READ_ONLY_MESSAGE}
        </div>
      )}
      <App />
    </AppContext.Provider>
  );
}
