import { describe, expect, it } from 'vitest';
import { createLogger, errorCode, formatLogLine, redactPath, type LogLevel } from '../../../shared/log/log';

/** Personal values a log line must never contain (SEC-12). */
const PERSONAL = ['山田', '太郎', 'yamada', 'Yamada', 'Documents', '共有', '患者'];
const expectNoPersonalData = (lines: readonly string[]): void => {
  for (const line of lines) for (const value of PERSONAL) expect(line, line).not.toContain(value);
};

function capture() {
  const lines: string[] = [];
  const levels: LogLevel[] = [];
  const logger = createLogger((level, line) => {
    levels.push(level);
    lines.push(line);
  }, () => new Date('2025-06-02T08:30:00.000Z'));
  return { lines, levels, logEvent: logger.logEvent };
}

describe('SEC-12 redactPath', () => {
  it.each([
    ['C:\\Users\\yamada\\Documents\\x.json', '<path>.json'],
    ['/home/yamada/x', '<path>'],
    ['/Users/山田太郎/研究/申請書.docx', '<path>.docx'],
    ['\\\\hospital-fs\\研究支援室\\山田\\backup.zip', '<path>.zip'],
    ['file:///home/yamada/%E5%B1%B1%E7%94%B0.pdf', '<path>.pdf'],
    ['~/senshin-desk-backup-20250602-173000-manual.json', '<path>.json'],
    ['E:\\バックアップ\\', '<path>'],
    ['/home/yamada/.bashrc', '<path>'],
    ['/home/yamada/report.yamada', '<path>'],
    ['/home/yamada/山田.太郎', '<path>'],
    ['C:\\Users\\yamada\\x.JSON', '<path>.json'],
    ['/tmp/a.tar.gz', '<path>'],
    ['yamada', '<path>'],
    ['', '<path>'],
  ])('%s → %s', (input, expected) => {
    expect(redactPath(input)).toBe(expected);
  });
});

describe('SEC-12 log lines carry no personal data', () => {
  it('writes one JSON line with the event, its level and only the allowed details', () => {
    const { lines, levels, logEvent } = capture();
    logEvent('backup-folder-failed', { reason: 'interval', error: 'ENOENT', path: redactPath('E:\\山田\\x.json'), count: 2, status: 'ok' });
    expect(levels).toEqual(['warn']);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ t: '2025-06-02T08:30:00.000Z', level: 'warn', event: 'backup-folder-failed', reason: 'interval', error: 'ENOENT', path: '<path>.json', count: 2, status: 'ok' });
  });

  it('refuses free text by type, and drops it at run time when the types are defeated', () => {
    const { lines, logEvent } = capture();
    // @ts-expect-error a name is not a log code
    logEvent('backup-saved', { reason: '山田 太郎' });
    // @ts-expect-error a raw path is not a redacted path
    logEvent('backup-saved', { path: 'C:\\Users\\yamada\\Documents\\x.json' });
    // @ts-expect-error detail keys are closed too: a key is text as well
    logEvent('backup-saved', { 山田太郎: 1 });
    // Callers that go around the types (values from `unknown`, casts):
    Reflect.apply(logEvent, undefined, ['backup-saved', { reason: '山田 太郎', path: '/home/yamada/x', count: Number.NaN, error: { message: 'yamada' } }]);
    Reflect.apply(logEvent, undefined, ['山田 太郎さんのデータを保存', { 患者: '山田 太郎' }]);
    expect(lines).toHaveLength(5);
    expectNoPersonalData(lines);
    expect(JSON.parse(lines[3] ?? '')).toMatchObject({ reason: '<redacted>', path: '<redacted>', count: '<redacted>', error: '<redacted>' });
    expect(JSON.parse(lines[4] ?? '')).toMatchObject({ event: '<redacted>' });
  });

  it('reduces an error to a code; its message, which holds the path, is dropped', () => {
    const fsError = Object.assign(new Error("ENOENT: no such file or directory, open 'C:\\Users\\yamada\\Documents\\山田太郎.json'"), { code: 'ENOENT' });
    expect(errorCode(fsError)).toBe('ENOENT');
    expect(errorCode(new TypeError('山田 太郎 is not a function'))).toBe('TypeError');
    expect(errorCode(Object.assign(new Error('x'), { code: 'C:\\Users\\yamada' }))).toBe('Error');
    expect(errorCode('山田 太郎')).toBe('unknown');
    expect(errorCode(null)).toBe('unknown');
  });

  it('a sink that throws never breaks the caller', () => {
    const logger = createLogger(() => {
      throw new Error('console gone');
    });
    expect(() => logger.logEvent('backup-saved', { count: 1 })).not.toThrow();
  });

  it('formats even a line with a broken clock without throwing', () => {
    expect(JSON.parse(formatLogLine('quit-timeout', undefined, new Date(Number.NaN)))).toEqual({ t: 'invalid-time', level: 'warn', event: 'quit-timeout' });
  });
});
