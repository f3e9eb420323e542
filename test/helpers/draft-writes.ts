import type { DBCore, Middleware } from 'dexie';
import { openDatabase, type SenshinDb } from '../../renderer/db/database';

/** A fresh database that counts its read-write transactions on `drafts` (one per durable journal write). */
export async function countingDraftWrites(name: string): Promise<{ db: SenshinDb; writes: () => number }> {
  const db = openDatabase(`${name}-${crypto.randomUUID()}`);
  let writes = 0;
  const count: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'count-draft-writes',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        if (mode === 'readwrite' && stores.includes('drafts')) writes++;
        return down.transaction(stores, mode, options);
      },
    }),
  };
  db.use(count);
  await db.open();
  return { db, writes: () => writes };
}
