/**
 * DATA-13: which automatic backups to delete. Pure: the caller lists a folder, asks this, removes.
 *
 * Kept (the union of):
 * - the newest 10;
 * - the newest of each calendar day (local time) of the last 14 days, today included;
 * - the newest of each ISO week (Monday start, local time) of the last 8 weeks, this one included;
 * - the newest 5 made just before a restore ('pre-restore'), so a restore can always be undone.
 * Never deleted: a name that is not exactly one of ours (a coordinator's own files in a shared
 * folder), and an entry whose time cannot be read.
 *
 * So at most 10 + 14 + 8 + 5 = 37 of our files remain, the newest is always among them, and
 * applying the policy to its own result deletes nothing more.
 */
import { parseBackupFileName } from './backup-files';

export interface RetentionCandidate {
  readonly fileName: string;
  readonly createdAt: Date | string;
  readonly reason: string;
}

export interface RetentionPolicy {
  readonly newest: number;
  readonly dailyDays: number;
  readonly weeklyWeeks: number;
  readonly preRestore: number;
}

export const RETENTION: RetentionPolicy = { newest: 10, dailyDays: 14, weeklyWeeks: 8, preRestore: 5 };

/** The most of our files that can remain after retention. */
export function retentionBound(policy: RetentionPolicy = RETENTION): number {
  return policy.newest + policy.dailyDays + policy.weeklyWeeks + policy.preRestore;
}

const DAY_MS = 86_400_000;

/** Days since the epoch of the local calendar date (DST-proof: computed in UTC arithmetic). */
function localDayNumber(d: Date): number {
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

/** The local day number of the Monday of d's ISO week. */
function mondayNumber(d: Date): number {
  return localDayNumber(d) - ((d.getDay() + 6) % 7);
}

interface Dated {
  readonly fileName: string;
  readonly at: Date;
  readonly reason: string;
}

/** Returns the file names to delete (each once), in no particular order. */
export function backupsToDelete(files: readonly RetentionCandidate[], now: Date, policy: RetentionPolicy = RETENTION): string[] {
  const seen = new Set<string>();
  const ours: Dated[] = [];
  for (const f of files) {
    if (seen.has(f.fileName) || parseBackupFileName(f.fileName) === undefined) continue;
    const at = typeof f.createdAt === 'string' ? new Date(f.createdAt) : f.createdAt;
    if (Number.isNaN(at.getTime())) continue;
    seen.add(f.fileName);
    ours.push({ fileName: f.fileName, at, reason: f.reason });
  }
  // Newest first; the name breaks ties so the answer does not depend on the input order.
  ours.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));

  const keep = new Set<string>();
  for (const f of ours.slice(0, policy.newest)) keep.add(f.fileName);

  const today = localDayNumber(now);
  const thisMonday = mondayNumber(now);
  const days = new Set<number>();
  const weeks = new Set<number>();
  let preRestore = 0;
  for (const f of ours) {
    const dayAgo = today - localDayNumber(f.at);
    if (dayAgo >= 0 && dayAgo < policy.dailyDays && !days.has(dayAgo)) {
      days.add(dayAgo);
      keep.add(f.fileName);
    }
    const weekAgo = (thisMonday - mondayNumber(f.at)) / 7;
    if (weekAgo >= 0 && weekAgo < policy.weeklyWeeks && !weeks.has(weekAgo)) {
      weeks.add(weekAgo);
      keep.add(f.fileName);
    }
    if (f.reason === 'pre-restore' && preRestore < policy.preRestore) {
      preRestore++;
      keep.add(f.fileName);
    }
  }
  return ours.filter((f) => !keep.has(f.fileName)).map((f) => f.fileName);
}
