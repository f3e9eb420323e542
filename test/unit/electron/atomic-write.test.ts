import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicFs } from '../../../electron/policies/atomic-write';

const realFs: AtomicFs = {
  writeFile: (f, d) => writeFile(f, d),
  sync: async (f) => {
    const h = await open(f, 'r+');
    await h.sync();
    await h.close();
  },
  rename,
  rm: (f) => rm(f, { force: true }),
};

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SEC-09 atomic file writes', () => {
  it('replaces the file with the new bytes and leaves no temporary file', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const target = path.join(dir, '事前相談申込書.pdf');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new'), realFs, () => 'r1');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['事前相談申込書.pdf']);
  });

  it('keeps the old file intact and cleans up when the write fails half-way', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const target = path.join(dir, 'a.docx');
    writeFileSync(target, 'old');
    const failing: AtomicFs = { ...realFs, sync: () => Promise.reject(new Error('disk full')) };
    await expect(writeFileAtomic(target, new TextEncoder().encode('new'), failing, () => 'r2')).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.docx']);
  });
});
