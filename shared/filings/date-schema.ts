import { z } from 'zod';
import { parseIsoDate } from '../dates/iso-date';

/** 'YYYY-MM-DD' of a real calendar day, or '' (not entered yet). */
export const isoDateOrEmptySchema = z
  .string()
  .max(10)
  .refine((s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && parseIsoDate(s) !== undefined), { message: '日付は暦にある日付を選んでください' });
