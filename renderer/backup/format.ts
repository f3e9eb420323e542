import { format } from 'date-fns';

/** 「2026年11月21日 16:05」 — local time, as people read a backup's time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '（日時不明）' : format(d, 'yyyy年M月d日 H:mm');
}
