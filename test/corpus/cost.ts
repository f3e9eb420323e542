/** Prose corpus (issue 16) — 様式第5号 and 様式第3号(11): the cost in prose (R-C-1, R-C-5). Fictional; written as coordinators write them. */
import type { CorpusEntry } from './corpus';

export const costEntries: readonly CorpusEntry[] = [];
