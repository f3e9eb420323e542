/**
 * 職員名簿: the people who appear on the forms (実施責任医師, 実施者 …), entered once and picked
 * by the forms that print them. Numbers are kept as typed (「25年」「60例」).
 * Changing this shape needs a migration of the 'roster' settings row.
 */
import { z } from 'zod';

const t = (max: number) => z.string().max(max, { message: `${max}文字以内で入力してください` });

export const personSchema = z.object({
  id: z.string().min(1).max(64),
  name: t(100),
  department: t(100),
  title: t(100),
  qualification: t(300),
  fullTime: z.enum(['常勤', '非常勤', '']),
  yearsInDept: t(20),
  yearsInTech: t(20),
  casesOperator: t(20),
  casesAssistant: t(20),
  /**
   * The day 経験年数・経験症例数 were counted ('YYYY-MM-DD' or ''): a later year's report recomputes
   * the years from it (experienceOn). Older rows read as ''.
   */
  experienceAsOf: z.string().max(10).default(''),
});
export type Person = z.infer<typeof personSchema>;

export const rosterSchema = z.array(personSchema).max(2000);

export function emptyPerson(id: string): Person {
  return { id, name: '', department: '', title: '', qualification: '', fullTime: '常勤', yearsInDept: '', yearsInTech: '', casesOperator: '', casesAssistant: '', experienceAsOf: '' };
}

/** 「消化器外科 教授 髙橋 誠一」 as forms print a physician. */
export function personLine(p: Person | undefined): string {
  if (!p) return '';
  return [p.department, p.title, p.name].map((s) => s.trim()).filter((s) => s !== '').join(' ');
}

/** A whole number typed as text (「15年」「１５」), or undefined. */
function countOf(text: string): number | undefined {
  const m = /\d+/.exec(text.normalize('NFKC'));
  return m ? Number(m[0]) : undefined;
}

/**
 * 経験年数 on `date`: the typed years plus the whole years since they were counted (experienceAsOf).
 * Undefined where the typed value is not a number or the day it was counted is not known.
 */
export function experienceOn(p: Pick<Person, 'yearsInDept' | 'yearsInTech' | 'experienceAsOf'>, date: string): { readonly yearsInDept?: number; readonly yearsInTech?: number } {
  const from = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.experienceAsOf);
  const to = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!from || !to) return {};
  const whole = Number(to[1]) - Number(from[1]) - (`${to[2]}-${to[3]}` < `${from[2]}-${from[3]}` ? 1 : 0);
  if (whole < 0) return {};
  const dept = countOf(p.yearsInDept);
  const tech = countOf(p.yearsInTech);
  return { ...(dept !== undefined ? { yearsInDept: dept + whole } : {}), ...(tech !== undefined ? { yearsInTech: tech + whole } : {}) };
}
