/**
 * DATA-15: an imported file is hostile until proven otherwise. In order:
 *   1. its size is checked before it is read (`checkImportSize`, with the File's size);
 *   2. a zip is opened through zip-guard (DATA-16);
 *   3. the JSON bytes are counted before they are parsed (json-scan.ts: size, values, nesting —
 *      while a zip entry inflates, so a bomb stops after a few MB); then they must be UTF-8 and
 *      JSON; a parse failure never throws past this module;
 *   4. `__proto__`, `constructor` and `prototype` keys and absurd nesting are refused outright;
 *   5. the envelope must be ours; a newer formatVersion is refused with 「アプリを更新して」 (DATA-06);
 *   6. every record passes its schema, and the cross-checks (references, duplicates, each 様式's
 *      own schema) pass — one bad record refuses the whole file (all-or-nothing import).
 * Every refusal is a code plus a Japanese message saying what is wrong and what to do.
 */
import type { z } from 'zod';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, crossCheck, describePath, exportEnvelopeSchema, type ExportEnvelope, type RecordProblem, type WorkspaceData } from './envelope';
import { JSON_LIMITS, JsonScanner, scanJson, type JsonScanProblem } from './json-scan';
import { ZIP_LIMITS, looksLikeZip, readZip, type ZipProblem } from './zip-guard';
import { envelopeV1Schema, upgradeV1Data } from './formats/v1';
import { envelopeV2Schema, upgradeV2Data } from './formats/v2';
import { envelopeV3Schema, upgradeV3Data } from './formats/v3';
import { envelopeV4Schema, upgradeV4Data } from './formats/v4';
import { envelopeV5Schema, upgradeV5Data } from './formats/v5';

/**
 * The size of the chosen file, checked before it is read: equal to the largest backup main writes
 * (MAX_BACKUP_BYTES). What it holds is limited again, inflated, by JSON_LIMITS (json-scan.ts).
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
const MAX_DEPTH = JSON_LIMITS.maxDepth;

/**
 * How far a zip may inflate: 64 MB always, and up to JSON_LIMITS.maxBytes (128 MB) for a zip of at
 * least 1/64 of that. Our zips shrink JSON 1.7× when it holds as-filed copies (base64 of PDFs: every
 * big workspace) and 31× when it is text only (the backups of `npm run bench`), so no real backup inflates
 * 64×; a file of 1 MB or less is thus bounded at 64 MB and read in under 2 s (issue 12's target),
 * while the largest real backups still restore.
 */
export const SMALL_ZIP_INFLATE_BYTES = 64 * 1024 * 1024;
export const MAX_INFLATE_RATIO = 64;

export function inflateLimit(zipBytes: number): number {
  return Math.min(JSON_LIMITS.maxBytes, Math.max(SMALL_ZIP_INFLATE_BYTES, zipBytes * MAX_INFLATE_RATIO));
}

/**
 * Why a file the app is about to write (a backup, a project file) could not be read back by this
 * reader, or undefined when it can: every file the app writes must restore (review of issue 12).
 * `zipBytes` is the size of the zip holding the JSON, when it is zipped.
 */
export function unrestorableReason(json: Uint8Array, zipBytes?: number): string | undefined {
  const scanned = scanJson(json);
  const tooBig = (what: string) => `データが大きすぎるため保存しませんでした（${what}）。このまま保存すると取り込めないファイルになります。案件ごとに「案件ファイルを書き出す」で分けて保存してください。`;
  if (scanned === 'too-large') return tooBig(`中身 ${mb(json.byteLength)}、上限 ${mb(JSON_LIMITS.maxBytes)}`);
  if (scanned === 'too-many-values') return tooBig(`項目の数が上限 ${JSON_LIMITS.maxValues.toLocaleString('ja-JP')} 個を超えています`);
  if (scanned === 'too-deep') return tooBig(`入れ子が上限 ${JSON_LIMITS.maxDepth} 段を超えています`);
  const size = zipBytes ?? json.byteLength;
  if (size > MAX_IMPORT_BYTES) return tooBig(`ファイル ${mb(size)}、上限 ${mb(MAX_IMPORT_BYTES)}`);
  if (zipBytes !== undefined && json.byteLength > inflateLimit(zipBytes)) return tooBig(`展開後 ${mb(json.byteLength)}、このファイルの上限 ${mb(inflateLimit(zipBytes))}`);
  return undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ImportProblemCode =
  | 'empty'
  | 'too-large'
  | 'zip-unsafe-name'
  | 'zip-too-many-entries'
  | 'zip-too-large'
  | 'zip-broken'
  | 'zip-no-export'
  | 'not-utf8'
  | 'not-json'
  | 'too-many-values'
  /** The renderer's Worker (renderer/db/import-file.ts): over the time limit, or it stopped. */
  | 'timed-out'
  | 'read-failed'
  | 'forbidden-key'
  | 'too-deep'
  | 'wrong-format'
  | 'newer-version'
  | 'invalid-records';

export type ImportRead =
  /** `upgradedFrom`: the file was of an older format and was upgraded (every value kept). */
  | { readonly ok: true; readonly envelope: ExportEnvelope; readonly upgradedFrom?: number }
  | { readonly ok: false; readonly code: ImportProblemCode; readonly message: string; readonly problems?: readonly RecordProblem[] };

const fail = (code: ImportProblemCode, message: string, problems?: readonly RecordProblem[]): ImportRead =>
  problems === undefined ? { ok: false, code, message } : { ok: false, code, message, problems };

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Step 1, before a single byte is read: the size the file system reports. */
export function checkImportSize(bytes: number): ImportRead | undefined {
  if (bytes === 0) return fail('empty', 'ファイルが空です。senshin-desk で書き出したファイルを選んでください。');
  if (bytes > MAX_IMPORT_BYTES) return fail('too-large', `ファイルが大きすぎます（${mb(bytes)}、上限 ${mb(MAX_IMPORT_BYTES)}）。senshin-desk で書き出したファイルか確認してください。`);
  return undefined;
}

const ZIP_MESSAGE: Readonly<Record<ZipProblem, [ImportProblemCode, string]>> = {
  'unsafe-name': ['zip-unsafe-name', 'ZIPファイルの中に、安全でない名前のファイル（フォルダの外を指す名前など）があります。安全のため取り込みません。'],
  'too-many-entries': ['zip-too-many-entries', 'ZIPファイルの中のファイルが多すぎます。senshin-desk で書き出したファイルを選んでください。'],
  'too-large': ['zip-too-large', 'ZIPファイルを展開すると大きすぎるため、取り込みを中止しました。'],
  broken: ['zip-broken', 'ZIPファイルが壊れているため読み取れません。'],
  stopped: ['zip-broken', 'ZIPファイルの中身を読み取れません。'],
};

const TOO_DEEP = 'ファイルの入れ子が深すぎます。senshin-desk で書き出したファイルではありません。';

/** A refusal of the JSON scan: before a byte of it is parsed. */
function scanFail(problem: JsonScanProblem): ImportRead {
  switch (problem) {
    case 'too-large':
      return fail('too-large', `ファイルの中身（JSON）が大きすぎます（上限 ${mb(JSON_LIMITS.maxBytes)}）。senshin-desk で書き出したファイルか確認してください。`);
    case 'too-many-values':
      return fail(
        'too-many-values',
        `ファイルの中の項目が多すぎます（上限 ${JSON_LIMITS.maxValues.toLocaleString('ja-JP')} 個）。senshin-desk で書き出したファイルではないため、読み込む前に中止しました。`,
      );
    case 'too-deep':
      return fail('too-deep', TOO_DEEP);
  }
}

const isJsonName = (name: string): boolean => name.toLowerCase().endsWith('.json');

/** Finds the first key that could pollute a prototype, or a nesting deeper than MAX_DEPTH. */
function hostileShape(value: unknown): 'forbidden-key' | 'too-deep' | undefined {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop() ?? { v: undefined, depth: 0 };
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_DEPTH) return 'too-deep';
    if (Array.isArray(v)) {
      for (const x of v) stack.push({ v: x, depth: depth + 1 });
      continue;
    }
    for (const [key, x] of Object.entries(v)) {
      if (FORBIDDEN_KEYS.has(key)) return 'forbidden-key';
      stack.push({ v: x, depth: depth + 1 });
    }
  }
  return undefined;
}

/** A zod issue in words: what is wrong with the value (the location is given separately). */
function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `知らない項目があります（${issue.keys.slice(0, 3).join('、').slice(0, 80)}）。`;
    case 'too_big':
      return issue.origin === 'string' ? `長すぎます（上限 ${String(issue.maximum)} 文字）。` : `多すぎます（上限 ${String(issue.maximum)}）。`;
    case 'too_small':
      return issue.origin === 'string' ? '空です。' : '少なすぎます。';
    case 'invalid_type':
      return issue.input === undefined ? '必要な項目がありません。' : '値の種類が正しくありません。';
    case 'invalid_value':
    case 'invalid_union':
      return '選べない値です。';
    case 'custom':
      return `${issue.message.replace(/。$/, '')}。`;
    default:
      return '値が正しくありません。';
  }
}

/** 「3件のうち最初の問題：案件 2件目（projects[1].name）…」 */
function problemsMessage(problems: readonly RecordProblem[]): string {
  const first = problems.slice(0, 3).map((p) => `・${p.where}：${p.message}`).join('\n');
  const more = problems.length > 3 ? `\nほか ${problems.length - 3} 件` : '';
  return `ファイルの中に正しくないデータが ${problems.length} 件あります。一部だけを取り込むことはしないため、何も取り込んでいません。\n${first}${more}`;
}

/**
 * Bytes of a chosen file → a validated envelope, or a refusal. Never throws. `decodeUtf8` must
 * throw on invalid UTF-8 (in the browser: `new TextDecoder('utf-8', { fatal: true })`).
 */
export function readImport(bytes: Uint8Array, decodeUtf8: (b: Uint8Array) => string, today: string = new Date().toISOString().slice(0, 10)): ImportRead {
  const sized = checkImportSize(bytes.byteLength);
  if (sized) return sized;
  let json = bytes;
  if (looksLikeZip(bytes)) {
    // Each .json entry is scanned while it inflates: a bomb stops at the first limit, not at the end.
    let scanned: JsonScanProblem | undefined;
    const scanners = new Map<string, JsonScanner>();
    const limit = inflateLimit(bytes.byteLength);
    const zip = readZip(bytes, { maxEntries: ZIP_LIMITS.maxEntries, maxInflatedBytes: limit }, (name, chunk) => {
      if (!isJsonName(name)) return true;
      const scanner = scanners.get(name) ?? new JsonScanner();
      scanners.set(name, scanner);
      scanned = scanner.push(chunk);
      return scanned === undefined;
    });
    if (scanned) return scanFail(scanned);
    if (!zip.ok) {
      const [code, message] = ZIP_MESSAGE[zip.problem];
      if (zip.problem === 'too-large') return fail(code, `ZIPファイルを展開すると大きすぎるため（上限 ${mb(limit)}）、取り込みを中止しました。`);
      return fail(code, message);
    }
    const exports = [...zip.entries].filter(([name]) => isJsonName(name));
    const only = exports.length === 1 ? exports[0] : undefined;
    if (!only) return fail('zip-no-export', 'ZIPファイルの中に senshin-desk の書き出しファイル（.json）が1つだけ入っている必要があります。');
    json = only[1];
  } else {
    const scanned = scanJson(bytes);
    if (scanned) return scanFail(scanned);
  }
  let text: string;
  try {
    text = decodeUtf8(json);
  } catch {
    // Cut off in the middle of a character (a copy or download that stopped): truncated, not another encoding.
    if (endsMidCharacter(json)) return fail('not-json', TRUNCATED_OR_NOT_JSON);
    return fail('not-utf8', '文字コードが UTF-8 ではないため読み取れません。senshin-desk で書き出したファイルを選んでください。');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return fail('not-json', TRUNCATED_OR_NOT_JSON);
  }
  const shape = hostileShape(parsed);
  if (shape === 'forbidden-key') return fail('forbidden-key', 'ファイルに使用できない項目名（__proto__ など）が含まれています。安全のため取り込みません。');
  if (shape === 'too-deep') return fail('too-deep', TOO_DEEP);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('format' in parsed) || parsed.format !== EXPORT_FORMAT) {
    return fail('wrong-format', 'senshin-desk の書き出しファイルではありません。バックアップまたは案件の書き出しファイルを選んでください。');
  }
  const version = 'formatVersion' in parsed ? parsed.formatVersion : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('wrong-format', 'ファイル形式の版が読み取れません。senshin-desk で書き出したファイルを選んでください。');
  if (version > EXPORT_FORMAT_VERSION) {
    const app = 'appVersion' in parsed && typeof parsed.appVersion === 'string' ? `（アプリ ${parsed.appVersion.slice(0, 20)}）` : '';
    return fail('newer-version', `このファイルは新しい版の senshin-desk${app}で書き出されました（ファイル形式 第${version}版、このアプリは第${EXPORT_FORMAT_VERSION}版まで）。アプリを更新してから取り込んでください。`);
  }
  const current = upgradeToCurrent(parsed, version, today);
  if (!current.success) {
    const problems = current.error.issues.map((i) => ({ where: describePath(i.path.slice(i.path[0] === 'data' ? 1 : 0)), message: issueText(i) }));
    return fail('invalid-records', problemsMessage(problems), problems);
  }
  const dropped = droppedKeys(parsed, current.asRead);
  if (dropped.length > 0) {
    const problems = dropped.slice(0, 20).map((path) => ({ where: describePath(path.slice(path[0] === 'data' ? 1 : 0)), message: '知らない項目があります。このアプリでは保存できないため、何も取り込んでいません。' }));
    return fail('invalid-records', problemsMessage(problems), problems);
  }
  const problems = crossCheck(current.data.data);
  if (problems.length > 0) return fail('invalid-records', problemsMessage(problems), problems);
  return { ok: true, envelope: current.data, ...(version < EXPORT_FORMAT_VERSION ? { upgradedFrom: version } : {}) };
}

/** `asRead`: the file parsed at its own format, before the upgrade (to find stripped keys). */
type Upgrade = { readonly success: true; readonly data: ExportEnvelope; readonly asRead: unknown } | { readonly success: false; readonly error: z.ZodError };

/**
 * A file of any earlier format → the current envelope, through each format's upgrade in turn
 * (1 → 2 → 3 → 4 → 5 → 6): each older format is read by its own frozen schema (shared/io/formats/).
 */
function upgradeToCurrent(parsed: unknown, version: number, today: string): Upgrade {
  if (version === 1) {
    const r = envelopeV1Schema.safeParse(parsed);
    return r.success ? asCurrent(r.data, upgradeV4Data(upgradeV2Data(upgradeV1Data(r.data.data, today))), r.data) : r;
  }
  if (version === 2) {
    const r = envelopeV2Schema.safeParse(parsed);
    return r.success ? asCurrent(r.data, upgradeV4Data(upgradeV2Data(r.data.data)), r.data) : r;
  }
  if (version === 3) {
    const r = envelopeV3Schema.safeParse(parsed);
    return r.success ? asCurrent(r.data, upgradeV4Data(upgradeV3Data(r.data.data)), r.data) : r;
  }
  if (version === 4) {
    const r = envelopeV4Schema.safeParse(parsed);
    return r.success ? asCurrent(r.data, upgradeV4Data(r.data.data), r.data) : r;
  }
  if (version === 5) {
    const r = envelopeV5Schema.safeParse(parsed);
    return r.success ? asCurrent(r.data, upgradeV5Data(r.data.data), r.data) : r;
  }
  const r = exportEnvelopeSchema.safeParse(parsed);
  return r.success ? { success: true, data: r.data, asRead: r.data } : r;
}

/** An older file's envelope around its upgraded records, checked as the current format. */
function asCurrent(envelope: Pick<ExportEnvelope, 'format' | 'appVersion' | 'createdAt' | 'kind'>, data: WorkspaceData, asRead: unknown): Upgrade {
  const { format, appVersion, createdAt, kind } = envelope;
  const up = exportEnvelopeSchema.safeParse({ format, formatVersion: EXPORT_FORMAT_VERSION, appVersion, createdAt, kind, data });
  return up.success ? { success: true, data: up.data, asRead } : up;
}

/**
 * Keys of the file's records that the schemas would strip (z.object drops unknown keys): listed,
 * so nothing is silently lost. 様式 answers are records and keep every key (reported in the editor).
 */
function droppedKeys(raw: unknown, parsed: unknown, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  if (out.length >= 20 || typeof raw !== 'object' || raw === null || typeof parsed !== 'object' || parsed === null) return out;
  if (Array.isArray(raw)) {
    if (Array.isArray(parsed)) raw.forEach((x, i) => droppedKeys(x, parsed[i], [...path, i], out));
    return out;
  }
  if (path.at(-1) === 'answers') return out;
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(parsed, key)) out.push([...path, key]);
    else droppedKeys(value, Reflect.get(parsed, key), [...path, key], out);
  }
  return out;
}

const TRUNCATED_OR_NOT_JSON = 'ファイルが途中で切れているか、JSON形式ではありません。書き出し直したファイルをお使いください。';

/** Whether bytes that are not UTF-8 are UTF-8 but for an incomplete last character. */
function endsMidCharacter(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
