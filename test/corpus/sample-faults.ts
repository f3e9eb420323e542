/** Prose corpus (issue 16) — What an MHLW reviewer found in the old sample, and the second project's own passages. Fictional; written as coordinators write them. */
import type { CorpusEntry } from './corpus';

export const sampleFaultEntries: readonly CorpusEntry[] = [];
