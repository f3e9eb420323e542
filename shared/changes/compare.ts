/**
 * When two printed values are the same (issue 13: a 変更申請 lists only what changed). Values are
 * compared as printed, never as typed: full-width and half-width digits and letters print as the
 * same value (NFKC), so do 和暦 and 西暦 spellings of one day (every form rewrites the dates it
 * prints to one style: restyleDates), and white space is layout, not content. The text shown to the
 * user stays exactly as typed; this key is only for the comparison.
 */
import { HOSPITAL_DATES, restyleDates } from '../dates/date-style';

/** The comparison key of a printed value. */
export function printedKey(text: string): string {
  return (
    restyleDates(text.normalize('NFKC'), HOSPITAL_DATES)
      .replace(/\s+/g, ' ')
      .trim()
      // A space beside a Japanese character is spacing (「髙橋 誠一」 = 「髙橋　誠一」 = 「髙橋誠一」); between Latin words it is kept.
      .replace(/ (?=[^\x21-\x7e])|(?<=[^\x21-\x7e]) /g, '')
  );
}

export function samePrinted(a: string, b: string): boolean {
  return printedKey(a) === printedKey(b);
}

/** Nothing printed (only white space). */
export function isEmptyPrinted(text: string): boolean {
  return text.trim() === '';
}
