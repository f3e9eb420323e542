/**
 * How the CLI reads the file it is given (issue 12): the size the file system reports is checked
 * first (`fs.stat`, the same limit as 「取り込み」), so an oversized file is refused before a byte
 * of it is read; then the bytes go through readImport, which counts before it parses.
 */
import { readFileSync, statSync } from 'node:fs';
import { checkImportSize } from '../shared/io/read-import';
import { FileRefused } from './check';

export interface ReadFs {
  statSync(path: string): { size: number; isFile(): boolean };
  readFileSync(path: string): Uint8Array;
}

const nodeFs: ReadFs = { statSync, readFileSync };

/** The bytes of a regular file within the import size limit; FileRefused (Japanese) otherwise. */
export function readFileChecked(path: string, fs: ReadFs = nodeFs): Uint8Array {
  const stat = fs.statSync(path);
  if (!stat.isFile()) throw new FileRefused('ファイルではありません（フォルダなど）。書き出しファイルを指定してください。');
  const refused = checkImportSize(stat.size);
  if (refused && !refused.ok) throw new FileRefused(refused.message);
  return new Uint8Array(fs.readFileSync(path));
}
