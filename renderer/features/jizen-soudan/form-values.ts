/**
 * Mapping between what the editor shows and what is stored. Contact fields show the profile value
 * (設定 › 医療機関情報) unless this project overrides it; a value equal to the profile is stored as
 * "use the profile", so the fact stays in one place.
 */
import { z } from 'zod';
import { localJournal, type Journal } from '../../db/journal';
import {
  contactOverrideKeys,
  institutionProfileSchema,
  jizenSoudanSchema,
  slotSchema,
  visitorSchema,
  type ConsultationSlot,
  type InstitutionProfile,
  type JizenSoudan,
} from '../../../shared/forms/jizen-soudan/schema';

/** What the editor holds: every field as a string, exactly as typed. */
export const formValuesSchema = institutionProfileSchema.pick({ institutionName: true, contactAffiliation: true, contactName: true, tel: true, fax: true, email: true }).extend({
  technologyName: z.string().max(500),
  productIds: z.array(z.string().min(1).max(64)).max(200),
  products: jizenSoudanSchema.shape.products,
  slots: z.array(slotSchema).length(3),
  visitors: z.array(visitorSchema).max(30),
  /** Not shown (the sheet prints the project's 区分): kept so a stored value is saved back as it was. */
  assumedCategory: z.enum(['', 'A', 'B']),
  heldOn: jizenSoudanSchema.shape.heldOn,
});
export type FormValues = z.infer<typeof formValuesSchema>;

/** Unsaved edits of one project's sheet (replayed on the next load if a save never finished). */
export function jizenSoudanJournal(projectId: string): Journal<FormValues> {
  return localJournal(`jizen-soudan:${projectId}`, formValuesSchema);
}

export function toFormValues(data: JizenSoudan, profile: InstitutionProfile, technologyName: string): FormValues {
  return {
    institutionName: data.institutionName ?? profile.institutionName,
    contactAffiliation: data.contactAffiliation ?? profile.contactAffiliation,
    contactName: data.contactName ?? profile.contactName,
    tel: data.tel ?? profile.tel,
    fax: data.fax ?? profile.fax,
    email: data.email ?? profile.email,
    technologyName,
    productIds: [...(data.productIds ?? [])],
    products: data.products,
    slots: data.slots.map((s) => ({ ...s })),
    visitors: data.visitors.length > 0 ? data.visitors.map((v) => ({ ...v })) : [{ name: '', affiliation: '' }],
    assumedCategory: data.assumedCategory ?? '',
    heldOn: data.heldOn,
  };
}

export function fromFormValues(v: FormValues, profile: InstitutionProfile): { data: JizenSoudan; technologyName: string } {
  const overrides: Partial<Record<(typeof contactOverrideKeys)[number], string>> = {};
  for (const key of contactOverrideKeys) {
    if (v[key] !== profile[key]) overrides[key] = v[key];
  }
  const slot = (i: number): ConsultationSlot => {
    const s = v.slots[i];
    return { date: s?.date ?? '', start: s?.start ?? '', end: s?.end ?? '' };
  };
  return {
    technologyName: v.technologyName,
    data: {
      ...overrides,
      ...(v.productIds.length > 0 ? { productIds: [...v.productIds] } : {}),
      products: v.products,
      slots: [slot(0), slot(1), slot(2)],
      visitors: v.visitors.map((x) => ({ name: x.name, affiliation: x.affiliation })),
      assumedCategory: v.assumedCategory === '' ? null : v.assumedCategory,
      heldOn: v.heldOn,
    },
  };
}
