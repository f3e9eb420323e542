/**
 * 設定's plain 管理者 field (issue 15 item 4): the 管理者 is kept in the dated history of 開設者・管理者
 * (InstitutionProfile.officers), so the plain field reads and writes the history's current entry —
 * the 管理者 term in office today — and adds an undated one (「since before any dated term」) when
 * there is none. No second place for the same fact: the history stays for changes (就任日).
 */
import type { OfficerTerm } from '../../../shared/model/institution';

/** The 管理者 term in office on `today` ('YYYY-MM-DD'), a blank name included (it is being typed). */
export function currentManagerTerm(officers: readonly OfficerTerm[], today: string): OfficerTerm | undefined {
  let best: OfficerTerm | undefined;
  for (const t of officers) {
    if (t.role !== '管理者' || (t.validFrom !== '' && t.validFrom > today)) continue;
    if (!best || t.validFrom >= best.validFrom) best = t;
  }
  return best;
}

/** The history with the current 管理者's name set to `name` (a new undated term when there is none). */
export function withManagerName(officers: readonly OfficerTerm[], name: string, today: string, newId: () => string): OfficerTerm[] {
  const current = currentManagerTerm(officers, today);
  if (current) return officers.map((t) => (t === current ? { ...t, name } : t));
  if (name === '') return [...officers];
  return [...officers, { id: newId(), role: '管理者', name, validFrom: '' }];
}
