/**
 * SEC-02: production content is served from app://senshin/ with path containment — a request can
 * only ever read a file inside the built renderer folder. No file:// URLs.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'senshin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export type ResolvedRequest = { readonly ok: true; readonly filePath: string } | { readonly ok: false; readonly status: 400 | 403 | 404 };

/** Maps an app:// URL to a file under `root`, or refuses it. Pure: no file system access. */
export function resolveAppRequest(rawUrl: string, root: string): ResolvedRequest {
  // Refuse dot-segments in any spelling before the URL parser quietly normalises them away.
  if (/(\.\.|%2e|%5c|%00)/i.test(rawUrl.split(/[?#]/)[0] ?? '')) return { ok: false, status: 400 };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '' || url.port !== '') {
    return { ok: false, status: 403 };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const filePath = path.resolve(base, relative);
  if (filePath !== base && !filePath.startsWith(base + path.sep)) return { ok: false, status: 403 };
  if (filePath === base) return { ok: false, status: 404 };
  return { ok: true, filePath };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export function contentTypeFor(filePath: string): string {
  return TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
