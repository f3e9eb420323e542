/**
 * The Content-Security-Policy of the app (SEC-03, SEC-08): served as a header by the Electron
 * protocol handler and as a <meta> tag in the built index.html (browser mode). No eval, no inline
 * script, no network: connect-src 'self' only.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/** Directives a <meta> CSP ignores (they only work as a header). */
const HEADER_ONLY = { 'frame-ancestors': ["'none'"] } as const;

export function cspMeta(): string {
  return Object.entries(CSP_DIRECTIVES).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
}

export function cspHeader(): string {
  return `${cspMeta()}; ${Object.entries(HEADER_ONLY).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ')}`;
}
