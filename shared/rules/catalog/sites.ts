/**
 * Rules about the institutions of a technology (issue 11): sites as entities, and the filer.
 * - R-ID-7: a 協力医療機関 attaches the very same 様式第9号 as the 申請医療機関 (spec §3.9, §4.2).
 * - R-ID-FILER (app rule, issue 11 item 6): a 開設者 typed on the project for the institution of
 *   設定 that differs from the one in office on the 届出日 is printed — say so instead of letting it
 *   win silently.
 */
import { toIsoDate } from '../../dates/iso-date';
import { formatWareki } from '../../dates/wareki';
import { yoshiki9 } from '../../forms/besshi1/yoshiki9';
import { fieldsOf } from '../../forms/field';
import { officerOn } from '../../model/institution';
import { costDate } from '../../model/project';
import { at, type Submission } from '../submission';
import type { Hit, Rule } from '../types';
import { sameName } from './identity';

/** The 様式第9号 fields whose values differ between two parsed answer sets, in form order. */
export function differingFields(mine: Readonly<Record<string, unknown>>, theirs: Readonly<Record<string, unknown>>): Array<{ readonly key: string; readonly label: string }> {
  return fieldsOf(yoshiki9.answers)
    .filter((f) => JSON.stringify(mine[f.key] ?? null) !== JSON.stringify(theirs[f.key] ?? null))
    .map((f) => ({ key: f.key, label: f.meta.label }));
}

function cooperatingCopies(s: Submission): Hit[] {
  const mine = s.forms.get(yoshiki9.id) ?? yoshiki9.empty();
  const out: Hit[] = [];
  for (const site of s.sites) {
    if (site.role !== '協力医療機関') continue;
    const theirs = s.siteForms.get(site.id)?.get(yoshiki9.id);
    // No copy yet: nothing to compare (the sites screen offers to make it).
    if (!theirs) continue;
    const diff = differingFields(mine, theirs);
    const first = diff[0];
    if (!first) continue;
    const name = site.name.trim() || '（名称未入力）';
    const listed = diff.slice(0, 3).map((d) => `「${d.label}」`).join('');
    out.push({
      message: `協力医療機関「${name}」の様式第9号が申請医療機関のものと${diff.length}か所違います（${listed}${diff.length > 3 ? 'ほか' : ''}）。協力医療機関は申請医療機関と同一の様式第9号を添付します。`,
      locations: [at('sites', undefined, { entryId: site.id, label: `実施医療機関「${name}」の様式第9号` }), at(yoshiki9.id, first.key)],
      discriminator: site.id,
    });
  }
  return out;
}

export const siteRules: readonly Rule[] = [
  {
    id: 'R-ID-7',
    title: '協力医療機関の様式第9号',
    severity: 'error',
    applies: { categories: ['B'] },
    basis: '記載要領 第10：協力医療機関の届出には、申請医療機関の様式第9号と同一のものを添付',
    check: cooperatingCopies,
  },
  {
    id: 'R-ID-FILER',
    title: '案件に入力した開設者と設定の開設者',
    severity: 'warning',
    basis: '記載要領 第1-1：届出者は届出日の開設者（設定 › 医療機関情報の就任日つきの履歴）',
    check(s) {
      const filer = s.project.filer;
      const typed = filer.founderName.trim();
      if (typed === '') return [];
      // Only for the institution of 設定 itself; a project filed by another institution names its own.
      const same = filer.name.trim() === '' || sameName(filer.name, s.profile.institutionName);
      if (!same) return [];
      const day = costDate(s.project, s.today);
      const officer = officerOn(s.profile.officers, '開設者', toIsoDate(day));
      if (!officer || sameName(officer.name, typed)) return [];
      const since = officer.validFrom === '' ? '' : `、${officer.validFrom}から`;
      return [
        {
          message: `案件に入力した開設者「${typed}」が、届出日（${formatWareki(day)}）の開設者「${officer.name}」（設定 › 医療機関情報${since}）と異なります。案件の値が印刷されます。どちらかを直してください。`,
          locations: [at('project', 'filer', { label: '案件の基本情報「届出医療機関（開設者）」' }), at('settings', 'officers', { label: '設定（医療機関情報）「開設者・管理者の履歴」' })],
        },
      ];
    },
  },
];
