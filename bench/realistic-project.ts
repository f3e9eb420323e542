/**
 * A realistic B package for the speed bench (issue 17 item 1): a fictional project the size real
 * 先進医療B filings reach — 様式第3号 with about 12 pages of prose, 20 sites in 様式第2号, 200
 * products picked in 様式第3号, 50 staff in 様式第8-1号 — about 40 A4 pages in all. Built like the
 * stress project (bench/stress-project.ts), with the prose of a careful writer instead of 10,000
 * characters in every field.
 */
import { parseIsoDate } from '../shared/dates/iso-date';
import type { FontSet } from '../shared/document/layout/types';
import { resolveFiling } from '../shared/filings/freeze';
import { resolveFacts } from '../shared/forms/facts';
import { buildPackageDocument, type PackageDocument } from '../shared/forms/package-document';
import { packageById } from '../shared/forms/packages';
import { readAnswers } from '../shared/forms/versioning';
import type { WorkspaceData } from '../shared/io/envelope';
import type { Sample } from '../shared/samples/sample';
import { STRESS, stressProject } from './stress-project';

/** Characters written in each longtext field: 様式第3号 carries the prose, the others a paragraph or two. */
export const REALISTIC_TEXT = { yoshiki3: 700, other: 500 } as const;

/** What the realistic project holds besides the prose (the stress project's lists: bench/stress-project.ts). */
export const REALISTIC = { sites: STRESS.sites, products: STRESS.products, people: STRESS.people } as const;

export function realisticProject(sample: Sample, at: string): WorkspaceData {
  return stressProject(sample, at, (formId) => (formId === 'besshi1/yoshiki3' ? REALISTIC_TEXT.yoshiki3 : REALISTIC_TEXT.other));
}

/** The realistic project's 新規届出 package as the app lays it out for export (its 届出日 as today). */
export function realisticPackage(data: WorkspaceData, metrics: FontSet): PackageDocument {
  const filing = data.filings[0];
  if (!filing) throw new Error('no filing');
  const r = resolveFiling(data, filing, '2027-04-05');
  const day = parseIsoDate(r.filingDate) ?? { year: 2027, month: 4, day: 5 };
  const facts = resolveFacts({ project: r.project, profile: r.institution, masters: r.masters, cost: r.cost, today: day, sites: r.sites });
  const byId = new Map(r.forms.map((f) => [f.formId, f]));
  return buildPackageDocument(packageById(r.packageId), facts, (form) => {
    const stored = byId.get(form.id);
    const read = stored ? readAnswers(form, stored.answers, stored.version) : undefined;
    return read?.ok ? read.answers : form.empty();
  }, metrics, { draft: false });
}
