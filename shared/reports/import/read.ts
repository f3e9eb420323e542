/**
 * Case import (issue 14 item 3): a chosen file's bytes → its rows of cells, as the hospital's sheet
 * has them. Files are hostile until proven otherwise (DATA-15/16): the size is checked before
 * anything is read, an .xlsx goes through the zip guard (entry names, number of entries, the real
 * inflated bytes, and the number of rows and cells counted while inflating) before exceljs sees
 * it, and a CSV is decoded strictly — UTF-8 (with or without BOM) when it is valid UTF-8, else
 * Shift_JIS/CP932 as Excel saves 「CSV（コンマ区切り）」 on Japanese Windows.
 */
import Papa from 'papaparse';
import { looksLikeZip, readZip } from '../../io/zip-guard';
import { MAX_CASES } from '../model';
import type { RawCell } from './cells';

/** The largest file read (5 MB): a 5,000-case sheet is about 1 MB as CSV and 0.4 MB as .xlsx. */
export const MAX_CASE_FILE_BYTES = 5 * 1024 * 1024;
/** Rows read: every case (MAX_CASES) plus room for titles, headings and notes above and below. */
export const MAX_FILE_ROWS = MAX_CASES + 200;
/** Columns read: the 実績報告 has 16; a hospital's sheet may have its own besides. */
export const MAX_FILE_COLUMNS = 100;
/**
 * Zip limits for an .xlsx (an Excel workbook has ~10 entries, a few more per sheet): 500 entries;
 * 64 MB inflated (a 5,000-case sheet is ~5 MB of XML); cells counted in the sheets' XML (`<c `)
 * so a sheet of millions of tiny cells is refused before exceljs builds an object for each.
 */
export const XLSX_LIMITS = { maxEntries: 500, maxInflatedBytes: 64 * 1024 * 1024, maxCells: MAX_FILE_ROWS * 40 } as const;

export type CaseFileFormat = 'xlsx' | 'csv';
export type CsvEncoding = 'utf-8' | 'shift_jis' | 'utf-16le';

export type CaseFileRead =
  | {
      readonly ok: true;
      readonly format: CaseFileFormat;
      /** CSV: how its bytes were decoded. */
      readonly encoding?: CsvEncoding;
      /** .xlsx: every sheet's name, and the one read. */
      readonly sheets: readonly string[];
      readonly sheet: string;
      /** The rows as in the file: rows[0] is row 1. */
      readonly rows: readonly (readonly RawCell[])[];
    }
  | { readonly ok: false; readonly message: string };

const refuse = (message: string): CaseFileRead => ({ ok: false, message });

const NOTHING = '何も取り込んでいません。';
const TOO_BIG = `ファイルが大きすぎます（${MAX_CASE_FILE_BYTES / 1024 / 1024} MB まで）。${NOTHING}`;
const TOO_MANY_ROWS = `行が多すぎます（症例は ${MAX_CASES.toLocaleString('ja-JP')} 件まで）。${NOTHING}`;
const TOO_MANY_COLUMNS = `列が多すぎます（${MAX_FILE_COLUMNS} 列まで）。症例の表だけのシートにしてから取り込んでください。${NOTHING}`;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads an .xlsx or CSV file (told apart by its bytes, not its name). Never throws. */
export async function readCaseFile(bytes: Uint8Array, options: { readonly sheet?: string } = {}): Promise<CaseFileRead> {
  if (bytes.byteLength > MAX_CASE_FILE_BYTES) return refuse(TOO_BIG);
  if (bytes.byteLength === 0) return refuse(`ファイルが空です。${NOTHING}`);
  if (looksLikeZip(bytes)) return readXlsx(bytes, options.sheet);
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return refuse(`古い形式の Excel ファイル（.xls）は読めません。Excel で「Excel ブック（*.xlsx）」または「CSV」として保存し直してから取り込んでください。${NOTHING}`);
  return readCsv(bytes);
}

/** Decodes CSV bytes: a BOM says the encoding; else strict UTF-8 when valid; else Shift_JIS (CP932). */
export function decodeCsvBytes(bytes: Uint8Array): { readonly text: string; readonly encoding: CsvEncoding } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    // The decoder drops a UTF-8 BOM (Excel's 「CSV UTF-8」) itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: what Excel writes on Japanese Windows.
  }
  try {
    return { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
  } catch {
    return undefined;
  }
}

/** CSV (or tab-separated text, as Excel's 「Unicode テキスト」) → rows. */
export function readCsv(bytes: Uint8Array): CaseFileRead {
  if (bytes.byteLength > MAX_CASE_FILE_BYTES) return refuse(TOO_BIG);
  const decoded = decodeCsvBytes(bytes);
  if (!decoded) return refuse(`文字コードを読み取れません（UTF-8 か Shift_JIS の CSV を選んでください）。${NOTHING}`);
  // eslint-disable-next-line no-control-regex -- a NUL byte means a binary file, not a CSV
  if (/\u0000/u.test(decoded.text)) return refuse(`CSV または Excel（.xlsx）のファイルではありません。${NOTHING}`);
  const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: false, preview: MAX_FILE_ROWS + 1 });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) return refuse(`${(quote.row ?? 0) + 1} 行目の「"」が閉じていません。CSV を Excel で開いて保存し直してください。${NOTHING}`);
  if (parsed.data.length > MAX_FILE_ROWS) return refuse(TOO_MANY_ROWS);
  if (parsed.data.some((r) => r.length > MAX_FILE_COLUMNS)) return refuse(TOO_MANY_COLUMNS);
  // A cell that starts like a formula was written with a leading 「'」 by our export (so Excel shows it as text).
  const rows = parsed.data.map((r) => r.map((c) => (/^'[=+\-@\t\r]/u.test(c) ? c.slice(1) : c)));
  return { ok: true, format: 'csv', encoding: decoded.encoding, sheets: [], sheet: '', rows };
}

const LT = 0x3c;
const C = 0x63;
const SPACE = 0x20;
const GT = 0x3e;

/** Counts `<c ` / `<c>` (a cell) in a sheet's XML as it inflates; a tag split across chunks is counted by carrying one byte. */
function cellCounter(max: number): (name: string, chunk: Uint8Array) => boolean {
  let cells = 0;
  const tail = new Map<string, number[]>();
  return (name, chunk) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/u.test(name)) return true;
    const carried = tail.get(name) ?? [];
    const at = (i: number): number | undefined => (i < 0 ? carried[carried.length + i] : chunk[i]);
    for (let i = chunk.indexOf(C); i !== -1; i = chunk.indexOf(C, i + 1)) {
      const next = i + 1 < chunk.byteLength ? chunk[i + 1] : undefined;
      if (at(i - 1) === LT && (next === SPACE || next === GT)) cells++;
    }
    tail.set(name, Array.from(chunk.subarray(Math.max(0, chunk.byteLength - 2))));
    return cells <= max;
  };
}

type ExcelModule = typeof import('exceljs');
type ExcelCell = import('exceljs').Cell;
type ExcelValue = import('exceljs').CellValue;

async function loadExcel(): Promise<ExcelModule> {
  // exceljs is large: loaded on first use (the renderer splits it into its own chunk).
  const mod = await import('exceljs');
  const withDefault: { readonly default?: ExcelModule } = mod;
  return withDefault.default ?? mod;
}

function isoOfDate(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  // exceljs reads a date cell as UTC midnight of its day.
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function rawOf(value: ExcelValue, depth = 0): RawCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = isoOfDate(value);
    return iso ? { date: iso } : '';
  }
  if (depth > 2) return '';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return rawOf(value.result ?? null, depth + 1);
  if ('text' in value) return typeof value.text === 'string' ? value.text : rawOf(value.text, depth + 1);
  return '';
}

function cellRaw(cell: ExcelCell): RawCell {
  // The cells a merge covers read as its first cell in exceljs: only that one holds the value.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  return rawOf(cell.value);
}

const XLSX_BROKEN = `Excel ファイル（.xlsx）として読めません。Excel で開いて保存し直してください。${NOTHING}`;

/** An .xlsx → the rows of its first sheet (or the sheet named). */
export async function readXlsx(bytes: Uint8Array, sheet?: string): Promise<CaseFileRead> {
  if (bytes.byteLength > MAX_CASE_FILE_BYTES) return refuse(TOO_BIG);
  const guard = readZip(bytes, XLSX_LIMITS, cellCounter(XLSX_LIMITS.maxCells));
  if (!guard.ok) {
    switch (guard.problem) {
      case 'too-many-entries':
        return refuse(`Excel ファイルの中身が多すぎます（部品 ${XLSX_LIMITS.maxEntries} 個まで）。安全のため読みません。${NOTHING}`);
      case 'too-large':
        return refuse(`Excel ファイルを展開すると大きすぎます（${XLSX_LIMITS.maxInflatedBytes / 1024 / 1024} MB まで）。安全のため読みません。${NOTHING}`);
      case 'stopped':
        return refuse(`セルが多すぎます（${XLSX_LIMITS.maxCells.toLocaleString('ja-JP')} 個まで）。症例の表だけのシートにしてから取り込んでください。${NOTHING}`);
      case 'unsafe-name':
        return refuse(`Excel ファイルの中に不正な名前の部品があります。安全のため読みません。${NOTHING}`);
      case 'broken':
        return refuse(XLSX_BROKEN);
    }
  }
  if (!guard.entries.has('xl/workbook.xml')) return refuse(XLSX_BROKEN);
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.slice().buffer);
  } catch {
    return refuse(XLSX_BROKEN);
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheet === undefined ? wb.worksheets[0] : wb.worksheets.find((w) => w.name === sheet);
  if (!ws) return refuse(sheet === undefined ? `シートがありません。${NOTHING}` : `シート「${sheet}」がありません。${NOTHING}`);
  if (ws.rowCount > MAX_FILE_ROWS) return refuse(TOO_MANY_ROWS);
  if (ws.columnCount > MAX_FILE_COLUMNS) return refuse(TOO_MANY_COLUMNS);
  const rows: RawCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: RawCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellRaw(row.getCell(c)));
    rows.push(cells);
  }
  return { ok: true, format: 'xlsx', sheets, sheet: ws.name, rows };
}
