import { Zip, ZipDeflate, strToU8 } from 'fflate';

/**
 * The file of issue 12: a 255 KB zip whose `senshin-desk.json` inflates to ~250 MB of `{},{},…`
 * (83 × 3 MB of tiny objects: 87 million of them). Made with fflate's streaming zip — the library
 * shared/io/zip-guard.ts reads with — so the 250 MB never exist at once.
 */
export function tinyItemsZipBomb(chunks = 83): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  const entry = new ZipDeflate('senshin-desk.json', { level: 9 });
  zip.add(entry);
  const chunk = strToU8('{},'.repeat(1 << 20));
  entry.push(strToU8('['));
  for (let i = 0; i < chunks; i++) entry.push(chunk);
  entry.push(strToU8('{}]'), true);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
