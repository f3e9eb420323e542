import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fontSet, type FontBytes } from '../../shared/render/font-metrics';
import type { FontSet } from '../../shared/document/layout/types';

const dir = path.resolve(import.meta.dirname, '../../assets/fonts');

let cached: { bytes: FontBytes; metrics: FontSet } | undefined;

/** The bundled fonts, read from assets/fonts exactly as the app ships them. */
export function bundledFonts(): { bytes: FontBytes; metrics: FontSet } {
  if (!cached) {
    const bytes = {
      primary: new Uint8Array(readFileSync(path.join(dir, 'BIZUDMincho-Regular.ttf'))),
      fallback: new Uint8Array(readFileSync(path.join(dir, 'NotoSerifJP-Regular.ttf'))),
    };
    cached = { bytes, metrics: fontSet(bytes) };
  }
  return cached;
}
