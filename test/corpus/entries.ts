/** Every passage of the prose corpus (issue 16). Each file holds one area's passages; `family` says which form's prose it is. */
import type { CorpusEntry } from './corpus';
import { costEntries } from './cost';
import { insuredNotesEntries } from './insured-notes';
import { jizenIdentityEntries } from './jizen-identity';
import { sampleFaultEntries } from './sample-faults';
import { scheduleEntries } from './schedule';

export const CORPUS: readonly CorpusEntry[] = [...scheduleEntries, ...costEntries, ...insuredNotesEntries, ...jizenIdentityEntries, ...sampleFaultEntries];
