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
});
export type Person = z.infer<typeof personSchema>;

export const rosterSchema = z.array(personSchema).max(2000);

export function emptyPerson(id: string): Person {
  return { id, name: '', department: '', title: '', qualification: '', fullTime: '常勤', yearsInDept: '', yearsInTech: '', casesOperator: '', casesAssistant: '' };
}

/** 「消化器外科 教授 髙橋 誠一」 as forms print a physician. */
export function personLine(p: Person | undefined): string {
  if (!p) return '';
  return [p.department, p.title, p.name].map((s) => s.trim()).filter((s) => s !== '').join(' ');
}
