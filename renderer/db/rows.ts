/**
 * Stored row shapes. Every row is validated before it is written and parsed after it is read
 * (DATA-09): the database is an edge like any other.
 */
import { z } from 'zod';
import { costModelSchema } from '../../shared/cost/model';
import { committeesSchema, departmentsSchema, equipmentListSchema, productsSchema } from '../../shared/model/master';
import { rosterSchema } from '../../shared/model/person';
import { projectSchema } from '../../shared/model/project';
import { faxDestinationSchema, institutionProfileSchema, jizenSoudanSchema } from '../../shared/forms/jizen-soudan/schema';

export const projectRowSchema = projectSchema;
export type ProjectRow = z.infer<typeof projectRowSchema>;

export const consultationRowSchema = z.object({
  projectId: z.string().min(1),
  data: jizenSoudanSchema,
  updatedAt: z.string(),
});
export type ConsultationRow = z.infer<typeof consultationRowSchema>;

export const settingRowSchema = z.discriminatedUnion('key', [
  z.object({ key: z.literal('institution'), value: institutionProfileSchema }),
  z.object({ key: z.literal('fax-destination'), value: faxDestinationSchema }),
  z.object({ key: z.literal('roster'), value: rosterSchema }),
  z.object({ key: z.literal('departments'), value: departmentsSchema }),
  z.object({ key: z.literal('committees'), value: committeesSchema }),
  z.object({ key: z.literal('products'), value: productsSchema }),
  z.object({ key: z.literal('equipment'), value: equipmentListSchema }),
]);
export type SettingRow = z.infer<typeof settingRowSchema>;

/** Answers of one 様式 of one project; `answers` is validated with that form's own schema. */
export const formAnswersRowSchema = z.object({
  projectId: z.string().min(1),
  formId: z.string().min(1).max(64),
  answers: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});
export type FormAnswersRow = z.infer<typeof formAnswersRowSchema>;

export const costModelRowSchema = z.object({
  projectId: z.string().min(1),
  model: costModelSchema,
  updatedAt: z.string(),
});
export type CostModelRow = z.infer<typeof costModelRowSchema>;
