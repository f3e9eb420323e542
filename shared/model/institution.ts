/**
 * Who heads the institution, with the day each term starts (spec §7 Institution; issue 3): a new
 * 病院長 from 4/1 prints on packages filed from 4/1, while a package filed on 3/15 keeps printing
 * the person in office then — the 届出日 decides, not the day the file is made.
 */
import { z } from 'zod';
import { parseIsoDate } from '../dates/iso-date';

export const officerTermSchema = z.object({
  id: z.string().min(1).max(64),
  role: z.enum(['開設者', '管理者']),
  name: z.string().max(200, { message: '200文字以内で入力してください' }),
  /** 'YYYY-MM-DD' the term starts; '' = since before any dated term. */
  validFrom: z.string().max(10),
});
export type OfficerTerm = z.infer<typeof officerTermSchema>;

export const officerTermsSchema = z.array(officerTermSchema).max(200);

/**
 * The person holding `role` on `date` ('YYYY-MM-DD'): the term with the latest start on or before
 * that day (an undated term counts as the earliest). Undefined when no term applies.
 */
export function officerOn(terms: readonly OfficerTerm[], role: OfficerTerm['role'], date: string): OfficerTerm | undefined {
  let best: OfficerTerm | undefined;
  for (const term of terms) {
    if (term.role !== role || term.name.trim() === '') continue;
    if (term.validFrom !== '' && (parseIsoDate(term.validFrom) === undefined || term.validFrom > date)) continue;
    if (!best || term.validFrom >= best.validFrom) best = term;
  }
  return best;
}
