/**
 * Sites (issue 11 item 5): the institutions of a technology — 申請医療機関, 調整医療機関, 協力医療機関,
 * and for 委託 the 委託側 and 受託側 — each with its own facts (名称, 所在地, 開設者・管理者 with the day
 * each took office, 病床数 as of a date). 様式第2号's site table, 別紙2's 受託側 and each 協力医療機関's
 * package read them; a site's own 様式 answers (e.g. its copy of 様式第9号, R-ID-7) live in
 * `siteAnswers`.
 *
 * !! Stored (table `sites`) and exported: a change of shape needs an export format version.
 */
import { z } from 'zod';
import { officerTermsSchema } from './institution';

const t = (max: number) => z.string().max(max, { message: `${max}文字以内で入力してください` });

export const SITE_ROLES = ['申請医療機関', '調整医療機関', '協力医療機関', '委託側', '受託側'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

/** A value that changes over time, as of a day ('YYYY-MM-DD'; '' = since before any dated value). */
export const datedTextSchema = z.object({ id: z.string().min(1).max(64), value: t(100), validFrom: z.string().max(10) });
export type DatedText = z.infer<typeof datedTextSchema>;

export const siteSchema = z.object({
  id: z.string().min(1).max(64),
  projectId: z.string().min(1).max(64),
  role: z.enum(SITE_ROLES),
  name: t(200),
  address: t(300),
  /** 開設者・管理者 with the day each took office (printed as of the 届出日). */
  officers: officerTermsSchema.default([]),
  /** 病床数 as typed, dated (「600床」 from 2025-04-01). */
  beds: z.array(datedTextSchema).max(100).default([]),
  /** 実施診療科 and 実施責任医師 as this site writes them (a person of another hospital is not in our 名簿). */
  department: t(100).default(''),
  responsiblePhysician: t(200).default(''),
  /** 当直体制 and 医療安全対策 as 様式第2号 prints them for this site. */
  duty: t(200).default(''),
  safety: t(2000).default(''),
  note: t(2000).default(''),
  rev: z.number().int().min(0).default(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Site = z.infer<typeof siteSchema>;

/** The value in force on `date` ('YYYY-MM-DD'): the latest that starts on or before it. */
export function datedOn(values: readonly DatedText[], date: string): DatedText | undefined {
  let best: DatedText | undefined;
  for (const v of values) {
    if (v.value.trim() === '' || (v.validFrom !== '' && v.validFrom > date)) continue;
    if (!best || v.validFrom >= best.validFrom) best = v;
  }
  return best;
}
