/** The real BackupFs over node:fs, used by main and by the store's tests in a temporary folder. */
import { lstat, mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import type { BackupFs } from './backup-fs';

export const nodeBackupFs: BackupFs = {
  writeFile: (f, d) => writeFile(f, d),
  sync: async (f) => {
    const h = await open(f, 'r+');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  },
  rename,
  rm: (f) => rm(f, { force: true }),
  mkdir: async (d) => {
    await mkdir(d, { recursive: true });
  },
  readdir: (d) => readdir(d),
  lstat: (f) => lstat(f),
  readFile: (f) => readFile(f),
};
