import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SenshinDb } from '../../../renderer/db/database';
import { DraftStorage } from '../../../renderer/db/draft-storage';
import { localJournal } from '../../../renderer/db/journal';
import { countingDraftWrites } from '../../helpers/draft-writes';

const schema = z.object({ text: z.string() });

const counted = () => countingDraftWrites('batch');

/** What a new window (after a crash) reads back from the database alone. */
async function readBack(db: SenshinDb, name: string): Promise<unknown> {
  return localJournal(name, schema, await DraftStorage.load(db, undefined)).readNewerThan(undefined);
}

describe('DATA-11 / issue 17: journal writes batched — a burst of keys is one durable write', () => {
  it('30 keystrokes in a row cost one IndexedDB write, and what it wrote is the last text', async () => {
    const { db, writes } = await counted();
    const storage = await DraftStorage.load(db, undefined, { batchMs: 60_000 });
    const journal = localJournal('form-burst', schema, storage);
    const chars = Array.from('治療計画：検体の採取方法と検査方法、髙橋・𠮷田・﨑の手順書');
    chars.forEach((_, i) => journal.write({ text: chars.slice(0, i + 1).join('') }, `2026-12-01T00:00:${String(i).padStart(2, '0')}.000Z`));
    // The editor reads its own journal at once, from memory.
    expect(journal.readNewerThan(undefined)).toEqual({ text: chars.join('') });
    await storage.idle();
    expect(writes()).toBe(1);
    expect(await readBack(db, 'form-burst')).toEqual({ text: chars.join('') });
    db.close();
  });

  it('writes the burst by itself when its short window ends, without idle() or another key', async () => {
    const { db, writes } = await counted();
    const storage = await DraftStorage.load(db, undefined, { batchMs: 30 });
    const journal = localJournal('form-window', schema, storage);
    for (const text of ['髙', '髙橋', '髙橋の入力']) journal.write({ text }, '2026-12-01T00:00:01.000Z');
    expect(writes()).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(writes()).toBe(1);
    expect(await readBack(db, 'form-window')).toEqual({ text: '髙橋の入力' });
    db.close();
  });

  it('idle() resolves only once the gathering batch is in the database (a reload right after loses nothing)', async () => {
    const { db } = await counted();
    const storage = await DraftStorage.load(db, undefined, { batchMs: 60_000 });
    const journal = localJournal('form-idle', schema, storage);
    journal.write({ text: '再読み込みの直前の入力' }, '2026-12-01T00:00:01.000Z');
    expect(await readBack(db, 'form-idle')).toBeUndefined();
    await storage.idle();
    expect(await readBack(db, 'form-idle')).toEqual({ text: '再読み込みの直前の入力' });
    db.close();
  });

  it('keys typed while a write runs go in one more write after it, the newest text last', async () => {
    const { db, writes } = await counted();
    const storage = await DraftStorage.load(db, undefined, { batchMs: 60_000 });
    const journal = localJournal('form-during', schema, storage);
    journal.write({ text: '一' }, '2026-12-01T00:00:01.000Z');
    storage.flush();
    for (const text of ['一二', '一二三', '一二三四']) journal.write({ text }, '2026-12-01T00:00:02.000Z');
    await storage.idle();
    expect(writes()).toBe(2);
    expect(await readBack(db, 'form-during')).toEqual({ text: '一二三四' });
    db.close();
  });
});
