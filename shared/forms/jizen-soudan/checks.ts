/**
 * Field checks of the 事前相談申込書. They never block and never change what was typed: each
 * returns messages shown next to the field.
 * - R-F-3: 相談希望日時 on weekdays (no weekend, national holiday or year-end closure), 14:00–17:00.
 * - R-F-2: a consultation older than 6 months must be repeated before filing.
 */
import { formatWareki } from '../../dates/wareki';
import { closedReason } from '../../dates/holidays';
import { addCalendarMonths, addDays, compareYmd, daysBetween, parseIsoDate, type YMD } from '../../dates/iso-date';
import type { Visitor } from './schema';
import type { ConsultationSlot } from './schema';

export type Severity = 'error' | 'warning' | 'info';

export interface FieldMessage {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

/** Consultations are held, in principle, 14:00–17:00 (記載要領 別添: 原則、平日の午後2時～5時). */
export const CONSULTATION_HOURS = { start: 14 * 60, end: 17 * 60 } as const;

/** 'HH:MM' → minutes after midnight; undefined if not a time. */
export function parseTime(value: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

function closedMessage(ymd: YMD): string | undefined {
  const reason = closedReason(ymd);
  if (!reason) return undefined;
  switch (reason.kind) {
    case 'saturday':
      return '土曜日です。事前相談は原則として平日に行われます。';
    case 'sunday':
      return '日曜日です。事前相談は原則として平日に行われます。';
    case 'holiday':
      return `祝日（${reason.name}）です。事前相談は原則として平日に行われます。`;
    case 'year-end':
      return '年末年始（12月29日〜1月3日）は行政機関の休日です。別の日を選んでください。';
  }
}

/** Messages for one preferred slot (第n希望). Empty slots give none. */
export function checkSlot(slot: ConsultationSlot, today: YMD): FieldMessage[] {
  const out: FieldMessage[] = [];
  const dateText = slot.date.trim();
  if (dateText === '' && slot.start.trim() === '' && slot.end.trim() === '') return out;

  if (dateText === '') {
    out.push({ ruleId: 'R-F-3', severity: 'warning', message: '日付を入力してください。' });
  } else {
    const ymd = parseIsoDate(dateText);
    if (!ymd) {
      out.push({ ruleId: 'R-F-3', severity: 'warning', message: '日付として読み取れません。カレンダーから選んでください。' });
    } else {
      const closed = closedMessage(ymd);
      if (closed) out.push({ ruleId: 'R-F-3', severity: 'warning', message: closed });
      if (compareYmd(ymd, today) < 0) out.push({ ruleId: 'R-F-3', severity: 'warning', message: '過去の日付です。' });
    }
  }

  const start = parseTime(slot.start);
  const end = parseTime(slot.end);
  if (slot.start.trim() === '' || slot.end.trim() === '') {
    out.push({ ruleId: 'R-F-3', severity: 'info', message: '開始時刻と終了時刻を入力してください。' });
  }
  if (start !== undefined && end !== undefined && end <= start) {
    out.push({ ruleId: 'R-F-3', severity: 'warning', message: '終了時刻が開始時刻より後になっていません。' });
  }
  const outside = (start !== undefined && (start < CONSULTATION_HOURS.start || start >= CONSULTATION_HOURS.end)) ||
    (end !== undefined && (end > CONSULTATION_HOURS.end || end <= CONSULTATION_HOURS.start));
  if (outside) {
    const typed = `${slot.start || '—'}〜${slot.end || '—'}`;
    out.push({ ruleId: 'R-F-3', severity: 'warning', message: `${typed} は午後2時〜5時（14:00〜17:00）の範囲外です。相談は原則としてこの時間帯です。` });
  }
  return out;
}

export interface ConsultationValidity {
  readonly heldOn: YMD;
  /** Last day on which a filing may rely on this consultation. */
  readonly expiresOn: YMD;
  /** Days from today until expiresOn (negative once expired). */
  readonly daysLeft: number;
  readonly expired: boolean;
  /** The date is after today: the consultation has not taken place yet. */
  readonly upcoming: boolean;
}

/**
 * R-F-2: a filing must come within 6 months of the consultation. Counted as 民法 §140/§143 count
 * periods: the day of the consultation is not counted (初日不算入), and the period ends on the day
 * before the corresponding day 6 months on — 6/10 → 12/10, 4/30 → 10/31, 8/31 → 2月末日.
 */
export function consultationValidity(heldOn: string, today: YMD): ConsultationValidity | undefined {
  const held = parseIsoDate(heldOn);
  if (!held) return undefined;
  const expiresOn = addDays(addCalendarMonths(addDays(held, 1), 6), -1);
  const daysLeft = daysBetween(today, expiresOn);
  return { heldOn: held, expiresOn, daysLeft, expired: daysLeft < 0, upcoming: daysBetween(today, held) > 0 };
}

/**
 * The project page's line about the 事前相談 (R-F-2): held and valid, expired, or still to come (a
 * date in the future is a plan, not a consultation that took place). Separate sentences, each
 * ending in 「。」.
 */
export function consultationStatusText(v: ConsultationValidity): string {
  const w = (d: YMD): string => formatWareki(d);
  if (v.upcoming) return `事前相談の予定日：${w(v.heldOn)}（まだ行われていません）。相談の後、その日から6か月以内に届出をします。`;
  if (v.expired) return `事前相談の実施日：${w(v.heldOn)}。有効期限切れ（${w(v.expiresOn)}まで）。届出の前に再度、事前相談が必要です。`;
  return `事前相談の実施日：${w(v.heldOn)}。有効期限：${w(v.expiresOn)}まで（あと${v.daysLeft}日）。`;
}

export function checkEmail(value: string): FieldMessage[] {
  const v = value.trim();
  if (v === '' || /^[^\s@＠]+@[^\s@＠]+\.[^\s@＠]+$/.test(v)) return [];
  return [{ ruleId: 'INPUT-EMAIL', severity: 'warning', message: 'メールアドレスの形式を確認してください（例：senshin@example.ac.jp）。' }];
}

export function checkPhone(value: string): FieldMessage[] {
  const v = value.trim();
  if (v === '' || /^[0-9０-９\-－‐ー()（）+＋\s　]+$/.test(v)) return [];
  return [{ ruleId: 'INPUT-PHONE', severity: 'warning', message: '番号には数字とハイフンを使ってください（例：03-1234-5678）。' }];
}

function overlaps(a: ConsultationSlot, b: ConsultationSlot): boolean {
  if (a.date.trim() === '' || a.date !== b.date) return false;
  const [as, ae, bs, be] = [parseTime(a.start), parseTime(a.end), parseTime(b.start), parseTime(b.end)];
  if (as === undefined || ae === undefined || bs === undefined || be === undefined) return a.start === b.start;
  return as < be && bs < ae;
}

const SLOT_NAMES = ['第1希望', '第2希望', '第3希望'] as const;

/**
 * R-F-3 over the three preferences together: each slot's own messages, a slot repeating an
 * earlier one, and fewer than the three preferences the sheet asks for.
 */
export function checkSlots(slots: readonly ConsultationSlot[], today: YMD): { perSlot: FieldMessage[][]; group: FieldMessage[] } {
  const perSlot = slots.map((s, i) => {
    const own = checkSlot(s, today);
    const earlier = slots.slice(0, i).findIndex((e) => overlaps(e, s));
    if (earlier >= 0) own.push({ ruleId: 'R-F-3', severity: 'warning', message: `${SLOT_NAMES[earlier] ?? ''}と同じ日時（時間が重なっています）です。別の日時を選んでください。` });
    return own;
  });
  const filled = slots.filter((s) => s.date.trim() !== '').length;
  const group: FieldMessage[] = filled > 0 && filled < 3 ? [{ ruleId: 'R-F-3', severity: 'info', message: `第3希望まで入力してください（現在${filled}件）。` }] : [];
  return { perSlot, group };
}

/** R-F-3: the company staff handling the drug or device should come too (a reminder, not a rule). */
export function checkVisitors(visitors: readonly Visitor[], products: string): FieldMessage[] {
  const named = visitors.filter((v) => v.name.trim() !== '');
  if (named.length === 0 || products.trim() === '') return [];
  const company = /株式会社|（株）|\(株\)|㈱|有限会社|合同会社|Inc\.?|Ltd\.?|Co\.|製薬|メディカル|社$/i;
  if (named.some((v) => company.test(v.affiliation))) return [];
  return [{ ruleId: 'R-F-3', severity: 'info', message: '使用する医薬品・医療機器の取扱企業の担当者も同行するよう求められています。会社名を所属に入力してください。' }];
}
