import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AutosaveController } from '../../../renderer/autosave/controller';
import { localJournal, removeProjectJournals } from '../../../renderer/db/journal';

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
    expect(journal.readNewerThan(undefined)).toEqual({ name: '髙橋' });
    await c.flush();
    expect(journal.readNewerThan(undefined)).toEqual({ name: '髙橋' });
    fail = false;
    await c.flush();
    expect(journal.readNewerThan(undefined)).toBeUndefined();
    c.dispose();
  });

  it('sets aside an entry that does not match the schema instead of throwing it away', () => {
    const storage = new MemoryStorage();
    const bad = JSON.stringify({ at: '2026-11-21T00:00:00.000Z', value: { name: 42 } });
    storage.setItem('senshin-desk:journal:t', bad);
    expect(localJournal('t', schema, storage).readNewerThan(undefined)).toBeUndefined();
    expect(storage.getItem('senshin-desk:journal:t')).toBeNull();
    const kept = storage.key(0) ?? '';
    expect(kept).toMatch(/^senshin-desk:journal:t:unreadable:/);
    expect(storage.getItem(kept)).toBe(bad);
  });

  it('replays only an entry written after the stored row was saved (no stale overwrite)', () => {
    const storage = new MemoryStorage();
    storage.setItem('senshin-desk:journal:t', JSON.stringify({ at: '2026-11-21T10:00:00.000Z', value: { name: '髙橋' } }));
    const j = localJournal('t', schema, storage);
    expect(j.readNewerThan('2026-11-21T09:59:59.000Z')).toEqual({ name: '髙橋' });
    expect(j.readNewerThan('2026-11-21T10:00:01.000Z')).toBeUndefined();
  });

  it('removes every journal of a deleted project, and only those', () => {
    const storage = new MemoryStorage();
    storage.setItem('senshin-desk:journal:jizen-soudan:p1', '{}');
    storage.setItem('senshin-desk:journal:form:p1:besshi1/yoshiki5', '{}');
    storage.setItem('senshin-desk:journal:jizen-soudan:p2', '{}');
    removeProjectJournals('p1', storage);
    expect(storage.length).toBe(1);
    expect(storage.getItem('senshin-desk:journal:jizen-soudan:p2')).toBe('{}');
  });
});

describe('journal vs. stored row: an edit typed while a save is running survives a reload', () => {
  it('stamps the row with the time the saved value was typed, so the later edit still wins', async () => {
    const storage = new MemoryStorage();
    const journal = localJournal('race', schema, storage);
    let storedAt: string | undefined;
    let release: () => void = () => undefined;
    const c = new AutosaveController<{ name: string }>({
      journal,
      // The save runs long enough for the user to type again before it stores its row.
      save: (_v, editedAt) =>
        new Promise<void>((resolve) => {
          release = () => {
            storedAt = editedAt;
            resolve();
          };
        }),
    });
    c.schedule({ name: '髙橋' });
    const saving = c.flush();
    await new Promise((r) => setTimeout(r, 5));
    c.schedule({ name: '髙橋 﨑子' }); // typed while the first save is still running
    release(); // the first save stores its row now…
    await new Promise((r) => setTimeout(r, 0));
    // …and the window is reloaded before the second save: the journal must still win.
    expect(journal.readNewerThan(storedAt)).toEqual({ name: '髙橋 﨑子' });
    c.dispose();
    void saving;
  });
});
