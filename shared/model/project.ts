/**
 * A project = one 先進医療 technology being prepared (its consultation, forms and reports).
 * Changing this shape needs a Dexie version bump and a migration (renderer/db/database.ts).
 */
import { z } from 'zod';
import { toIsoDate, parseIsoDate, type YMD } from '../dates/iso-date';
import { officerOn, type OfficerTerm } from './institution';

/** 制度 of a technology (spec §6). */
export const PROJECT_SCHEMES = ['先進医療', '患者申出療養'] as const;
export type ProjectScheme = (typeof PROJECT_SCHEMES)[number];

export const projectSchema = z.object({
  id: z.string().min(1).max(64),
  /** 案件名 shown in the project list. */
  name: z.string().max(200),
  /** 医療技術名 (先進医療の名称): one fact, printed on every form of the project. */
  technologyName: z.string().max(500),
  /** 適応症: one fact, printed on every form (R-ID-2). Added in schema version 2; older rows read as ''. */
  indication: z.string().max(1000).default(''),
  /** 区分 the project is prepared as. Older rows read as 'B'. */
  category: z.enum(['A', 'B']).default('B'),
  /**
   * 制度: a 先進医療, or a 患者申出療養 (spec §6), whose 変更申請 has its own title, 告示 heading and
   * cover sheet (§3.18). Older rows and export files read as 先進医療.
   */
  scheme: z.enum(PROJECT_SCHEMES).default('先進医療'),
  /**
   * The institution that files this project, when it is not the one in 設定 (e.g. preparing a
   * 協力医療機関's filing). Empty fields fall back to 設定 › 医療機関情報.
   */
  /**
   * 届出日 (planned filing date, 'YYYY-MM-DD' or ''): printed as 提出年月日 on 様式第1-1号・第1-2号 and
   * the day a device's 耐用年数 is judged against (R-C-2). Empty: today.
   */
  filingDate: z.string().max(10).default(''),
  /** 実施責任医師: a person of the 職員名簿 (id), printed by every form that names them (R-ID-5). */
  responsiblePhysicianId: z.string().max(64).default(''),
  /**
   * 告示番号 history (R-ID-4): the number changes as other technologies leave the list, and may carry
   * a sub-number (「10(1)」). Each entry holds from its date. Older rows read as [].
   */
  notices: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        number: z.string().max(20, { message: '20文字以内で入力してください' }),
        validFrom: z.string().max(10),
        note: z.string().max(200, { message: '200文字以内で入力してください' }),
      }),
    )
    .max(100)
    .default([]),
  filer: z.object({ name: z.string().max(200), address: z.string().max(300), founderName: z.string().max(200) }).default({ name: '', address: '', founderName: '' }),
  /**
   * Warnings and notes the user marked 確認済み with a reason (issue 5), by finding key. Kept on the
   * project row so they travel with project files; one whose finding no longer fires is not shown.
   * Older rows read as [].
   */
  acknowledgements: z
    .array(z.object({ key: z.string().max(500), ruleId: z.string().max(40), reason: z.string().min(1).max(1000), at: z.string().max(40) }))
    .max(2000)
    .default([]),
  /**
   * Where the project was started from (issue 19: 「この案件をもとに新しい案件を作る」): the earlier
   * project, and the as-filed copy of one of its filings when it was started from that. Absent in
   * projects started empty (and in every row written before issue 19).
   */
  origin: z
    .object({
      projectId: z.string().min(1).max(64),
      /** 案件名 (or 医療技術名) of that project when this one was made. */
      projectName: z.string().max(500),
      filingId: z.string().max(64).optional(),
      /** 「新規届出（先進医療B）提出済みの控え（2025-04-01）」 when started from an as-filed copy. */
      filingLabel: z.string().max(300).optional(),
      at: z.string().max(40),
    })
    .optional(),
  /**
   * Values carried from `origin` and not yet confirmed (要確認) — `form:<formId>:<fieldKey>`,
   * `cost`, `sites` — until the user confirms or edits each. Older rows read as [].
   */
  unconfirmed: z.array(z.string().max(200)).max(5000).default([]),
  /** 定型文 (ids) inserted into the project's forms (issue 19): its project file carries them. Older rows read as []. */
  phrasesUsed: z.array(z.string().min(1).max(64)).max(2000).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

export interface FilingInstitution {
  readonly name: string;
  readonly address: string;
  /** The person printed as the filer (開設者, or 管理者 where authority is delegated). */
  readonly founderName: string;
  /** 「開設者」 or 「管理者」: the heading printed before the name. */
  readonly filerRole: '開設者' | '管理者';
}

/**
 * The institution printed on the forms: the project's own filer where given, else 設定 — with the
 * 開設者 (or 管理者) in office on `date` (the 届出日), so a change of 病院長 on 4/1 reaches packages
 * filed from 4/1 and not those filed before.
 */
export function filingInstitution(
  project: Project,
  profile: { institutionName: string; address: string; founderName: string; officers?: readonly OfficerTerm[]; filerIsManager?: boolean },
  date: YMD,
): FilingInstitution {
  const role = profile.filerIsManager === true && project.filer.founderName.trim() === '' ? '管理者' : '開設者';
  const dated = officerOn(profile.officers ?? [], role, toIsoDate(date))?.name;
  return {
    name: project.filer.name.trim() || profile.institutionName,
    address: project.filer.address.trim() || profile.address,
    founderName: project.filer.founderName.trim() || dated || (role === '開設者' ? profile.founderName : ''),
    filerRole: role,
  };
}

/** The 告示番号 in force on `date`, if any (R-ID-4). */
export function noticeOn(project: Project, date: YMD): Project['notices'][number] | undefined {
  const day = toIsoDate(date);
  let best: Project['notices'][number] | undefined;
  for (const n of project.notices) {
    if (n.number.trim() === '' || (n.validFrom !== '' && n.validFrom > day)) continue;
    if (!best || n.validFrom >= best.validFrom) best = n;
  }
  return best;
}

/** The day costs are judged at (R-C-2: 耐用年数 at the 届出日): the planned filing date, else today. */
export function costDate(project: Project, today: YMD): YMD {
  return parseIsoDate(project.filingDate) ?? today;
}
