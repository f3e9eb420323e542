/**
 * Node's native zlib for PDF streams (shared/render/pdf/deflate.ts), installed by the command-line
 * tools and the bench. Synchronous: on libuv's thread pool the 53 pages of the realistic package
 * took longer (the JavaScript thread idle, waiting) than compressing them in turn (8 ms).
 */
import { deflateSync } from 'node:zlib';
import type { PdfDeflate } from '../shared/render/pdf/deflate';

const LEVEL = 6;

function zlib(bytes: Uint8Array): Uint8Array {
  const out = deflateSync(bytes, { level: LEVEL });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export const NODE_DEFLATE: PdfDeflate = {
  sync: zlib,
  many: (list) => Promise.resolve(list.map(zlib)),
};
