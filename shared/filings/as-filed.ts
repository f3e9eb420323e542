/**
 * The as-filed copy of a filing (issue 11 item 2): what was sent, kept as evidence. Written once
 * when the filing is marked 提出済み and never changed after — roster, masters, 設定, the cost model
 * and new template versions all leave it as it was:
 * - `resolved`: the data it was printed from (project facts, 設定, every master list, cost model,
 *   each 様式's answers with its template version, the template set, and the filing's own
 *   document — a 変更申請's items, a 照会回答's answers), so it can be read and compared (a
 *   変更申請's 変更前) without today's masters;
 * - `files`: the exact bytes of the PDF and Word files (base64) with SHA-256 and page counts.
 *   Re-printing a filed filing writes these bytes, so it is byte-identical forever.
 *
 * !! Stored (table `filedCopies`) and exported. Never add a code path that updates a row.
 */
import { z } from 'zod';
import { costModelSchema } from '../cost/model';
import { faxDestinationSchema, institutionProfileSchema, jizenSoudanSchema } from '../forms/jizen-soudan/schema';
import { committeesSchema, departmentsSchema, equipmentListSchema, productsSchema } from '../model/master';
import { rosterSchema } from '../model/person';
import { projectSchema } from '../model/project';
import { siteSchema } from '../model/site';
import { FILING_KINDS, FILING_METHODS } from './filing';
import { filingDocContentSchema } from './filing-doc';

/** Ample for a 40-page package with its Word files; a hostile file cannot grow past it. */
const MAX_FILE_BASE64 = 64 * 1024 * 1024;

export const filedFileSchema = z.object({
  /** Path inside the package folder, e.g. 「…_新規届出（先進医療B）.pdf」, 「Word/01_別紙1様式第1-1号_….docx」. */
  name: z
    .string()
    .min(1)
    .max(200)
    // Written as a path under the package folder (npm run export): never outside it.
    .refine((n) => !n.startsWith('/') && !n.includes('\\') && !/^[A-Za-z]:/.test(n) && n.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..'), { message: 'ファイル名が正しくありません' }),
  pages: z.number().int().min(0).max(100_000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  base64: z.string().max(MAX_FILE_BASE64),
});
export type FiledFile = z.infer<typeof filedFileSchema>;

export const resolvedFilingSchema = z.object({
  kind: z.enum(FILING_KINDS),
  packageId: z.enum(['new-a', 'new-b', 'cooperating', 'outsourcing']),
  templateSetId: z.string().max(64),
  /** 届出日 printed ('YYYY-MM-DD'), also the day 開設者 and 耐用年数 were judged at. */
  filingDate: z.string().max(10),
  /** The day it was sent and how ('' / absent while it is only being printed as a draft). */
  filedOn: z.string().max(10),
  method: z.enum(FILING_METHODS).optional(),
  project: projectSchema,
  institution: institutionProfileSchema,
  faxDestination: faxDestinationSchema,
  masters: z.object({ people: rosterSchema, departments: departmentsSchema, committees: committeesSchema, products: productsSchema, equipment: equipmentListSchema }),
  cost: costModelSchema,
  forms: z.array(z.object({ formId: z.string().min(1).max(64), version: z.number().int().min(1), answers: z.record(z.string(), z.unknown()) })).max(100),
  consultation: jizenSoudanSchema.optional(),
  /** The project's sites as they were (様式第2号 prints 調整・協力医療機関 from them). */
  sites: z.array(siteSchema).max(500).default([]),
  /**
   * What the filing itself says — a 変更申請's items, a 照会回答's answers (issue 13) — as it was
   * when the copy was made. Absent in copies of filings without a document and in every copy made
   * before issue 13 (they read as they always did).
   */
  doc: filingDocContentSchema.optional(),
  /**
   * The PDFs attached to the package (issue 15 item 5), in filing order, as they were merged into
   * the copy's PDF: each one's SHA-256 names the exact bytes. Absent when none (and in every copy
   * made before issue 15).
   */
  attachments: z.array(z.object({ title: z.string().max(200), kind: z.string().max(100), fileName: z.string().max(300), pages: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(100).optional(),
  /** 'submission': the 提出用 copy was filed (issue 15 item 6); absent: printed as before. */
  copy: z.literal('submission').optional(),
});
export type ResolvedFiling = z.infer<typeof resolvedFilingSchema>;

export const filedCopySchema = z.object({
  filingId: z.string().min(1).max(64),
  projectId: z.string().min(1).max(64),
  /** When the copy was made (ISO time); also the PDF's creation date. */
  frozenAt: z.string().max(40),
  /** The template set (通知 revision) it was printed with. */
  templateSetId: z.string().max(64),
  /**
   * The data it was printed from (a ResolvedFiling when written). Stored as plain JSON and read with
   * `parseResolved`: a later, stricter schema must never make a filed copy — and its bytes —
   * unreadable (the bytes are what was sent; this is the record of why).
   */
  resolved: z.record(z.string(), z.unknown()),
  files: z.array(filedFileSchema).max(100),
  /** 「正本1・副本7」 as printed on the contents page, or '' when unknown. */
  copies: z.string().max(100),
  addressee: z.string().max(200),
});
export type FiledCopy = z.infer<typeof filedCopySchema>;

/** The data a filed copy was printed from, read with today's schema (undefined if it no longer reads). */
export function parseResolved(copy: Pick<FiledCopy, 'resolved'>): ResolvedFiling | undefined {
  const r = resolvedFilingSchema.safeParse(copy.resolved);
  return r.success ? r.data : undefined;
}

/** What `npm run export` writes beside the files (and what a reviewer checks the hashes with). */
export interface Manifest {
  readonly filingId: string;
  readonly kind: string;
  readonly label: string;
  readonly status: string;
  readonly filedOn?: string;
  readonly addressee?: string;
  readonly copies?: string;
  readonly files: ReadonlyArray<{ readonly name: string; readonly pages: number; readonly sha256: string }>;
}

/** The manifest of a filing's files: the frozen copy's for a filed filing, else `files` as printed now. */
export function manifestOf(
  filing: { readonly id: string; readonly kind: string; readonly status: string; readonly label: string; readonly filedOn?: string },
  files: ReadonlyArray<Pick<FiledFile, 'name' | 'pages' | 'sha256'>>,
  copy?: Pick<FiledCopy, 'addressee' | 'copies'>,
): Manifest {
  return {
    filingId: filing.id,
    kind: filing.kind,
    label: filing.label,
    status: filing.status,
    ...(filing.filedOn !== undefined ? { filedOn: filing.filedOn } : {}),
    ...(copy ? { addressee: copy.addressee, copies: copy.copies } : {}),
    files: files.map((f) => ({ name: f.name, pages: f.pages, sha256: f.sha256 })),
  };
}
