import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AutosaveController } from '../../../renderer/autosave/controller';
import { localJournal } from '../../../renderer/db/journal';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

const schema = z.object({ name: z.string() });

describe('DATA-11 write-ahead journal', () => {
  it('keeps the latest unsaved edit until the database save succeeds', async () => {
    const storage = new MemoryStorage();
    const journal = localJournal('t', schema, storage);
    let fail = true;
    const c = new AutosaveController<{ name: string }>({
      save: () => (fail ? Promise.reject(new Error('closed')) : Promise.resolve()),
      journal,
      retryDelaysMs: [60_000],
    });
    c.schedule({ name: '髙橋' });
    // Written synchronously: a reload right now would still find it.
    expect(journal.read()).toEqual({ name: '髙橋' });
    await c.flush();
    expect(journal.read()).toEqual({ name: '髙橋' });
    fail = false;
    await c.flush();
    expect(journal.read()).toBeUndefined();
    c.dispose();
  });

  it('ignores a journal entry that does not match the schema (old version, tampering)', () => {
    const storage = new MemoryStorage();
    storage.setItem('senshin-desk:journal:t', JSON.stringify({ at: 'x', value: { name: 42 } }));
    expect(localJournal('t', schema, storage).read()).toBeUndefined();
    storage.setItem('senshin-desk:journal:t', '{not json');
    expect(localJournal('t', schema, storage).read()).toBeUndefined();
  });
});
