/**
 * SEC-12: the one logging function of the app. Log lines carry no personal or study data — no
 * names, no patient rows, no file paths, no free text — so a log file sent to IT support or left
 * on a shared PC discloses nothing about a study.
 *
 * How that is enforced, not hoped for:
 * - `event` is a closed set of codes; `details` keys are a closed set too (a key is text as well).
 * - A detail value is a finite number, a boolean, a closed code (`LogCode`) or a path that went
 *   through `redactPath` (a branded type: a raw string does not type-check).
 * - `formatLogLine` re-checks all of this at run time and replaces anything else with
 *   `<redacted>`, for callers that defeat the types (casts, `unknown` from an error).
 * - Error objects are never logged; `errorCode(e)` reduces one to a closed code (an fs error's
 *   message contains the path, and so the user's name).
 *
 * Pure: no `node:*`, no DOM. The sink is injected; the default one writes to `console` if the
 * runtime has one.
 */

/** Every event the app logs, with its level. Adding an event is adding a line here. */
const EVENT_LEVELS = {
  'app-start-failed': 'error',
  'file-save-failed': 'warn',
  'backup-saved': 'info',
  'backup-failed': 'error',
  'backup-folder-failed': 'warn',
  'backup-retention-deleted': 'info',
  'backup-retention-failed': 'warn',
  'backup-list-failed': 'warn',
  'backup-read-failed': 'warn',
  'backup-folder-chosen': 'info',
  'backup-settings-invalid': 'warn',
  'backup-settings-save-failed': 'warn',
  'quit-deferred': 'info',
  'quit-ready': 'info',
  'quit-timeout': 'warn',
  'page-gone': 'error',
  'page-unresponsive': 'warn',
} as const satisfies Record<string, LogLevel>;

export type LogLevel = 'info' | 'warn' | 'error';
export type LogEventCode = keyof typeof EVENT_LEVELS;

/** The only keys a detail object may have. */
const DETAIL_KEYS = ['error', 'reason', 'location', 'copies', 'bytes', 'count', 'status', 'path'] as const;
export type LogDetailKey = (typeof DETAIL_KEYS)[number];

/** Closed codes a detail value may take besides numbers and booleans. */
const CODES = [
  // error codes (Node fs errno names) and a few error names
  'ENOENT', 'EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EBUSY', 'EEXIST', 'EISDIR', 'ENOTDIR', 'ENOTEMPTY',
  'EMFILE', 'EIO', 'ENAMETOOLONG', 'EXDEV', 'ETIMEDOUT', 'EDQUOT', 'EINVAL',
  'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ZodError', 'AbortError', 'unknown',
  // backup reasons and locations (DATA-13)
  'interval', 'quit', 'manual', 'pre-restore', 'app-data', 'user-folder',
  // outcomes
  'ok', 'missing', 'invalid', 'too-large', 'empty', 'not-a-file', 'no-folder', 'bad-name', 'cancelled',
] as const;
export type LogCode = (typeof CODES)[number];

declare const redacted: unique symbol;
/** A path after `redactPath`: `<path>` plus at most a well-known extension. */
export type RedactedPath = string & { readonly [redacted]: true };

export type LogValue = number | boolean | LogCode | RedactedPath;
export type LogDetails = { readonly [K in LogDetailKey]?: LogValue };
export type LogSink = (level: LogLevel, line: string) => void;

const CODE_SET: ReadonlySet<string> = new Set(CODES);
const KEY_SET: ReadonlySet<string> = new Set(DETAIL_KEYS);
const EVENT_SET: ReadonlySet<string> = new Set(Object.keys(EVENT_LEVELS));

/** Extensions worth keeping: they say what kind of file failed and cannot carry a name. */
const SAFE_EXTENSIONS: ReadonlySet<string> = new Set(['json', 'pdf', 'docx', 'zip', 'csv', 'txt', 'xlsx', 'png', 'tmp', 'log', 'html', 'js', 'cjs']);
const REDACTED_RE = /^<path>(\.[a-z0-9]{1,5})?$/;

function isRedactedPath(s: string): s is RedactedPath {
  return REDACTED_RE.test(s);
}

export function isLogCode(s: string): s is LogCode {
  return CODE_SET.has(s);
}

/**
 * Any path (Windows, UNC, POSIX, file: URL, a bare file name) becomes `<path>`, keeping only a
 * well-known extension: `C:\Users\yamada\x.json` → `<path>.json`. Home folders, user names and
 * folder names are never kept, whatever the input looks like.
 */
export function redactPath(p: string): RedactedPath {
  const last = p.split(/[\\/]/).pop() ?? '';
  const dot = last.lastIndexOf('.');
  // A leading dot is a hidden file's name (".bashrc"), not an extension.
  const ext = dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
  const out = SAFE_EXTENSIONS.has(ext) ? `<path>.${ext}` : '<path>';
  if (isRedactedPath(out)) return out;
  /* c8 ignore next */
  throw new Error('redactPath produced an unexpected value');
}

const ERRNO_RE = /^E[A-Z]+$/;

/** Reduces a thrown value to a closed code; its message (which may hold a path) is dropped. */
export function errorCode(e: unknown): LogCode {
  if (typeof e === 'object' && e !== null) {
    const code: unknown = Reflect.get(e, 'code');
    if (typeof code === 'string' && ERRNO_RE.test(code) && isLogCode(code)) return code;
    const name: unknown = Reflect.get(e, 'name');
    if (typeof name === 'string' && isLogCode(name)) return name;
  }
  return 'unknown';
}

function safeValue(v: unknown): LogValue | '<redacted>' {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '<redacted>';
  if (typeof v === 'string' && (isLogCode(v) || isRedactedPath(v))) return v;
  return '<redacted>';
}

/**
 * One JSON line: `{"t":"…","level":"warn","event":"backup-folder-failed","error":"ENOENT"}`.
 * Checks everything again at run time (see the module comment).
 */
export function formatLogLine(event: LogEventCode, details: LogDetails | undefined, now: Date): string {
  const safeEvent = EVENT_SET.has(event) ? event : '<redacted>';
  const line: Record<string, number | boolean | string> = {
    t: Number.isNaN(now.getTime()) ? 'invalid-time' : now.toISOString(),
    level: levelOf(event),
    event: safeEvent,
  };
  if (typeof details === 'object' && details !== null) {
    for (const [key, value] of Object.entries(details)) {
      if (KEY_SET.has(key)) line[key] = safeValue(value);
      else line['<redacted-key>'] = '<redacted>';
    }
  }
  return JSON.stringify(line);
}

function levelOf(event: string): LogLevel {
  for (const [k, level] of Object.entries(EVENT_LEVELS)) if (k === event) return level;
  return 'error';
}

/** Writes to `console` when the runtime has one (Electron main, the renderer); otherwise nowhere. */
export const consoleSink: LogSink = (level, line) => {
  const c: unknown = Reflect.get(globalThis, 'console');
  if (typeof c !== 'object' || c === null) return;
  const write: unknown = Reflect.get(c, level);
  if (typeof write === 'function') Reflect.apply(write, c, [line]);
};

export interface Logger {
  readonly logEvent: (event: LogEventCode, details?: LogDetails) => void;
}

export type LogFn = Logger['logEvent'];

/** A logger over an injected sink and clock; a failing sink never breaks the caller. */
export function createLogger(sink: LogSink = consoleSink, clock: () => Date = () => new Date()): Logger {
  return {
    logEvent: (event, details) => {
      try {
        sink(levelOf(event), formatLogLine(event, details, clock()));
      } catch {
        // Logging must never turn a saved backup into a failure.
      }
    },
  };
}

const defaultLogger = createLogger();

/** The app's logging function (SEC-12). Use it instead of console.*. */
export const logEvent: LogFn = (event, details) => defaultLogger.logEvent(event, details);
