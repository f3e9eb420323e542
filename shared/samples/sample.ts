/**
 * The bundled sample project (assets/samples/sample-project.json): a fictional 先進医療B
 * technology at a fictional university hospital with two 協力医療機関, every form filled.
 * Parsed like any other file: the envelope, the facts, and each form's answers by its own schema.
 */
import { z } from 'zod';
import { FILING_KINDS, filingEventSchema } from '../filings/filing';
import { costModelSchema, type CostModel } from '../cost/model';
import { parseIsoDate } from '../dates/iso-date';
import type { SubmissionFacts } from '../forms/definition';
import { emptyInstitutionProfile, jizenSoudanSchema, type JizenSoudan } from '../forms/jizen-soudan/schema';
import { FORMS } from '../forms/registry';
import { committeesSchema, departmentsSchema, equipmentListSchema, productsSchema, type Masters } from '../model/master';
import { rosterSchema, type Person } from '../model/person';
import { projectSchema } from '../model/project';
import { buildSubmission, type Submission } from '../rules/submission';

const envelopeSchema = z.object({
  format: z.literal('senshin-desk/sample'),
  formatVersion: z.literal(1),
  note: z.string().max(1000).optional(),
  project: projectSchema.pick({ name: true, technologyName: true, indication: true, category: true, filer: true, responsiblePhysicianId: true, filingDate: true }),
  people: rosterSchema.default([]),
  /** 委員会・品目・機器・診療科 of the sample, added to the masters on import. */
  masters: z
    .object({ departments: departmentsSchema, committees: committeesSchema, products: productsSchema, equipment: equipmentListSchema })
    .default({ departments: [], committees: [], products: [], equipment: [] }),
  consultation: jizenSoudanSchema,
  cost: costModelSchema,
  forms: z.record(z.string(), z.record(z.string(), z.unknown())),
  /** The sample's filings and how far each got (issue 11): the first one is filed with its copy on import. */
  filings: z.array(z.object({ kind: z.enum(FILING_KINDS), title: z.string().max(200).default(''), events: z.array(filingEventSchema.omit({ at: true })).max(10) })).max(20).default([]),
});

export interface Sample {
  readonly project: z.infer<typeof envelopeSchema>['project'];
  readonly consultation: JizenSoudan;
  readonly cost: CostModel;
  /** People of the sample, added to the 職員名簿 on import. */
  readonly people: readonly Person[];
  /** Master data of the sample, added to the masters on import (entries already there are kept). */
  readonly masters: Omit<Masters, 'people'>;
  /** Answers per form id, each already validated by that form's schema. */
  readonly forms: ReadonlyMap<string, Record<string, unknown>>;
  readonly filings: z.infer<typeof envelopeSchema>['filings'];
}

export type SampleParse = { readonly ok: true; readonly sample: Sample } | { readonly ok: false; readonly message: string };

export function parseSample(data: unknown): SampleParse {
  const env = envelopeSchema.safeParse(data);
  if (!env.success) return { ok: false, message: 'サンプルのデータ形式が正しくありません。' };
  const forms = new Map<string, Record<string, unknown>>();
  for (const [id, answers] of Object.entries(env.data.forms)) {
    const form = FORMS.find((f) => f.id === id);
    if (!form) return { ok: false, message: `サンプルに不明な様式（${id}）があります。` };
    const r = form.answers.safeParse({ ...form.empty(), ...answers });
    if (!r.success) return { ok: false, message: `サンプルの${form.number}の内容が正しくありません。` };
    forms.set(id, r.data);
  }
  return { ok: true, sample: { project: env.data.project, consultation: env.data.consultation, cost: env.data.cost, people: env.data.people, masters: env.data.masters, forms, filings: env.data.filings } };
}

/** The sample's facts as the app resolves them: its own filer, its masters, its 届出日. */
export function sampleFacts(sample: Sample): SubmissionFacts {
  return sampleSubmission(sample).facts;
}

/** The sample as the consistency engine sees it once imported (same facts as sampleFacts). */
export function sampleSubmission(sample: Sample): Submission {
  const t = '2027-01-01T00:00:00.000Z';
  const project = projectSchema.parse({ id: 'sample', ...sample.project, createdAt: t, updatedAt: t });
  const masters: Masters = { people: sample.people, ...sample.masters };
  return buildSubmission({
    project,
    profile: emptyInstitutionProfile(),
    masters,
    cost: sample.cost,
    answers: sample.forms,
    consultation: sample.consultation,
    today: parseIsoDate(sample.project.filingDate) ?? { year: 2027, month: 4, day: 5 },
  });
}
