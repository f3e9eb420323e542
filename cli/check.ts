/**
 * `npm run -s check -- <file>` (issue 5 item 7): the consistency check of an exported project file
 * or backup (.json or .zip), without the UI. The file is read through the same hostile-import
 * checks as 「取り込み」 (shared/io/read-import.ts); a refused file is exit code 2 with the
 * Japanese reason on stderr. Findings are a report: exit code 0 even when there are some, 1 only
 * with `--fail-on`. `runCheck` is pure apart from `readFile` and `glyphs`, so tests call it without
 * spawning. With `glyphs` (cli/main.ts passes the bundled fonts' coverage) it runs the same rule set
 * as the app's 点検 screen, PRE-GLYPH included (issue 16 item 5).
 */
import { parseIsoDate, todayIn, toIsoDate, type YMD } from '../shared/dates/iso-date';
import type { PackageId } from '../shared/forms/packages';
import { envelopeJson } from '../shared/io/envelope';
import { readImport } from '../shared/io/read-import';
import { acknowledgementOf, checkSubmission, checkWithFonts, type Finding, type Severity } from '../shared/rules';
import type { GlyphCoverage } from '../shared/rules/catalog/preflight';
import type { Submission } from '../shared/rules/submission';
import { submissionsOf } from '../shared/rules/from-records';
import { parseSample } from '../shared/samples/sample';
import { sampleProjectEnvelope } from '../shared/samples/sample-export';
import { APP_VERSION } from '../shared/version';

export const SAMPLE_PATH = 'assets/samples/sample-project.json';

export const USAGE = `使い方: npm run -s check -- <書き出しファイル(.json/.zip)> [オプション]
  --severity error|warning|info   この重要度以上の指摘だけを出力（error = エラーのみ）
  --package new-a|new-b|cooperating|outsourcing   点検する書類一式（省略時は案件の区分の新規届出）
  --today YYYY-MM-DD              点検の基準日（省略時は日本時間の今日）
  --fail-on error|warning|info    この重要度以上の指摘があれば終了コード 1
  --sample                        ファイルの代わりに同梱のサンプルを書き出した内容を点検
  --export-sample <出力先.json>   同梱のサンプルを案件の書き出しファイルとして保存（点検はしない）
出力は JSON（案件が1件なら指摘の配列、複数なら案件ごとの配列）。ファイルを読めないときは終了コード 2。`;

export interface CheckOutcome {
  readonly code: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
  /** A file the caller is to write (`--export-sample`). */
  readonly write?: { readonly path: string; readonly bytes: Uint8Array };
}

/** One finding as printed: what a script needs, without the engine's internal key and agreement. */
export interface ReportedFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly basis: string;
  readonly locations: ReadonlyArray<{ readonly doc: string; readonly field?: string; readonly row?: number; readonly entryId?: string; readonly label: string }>;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const PACKAGES: readonly PackageId[] = ['new-a', 'new-b', 'cooperating', 'outsourcing'];

interface Options {
  file?: string;
  sample: boolean;
  exportSample?: string;
  severity: Severity;
  packageId?: PackageId;
  today?: YMD;
  failOn?: Severity;
}

const oneOf = <T extends string>(list: readonly T[], v: string): T | undefined => list.find((x) => x === v);

/** Arguments → options, or the Japanese reason they are wrong. */
export function parseArgs(args: readonly string[]): Options | string {
  const o: Options = { sample: false, severity: 'info' };
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] ?? '';
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string | undefined => (eq > 0 ? raw.slice(eq + 1) : args[++i]);
    if (name === '--sample') o.sample = true;
    else if (name === '--severity' || name === '--fail-on') {
      const v = value() ?? '';
      const s = oneOf(SEVERITIES, v);
      if (!s) return `${name} には error・warning・info のいずれかを指定してください（指定値：${v || 'なし'}）。`;
      if (name === '--severity') o.severity = s;
      else o.failOn = s;
    } else if (name === '--package') {
      const v = value() ?? '';
      const p = oneOf(PACKAGES, v);
      if (!p) return `--package には ${PACKAGES.join('・')} のいずれかを指定してください（指定値：${v || 'なし'}）。`;
      o.packageId = p;
    } else if (name === '--today') {
      const v = value() ?? '';
      const d = parseIsoDate(v);
      if (!d) return `--today は YYYY-MM-DD の形の実在する日付で指定してください（指定値：${v || 'なし'}）。`;
      o.today = d;
    } else if (name === '--export-sample') {
      const v = value();
      if (!v) return '--export-sample には保存先のファイル名を指定してください。';
      o.exportSample = v;
    } else if (name.startsWith('-')) return `知らないオプションです（${name}）。`;
    else if (o.file !== undefined) return `点検するファイルは1つだけ指定してください（${o.file}、${raw}）。`;
    else o.file = raw;
  }
  if (o.exportSample === undefined && !o.sample && o.file === undefined) return '点検するファイルを指定してください。';
  if (o.sample && o.file !== undefined) return '--sample とファイルは同時に指定できません。';
  if (o.exportSample !== undefined && (o.sample || o.file !== undefined)) return '--export-sample は点検するファイルや --sample と同時に指定できません。';
  return o;
}

const rank = (s: Severity): number => SEVERITIES.indexOf(s);

export function reported(f: Finding): ReportedFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    basis: f.basis,
    locations: f.locations.map((l) => ({ doc: l.doc, field: l.field, row: l.row, ...(l.entryId !== undefined ? { entryId: l.entryId } : {}), label: l.label })),
  };
}

/** The bytes of the exported sample project file (what 「案件を書き出す」 writes after importing the sample). */
export function exportedSampleBytes(sampleJson: Uint8Array, at: string): Uint8Array | string {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(sampleJson));
  } catch {
    return `サンプル（${SAMPLE_PATH}）を読み取れません。`;
  }
  const parsed = parseSample(data);
  if (!parsed.ok) return parsed.message;
  return new TextEncoder().encode(envelopeJson(sampleProjectEnvelope(parsed.sample, APP_VERSION, at)));
}

const decodeUtf8 = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);
const refuse = (message: string): CheckOutcome => ({ code: 2, stdout: '', stderr: `${message}\n` });

/** Thrown by a `readFile` that refuses the file without reading it (cli/read-file.ts: too large, empty). */
export class FileRefused extends Error {}

/** Why a file could not be read, in Japanese: the refusal itself, or 「開けません」. */
export function unreadable(e: unknown, path: string, doing: string): string {
  return e instanceof FileRefused ? `このファイルは${doing}（${path}）。\n${e.message}` : `ファイルを開けません（${path}）。ファイル名と場所を確認してください。`;
}

/**
 * `npm run check` without the process: arguments and a file reader in, what to print and the exit
 * code out. `glyphs` gives what the bundled fonts can print (read only when a file is checked);
 * without it PRE-GLYPH is not run.
 */
export function runCheck(args: readonly string[], readFile: (path: string) => Uint8Array, now: Date = new Date(), glyphs?: () => GlyphCoverage): CheckOutcome {
  if (args.includes('--help') || args.includes('-h')) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  const o = parseArgs(args);
  if (typeof o === 'string') return refuse(`${o}\n${USAGE}`);
  let bytes: Uint8Array;
  const path = o.sample || o.exportSample !== undefined ? SAMPLE_PATH : (o.file ?? '');
  try {
    bytes = readFile(path);
  } catch (e) {
    return refuse(unreadable(e, path, '点検できません'));
  }
  if (o.sample || o.exportSample !== undefined) {
    const exported = exportedSampleBytes(bytes, now.toISOString());
    if (typeof exported === 'string') return refuse(exported);
    if (o.exportSample !== undefined) return { code: 0, stdout: '', stderr: `サンプルを案件の書き出しファイルとして保存しました：${o.exportSample}\n`, write: { path: o.exportSample, bytes: exported } };
    bytes = exported;
  }
  const read = readImport(bytes, decodeUtf8);
  if (!read.ok) return refuse(`このファイルは点検できません（${path}）。\n${read.message}`);
  const today = o.today ?? todayIn('Asia/Tokyo', now);
  const data = read.envelope.data;
  let coverage: GlyphCoverage | undefined;
  try {
    coverage = glyphs?.();
  } catch {
    return refuse('同梱のフォント（assets/fonts）を読めないため、印刷できない文字（PRE-GLYPH）を点検できません。アプリのフォルダで実行してください。');
  }
  let results: Array<{ project: Submission['project']; findings: Finding[] }>;
  try {
    results = submissionsOf(data, today, o.packageId).map((s) => ({ project: s.project, findings: coverage ? checkWithFonts(s, coverage) : checkSubmission(s) }));
  } catch {
    return refuse(`このファイルの内容を点検できませんでした（${path}）。`);
  }
  // --fail-on counts what is still open: warnings the user marked 確認済み (with a reason) do not fail.
  const failed = o.failOn !== undefined && results.some((r) => r.findings.some((f) => rank(f.severity) <= rank(o.failOn ?? 'error') && acknowledgementOf(f, r.project.acknowledgements) === undefined));
  const shown = results.map((r) => ({ project: r.project, findings: r.findings.filter((f) => rank(f.severity) <= rank(o.severity)).map(reported) }));
  const only = shown.length === 1 ? shown[0] : undefined;
  const out = only ? only.findings : shown.map((r) => ({ projectId: r.project.id, name: r.project.name, findings: r.findings }));
  const note = shown.length === 0 ? `ファイルに案件がありません（基準日 ${toIsoDate(today)}）。\n` : '';
  return { code: failed ? 1 : 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: note };
}
