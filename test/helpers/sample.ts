import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fieldsOf } from '../../shared/forms/field';
import { FORMS } from '../../shared/forms/registry';
import { formatYenWithUnit } from '../../shared/money/yen';
import { parseSample, type Sample } from '../../shared/samples/sample';
import { FORM_DATES, restyleDates } from '../../shared/dates/date-style';
export { sampleFacts } from '../../shared/samples/sample';

export function loadSample(): Sample {
  const raw: unknown = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../assets/samples/sample-project.json'), 'utf8'));
  const r = parseSample(raw);
  if (!r.ok) throw new Error(r.message);
  return r.sample;
}

/** Every string the user typed into the sample's forms (dates excluded: they print as 和暦). */
export function typedStrings(value: unknown): string[] {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) || value.trim() === '' ? [] : value.split('\n').filter((s) => s.trim() !== '');
  if (Array.isArray(value)) return value.flatMap(typedStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(typedStrings);
  return [];
}

/**
 * Everything of the sample a reader must find printed: each form's typed answers (ids of picked
 * master data excluded: what prints is the picked record, listed below), 円 amounts as printed, and
 * every value of the master records the sample's forms pick.
 */
export function printedStrings(sample: Sample): string[] {
  const out: string[] = [];
  for (const form of FORMS) {
    const answers = sample.forms.get(form.id) ?? {};
    for (const f of fieldsOf(form.answers)) {
      const v = answers[f.key];
      if (f.meta.kind === 'ref' || f.meta.kind === 'refs') continue;
      if (f.meta.kind === 'yen' && typeof v === 'number') out.push(formatYenWithUnit(v));
      else out.push(...typedStrings(v));
    }
  }
  const { committees, products, departments } = sample.masters;
  for (const c of committees) out.push(c.name, ...c.members.flatMap((m) => [m.name, m.position, m.category, m.external, m.sex]));
  for (const p of products) out.push(...typedStrings([p.name, p.maker, p.spec, p.approvalNumber, p.approvedIndication, p.labelUse, p.usage]));
  for (const d of departments) out.push(d.name);
  for (const p of sample.people) out.push(...typedStrings([p.name, p.qualification, p.yearsInDept, p.yearsInTech, p.casesOperator, p.casesAssistant]));
  // Printing writes every date of a document in its one format (R-F-4): 2031年3月31日 prints as 令和１３年３月３１日.
  return out.filter((s) => s.trim() !== '').map((s) => restyleDates(s, FORM_DATES));
}
