/**
 * What a 変更申請 does with its list of items (issue 13; the screen and the frozen copy alike): take in the
 * generated changes not yet covered (the user's wording of the others is kept: ids are stable),
 * merge an item into the one before it, and make the 新旧対照表 rows from the items as edited.
 */
import type { DocumentModel } from '../document/model';
import type { YMD } from '../dates/iso-date';
import type { ResolvedFiling } from '../filings/as-filed';
import type { ChangeDoc, ChangeItem } from '../filings/filing-doc';
import { filingInstitution } from '../model/project';
import { changeLocation, changeWording, type DiffItem } from './field-diff';
import { periodNote } from './period';
import { shintaishoDocument, type ShintaishoRow } from './shintaisho';

/** The generated changes that no item covers yet, as new items (wording and values as printed). */
export function uncoveredItems(items: readonly ChangeItem[], diff: readonly DiffItem[], newId: () => string): ChangeItem[] {
  const covered = new Set(items.flatMap((i) => i.sourceIds));
  return diff
    .filter((d) => !covered.has(d.id))
    .map((d) => ({ id: newId(), sourceIds: [d.id], text: changeWording(d), before: d.before, after: d.after, reason: '', approval: { committeeId: '', date: '' } }));
}

const joined = (a: string, b: string): string => [a, b].filter((s) => s.trim() !== '').join('\n');

/** `item` folded into `into` (the item before it): sources, wording, values and reasons joined. */
export function mergeItems(into: ChangeItem, item: ChangeItem): ChangeItem {
  return {
    ...into,
    sourceIds: [...new Set([...into.sourceIds, ...item.sourceIds])],
    text: joined(into.text, item.text),
    before: joined(into.before, item.before),
    after: joined(into.after, item.after),
    reason: joined(into.reason, item.reason),
    approval: into.approval.committeeId !== '' || into.approval.date !== '' ? into.approval : item.approval,
  };
}

/**
 * The 新旧対照表 rows of the items as edited: 変更箇所 by official names from the generated changes
 * the item covers (its wording for an item written by hand), 変更前／変更後 as the user left them,
 * and for a period the extension in 備考 (「（18か月延長）」).
 */
export function shintaishoRowsOf(items: readonly ChangeItem[], diff: readonly DiffItem[]): ShintaishoRow[] {
  const byId = new Map(diff.map((d) => [d.id, d]));
  return items.map((item) => {
    const sources = item.sourceIds.map((id) => byId.get(id)).filter((d): d is DiffItem => d !== undefined);
    const location = sources.length > 0 ? [...new Set(sources.map(changeLocation))].join('\n') : item.text;
    const periodic = sources.some((d) => /期間/.test(`${d.field}${d.detail}`));
    return { location, before: item.before, after: item.after, note: periodic ? periodNote(item.before, item.after) : '' };
  });
}

/**
 * The 新旧対照表 of a 変更申請 as the user worded its items — the same on the screen, in its
 * downloads and in the as-filed copy.
 */
export function changeShintaisho(doc: ChangeDoc, working: ResolvedFiling, diff: readonly DiffItem[], day: YMD): DocumentModel {
  const heading = [`先進医療の名称：${working.project.technologyName.trim()}`, `申請医療機関：${filingInstitution(working.project, working.institution, day).name.trim()}`];
  return shintaishoDocument(shintaishoRowsOf(doc.items, diff), { heading });
}
