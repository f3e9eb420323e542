import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../electron/policies/app-protocol';

const root = path.resolve('/opt/senshin/dist');

describe('SEC-02 app:// path containment', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppRequest('app://senshin/index.html', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppRequest('app://senshin/assets/index-abc.js', root)).toEqual({ ok: true, filePath: path.join(root, 'assets/index-abc.js') });
    expect(resolveAppRequest('app://senshin/', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
  });

  it.each([
    ['dot-dot', 'app://senshin/../../etc/passwd'],
    ['encoded dot-dot', 'app://senshin/%2e%2e/%2e%2e/etc/passwd'],
    ['encoded slash', 'app://senshin/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['backslash', 'app://senshin/..\\..\\windows\\win.ini'],
    ['encoded backslash', 'app://senshin/%5c..%5c..%5cwin.ini'],
    ['NUL byte', 'app://senshin/index.html%00.png'],
    ['other host', 'app://evil/index.html'],
    ['userinfo', 'app://user:pw@senshin/index.html'],
    ['port', 'app://senshin:8080/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['http', 'http://senshin/index.html'],
    ['broken escape', 'app://senshin/%E0%A4%A'],
    ['not a URL', 'senshin/index.html'],
  ])('refuses %s', (_name, url) => {
    const r = resolveAppRequest(url, root);
    if (r.ok) expect(r.filePath.startsWith(root + path.sep)).toBe(true);
    else expect([400, 403, 404]).toContain(r.status);
    // None of them may reach outside the root.
    expect(r.ok && !r.filePath.startsWith(root + path.sep)).toBe(false);
  });

  it('refuses traversal attempts outright (not just contains them)', () => {
    expect(resolveAppRequest('app://senshin/%2e%2e/%2e%2e/etc/passwd', root).ok).toBe(false);
    expect(resolveAppRequest('app://evil/index.html', root).ok).toBe(false);
  });
});
