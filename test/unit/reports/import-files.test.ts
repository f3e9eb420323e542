import { describe, expect, it } from 'vitest';
import { emptyCase, type ReportCase } from '../../../shared/reports/model';
import { readCaseFile, type CaseFileRead } from '../../../shared/reports/import/read';
import { findTable, guessTargets, mappingOf, type CaseTable, type ColumnTargets } from '../../../shared/reports/import/table';
import { importCases, type CaseImportResult } from '../../../shared/reports/import/merge';
import { casesToCsv, casesToXlsx } from '../../../shared/reports/import/export';
import { TWELVE, excelCsvText, hospitalXlsx, shiftJis, utf8Bom, valuesOf } from './import-fixtures';

/**
 * Issue 14 item 3: case import from the files hospitals keep — .xlsx and CSV (Shift_JIS and UTF-8)
 * — matched by 整理番号, all or nothing, and the export that reads back unchanged.
 */
let next = 0;
const newId = (): string => `new-${++next}`;

async function table(bytes: Uint8Array): Promise<{ read: Extract<CaseFileRead, { ok: true }>; table: CaseTable; targets: ColumnTargets }> {
  const read = await readCaseFile(bytes);
  if (!read.ok) throw new Error(read.message);
  const t = findTable(read.rows);
  if (!t) throw new Error('no table');
  return { read, table: t, targets: guessTargets(t) };
}

async function importInto(existing: readonly ReportCase[], bytes: Uint8Array): Promise<CaseImportResult> {
  const t = await table(bytes);
  return importCases(existing, t.table, t.targets, newId);
}

function ok(r: CaseImportResult): Extract<CaseImportResult, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('case import: the files hospitals keep', () => {
  it('a 12-case .xlsx with a merged title, its own headings in its own order, 和暦 dates and full-width digits imports every value', async () => {
    const t = await table(await hospitalXlsx());
    expect(t.read).toMatchObject({ format: 'xlsx', sheet: 'R7症例' });
    expect(t.table.headerRow).toBe(3);
    expect(t.table.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const r = ok(importCases([], t.table, t.targets, newId));
    expect(r).toMatchObject({ added: 12, updated: 0, unchanged: 0 });
    expect(r.cases.map(valuesOf)).toEqual(TWELVE);
    expect(new Set(r.cases.map((c) => c.id)).size).toBe(12);
  });

  it('a Shift_JIS CSV as Excel saves it (CRLF, quoted cells with commas and line breaks, 「120,000」) imports every value', async () => {
    const t = await table(shiftJis(excelCsvText()));
    expect(t.read).toMatchObject({ format: 'csv', encoding: 'shift_jis' });
    const r = ok(importCases([], t.table, t.targets, newId));
    expect(r.cases.map(valuesOf)).toEqual(TWELVE);
    expect(r.cases.find((c) => c.caseNumber === 'C-006')).toMatchObject({ diagnosis: '肺癌（術後再発, 多発）', note: '初回は外来\n2回目は入院' });
  });

  it('a UTF-8 CSV with BOM imports every value (the BOM is not part of the first heading)', async () => {
    const t = await table(utf8Bom(excelCsvText()));
    expect(t.read).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(t.table.headings[0]).toBe('整理番号');
    expect(ok(importCases([], t.table, t.targets, newId)).cases.map(valuesOf)).toEqual(TWELVE);
    // And without a BOM.
    expect(ok(await importInto([], new TextEncoder().encode(excelCsvText()))).cases.map(valuesOf)).toEqual(TWELVE);
  });

  it('a sheet with two heading rows (「先進医療費用」 over 「患者負担」「その他」) reads both', async () => {
    const text = ['整理番号,診断名,先進医療費用,', ',,患者負担,その他', 'C-001,肺癌,"120,000",0', ''].join('\r\n');
    const t = await table(utf8Bom(text));
    expect(t.table.headings).toEqual(['整理番号', '診断名', '先進医療費用 患者負担', '先進医療費用 その他']);
    expect(t.targets).toEqual(['caseNumber', 'diagnosis', 'advancedPatient', 'advancedOther']);
    expect(ok(importCases([], t.table, t.targets, newId)).cases[0]).toMatchObject({ advancedPatient: 120_000, advancedOther: 0 });
  });
});

describe('case import: a bad row stops the whole import', () => {
  it('「R7.2.30」, 「１２０,０００円」 in 転帰 and a 整理番号 twice: each named by row and column, nothing imported', async () => {
    const existing = [{ ...emptyCase('kept'), caseNumber: 'C-001', diagnosis: '肺癌（前年度）' }];
    const before = structuredClone(existing);
    const bytes = await hospitalXlsx(TWELVE, (rows) => {
      rows[1]![4] = 'R7.2.30'; // file row 5, 初回実施日
      rows[2]![7] = '１２０,０００円'; // file row 6, 転帰
      rows[5]![0] = 'C-003'; // file row 9: the 整理番号 of row 6 again
      rows[6]![0] = ''; // file row 10: no 整理番号, and a day April does not have
      rows[6]![4] = '令和7年4月31日';
    });
    const r = await importInto(existing, bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { row: 5, column: '初回実施日', message: '「R7.2.30」は暦にない日付です（2月30日）。' },
      { row: 6, column: '転帰', message: '転帰は「治癒」「死亡」「中止」「継続」のいずれかで入力してください（いま「１２０,０００円」）。' },
      { row: 9, column: '症例番号', message: '整理番号「C-003」は 6 行目にもあります。1つの症例は1行にしてください。' },
      { row: 10, column: '初回実施日', message: '「令和7年4月31日」は暦にない日付です（4月31日）。' },
      { row: 10, column: '症例番号', message: '整理番号がありません。どの症例の行か分かるよう、整理番号を入力してください。' },
    ]);
    expect(existing).toEqual(before);
  });

  it('the same bad values in a Shift_JIS CSV are named by the CSV row and its heading', async () => {
    const bytes = shiftJis(excelCsvText(TWELVE, (rows) => {
      rows[1]![2] = 'R7.2.30';
      rows[2]![5] = '１２０,０００円';
    }));
    const r = await importInto([], bytes);
    expect(r.ok ? [] : r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '初回実施日'],
      [4, '転帰'],
    ]);
  });

  it('no 整理番号 column: the mapping problem is named, and choosing the column fixes it', async () => {
    const text = ['番号,診断名,転帰', 'C-001,肺癌,治癒', ''].join('\r\n');
    const t = await table(utf8Bom(text));
    const r = importCases([], t.table, t.targets, newId);
    expect(r.ok ? '' : r.problems[0]?.message).toContain('「整理番号」を取り込む列がありません');
    const fixed = importCases([], t.table, ['caseNumber', ...t.targets.slice(1)], newId);
    expect(ok(fixed).cases[0]).toMatchObject({ caseNumber: 'C-001', diagnosis: '肺癌', outcome: '治癒' });
    // One 実績報告 column chosen for two columns of the file is refused, not silently resolved.
    const twice = importCases([], t.table, ['caseNumber', 'diagnosis', 'diagnosis'], newId);
    expect(twice.ok ? '' : twice.problems[0]?.message).toContain('「診断名」が2つの列（B列「診断名」、C列「転帰」）に選ばれています');
  });
});

describe('case import: matched by 整理番号, never duplicated', () => {
  it('re-importing an edited sheet updates by 整理番号, keeps ids and unmapped columns, and adds only the new case', async () => {
    const first = ok(await importInto([], await hospitalXlsx()));
    // Carried from the previous 年度: 要確認 on 転帰 and 実施医療機関名, and a 実施医療機関名 the file has no column for.
    const existing = first.cases.map((c) => (c.caseNumber === 'C-012' ? { ...c, siteName: '協力病院', unconfirmed: ['outcome' as const, 'siteName' as const] } : c));
    const edited = [...TWELVE.map((c) => (c.caseNumber === 'C-012' ? { ...c, outcome: '治癒' as const } : c)), { ...TWELVE[0]!, caseNumber: 'C-013', diagnosis: '甲状腺癌' }];
    const again = ok(await importInto(existing, await hospitalXlsx(edited)));
    expect(again).toMatchObject({ added: 1, updated: 1, unchanged: 11 });
    expect(again.cases).toHaveLength(13);
    expect(new Set(again.cases.map((c) => c.caseNumber)).size).toBe(13);
    expect(again.cases.slice(0, 12).map((c) => c.id)).toEqual(existing.map((c) => c.id));
    const c12 = again.cases.find((c) => c.caseNumber === 'C-012');
    expect(c12).toMatchObject({ outcome: '治癒', siteName: '協力病院', unconfirmed: ['siteName'] });
    expect(again.cases[12]).toMatchObject({ caseNumber: 'C-013', diagnosis: '甲状腺癌' });
  });

  it('a 整理番号 typed in full-width matches the case typed in ASCII', () => {
    const existing = [{ ...emptyCase('a'), caseNumber: 'C-001' }];
    const r = ok(importCases(existing, { headerRow: 1, headings: ['整理番号', '転帰'], rows: [{ row: 2, cells: ['Ｃ－００１', '治癒'] }] }, ['caseNumber', 'outcome'], newId));
    expect(r.cases).toHaveLength(1);
    expect(r.cases[0]).toMatchObject({ id: 'a', outcome: '治癒' });
  });

  it('the remembered mapping is applied first, and what was chosen is what is remembered', async () => {
    const text = ['ID,最終転帰,病名', 'C-001,治癒,肺癌', ''].join('\r\n');
    const t = await table(utf8Bom(text));
    expect(t.targets).toEqual(['caseNumber', '', 'diagnosis']);
    const remembered = guessTargets(t.table, { outcome: '最終転帰', diagnosis: '別の見出し' });
    expect(remembered).toEqual(['caseNumber', 'outcome', 'diagnosis']);
    expect(mappingOf(t.table, remembered)).toEqual({ caseNumber: 'ID', outcome: '最終転帰', diagnosis: '病名' });
  });
});

describe('case export: the cases back out, and in again unchanged', () => {
  const tricky: ReportCase[] = [
    ...TWELVE.map((v, i) => ({ ...v, id: `case-${i}`, unconfirmed: [] })),
    { ...emptyCase('case-x'), caseNumber: 'X-1', diagnosis: '=SUM(A1:A2)', note: '-記載なし, "引用"\n改行', siteName: '＠病院', firstDate: '' },
  ];

  it.each([
    ['.xlsx', () => casesToXlsx(tricky)],
    ['CSV (UTF-8 with BOM)', () => Promise.resolve(casesToCsv(tricky, 'utf-8'))],
    ['CSV (Shift_JIS)', () => Promise.resolve(casesToCsv(tricky, 'shift_jis'))],
  ])('%s → import gives the same cases (with new ids), and into the same cases changes nothing', async (_name, make) => {
    const made = await make();
    const bytes = made instanceof Uint8Array ? made : made.ok ? made.bytes : new Uint8Array();
    const fresh = ok(await importInto([], bytes));
    expect(fresh.cases.map(valuesOf)).toEqual(tricky.map(valuesOf));
    const same = ok(await importInto(tricky, bytes));
    expect(same).toMatchObject({ added: 0, updated: 0, unchanged: tricky.length });
    expect(same.cases).toEqual(tricky);
  });

  it('the UTF-8 CSV starts with a BOM and uses CRLF; a formula-like cell is written as text', () => {
    const r = casesToCsv(tricky, 'utf-8');
    if (!r.ok) throw new Error(r.message);
    expect(Array.from(r.bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(r.bytes.subarray(3));
    expect(text.startsWith('整理番号,実施医療機関名,年齢,性別,診断名,初回実施日,入院期間,')).toBe(true);
    expect(text).toContain('\r\nC-001,');
    expect(text).toContain(`"'=SUM(A1:A2)"`);
  });

  it('Shift_JIS export writes what Excel on Windows writes (①㈱ｶﾞ№ as CP932, 髙 too), and 〜 typed on a Mac as ～', () => {
    const text = '診断名：肺癌①㈱ｶﾞ№、再発';
    const r = casesToCsv([{ ...tricky[0]!, diagnosis: text, siteName: '髙島病院', note: '4月〜6月' }], 'shift_jis');
    if (!r.ok) throw new Error(r.message);
    // The same bytes as encoding-japanese's CP932 (which writes 髙 as the NEC-selected 0xEEE0; Windows writes 0xFBFC, as here).
    expect(Buffer.from(r.bytes).includes(Buffer.from(shiftJis(text)))).toBe(true);
    const back = new TextDecoder('shift_jis').decode(r.bytes);
    expect(back).toContain(text);
    expect(back).toContain('髙島病院');
    expect(back).toContain('4月～6月');
  });

  it('Shift_JIS export names the case and column of a character it cannot hold', () => {
    const r = casesToCsv([{ ...tricky[0]!, diagnosis: '𠮷田病' }], 'shift_jis');
    expect(r).toEqual({ ok: false, message: '「𠮷」は Shift_JIS の CSV に書けない文字です（整理番号「C-001」の診断名）。UTF-8 の CSV か Excel で書き出してください。' });
  });
});
