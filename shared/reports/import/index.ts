/**
 * Case import and export of the 実績報告 (issue 14 item 3): file bytes → rows (read.ts) → the
 * table under its headings and the column mapping (table.ts) → cases merged by 整理番号, all or
 * nothing (merge.ts); and the cases back to .xlsx / CSV (export.ts). Pure: runs in Node, the
 * browser and a Worker.
 */
export { parseCell, parseCellAmount, parseCellCount, parseCellDate, excelSerialToIso, isoToExcelSerial, type RawCell, type CellParse } from './cells';
export { columnOfHeading, headingKey } from './headings';
export { readCaseFile, readCsv, readXlsx, decodeCsvBytes, MAX_CASE_FILE_BYTES, MAX_FILE_ROWS, MAX_FILE_COLUMNS, XLSX_LIMITS, type CaseFileRead, type CaseFileFormat, type CsvEncoding } from './read';
export { findTable, guessTargets, mappingOf, columnLetter, targetLabel, type CaseTable, type CaseTableRow, type ColumnTargets, type ImportMapping } from './table';
export { importCases, caseNumberKey, MAX_PROBLEMS, type CaseImportResult, type ImportProblem } from './merge';
export { casesToCsv, casesToXlsx, type CaseCsvEncoding, type CaseFileBytes } from './export';
export { encodeShiftJis } from './shift-jis';
