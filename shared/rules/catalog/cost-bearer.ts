/**
 * §4.1 R-C-5: who pays the 先進医療にかかる費用. The typed 患者に請求する額 / 医療機関が負担する額 agree with
 * the 積算 (through cost.ts's amount reading), and a sentence of 様式第3号(11), 様式第5号 or the 7号 備考
 * that says who pays (「費用は患者負担とする」「研究費で負担し、患者には請求しない」) matches its split.
 */
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { yoshiki6 } from '../../forms/besshi1/yoshiki6';
import { formatYenWithUnit } from '../../money/yen';
import { at, atField, inPackage, text, textOf, type FieldRef, type Submission } from '../submission';
import type { Hit, Rule } from '../types';
import { agreementHits, COST_PROSE, quoteSentence } from './cost';
import { bearerOf, type Bearer } from './cost-words';

/** The prose that says who pays: 様式第3号(11), 様式第5号, the 備考 of 様式第7-1号・第7-2号. */
const BEARER_PROSE: readonly FieldRef[] = COST_PROSE.filter((p) => p.doc !== yoshiki6.id);

interface BearerStatement {
  readonly doc: string;
  readonly field: string;
  readonly sentence: string;
  readonly bearer: Bearer;
}


export function bearerStatements(s: Submission): BearerStatement[] {
  const out: BearerStatement[] = [];
  for (const p of BEARER_PROSE) {
    if (!inPackage(s, p.doc)) continue;
    for (const sentence of text(s, p.doc, p.field).split(/[。\n]/)) {
      const bearer = bearerOf(sentence, s.facts.cost.total);
      if (bearer) out.push({ doc: p.doc, field: p.field, sentence: sentence.trim(), bearer });
    }
  }
  return out;
}

/** Who pays as the 積算 has it. */
export function modelBearer(c: { readonly patientCharge: number; readonly institutionBurden: number }): Bearer {
  return c.institutionBurden === 0 ? 'patient' : c.patientCharge === 0 ? 'institution' : 'split';
}

const SAID: Readonly<Record<Bearer, string>> = {
  patient: '費用を全額患者に請求する',
  institution: '患者に請求しない（医療機関が全額を負担する）',
  split: '費用の一部を医療機関が負担する',
};

function bearerHits(s: Submission): Hit[] {
  const c = s.facts.cost;
  if (c.total === 0) return [];
  const model = modelBearer(c);
  const has =
    model === 'patient'
      ? `全額（${formatYenWithUnit(c.total)}）を患者に請求します`
      : model === 'institution'
        ? `医療機関が全額（${formatYenWithUnit(c.total)}）を負担します`
        : `患者に請求する額は${formatYenWithUnit(c.patientCharge)}、医療機関が負担する額は${formatYenWithUnit(c.institutionBurden)}です`;
  return bearerStatements(s)
    .filter((b) => b.bearer !== model)
    .map((b) => ({
      message: `${at(b.doc, b.field).label}の「${quoteSentence(b.sentence)}」という文は${SAID[b.bearer]}としていますが、費用の積算では${has}。本文か費用の積算の負担区分を直してください。`,
      locations: [at(b.doc, b.field)],
      discriminator: `bearer:${b.bearer}:${b.sentence}`,
    }));
}

export const bearerRules: readonly Rule[] = [
  {
    id: 'R-C-5',
    title: '患者負担と医療機関負担',
    severity: 'error',
    basis: '記載要領 第5(2)④：費用の一部又は全部を患者に請求しない場合は、医療機関が負担する額と患者に請求する額を記載',
    check(s) {
      const out = [...agreementHits(s, 'patient'), ...agreementHits(s, 'institution'), ...bearerHits(s)];
      const pays = s.cost.patientPays;
      if (pays.mode === 'part' && pays.patientCharge > s.facts.cost.total) {
        out.push({ message: `患者に請求する額（${formatYenWithUnit(pays.patientCharge)}）が先進医療にかかる費用（${formatYenWithUnit(s.facts.cost.total)}）を超えています。`, locations: [at('cost', 'patientPays', { label: '費用の積算 患者に請求する額' })], discriminator: 'over' });
      }
      if (s.facts.cost.institutionBurden > 0 && inPackage(s, yoshiki3.id) && textOf(s, yoshiki3, 'patientBurden').trim() === '') {
        out.push({ severity: 'warning', message: '医療機関が費用の一部を負担します。様式第3号「１１．患者負担について」に、負担の区分（研究費等で負担する旨）を記載してください。', locations: [atField(yoshiki3, 'patientBurden')], discriminator: 'split' });
      }
      return out;
    },
  },
];
