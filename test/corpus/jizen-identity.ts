/** Prose corpus (issue 16) — 事前相談, the 適応症 restated in prose, dates before the 届出日, committee dates (R-ID-2, R-F-*, R-CH-3). Fictional; written as coordinators write them. */
import type { CorpusEntry } from './corpus';

export const jizenIdentityEntries: readonly CorpusEntry[] = [];
