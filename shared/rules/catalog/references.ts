/**
 * Issue 12 (R-REF): every entry a 様式 picks from the 名簿/マスタ exists. A 倫理審査委員会 picked in
 * 様式第2号 and then deleted from the マスタ — or missing from an imported file — printed as nothing
 * and passed R-ETH without a word, while a missing product (R-X-1) and a missing 実施責任医師 were
 * flagged. Generic over every 'ref'/'refs' field of every 様式 in the package (the fields say which
 * list they pick from); products stay with R-X-1, which says the same for them.
 *
 * A missing entry is a finding, not a refused import: the app itself lets a picked entry be deleted
 * (the picker then shows it as missing), so such files are the app's own backups.
 */
import { fieldsOf, type MasterList } from '../../forms/field';
import { at, formById, type Submission } from '../submission';
import type { Hit, Rule } from '../types';

const NOUN: Readonly<Record<Exclude<MasterList, 'products'>, string>> = { committees: '倫理審査委員会', people: '職員名簿の人', departments: '診療科' };
const PLACE: Readonly<Record<Exclude<MasterList, 'products'>, string>> = { committees: 'マスタ（倫理審査委員会）', people: '職員名簿', departments: 'マスタ（診療科）' };

function idsOf(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

export const referenceRules: readonly Rule[] = [
  {
    id: 'R-REF',
    title: '名簿・マスタから選んだ項目',
    severity: 'error',
    basis: '様式に印刷する委員会・人・診療科は、名簿・マスタにあるものから選ぶ（選んだ後で削除された項目は印刷されない）',
    check(s: Submission): Hit[] {
      const out: Hit[] = [];
      for (const formId of s.formIds) {
        const form = formById(formId);
        if (!form) continue;
        for (const f of fieldsOf(form.answers)) {
          const list = f.meta.master?.list;
          if ((f.meta.kind !== 'ref' && f.meta.kind !== 'refs') || list === undefined || list === 'products') continue;
          const known = new Set(s.facts.masters[list].map((e) => e.id));
          for (const id of idsOf(s.forms.get(formId)?.[f.key])) {
            if (known.has(id)) continue;
            out.push({
              message: `${form.number}の「${f.meta.label}」で選んだ${NOUN[list]}が${PLACE[list]}にありません。削除された可能性があります。選び直してください。`,
              locations: [at(formId, f.key)],
              discriminator: `${formId}.${f.key}:${id}`,
            });
          }
        }
      }
      return out;
    },
  },
];
