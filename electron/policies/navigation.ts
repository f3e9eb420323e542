/**
 * SEC-04 / SEC-08: nothing navigates away from the app, no new windows, no network.
 * URLs are parsed with `new URL`, never matched as substrings.
 */
import { APP_HOST, APP_SCHEME } from './app-protocol';

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** True only for our own app://senshin/… pages. */
export function isAppUrl(raw: string): boolean {
  const u = parse(raw);
  return u !== undefined && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** In-app navigation is allowed only within the app origin. */
export function allowNavigation(raw: string): boolean {
  return isAppUrl(raw);
}

/**
 * A link the user clicked that should open in the system browser (e.g. the ministry's page):
 * only plain http(s) URLs with a host and no credentials. Returns the normalised URL or undefined.
 */
export function externalUrlToOpen(raw: string): string | undefined {
  const u = parse(raw);
  if (!u) return undefined;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (u.hostname === '' || u.username !== '' || u.password !== '') return undefined;
  return u.href;
}

/** Schemes the app itself loads from. Everything else — network, file:, chrome: — is refused. */
const ALLOWED_SCHEMES = new Set(['app:', 'data:', 'blob:', 'devtools:']);

/** SEC-08: an allow-list, so every http(s)/ws(s)/file: request is cancelled — the app never uses the network. */
export function shouldCancelRequest(raw: string): boolean {
  const u = parse(raw);
  if (!u) return true;
  if (u.protocol === 'app:') return !isAppUrl(raw);
  return !ALLOWED_SCHEMES.has(u.protocol);
}

/** SEC-05: every permission request (camera, notifications, geolocation, …) is denied. */
export function allowPermission(_permission: string): boolean {
  return false;
}
