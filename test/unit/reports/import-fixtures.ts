/**
 * Case files as hospitals have them, made in the test (issue 14 item 3): the 12 cases of a 令和7年度
 * 定期報告, and the ways they are typed in Excel — a .xlsx written by exceljs with a merged title
 * above the headings, the hospital's own headings in its own order, 和暦 dates, full-width digits;
 * and CSV as Excel saves it (Shift_JIS or UTF-8 with BOM, CRLF, cells quoted around commas and line
 * breaks).
 */
import ExcelJS from 'exceljs';
import Encoding from 'encoding-japanese';
import { toFullWidthDigits } from '../../../shared/dates/wareki';
import { emptyCase, type ReportCase } from '../../../shared/reports/model';

type Values = Omit<ReportCase, 'id' | 'unconfirmed'>;

const base = (v: Partial<Values> & Pick<Values, 'caseNumber'>): Values => {
  const { id: _id, unconfirmed: _u, ...blank } = emptyCase('x');
  return { ...blank, code: '12-34-B', ...v };
};

/** What the hospital means: 12 cases, one 死亡, one 継続 past 6/30, one with a comma and a line break. */
export const TWELVE: readonly Values[] = [
  base({ caseNumber: 'C-001', age: 64, sex: '男', diagnosis: '肺癌', firstDate: '2025-04-10', inpatientDays: 12, procedures: 1, outcome: '治癒', insuredAmount: 452_300, copayment: 135_690, advancedPatient: 120_000, advancedOther: 0, evaluation: '有効' }),
  base({ caseNumber: 'C-002', age: 71, sex: '女', diagnosis: '胃癌', firstDate: '2025-05-08', inpatientDays: 9, procedures: 1, outcome: '治癒', insuredAmount: 380_000, copayment: 114_000, advancedPatient: 120_000, advancedOther: 0, evaluation: '有効' }),
  base({ caseNumber: 'C-003', age: 58, sex: '男', diagnosis: '肝細胞癌', firstDate: '2025-06-02', inpatientDays: 21, procedures: 2, outcome: '死亡', insuredAmount: 1_204_500, copayment: 361_350, advancedPatient: 240_000, advancedOther: 30_000, evaluation: '無効' }),
  base({ caseNumber: 'C-004', age: 45, sex: '女', diagnosis: '乳癌', firstDate: '2025-07-14', inpatientDays: 0, procedures: 1, outcome: '治癒', insuredAmount: 98_000, copayment: 29_400, advancedPatient: 120_000, advancedOther: 0, evaluation: '有効' }),
  base({ caseNumber: 'C-005', age: 80, sex: '男', diagnosis: '前立腺癌', firstDate: '2025-08-01', inpatientDays: 5, procedures: 1, outcome: '中止', insuredAmount: 210_000, copayment: 21_000, advancedPatient: 60_000, advancedOther: 60_000, evaluation: '不明' }),
  base({ caseNumber: 'C-006', age: 67, sex: '女', diagnosis: '肺癌（術後再発, 多発）', firstDate: '2025-09-19', inpatientDays: 14, procedures: 1, outcome: '治癒', insuredAmount: 502_000, copayment: 150_600, advancedPatient: 120_000, advancedOther: 0, evaluation: '有効', note: '初回は外来\n2回目は入院' }),
  base({ caseNumber: 'C-007', age: 52, sex: '男', diagnosis: '膵癌', firstDate: '2025-10-03', inpatientDays: 30, procedures: 3, outcome: '治癒', insuredAmount: 1_830_000, copayment: 549_000, advancedPatient: 360_000, advancedOther: 0, evaluation: '有効' }),
  base({ caseNumber: 'C-008', age: 39, sex: '女', diagnosis: '子宮頸癌', firstDate: '2025-11-11', inpatientDays: 7, procedures: 1, outcome: '治癒', insuredAmount: 275_000, copayment: 82_500, advancedPatient: 120_000, advancedOther: 0, evaluation: '有効' }),
  base({ caseNumber: 'C-009', age: 74, sex: '男', diagnosis: '食道癌', firstDate: '2025-12-24', inpatientDays: 18, procedures: 1, outcome: '治癒', insuredAmount: 690_000, copayment: 69_000, advancedPatient: 120_000, advancedOther: 0, evaluation: '有効' }),
  base({ caseNumber: 'C-010', age: 61, sex: '女', diagnosis: '大腸癌', firstDate: '2026-01-20', inpatientDays: 10, procedures: 1, outcome: '治癒', insuredAmount: 410_000, copayment: 123_000, advancedPatient: 120_000, advancedOther: 0, evaluation: '有効' }),
  base({ caseNumber: 'C-011', age: 55, sex: '男', diagnosis: '腎細胞癌', firstDate: '2026-03-05', inpatientDays: 8, procedures: 1, outcome: '治癒', insuredAmount: 330_000, copayment: 99_000, advancedPatient: 120_000, advancedOther: 0, evaluation: '不明' }),
  base({ caseNumber: 'C-012', age: 68, sex: '女', diagnosis: '膀胱癌', firstDate: '2026-06-12', inpatientDays: 25, procedures: 2, outcome: '継続', insuredAmount: 880_000, copayment: 264_000, advancedPatient: 240_000, advancedOther: 0, evaluation: '' }),
];

const num = (v: number | string): number => (typeof v === 'number' ? v : Number(v));

function wareki(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `令和${y - 2018}年${m}月${d}日`;
}

function rShort(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `R${y - 2018}.${m}.${d}`;
}

/** A 12-case workbook as a coordinator keeps it: title, author line, own headings in own order. */
export async function hospitalXlsx(cases: readonly Values[] = TWELVE, edit?: (rows: (string | number | Date)[][]) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('R7症例');
  const headings = ['症例番号', '年齢', '性別', '病名', '初回実施日', '入院日数', '実施回数', '転帰', '保険外併用療養費', '一部負担金', '患者負担額', '研究費', '評価結果', 'コード番号', '備考'];
  ws.addRow(['令和7年度 先進医療 実績報告（症例一覧）']);
  ws.mergeCells(1, 1, 1, headings.length);
  ws.addRow(['作成：臨床研究センター 2025/7/10']);
  ws.addRow(headings);
  const rows = cases.map((c, i) => {
    // Dates typed every way a coordinator types them.
    const dates = [
      (iso: string): string | Date => wareki(iso),
      (iso: string): string | Date => rShort(iso),
      (iso: string): string | Date => new Date(`${iso}T00:00:00Z`),
      (iso: string): string | Date => toFullWidthDigits(iso.replace(/-0?/g, '/')),
    ];
    const date = (dates[i % dates.length] ?? dates[0])!(c.firstDate);
    const fullWidth = i % 3 === 1;
    const count = (v: number | string, unit: string): string | number => (fullWidth ? `${toFullWidthDigits(String(v))}${unit}` : num(v));
    const yen = (v: number | string): string | number => (fullWidth ? `${toFullWidthDigits(num(v).toLocaleString('ja-JP')).replace(/,/g, '，')}円` : num(v));
    return [
      c.caseNumber,
      count(c.age, '歳'),
      c.sex === '男' && i % 2 === 0 ? '男性' : c.sex,
      c.diagnosis,
      date,
      count(c.inpatientDays, '日'),
      count(c.procedures, '回'),
      c.outcome,
      yen(c.insuredAmount),
      yen(c.copayment),
      yen(c.advancedPatient),
      yen(c.advancedOther),
      c.evaluation,
      c.code,
      c.note,
    ];
  });
  edit?.(rows);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The text of a CSV as Excel saves 「CSV（コンマ区切り）」: official headings, amounts shown with separators, CRLF. */
export function excelCsvText(cases: readonly Values[] = TWELVE, edit?: (rows: string[][]) => void): string {
  const headings = ['整理番号', '診断名', '初回実施日', '入院期間（日）', '実施回数', '転帰', '保険外併用療養費分', '保険外併用療養費分に係る一部負担金', '先進医療費用（患者負担）', '先進医療費用（その他）', '評価結果', 'コード番号', '年齢', '性別', '備考'];
  const rows = cases.map((c) => [
    c.caseNumber,
    c.diagnosis,
    c.firstDate.replace(/-0?/g, '/'),
    String(c.inpatientDays),
    String(c.procedures),
    c.outcome,
    num(c.insuredAmount).toLocaleString('ja-JP'),
    num(c.copayment).toLocaleString('ja-JP'),
    num(c.advancedPatient).toLocaleString('ja-JP'),
    num(c.advancedOther).toLocaleString('ja-JP'),
    c.evaluation,
    c.code,
    String(c.age),
    c.sex,
    c.note,
  ]);
  edit?.(rows);
  return [headings, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Shift_JIS (CP932) bytes, as Excel on Japanese Windows writes them. */
export function shiftJis(text: string): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
}

/** UTF-8 with a BOM (Excel's 「CSV UTF-8（コンマ区切り）」). */
export function utf8Bom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.byteLength + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** The case values without id and 要確認 flags (what a file carries). */
export function valuesOf(c: ReportCase): Values {
  const { id: _id, unconfirmed: _u, ...v } = c;
  return v;
}
