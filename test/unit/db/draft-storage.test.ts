import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../../../renderer/db/database';
import { DraftStorage, JOURNAL_BATCH_MS } from '../../../renderer/db/draft-storage';
import { JOURNAL_PREFIX, localJournal } from '../../../renderer/db/journal';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

// The journal's batch goes to the database by itself when its short window ends.
const settle = () => new Promise((r) => setTimeout(r, JOURNAL_BATCH_MS + 100));

describe('DATA-11 journal written through to IndexedDB', () => {
  it('keeps an edit in the database at once, so a new window (after a crash) replays it', async () => {
    const db = openDatabase(`drafts-${crypto.randomUUID()}`);
    await db.open();
    const first = await DraftStorage.load(db, undefined);
    localJournal('form-a', z.object({ text: z.string() }), first).write({ text: '強制終了の直前の入力' }, '2026-11-21T00:00:01.000Z');
    await settle();
    // Nothing else survived (no localStorage): only the database copy.
    const second = await DraftStorage.load(db, undefined);
    expect(localJournal('form-a', z.object({ text: z.string() }), second).readNewerThan('2026-11-21T00:00:00.000Z')).toEqual({ text: '強制終了の直前の入力' });
  });

  it('also reads journal entries left in localStorage by an earlier version, newest copy winning', async () => {
    const db = openDatabase(`drafts-${crypto.randomUUID()}`);
    await db.open();
    const ls = memoryStorage();
    ls.setItem(`${JOURNAL_PREFIX}old`, JSON.stringify({ at: '2026-11-20T00:00:00.000Z', value: { text: 'localStorage だけにある入力' } }));
    ls.setItem(`${JOURNAL_PREFIX}both`, JSON.stringify({ at: '2026-11-20T00:00:00.000Z', value: { text: '古い' } }));
    await db.drafts.put({ key: `${JOURNAL_PREFIX}both`, value: JSON.stringify({ at: '2026-11-21T00:00:00.000Z', value: { text: '新しい' } }) });
    const s = await DraftStorage.load(db, ls);
    const j = (name: string) => localJournal(name, z.object({ text: z.string() }), s).readNewerThan(undefined);
    expect(j('old')).toEqual({ text: 'localStorage だけにある入力' });
    expect(j('both')).toEqual({ text: '新しい' });
  });

  it('clearing after a successful save removes the database copy too', async () => {
    const db = openDatabase(`drafts-${crypto.randomUUID()}`);
    await db.open();
    const s = await DraftStorage.load(db, undefined);
    const j = localJournal('form-b', z.object({ text: z.string() }), s);
    j.write({ text: 'x' }, '2026-11-21T00:00:00.000Z');
    j.clear();
    await settle();
    expect(await db.drafts.count()).toBe(0);
  });
});
