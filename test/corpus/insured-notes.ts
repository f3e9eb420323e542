/** Prose corpus (issue 16) — 様式第6号 and 様式第7号: the typical case, 保険外併用療養費分 and the 積算's notes (R-C-*). Fictional; written as coordinators write them. */
import type { CorpusEntry } from './corpus';

export const insuredNotesEntries: readonly CorpusEntry[] = [];
