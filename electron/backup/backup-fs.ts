/**
 * The file-system operations the backup store needs, injected (architecture.md pattern 5) so the
 * orchestration is tested against a temporary folder, and a failing disk can be simulated.
 */
import type { AtomicFs } from '../policies/atomic-write';

export interface FileStat {
  readonly size: number;
  isFile(): boolean;
}

export interface BackupFs extends AtomicFs {
  /** Creates the folder and its parents; succeeds if it exists. */
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /** Does not follow symbolic links: a link is not a file we wrote. */
  lstat(file: string): Promise<FileStat>;
  readFile(file: string): Promise<Uint8Array<ArrayBuffer>>;
}
