/** Where a change is (変更箇所): the 様式 by their official numbers, and a field's official name. */
import type { ResolvedFiling } from '../filings/as-filed';
import { TEMPLATE_SETS } from '../filings/template-sets';
import { packageById } from '../forms/packages';
import { FORMS } from '../forms/registry';

/** The forms of a filing's package, in filing order (its template set's package, else today's). */
export function packageFormIds(r: Pick<ResolvedFiling, 'packageId' | 'templateSetId'>): readonly string[] {
  const set = TEMPLATE_SETS.find((s) => s.id === r.templateSetId);
  return set?.packages.find((p) => p.id === r.packageId)?.formIds ?? packageById(r.packageId).formIds;
}

/** 「別紙1 様式第3号」; several: 「別紙1 様式第3号・第5号、別紙2 様式第8号」; every form of the package: 「全様式」. */
export function placeOf(formIds: readonly string[], all: readonly string[] = []): string {
  if (formIds.length === 0) return '';
  if (all.length > 1 && all.every((id) => formIds.includes(id))) return '全様式';
  const forms = FORMS.filter((f) => formIds.includes(f.id));
  const groups = new Map<string, string[]>();
  for (const f of forms) groups.set(f.besshi, [...(groups.get(f.besshi) ?? []), f.number]);
  return [...groups].map(([besshi, numbers]) => `${besshi} ${numbers.map((n, i) => (i === 0 ? n : n.replace(/^様式/, ''))).join('・')}`).join('、');
}

/** An official label without the instruction printed inside it (「（未承認又は適応外のものから記載すること。）」). */
export function officialName(label: string): string {
  return label.replace(/（[^（）]*こと。）/g, '').trim();
}

