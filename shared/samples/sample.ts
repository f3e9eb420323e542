/**
 * The bundled sample project (assets/samples/sample-project.json): a fictional 先進医療B
 * technology at a fictional university hospital with two 協力医療機関, every form filled.
 * Parsed like any other file: the envelope, the facts, and each form's answers by its own schema.
 *
 * Its filings (issue 11, issue 13 item 7) tell the story backwards: the 様式, 積算 and masters are
 * the plan as it is now, after a 変更申請; a filing's `asFiled` says where the plan was different
 * when that filing was sent (the 新規届出: cost borne by 研究費, an older device, a shorter period).
 */
import { z } from 'zod';
import { FILING_KINDS, filingEventSchema } from '../filings/filing';
import { changeItemSchema, inquiryDocSchema, inquiryItemSchema, isoDateOrEmptySchema } from '../filings/filing-doc';
import { costModelSchema, type CostModel } from '../cost/model';
import { parseIsoDate } from '../dates/iso-date';
import type { SubmissionFacts } from '../forms/definition';
import { emptyInstitutionProfile, jizenSoudanSchema, type JizenSoudan } from '../forms/jizen-soudan/schema';
import { FORMS } from '../forms/registry';
import { committeesSchema, departmentsSchema, equipmentListSchema, productsSchema, type Masters } from '../model/master';
import { rosterSchema, type Person } from '../model/person';
import { projectSchema } from '../model/project';
import { periodicReportDocSchema } from '../reports/model';
import { buildSubmission, type Submission } from '../rules/submission';

const mastersSchema = z.object({ departments: departmentsSchema, committees: committeesSchema, products: productsSchema, equipment: equipmentListSchema });

/**
 * Where a filing's as-filed copy differs from the sample's working copy (the plan as it was then):
 * answers merged field by field over each form's, fields of the cost model, master entries by id
 * (an entry replaces the one with its id, or is added).
 */
const asFiledSchema = z.object({
  forms: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  cost: z.record(z.string(), z.unknown()).default({}),
  masters: mastersSchema.partial().default({}),
});
export type SampleAsFiled = z.infer<typeof asFiledSchema>;

/**
 * A 変更申請 of the sample as a coordinator words it: each item groups the generated changes
 * (shared/changes/field-diff.ts) whose ids are, or start with, one of its `covers` + '/'.
 */
const changeStorySchema = z.object({
  registration: z.object({ count: z.string().max(100), asOf: isoDateOrEmptySchema }),
  summary: z.string().max(20_000).default(''),
  items: z.array(changeItemSchema.pick({ id: true, text: true, reason: true, approval: true }).extend({ covers: z.array(z.string().min(1).max(200)).min(1).max(50) })).max(50),
});
export type SampleChange = z.infer<typeof changeStorySchema>;

/** A 照会回答 round of the sample: its items link to the items of the sample's 変更申請 by id. */
const inquiryStorySchema = z.object({
  date: isoDateOrEmptySchema,
  responderPersonId: z.string().max(64),
  variantMember: z.string().max(100).default(''),
  items: z.array(inquiryItemSchema).max(50),
});

const filingStorySchema = z.object({
  kind: z.enum(FILING_KINDS),
  title: z.string().max(200).default(''),
  events: z.array(filingEventSchema.omit({ at: true })).max(10),
  /** 照会回答: the round (第N回). */
  round: z.number().int().min(1).max(99).optional(),
  asFiled: asFiledSchema.optional(),
  change: changeStorySchema.optional(),
  inquiry: inquiryStorySchema.optional(),
  /** 定期報告 (issue 14 item 7): its 年度 (the year its period ends on 6/30) and its document as written. */
  fiscalYear: z.number().int().min(2000).max(2200).optional(),
  report: periodicReportDocSchema.omit({ kind: true }).optional(),
});
export type SampleFiling = z.infer<typeof filingStorySchema>;

const envelopeSchema = z.object({
  format: z.literal('senshin-desk/sample'),
  formatVersion: z.literal(1),
  note: z.string().max(1000).optional(),
  /** `notices`: the 告示番号 the technology got when it was approved (R-ID-4, the 定期報告's コード番号 R-R-3). */
  project: projectSchema.pick({ name: true, technologyName: true, indication: true, category: true, filer: true, responsiblePhysicianId: true, filingDate: true, notices: true }),
  people: rosterSchema.default([]),
  /** 委員会・品目・機器・診療科 of the sample, added to the masters on import. */
  masters: mastersSchema.default({ departments: [], committees: [], products: [], equipment: [] }),
  consultation: jizenSoudanSchema,
  cost: costModelSchema,
  forms: z.record(z.string(), z.record(z.string(), z.unknown())),
  /**
   * The sample's filings in order and how far each got (issue 11, issue 13): the first is its
   * 新規届出; with the fonts, each filed one is frozen with its copy on import (sample-filing.ts).
   */
  filings: z.array(filingStorySchema).max(20).default([]),
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
  readonly filings: readonly SampleFiling[];
}

/** The plan a filing's as-filed copy holds: the sample's 様式, 積算 and masters with its `asFiled` applied. */
export interface SamplePlan {
  readonly forms: ReadonlyMap<string, Record<string, unknown>>;
  readonly cost: CostModel;
  readonly masters: Omit<Masters, 'people'>;
}

const byId = <T extends { readonly id: string }>(list: readonly T[], over: readonly T[] = []): T[] => [...list.map((x) => over.find((o) => o.id === x.id) ?? x), ...over.filter((o) => !list.some((x) => x.id === o.id))];

/** `asFiled` applied to the sample's working data, each result checked by its schema; a message when one does not pass. */
export function samplePlan(sample: Pick<Sample, 'forms' | 'cost' | 'masters'>, asFiled: SampleAsFiled): { readonly ok: true; readonly plan: SamplePlan } | { readonly ok: false; readonly message: string } {
  const forms = new Map(sample.forms);
  for (const [id, answers] of Object.entries(asFiled.forms)) {
    const form = FORMS.find((f) => f.id === id);
    if (!form) return { ok: false, message: `サンプルに不明な様式（${id}）があります。` };
    const r = form.answers.safeParse({ ...form.empty(), ...sample.forms.get(id), ...answers });
    if (!r.success) return { ok: false, message: `サンプルの届出時の${form.number}の内容が正しくありません。` };
    forms.set(id, r.data);
  }
  const cost = costModelSchema.safeParse({ ...sample.cost, ...asFiled.cost });
  if (!cost.success) return { ok: false, message: 'サンプルの届出時の費用の計算が正しくありません。' };
  const m = asFiled.masters;
  const masters = { departments: byId(sample.masters.departments, m.departments), committees: byId(sample.masters.committees, m.committees), products: byId(sample.masters.products, m.products), equipment: byId(sample.masters.equipment, m.equipment) };
  return { ok: true, plan: { forms, cost: cost.data, masters } };
}

/** What the schema cannot see in the filings: each document on a filing of its kind, and every id it names in the sample. */
function filingProblem(filings: readonly SampleFiling[], people: readonly Person[], masters: Omit<Masters, 'people'>): string | undefined {
  const changeItems = new Set(filings.flatMap((f) => f.change?.items.map((i) => i.id) ?? []));
  for (const [i, f] of filings.entries()) {
    const bad = `サンプルの${i + 1}件目の届出の内容が正しくありません。`;
    if ((f.change && f.kind !== 'change') || (f.inquiry && f.kind !== 'inquiry-response') || (f.kind === 'inquiry-response' && f.round === undefined)) return bad;
    // A 定期報告 has its 年度 and its document; no other kind has either.
    const periodic = f.kind === 'periodic-report';
    if (periodic !== (f.report !== undefined) || periodic !== (f.fiscalYear !== undefined)) return bad;
    const report = f.report;
    if (report) {
      const named = [report.reporterPersonId, report.contactPersonId].filter((id) => id !== '');
      if (named.some((id) => !people.some((p) => p.id === id))) return bad;
      if (new Set(report.cases.map((c) => c.id)).size !== report.cases.length) return bad;
    }
    if (f.change?.items.some((item) => item.approval.committeeId !== '' && !masters.committees.some((c) => c.id === item.approval.committeeId))) return bad;
    if (f.change && new Set(f.change.items.map((item) => item.id)).size !== f.change.items.length) return bad;
    const inquiry = f.inquiry;
    if (inquiry) {
      if (inquiry.responderPersonId !== '' && !people.some((p) => p.id === inquiry.responderPersonId)) return bad;
      if (inquiry.items.some((item) => item.changeItemIds.some((id) => !changeItems.has(id)))) return bad;
      if (!inquiryDocSchema.safeParse({ kind: 'inquiry-response', ...inquiry }).success) return bad;
    }
  }
  return undefined;
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
  const { cost, people, masters, filings } = env.data;
  for (const f of filings) {
    const plan = f.asFiled ? samplePlan({ forms, cost, masters }, f.asFiled) : undefined;
    if (plan && !plan.ok) return plan;
  }
  const problem = filingProblem(filings, people, masters);
  if (problem) return { ok: false, message: problem };
  return { ok: true, sample: { project: env.data.project, consultation: env.data.consultation, cost, people, masters, forms, filings } };
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
