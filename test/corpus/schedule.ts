/** Prose corpus (issue 16) — 様式第3号 sections other than (11): periods, counts, dates in prose (R-P-*). Fictional; written as coordinators write them. */
import type { CorpusEntry } from './corpus';

export const scheduleEntries: readonly CorpusEntry[] = [];
