/**
 * How PDF streams are compressed (zlib format, RFC 1950: /FlateDecode). By default fflate in
 * JavaScript, which runs anywhere; a platform with a native zlib installs it at startup (issue 17:
 * compression was three quarters of writing a 53-page package's PDF): Node's zlib in the bench and
 * the CLI, the browser's CompressionStream for page contents in the app. Every compressor gives
 * valid streams; a given one always gives the same bytes for the same input.
 */
import { zlibSync } from 'fflate';

export interface PdfDeflate {
  /** Synchronous compression: pdf-lib's own streams (font files, ToUnicode maps) use it. */
  readonly sync: (bytes: Uint8Array) => Uint8Array;
  /** The page contents, all at once (a native compressor may work on them in parallel). */
  readonly many: (list: readonly Uint8Array[]) => Promise<Uint8Array[]>;
}

/** fflate at level 6: on page operators as fast as level 1 and a fifth smaller (measured on the realistic package). */
const fflateSync = (bytes: Uint8Array): Uint8Array => zlibSync(bytes, { level: 6 });

export const JS_DEFLATE: PdfDeflate = {
  sync: fflateSync,
  many: (list) => Promise.resolve(list.map(fflateSync)),
};

let installed: PdfDeflate = JS_DEFLATE;

/** Installs the platform's compressor (undefined: back to fflate). */
export function installPdfDeflate(deflate: PdfDeflate | undefined): void {
  installed = deflate ?? JS_DEFLATE;
}

export function pdfDeflate(): PdfDeflate {
  return installed;
}

/** The browser's native zlib (CompressionStream 'deflate' is the zlib format), with fflate where pdf-lib needs an answer at once. */
export function compressionStreamDeflate(): PdfDeflate | undefined {
  if (typeof CompressionStream !== 'function' || typeof Response !== 'function' || typeof Blob !== 'function') return undefined;
  const one = async (bytes: Uint8Array): Promise<Uint8Array> => {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
  return { sync: fflateSync, many: (list) => Promise.all(list.map(one)) };
}
