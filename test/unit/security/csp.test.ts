import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, cspHeader, cspMeta } from '../../../shared/security/csp';

describe('SEC-03 / SEC-08 Content-Security-Policy', () => {
  it('allows scripts only from the app itself: no eval, no inline script, no plugins, no <base>', () => {
    const all = Object.values(CSP_DIRECTIVES).flat().join(' ');
    expect(all).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*/);
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['base-uri']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['default-src']).toEqual(["'none'"]);
  });

  it('lets the app talk to nothing but itself', () => {
    expect(CSP_DIRECTIVES['connect-src']).toEqual(["'self'"]);
    expect(cspMeta()).toContain("connect-src 'self'");
  });

  it('serves the same policy as a header in Electron, plus frame-ancestors', () => {
    expect(cspHeader().startsWith(cspMeta())).toBe(true);
    expect(cspHeader()).toContain("frame-ancestors 'none'");
  });
});

describe('SEC-11 lint gates', () => {
  const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
  const rulesHit = async (file: string, code: string): Promise<string[]> => {
    const [r] = await eslint.lintText(code, { filePath: file });
    return (r?.messages ?? []).map((m) => m.ruleId ?? '');
  };

  it.each([
    ['eval', "export const x = eval('1 + 1');\n", 'no-eval'],
    ['new Function', "export const f = new Function('return 1');\n", 'no-new-func'],
  ])('refuses %s anywhere in the app', async (_name, code, rule) => {
    expect(await rulesHit('renderer/probe.ts', code)).toContain(rule);
    expect(await rulesHit('electron/probe.ts', code)).toContain(rule);
  });
});
