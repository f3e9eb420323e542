import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_CASES, emptyCase } from '../../../shared/reports/model';
import { MAX_CASE_FILE_BYTES, XLSX_LIMITS, readCaseFile } from '../../../shared/reports/import/read';
import { findTable, guessTargets } from '../../../shared/reports/import/table';
import { importCases } from '../../../shared/reports/import/merge';
import { hospitalXlsx, utf8Bom } from './import-fixtures';

/**
 * DATA-15 / DATA-16 for case files (issue 14 item 3): a hostile or broken file is refused with a
 * Japanese message before exceljs or the importer builds anything from it.
 */
const workbookXml = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="s" sheetId="1"/></sheets></workbook>';

async function refusal(bytes: Uint8Array): Promise<string> {
  const r = await readCaseFile(bytes);
  if (r.ok) throw new Error('read');
  return r.message;
}

describe('case import: hostile files', () => {
  it('an .xlsx zip bomb (a sheet inflating past the cap) is refused while inflating', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': strToU8(workbookXml), 'xl/worksheets/sheet1.xml': new Uint8Array(XLSX_LIMITS.maxInflatedBytes + 1024) }, { level: 1 });
    expect(bomb.byteLength).toBeLessThan(MAX_CASE_FILE_BYTES);
    expect(await refusal(bomb)).toBe('Excel ファイルを展開すると大きすぎます（64 MB まで）。安全のため読みません。何も取り込んでいません。');
  });

  it('an .xlsx with too many entries is refused', async () => {
    const files: Record<string, Uint8Array> = { 'xl/workbook.xml': strToU8(workbookXml) };
    for (let i = 0; i < XLSX_LIMITS.maxEntries + 1; i++) files[`xl/media/image${i}.png`] = new Uint8Array(1);
    expect(await refusal(zipSync(files))).toContain('Excel ファイルの中身が多すぎます');
  });

  it('a sheet of millions of tiny cells is refused before exceljs builds them', async () => {
    const cell = '<c r="A1"><v>1</v></c>';
    const xml = `<worksheet><sheetData><row r="1">${cell.repeat(XLSX_LIMITS.maxCells + 1)}</row></sheetData></worksheet>`;
    const bytes = zipSync({ 'xl/workbook.xml': strToU8(workbookXml), 'xl/worksheets/sheet1.xml': strToU8(xml) }, { level: 9 });
    expect(await refusal(bytes)).toContain('セルが多すぎます');
  });

  it('an entry named with 「..」 is refused', async () => {
    const bytes = zipSync({ 'xl/workbook.xml': strToU8(workbookXml), '../evil.xml': strToU8('<x/>') });
    expect(await refusal(bytes)).toContain('不正な名前の部品');
  });

  it('a file over 5 MB, an empty file, an old .xls and a broken zip are refused with what to do', async () => {
    expect(await refusal(new Uint8Array(MAX_CASE_FILE_BYTES + 1))).toContain('ファイルが大きすぎます（5 MB まで）');
    expect(await refusal(new Uint8Array())).toContain('ファイルが空です');
    expect(await refusal(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toContain('「Excel ブック（*.xlsx）」または「CSV」として保存し直して');
    const xlsx = await hospitalXlsx();
    expect(await refusal(xlsx.subarray(0, xlsx.byteLength >> 1))).toContain('Excel ファイル（.xlsx）として読めません');
  });

  it('a CSV with a quote that never closes names its row; a binary file is not read as CSV', async () => {
    expect(await refusal(utf8Bom('整理番号,診断名\r\nC-001,"肺癌\r\n'))).toBe('2 行目の「"」が閉じていません。CSV を Excel で開いて保存し直してください。何も取り込んでいません。');
    expect(await refusal(Uint8Array.from([0x41, 0x00, 0x42]))).toContain('CSV または Excel（.xlsx）のファイルではありません');
  });

  it('more cases than a report holds are refused by the row cap or the case cap, and nothing is imported', async () => {
    const rows = Array.from({ length: MAX_CASES + 1 }, (_, i) => `C-${i},肺癌`);
    const read = await readCaseFile(utf8Bom(['整理番号,診断名', ...rows].join('\r\n')));
    if (!read.ok) throw new Error(read.message);
    const table = findTable(read.rows);
    if (!table) throw new Error('no table');
    const r = importCases([emptyCase('a')], table, guessTargets(table));
    expect(r.ok ? '' : r.problems.map((p) => p.message).join()).toContain('症例は 5,000 件までです（取り込むと 5,002 件）');
    const tooMany = Array.from({ length: 5_300 }, (_, i) => `C-${i},肺癌`);
    expect(await refusal(utf8Bom(['整理番号,診断名', ...tooMany].join('\r\n')))).toContain('行が多すぎます');
  });
});
