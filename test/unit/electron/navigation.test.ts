import { describe, expect, it } from 'vitest';
import { allowNavigation, allowPermission, externalUrlToOpen, isAppUrl, shouldCancelRequest } from '../../../electron/policies/navigation';

describe('SEC-04 navigation and external links', () => {
  it('allows navigation only within app://senshin', () => {
    expect(allowNavigation('app://senshin/index.html#/projects/1')).toBe(true);
    for (const url of ['https://senshin/', 'app://senshin.evil.example/', 'app://evil/', 'file:///C:/Windows/', 'javascript:alert(1)', 'about:blank', 'app://x@senshin/']) {
      expect(allowNavigation(url), url).toBe(false);
    }
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'file://server/share/doc.pdf',
    '\\\\server\\share\\doc.pdf',
    'smb://server/share',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'https://user:pass@www.mhlw.go.jp/',
    'ms-msdt:/id PCWDiagnostic',
    'not a url',
  ])('never opens %s externally', (url) => {
    expect(externalUrlToOpen(url)).toBeUndefined();
  });

  it('opens plain https links (e.g. the ministry) in the system browser, normalised', () => {
    expect(externalUrlToOpen('https://www.mhlw.go.jp/topics/bukyoku/isei/sensiniryo/')).toBe('https://www.mhlw.go.jp/topics/bukyoku/isei/sensiniryo/');
    // A look-alike host is still just that host: no substring tricks.
    expect(externalUrlToOpen('https://www.mhlw.go.jp.evil.example/')).toBe('https://www.mhlw.go.jp.evil.example/');
  });

  it('recognises only our own origin as the app', () => {
    expect(isAppUrl('app://senshin/index.html')).toBe(true);
    expect(isAppUrl('app://senshin.example/index.html')).toBe(false);
  });
});

describe('SEC-08 no network, SEC-05 no permissions', () => {
  it('cancels every http(s) and ws(s) request, lets app:, data: and blob: through', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:4173/', 'wss://example.com/socket', 'ws://localhost/', 'ftp://example.com/', 'file:///etc/passwd', 'chrome://settings', 'app://evil/x.js', 'gopher://x', 'nonsense']) {
      expect(shouldCancelRequest(url), url).toBe(true);
    }
    for (const url of ['app://senshin/index.html', 'data:image/png;base64,AAAA', 'blob:app://senshin/1234']) expect(shouldCancelRequest(url), url).toBe(false);
  });

  it('denies every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(allowPermission(p)).toBe(false);
  });
});
