/**
 * The 実績報告's cases → a file the hospital opens in Excel (issue 14 item 3), with the official
 * headings (CASE_COLUMN_LABEL) so it reads back through the importer unchanged: .xlsx (dates as
 * date cells, 円 as numbers with separators) or CSV — UTF-8 with a BOM (Excel then reads it as
 * UTF-8) or Shift_JIS for older Excel. A CSV cell that starts like a formula (=, +, -, @) is written
 * with a leading 「'」, so Excel shows it as text and never runs it; the importer takes it off.
 */
import Papa from 'papaparse';
import { parseIsoDate } from '../../dates/iso-date';
import { CASE_COLUMNS, CASE_COLUMN_LABEL, type CaseColumn, type ReportCase } from '../model';
import { encodeShiftJis } from './shift-jis';

export type CaseCsvEncoding = 'utf-8' | 'shift_jis';

export type CaseFileBytes = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

const AMOUNT_COLUMNS: ReadonlySet<CaseColumn> = new Set(['insuredAmount', 'copayment', 'advancedPatient', 'advancedOther']);

/** 'YYYY-MM-DD' → 「2025/4/10」, the form Excel reads as a date from a CSV. */
function csvDate(iso: string): string {
  const ymd = parseIsoDate(iso);
  return ymd ? `${ymd.year}/${ymd.month}/${ymd.day}` : iso;
}

/** The heading row and one row per case, values as stored (numbers stay numbers). */
function tableOf(cases: readonly ReportCase[]): { headings: string[]; rows: (string | number)[][] } {
  return {
    headings: CASE_COLUMNS.map((c) => CASE_COLUMN_LABEL[c]),
    rows: cases.map((c) => CASE_COLUMNS.map((col) => c[col])),
  };
}

/** CSV with CRLF line ends, as Excel writes it. */
export function casesToCsv(cases: readonly ReportCase[], encoding: CaseCsvEncoding = 'utf-8'): CaseFileBytes {
  const { headings, rows } = tableOf(cases);
  const text = Papa.unparse(
    {
      fields: headings,
      data: rows.map((r) => r.map((v, i) => (CASE_COLUMNS[i] === 'firstDate' && typeof v === 'string' ? csvDate(v) : typeof v === 'number' ? String(v) : v))),
    },
    { newline: '\r\n', escapeFormulae: true },
  );
  const body = `${text}\r\n`;
  if (encoding === 'utf-8') {
    const utf8 = new TextEncoder().encode(body);
    const out = new Uint8Array(utf8.byteLength + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(utf8, 3);
    return { ok: true, bytes: out };
  }
  // Say where a character Shift_JIS cannot hold is: the case and the column.
  for (const c of cases) {
    for (const col of CASE_COLUMNS) {
      const v = c[col];
      const r = typeof v === 'string' ? encodeShiftJis(v) : undefined;
      if (r && !r.ok) return { ok: false, message: `「${r.char}」は Shift_JIS の CSV に書けない文字です（整理番号「${c.caseNumber}」の${CASE_COLUMN_LABEL[col]}）。UTF-8 の CSV か Excel で書き出してください。` };
    }
  }
  const sjis = encodeShiftJis(body);
  return sjis.ok ? sjis : { ok: false, message: `「${sjis.char}」は Shift_JIS の CSV に書けない文字です。UTF-8 の CSV か Excel で書き出してください。` };
}

type ExcelModule = typeof import('exceljs');

async function loadExcel(): Promise<ExcelModule> {
  const mod = await import('exceljs');
  const withDefault: { readonly default?: ExcelModule } = mod;
  return withDefault.default ?? mod;
}

/** An .xlsx with one sheet 「実績報告」: the official headings, then one row per case. */
export async function casesToXlsx(cases: readonly ReportCase[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'senshin-desk';
  // Fixed dates: the same cases give the same file.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('実績報告', { views: [{ state: 'frozen', ySplit: 1 }] });
  const { headings, rows } = tableOf(cases);
  ws.columns = CASE_COLUMNS.map((col, i) => ({
    header: headings[i],
    key: col,
    width: col === 'diagnosis' || col === 'note' ? 30 : col === 'copayment' || col === 'siteName' ? 22 : 14,
    style: AMOUNT_COLUMNS.has(col) ? { numFmt: '#,##0' } : col === 'firstDate' ? { numFmt: 'yyyy/m/d' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(
      r.map((v, i) => {
        if (CASE_COLUMNS[i] !== 'firstDate' || typeof v !== 'string') return v;
        const ymd = parseIsoDate(v);
        return ymd ? new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day)) : v;
      }),
    );
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
