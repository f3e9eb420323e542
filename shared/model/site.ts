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

/** A row of 様式第2号's typed 実施医療機関 table (drafts made before sites existed). */
export type TypedSiteRow = Readonly<Record<string, string>>;

const nameKey = (s: string): string => s.normalize('NFKC').replace(/[\s　]/g, '');

/**
 * 様式第2号's typed 調整・協力医療機関 rows as sites of the project (issue 15: a 協力医療機関 is a site,
 * entered once and printed by every document that names it, not a typed row). Each row whose 区分
 * says 調整 or 協力 and that has a name becomes a site with every value of the row; a row whose name
 * is already a registered site, or with a cell longer than a site holds, is left as it is (`kept`),
 * so no typed value is lost, cut or merged by guess.
 */
export function sitesFromTypedRows(
  rows: readonly TypedSiteRow[],
  existing: readonly Pick<Site, 'name'>[],
  make: { readonly projectId: string; readonly newId: () => string; readonly now: string },
): { readonly added: Site[]; readonly remaining: TypedSiteRow[]; readonly kept: string[] } {
  const registered = new Set(existing.map((x) => nameKey(x.name)).filter((n) => n !== ''));
  const added: Site[] = [];
  const remaining: TypedSiteRow[] = [];
  const kept: string[] = [];
  for (const r of rows) {
    const typedRole = r.role ?? '';
    const role = typedRole.includes('調整') ? '調整医療機関' : typedRole.includes('協力') ? '協力医療機関' : undefined;
    const name = (r.name ?? '').trim();
    if (!role || name === '') {
      remaining.push(r);
      continue;
    }
    if (registered.has(nameKey(name))) {
      remaining.push(r);
      kept.push(name);
      continue;
    }
    const site = siteSchema.safeParse({
      id: make.newId(),
      projectId: make.projectId,
      role,
      name: r.name ?? '',
      address: '',
      department: r.department ?? '',
      responsiblePhysician: r.physician ?? '',
      duty: r.duty ?? '',
      safety: r.safety ?? '',
      createdAt: make.now,
      updatedAt: make.now,
    });
    // A cell longer than the site's field allows stays typed rather than being cut.
    if (!site.success) {
      remaining.push(r);
      kept.push(name);
      continue;
    }
    registered.add(nameKey(name));
    added.push(site.data);
  }
  return { added, remaining, kept };
}
