/**
 * SEC-09: a file is written to a temporary file beside the target, flushed, then renamed over it.
 * A failure at any step leaves the previous file intact and removes the temporary file.
 * The file system is injected so the policy is tested without touching real disks.
 */
import path from 'node:path';

export interface AtomicFs {
  writeFile(file: string, data: Uint8Array): Promise<void>;
  /** fsync the file's contents to disk. */
  sync(file: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string): Promise<void>;
}

export async function writeFileAtomic(target: string, data: Uint8Array, fs: AtomicFs, random: () => string): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${random()}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.sync(tmp);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp).catch(() => undefined);
    throw e;
  }
}
