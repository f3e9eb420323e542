/**
 * One cell of a hospital's case sheet → the value of a 実績報告 column (issue 14 item 3), or a
 * Japanese message saying what is wrong with it. Cells come as typed in Excel or a CSV: dates as
 * Excel serials, date cells, 「2025/4/10」「令和7年4月10日」「R7.4.10」; counts and 円 with full-width
 * digits, commas, 「円」「日」「回」; 転帰・評価結果・性別 as their words (「男性」 reads as 男).
 * Nothing is guessed: what does not read is reported, never "fixed".
 */
import { parseIsoDate, toIsoDate } from '../../dates/iso-date';
import { toAsciiDigits, warekiParts } from '../../dates/wareki';
import { parseYen, MAX_YEN } from '../../money/yen';
import { MAX_COUNT, REPORT_EVALUATIONS, REPORT_OUTCOMES, type CaseColumn, type ReportCase } from '../model';

/** A cell as read from the file: text, a number, or a cell Excel stored as a date ('YYYY-MM-DD'). */
export type RawCell = string | number | { readonly date: string };

export type CellParse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): CellParse<T> => ({ ok: true, value });
const bad = (message: string): CellParse<never> => ({ ok: false, message });

/** The cell as text (numbers as Excel shows them without a format, dates 'YYYY-MM-DD'). */
export function cellText(cell: RawCell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  return cell.date;
}

export function isBlankCell(cell: RawCell | undefined): boolean {
  return typeof cell === 'string' ? cell.trim() === '' : cell === undefined;
}

/** 「－」「-」「―」 alone: written for "nothing" in many sheets; read as blank, never as 0. */
const DASH_ONLY = /^[-－―—ー−‐]$/u;

function trimmed(cell: RawCell | undefined): string {
  return cellText(cell).replace(/^[\s　]+|[\s　]+$/gu, '');
}

// Excel's day 0 (its 1900 date system counts 1900 as a leap year, so serials from 61 on are days since 1899-12-30).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Excel serials of 1900-03-01 … 2099-12-31: other numbers in a date column are not dates. */
const SERIAL_MIN = 61;
const SERIAL_MAX = 73_415;

/** An Excel date serial (the integer part) as 'YYYY-MM-DD', or undefined outside 1900-03-01 … 2099-12-31. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return undefined;
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  return toIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** The Excel serial of a 'YYYY-MM-DD' date (what the exported .xlsx stores is a date cell; this is for tests and CSV). */
export function isoToExcelSerial(iso: string): number | undefined {
  const ymd = parseIsoDate(iso);
  return ymd ? Math.round((Date.UTC(ymd.year, ymd.month - 1, ymd.day) - EXCEL_EPOCH) / 86_400_000) : undefined;
}

const ERAS: Readonly<Record<string, { readonly name: string; readonly offset: number }>> = {
  令和: { name: '令和', offset: 2018 },
  r: { name: '令和', offset: 2018 },
  平成: { name: '平成', offset: 1988 },
  h: { name: '平成', offset: 1988 },
  昭和: { name: '昭和', offset: 1925 },
  s: { name: '昭和', offset: 1925 },
};

const DATE_HINT = '「2025/4/10」「令和7年4月10日」「R7.4.10」の形で入力してください。';

/**
 * A typed date → 'YYYY-MM-DD': 「2025/4/10」「2025-04-10」「2025.4.10」「2025年4月10日」「20250410」,
 * 「令和7年4月10日」「令和元年5月1日」「R7.4.10」「H31/4/30」, full-width digits, a time after it
 * (「2025/4/10 0:00」, as Excel writes dates to CSV), and Excel serials (「45757」). A day that is not in
 * the calendar (「R7.2.30」) or not in the era typed (「令和元年4月1日」) is refused.
 */
export function parseCellDate(cell: RawCell | undefined): CellParse<string> {
  if (cell !== undefined && typeof cell === 'object') return ok(cell.date);
  if (typeof cell === 'number') {
    const iso = Number.isInteger(cell) ? excelSerialToIso(cell) : excelSerialToIso(Math.floor(cell));
    return iso ? ok(iso) : bad(`日付として読めません（${cell}）。${DATE_HINT}`);
  }
  const typed = trimmed(cell);
  if (typed === '' || DASH_ONLY.test(typed)) return ok('');
  const s = typed
    .normalize('NFKC')
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/u, '')
    .replace(/\s+/gu, '')
    .toLowerCase();
  let era: { readonly name: string; readonly offset: number } | undefined;
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/u.exec(s)) || (match = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(s))) {
    const parts = match.length === 5 ? [match[1], match[3], match[4]] : [match[1], match[2], match[3]];
    [y, m, d] = parts.map(Number) as [number, number, number];
  } else if ((match = /^(\d{4})(\d{2})(\d{2})$/u.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(令和|平成|昭和|r|h|s)(元|\d{1,2})(?:年(\d{1,2})月(\d{1,2})日?|([/.-])(\d{1,2})\5(\d{1,2}))$/u.exec(s))) {
    era = ERAS[match[1] ?? ''];
    const eraYear = match[2] === '元' ? 1 : Number(match[2]);
    y = (era?.offset ?? 0) + eraYear;
    m = Number(match[3] ?? match[6]);
    d = Number(match[4] ?? match[7]);
    if (eraYear < 1) return bad(`日付として読めません（「${typed}」）。${DATE_HINT}`);
  } else if (/^\d{5}$/u.test(s)) {
    const iso = excelSerialToIso(Number(s));
    return iso ? ok(iso) : bad(`日付として読めません（「${typed}」）。${DATE_HINT}`);
  } else {
    return bad(`日付として読めません（「${typed}」）。${DATE_HINT}`);
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const ymd = parseIsoDate(iso);
  if (!ymd) return bad(`「${typed}」は暦にない日付です（${m}月${d}日）。`);
  if (era) {
    const p = warekiParts(ymd);
    if (p.era !== era.name) return bad(`「${typed}」は${era.name}の日付ではありません（${ymd.year}年${ymd.month}月${ymd.day}日は${p.era}${p.year === 1 ? '元' : p.year}年です）。`);
  }
  return ok(iso);
}

/** 「12」「１２」「12日」「3回」「45歳」「1,200」 → a count 0 … MAX_COUNT; blank → ''. */
export function parseCellCount(cell: RawCell | undefined, unit: string): CellParse<number | ''> {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return bad(`整数で入力してください（いま ${cell}）。`);
    if (cell < 0) return bad('負の数は入力できません。');
    return cell > MAX_COUNT ? bad(`${MAX_COUNT.toLocaleString('ja-JP')}${unit}以下で入力してください。`) : ok(cell);
  }
  if (cell !== undefined && typeof cell === 'object') return bad(`数字で入力してください（日付が入っています：${cell.date}）。`);
  const typed = trimmed(cell);
  if (typed === '' || DASH_ONLY.test(typed)) return ok('');
  const s = toAsciiDigits(typed)
    .replace(/[\s　]/gu, '')
    .replace(/[,，、]/gu, '')
    .replace(/(日間|日|回|歳|才|件|例)$/u, '');
  if (/^[-－ー−]/u.test(s)) return bad('負の数は入力できません。');
  if (/[.．]/u.test(s)) return bad(`整数で入力してください（いま「${typed}」）。`);
  if (!/^\d+$/u.test(s)) return bad(`数字で入力してください（いま「${typed}」）。`);
  const n = Number(s);
  return n > MAX_COUNT ? bad(`${MAX_COUNT.toLocaleString('ja-JP')}${unit}以下で入力してください。`) : ok(n);
}

/** 「120,000」「１２０，０００円」「¥120000」 → integer yen; blank → ''. */
export function parseCellAmount(cell: RawCell | undefined): CellParse<number | ''> {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return bad(`円未満は入力できません。整数の円で入力してください（いま ${cell}）。`);
    if (cell < 0) return bad('負の金額は入力できません。');
    return cell > MAX_YEN ? bad('金額が大きすぎます。') : ok(cell);
  }
  if (cell !== undefined && typeof cell === 'object') return bad(`金額を数字で入力してください（日付が入っています：${cell.date}）。`);
  const typed = trimmed(cell);
  if (typed === '' || DASH_ONLY.test(typed)) return ok('');
  const r = parseYen(typed);
  return r.ok ? ok(r.value) : bad(`${r.message.replace(/。$/u, '')}（いま「${typed}」）。`);
}

function parseChoice<T extends string>(cell: RawCell | undefined, name: string, choices: readonly T[], aliases: Readonly<Record<string, T>> = {}): CellParse<T | ''> {
  const typed = trimmed(cell);
  if (typed === '' || DASH_ONLY.test(typed)) return ok('');
  const s = typed.normalize('NFKC').replace(/\s+/gu, '');
  const found = choices.find((c) => c === s) ?? aliases[s.toLowerCase()];
  return found ? ok(found) : bad(`${name}は${choices.map((c) => `「${c}」`).join('')}のいずれかで入力してください（いま「${typed}」）。`);
}

const SEX_ALIASES: Readonly<Record<string, '男' | '女'>> = { 男性: '男', m: '男', male: '男', 女性: '女', f: '女', female: '女' };

/** Text columns: the cell as typed (trimmed; line breaks as the app's text fields keep them, LF), within the stored length. */
function parseText(cell: RawCell | undefined, max: number): CellParse<string> {
  const s = trimmed(cell).replace(/\r\n?/gu, '\n');
  // Counted as the stored schema counts (UTF-16 units, reportCaseSchema).
  return s.length > max ? bad(`${max.toLocaleString('ja-JP')}文字以内にしてください（いま${s.length.toLocaleString('ja-JP')}文字）。`) : ok(s);
}

/** The stored lengths of the text columns (reportCaseSchema). */
const TEXT_MAX = { caseNumber: 40, siteName: 200, diagnosis: 500, code: 60, note: 1000 } as const;

type CaseValues = Omit<ReportCase, 'id' | 'unconfirmed'>;

/** One cell → the value of `column`. */
export function parseCell<C extends CaseColumn>(column: C, cell: RawCell | undefined): CellParse<CaseValues[C]> {
  // Each branch returns the type of its own column; TypeScript cannot narrow C from the switch.
  return parseAny(column, cell) as CellParse<CaseValues[C]>;
}

function parseAny(column: CaseColumn, cell: RawCell | undefined): CellParse<CaseValues[CaseColumn]> {
  switch (column) {
    case 'caseNumber':
    case 'siteName':
    case 'diagnosis':
    case 'code':
    case 'note':
      return parseText(cell, TEXT_MAX[column]);
    case 'age':
      return parseCellCount(cell, '歳');
    case 'inpatientDays':
      return parseCellCount(cell, '日');
    case 'procedures':
      return parseCellCount(cell, '回');
    case 'sex':
      return parseChoice(cell, '性別', ['男', '女'] as const, SEX_ALIASES);
    case 'firstDate':
      return parseCellDate(cell);
    case 'outcome':
      return parseChoice(cell, '転帰', REPORT_OUTCOMES);
    case 'evaluation':
      return parseChoice(cell, '評価結果', REPORT_EVALUATIONS);
    case 'insuredAmount':
    case 'copayment':
    case 'advancedPatient':
    case 'advancedOther':
      return parseCellAmount(cell);
  }
}
