/**
 * `npm run -s export -- <project file | --sample> --out DIR [--filing ID]` (issue 11 item 9): for
 * archiving and batch printing, every filing of the file is written to
 * `DIR/<project id>/<filing id>/` — the PDF, the Word files and `manifest.json`
 * (`{ kind, status, files: [{ name, pages, sha256 }] }`). A filed (提出済み and later) filing writes
 * its frozen bytes, exactly as sent; a filing still 作成中 is printed from the file's documents.
 * The file is read through the same hostile-import checks as 「取り込み」. `runExport` is pure apart
 * from its `io`, so tests call it without spawning. `--sample` writes the bundled sample's history
 * (shared/samples/sample-filing.ts): its approved 新規届出, its 変更申請 (変更申請 and 新旧対照表) and
 * the 照会回答 round that followed, and its first 定期報告（令和10年度）, each as sent.
 */
import { todayIn, toIsoDate, parseIsoDate } from '../shared/dates/iso-date';
import { manifestOf } from '../shared/filings/as-filed';
import { filedBytes } from '../shared/filings/files';
import { FILING_COPIES, FILING_STATUS_LABEL, PRINTABLE_KINDS, filedOn, filingLabel, type FilingCopy } from '../shared/filings/filing';
import { FilingNotPrintable, type Fonts } from '../shared/filings/freeze';
import { printFiling } from '../shared/filings/print';
import { readImport } from '../shared/io/read-import';
import type { WorkspaceData } from '../shared/io/tables';
import { safeName } from '../shared/render/package-files';
import { parseSample } from '../shared/samples/sample';
import { sampleWorkspaceData } from '../shared/samples/sample-export';
import { withSampleFilings } from '../shared/samples/sample-filing';
import { SAMPLE_PATH, unreadable } from './check';

export const EXPORT_USAGE = `使い方: npm run -s export -- <案件ファイル(.json/.zip)> --out <出力先フォルダ> [オプション]
  --sample              ファイルの代わりに同梱のサンプル（承認済みの新規届出、提出済みの変更申請・照会回答・定期報告（令和10年度）つき）を書き出す
  --filing <ID>         この届出だけを書き出す（省略時はすべての届出）
  --today YYYY-MM-DD    届出日が未記入の作成中の届出に印字する日（省略時は日本時間の今日）
  --copy draft|submission  作成中の届出を下書き（draft、省略時）か提出用（submission：「推定様式」の印・注記なし）で作る
出力: <出力先>/<案件ID>/<届出ID>/ に PDF・Word・manifest.json。提出済みの届出は提出した時のファイルそのもの。
ファイルを読めないときは終了コード 2。`;

export interface ExportIo {
  readFile(path: string): Uint8Array;
  /** Writes a file, creating its folders. */
  writeFile(path: string, bytes: Uint8Array): void;
  fonts(): Fonts;
}

export interface ExportOutcome {
  readonly code: 0 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

interface Options {
  file?: string;
  sample: boolean;
  out?: string;
  filing?: string;
  today?: string;
  copy?: FilingCopy;
}

function parseArgs(args: readonly string[]): Options | string {
  const o: Options = { sample: false };
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] ?? '';
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => (eq > 0 ? raw.slice(eq + 1) : (args[++i] ?? ''));
    if (name === '--sample') o.sample = true;
    else if (name === '--out') o.out = value();
    else if (name === '--filing') o.filing = value();
    else if (name === '--today') {
      const v = value();
      if (!parseIsoDate(v)) return `--today は YYYY-MM-DD の形の実在する日付で指定してください（指定値：${v || 'なし'}）。`;
      o.today = v;
    } else if (name === '--copy') {
      const v = value();
      const copy = FILING_COPIES.find((c) => c === v);
      if (!copy) return `--copy は draft（下書き）か submission（提出用）で指定してください（指定値：${v || 'なし'}）。`;
      o.copy = copy;
    } else if (name.startsWith('-')) return `知らないオプションです（${name}）。`;
    else if (o.file !== undefined) return `書き出すファイルは1つだけ指定してください（${o.file}、${raw}）。`;
    else o.file = raw;
  }
  if (!o.out) return '--out に出力先のフォルダを指定してください。';
  if (o.sample === (o.file !== undefined)) return '案件ファイルか --sample のどちらか一方を指定してください。';
  return o;
}

/** A path segment from an id of the file: never empty, never `.`/`..`, never a separator. */
function segment(id: string): string {
  const s = safeName(id);
  return s === '.' || s === '..' ? '_' : s;
}

const decodeUtf8 = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);
const refuse = (message: string): ExportOutcome => ({ code: 2, stdout: '', stderr: `${message}\n` });

async function sampleData(io: ExportIo, at: string): Promise<WorkspaceData | string> {
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(io.readFile(SAMPLE_PATH)));
  } catch {
    return `サンプル（${SAMPLE_PATH}）を読み取れません。`;
  }
  const parsed = parseSample(json);
  if (!parsed.ok) return parsed.message;
  return withSampleFilings(sampleWorkspaceData(parsed.sample, 'sample', at), parsed.sample, io.fonts(), at);
}

export async function runExport(args: readonly string[], io: ExportIo, now: Date = new Date()): Promise<ExportOutcome> {
  if (args.includes('--help') || args.includes('-h')) return { code: 0, stdout: `${EXPORT_USAGE}\n`, stderr: '' };
  const o = parseArgs(args);
  if (typeof o === 'string') return refuse(`${o}\n${EXPORT_USAGE}`);
  const today = o.today ?? toIsoDate(todayIn('Asia/Tokyo', now));
  let data: WorkspaceData;
  if (o.sample) {
    const d = await sampleData(io, now.toISOString());
    if (typeof d === 'string') return refuse(d);
    data = d;
  } else {
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(o.file ?? '');
    } catch (e) {
      return refuse(unreadable(e, o.file ?? '', '書き出せません'));
    }
    const read = readImport(bytes, decodeUtf8, today);
    if (!read.ok) return refuse(`このファイルは書き出せません（${o.file ?? ''}）。\n${read.message}`);
    data = read.envelope.data;
  }
  const filings = data.filings.filter((f) => o.filing === undefined || f.id === o.filing);
  if (o.filing !== undefined && filings.length === 0) return refuse(`届出 ${o.filing} はファイルにありません。`);
  const lines: string[] = [];
  const notes: string[] = [];
  for (const filing of filings) {
    const dir = `${o.out ?? '.'}/${segment(filing.projectId)}/${segment(filing.id)}`;
    const label = filingLabel(filing);
    const head = { id: filing.id, kind: filing.kind, status: filing.status, label, ...(filedOn(filing) !== undefined ? { filedOn: filedOn(filing) } : {}) };
    const manifestOnly = (why: string): void => {
      notes.push(`${label}（${filing.id}）：${why}manifest.json だけを書き出しました。`);
      io.writeFile(`${dir}/manifest.json`, new TextEncoder().encode(`${JSON.stringify(manifestOf(head, []), null, 2)}\n`));
    };
    if (filing.status === 'draft' && !PRINTABLE_KINDS.has(filing.kind)) {
      manifestOnly('この種類の届出はまだ印刷できないため、');
      continue;
    }
    let printed;
    try {
      printed = await printFiling(data, filing, io.fonts(), today, now.toISOString(), undefined, { copy: o.copy ?? 'draft' });
    } catch (e) {
      // A draft not ready to print (a 変更申請 with nothing written yet, or no baseline copy) does not stop the others.
      if (filing.status === 'draft' && e instanceof FilingNotPrintable) {
        manifestOnly(`まだ印刷できないため（${e.message}）、`);
        continue;
      }
      return refuse(`${label}（${filing.id}）を書き出せませんでした：${e instanceof Error ? e.message : '不明なエラー'}`);
    }
    for (const f of printed.files) io.writeFile(`${dir}/${f.name}`, filedBytes(f));
    const manifest = manifestOf(head, printed.files, printed.frozen ? printed.copy : undefined);
    io.writeFile(`${dir}/manifest.json`, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
    lines.push(`${dir}\t${label}\t${FILING_STATUS_LABEL[filing.status]}\t${printed.files.length}ファイル${printed.frozen ? '（提出した時のファイル）' : ''}`);
  }
  return { code: 0, stdout: lines.length > 0 ? `${lines.join('\n')}\n` : '', stderr: notes.map((n) => `${n}\n`).join('') + (filings.length === 0 ? 'ファイルに届出がありません。\n' : '') };
}
