/**
 * Loads the bundled fonts once: bytes for the PDF backend and metrics for layout and preview.
 * Same-origin fetches only (CSP connect-src 'self'); nothing leaves the machine.
 */
import minchoUrl from '../../assets/fonts/BIZUDMincho-Regular.ttf?url';
import fallbackUrl from '../../assets/fonts/NotoSerifJP-Regular.ttf?url';
import type { FontSet } from '../../shared/document/layout/types';
import { fontSet, type FontBytes } from '../../shared/render/font-metrics';

export interface LoadedFonts {
  readonly bytes: FontBytes;
  readonly metrics: FontSet;
}

let loading: Promise<LoadedFonts> | undefined;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`font ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export function loadFonts(): Promise<LoadedFonts> {
  loading ??= Promise.all([fetchBytes(minchoUrl), fetchBytes(fallbackUrl)])
    .then(([primary, fallback]) => {
      const bytes = { primary, fallback };
      return { bytes, metrics: fontSet(bytes) };
    })
    .catch((e: unknown) => {
      loading = undefined; // allow a retry
      throw e;
    });
  return loading;
}
