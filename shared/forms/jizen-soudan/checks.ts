/**
 * Field checks of the 事前相談申込書. They never block and never change what was typed: each
 * returns messages shown next to the field.
 * - R-F-3: 相談希望日時 on weekdays (no weekend, national holiday or year-end closure), 14:00–17:00.
 * - R-F-2: a consultation older than 6 months must be repeated before filing.
 */
import { closedReason } from '../../dates/holidays';
import { addCalendarMonths, compareYmd, daysBetween, parseIsoDate, type YMD } from '../../dates/iso-date';
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
}

/** R-F-2: valid for 6 months after the day it took place. */
export function consultationValidity(heldOn: string, today: YMD): ConsultationValidity | undefined {
  const held = parseIsoDate(heldOn);
  if (!held) return undefined;
  const expiresOn = addCalendarMonths(held, 6);
  const daysLeft = daysBetween(today, expiresOn);
  return { heldOn: held, expiresOn, daysLeft, expired: daysLeft < 0 };
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
