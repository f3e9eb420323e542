/**
 * Bytes of as-filed files: base64 for storage and export, SHA-256 for the manifest and for the
 * integrity check on import (a copy whose bytes no longer match what was recorded is refused).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import type { FiledFile } from './as-filed';

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export function toFiledFile(name: string, bytes: Uint8Array, pages: number): FiledFile {
  return { name, pages, sha256: sha256Hex(bytes), size: bytes.byteLength, base64: base64.encode(bytes) };
}

/** The exact bytes of a filed file. Throws if the base64 is not valid. */
export function filedBytes(file: Pick<FiledFile, 'base64'>): Uint8Array {
  return base64.decode(file.base64);
}

/** Whether the stored bytes still hash to the recorded SHA-256 and size. */
export function fileIntact(file: FiledFile): boolean {
  try {
    const bytes = filedBytes(file);
    return bytes.byteLength === file.size && sha256Hex(bytes) === file.sha256;
  } catch {
    return false;
  }
}
