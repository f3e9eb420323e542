import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../../../renderer/db/database';
import { DraftStorage } from '../../../renderer/db/draft-storage';
import { localJournal } from '../../../renderer/db/journal';
import { countingDraftWrites } from '../../helpers/draft-writes';

const schema = z.object({ text: z.string() });

describe('DATA-11 the journal under fast typing', () => {
  it('writes a burst of keystrokes to the database in at most two transactions, the newest text last', async () => {
    // One transaction per keystroke queued up behind each other; on a busy machine the last
    // characters were still waiting when Chromium was killed 300 ms later (stress mode of the crash test).
    const { db, writes } = await countingDraftWrites('drafts');
    const storage = await DraftStorage.load(db, undefined);
    const journal = localJournal('form-burst', schema, storage);
    const chars = Array.from('強制終了の直前に入力した文字：髙橋・𠮷田・﨑');
    chars.forEach((_, i) => journal.write({ text: chars.slice(0, i + 1).join('') }, `2026-12-01T00:00:${String(i).padStart(2, '0')}.000Z`));
    await storage.idle();

    expect(writes()).toBeLessThanOrEqual(2);
    // A new window (after a crash) reads all of it from the database alone.
    const next = await DraftStorage.load(db, undefined);
    expect(localJournal('form-burst', schema, next).readNewerThan(undefined)).toEqual({ text: chars.join('') });
    db.close();
  });

  it('keeps an entry the database refused and writes it with the next one', async () => {
    const db = openDatabase(`drafts-${crypto.randomUUID()}`);
    await db.open();
    const storage = await DraftStorage.load(db, undefined);
    const a = localJournal('form-a', schema, storage);
    const b = localJournal('form-b', schema, storage);
    // The disk is full for the first write (a hook that throws aborts the write, as the disk would).
    let full = true;
    db.drafts.hook('creating', () => {
      if (full) throw new DOMException('IO error: FILE_ERROR_NO_SPACE', 'UnknownError');
    });
    a.write({ text: '満杯のときの入力' }, '2026-12-01T00:00:01.000Z');
    await storage.idle();
    full = false;
    b.write({ text: '空きができてからの入力' }, '2026-12-01T00:00:02.000Z');
    await storage.idle();
    const next = await DraftStorage.load(db, undefined);
    expect(localJournal('form-a', schema, next).readNewerThan(undefined)).toEqual({ text: '満杯のときの入力' });
    expect(localJournal('form-b', schema, next).readNewerThan(undefined)).toEqual({ text: '空きができてからの入力' });
    db.close();
  });

  it('writes a refused entry when the connection is back, even if nothing else is typed (review of issue 12)', async () => {
    const db = openDatabase(`drafts-${crypto.randomUUID()}`);
    await db.open();
    const storage = await DraftStorage.load(db, undefined);
    const a = localJournal('form-last', schema, storage);
    let full = true;
    db.drafts.hook('creating', () => {
      if (full) throw new DOMException('IO error: FILE_ERROR_NO_SPACE', 'UnknownError');
    });
    a.write({ text: '最後に打った文字' }, '2026-12-01T00:00:01.000Z');
    await storage.idle();
    full = false;
    storage.retry();
    await storage.idle();
    const next = await DraftStorage.load(db, undefined);
    expect(localJournal('form-last', schema, next).readNewerThan(undefined)).toEqual({ text: '最後に打った文字' });
    db.close();
  });

  it('writes the journal with relaxed durability (in the OS at once) and saved rows strict (DATA-08)', async () => {
    // Strict flushes queued the last keystrokes of a loaded machine past a kill 300 ms later.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      const db = openDatabase(`drafts-${crypto.randomUUID()}`);
      await db.open();
      const storage = await DraftStorage.load(db, undefined);
      localJournal('form-durable', schema, storage).write({ text: '髙橋' }, '2026-12-01T00:00:01.000Z');
      await storage.idle();
      await db.transaction('rw', db.projects, () => undefined);
      db.close();
      const writes = spy.mock.calls.filter((c) => c[1] === 'readwrite').map((c) => ({ stores: typeof c[0] === 'string' ? c[0] : Array.from(c[0]).join(','), durability: c[2]?.durability }));
      expect(writes.filter((t) => t.stores === 'drafts').map((t) => t.durability)).toEqual(['relaxed']);
      expect(writes.filter((t) => t.stores === 'projects').map((t) => t.durability)).toEqual(['strict']);
    } finally {
      spy.mockRestore();
    }
  });
});
