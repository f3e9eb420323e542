import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, isBackupFileName } from '../../../electron/policies/backup-files';
import { backupsToDelete, retentionBound, type RetentionCandidate } from '../../../electron/policies/backup-retention';
import type { BackupReason } from '../../../shared/ipc/contract';

const backup = (at: Date, reason: BackupReason = 'interval'): RetentionCandidate => ({ fileName: backupFileName(at, reason), createdAt: at, reason });
const kept = (files: readonly RetentionCandidate[], now: Date): string[] => {
  const gone = new Set(backupsToDelete(files, now));
  return files.map((f) => f.fileName).filter((n) => !gone.has(n));
};
const day = (y: number, m: number, d: number, h = 12): Date => new Date(y, m - 1, d, h, 0, 0);

describe('DATA-13 backup retention (examples)', () => {
  it('keeps everything while there are few backups', () => {
    const now = day(2025, 6, 1, 18);
    const files = [backup(day(2025, 6, 1, 9)), backup(day(2025, 5, 20)), backup(day(2024, 1, 1))];
    expect(backupsToDelete(files, now)).toEqual([]);
  });

  it('keeps the newest 10 of a busy day and removes the older ones of that day', () => {
    const now = day(2025, 6, 2, 20);
    const files = Array.from({ length: 12 }, (_, i) => backup(new Date(2025, 5, 2, 8 + i, 0, 0)));
    expect(backupsToDelete(files, now).sort()).toEqual([files[0]?.fileName, files[1]?.fileName].sort());
  });

  it('keeps one per day for 14 days and one per ISO week for 8 weeks', () => {
    // Monday 31 March 2025, 13:00; one backup at noon each day since 1 February.
    const now = day(2025, 3, 31, 13);
    const files: RetentionCandidate[] = [];
    for (let d = new Date(2025, 1, 1, 12); d <= now; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 12)) files.push(backup(d));
    const expected = [
      // the last 14 days: 18–31 March
      ...Array.from({ length: 14 }, (_, i) => backupFileName(day(2025, 3, 18 + i), 'interval')),
      // the newest of each older ISO week up to 8 weeks back (weeks start on Monday)
      ...[day(2025, 3, 16), day(2025, 3, 9), day(2025, 3, 2), day(2025, 2, 23), day(2025, 2, 16)].map((d) => backupFileName(d, 'interval')),
    ];
    expect(kept(files, now).sort()).toEqual(expected.sort());
  });

  it('keeps the newest 5 pre-restore snapshots however old, so a restore can be undone', () => {
    const now = day(2025, 6, 1);
    const old = [1, 2, 3, 4, 5, 6, 7].map((m) => backup(day(2024, m, 10), 'pre-restore'));
    const recent = Array.from({ length: 20 }, (_, i) => backup(new Date(2025, 5, 1, 0, i, 0)));
    const left = kept([...old, ...recent], now);
    expect(left.filter((n) => n.endsWith('-pre-restore.json')).sort()).toEqual(old.slice(2).map((f) => f.fileName).sort());
  });

  it('never deletes files that are not exactly ours, or whose time cannot be read', () => {
    const now = day(2025, 6, 1);
    const recent = Array.from({ length: 20 }, (_, i) => backup(new Date(2025, 5, 1, 0, i, 0)));
    const foreign: RetentionCandidate[] = [
      { fileName: 'メモ.txt', createdAt: day(2020, 1, 1), reason: 'interval' },
      { fileName: 'senshin-desk-backup-latest.json', createdAt: day(2020, 1, 1), reason: 'interval' },
      { fileName: 'senshin-desk-backup-20200101-120000-interval.json.bak', createdAt: day(2020, 1, 1), reason: 'interval' },
      { fileName: 'senshin-desk-backup-20200101-120000-interval.json', createdAt: 'not a date', reason: 'interval' },
    ];
    const gone = backupsToDelete([...foreign, ...recent], now);
    for (const f of foreign) expect(gone).not.toContain(f.fileName);
  });

  it('accepts ISO strings as times', () => {
    const now = day(2025, 6, 1);
    const files = Array.from({ length: 12 }, (_, i) => {
      const at = new Date(2025, 5, 1, 0, i, 0);
      return { fileName: backupFileName(at, 'interval'), createdAt: at.toISOString(), reason: 'interval' };
    });
    expect(backupsToDelete(files, now).sort()).toEqual([files[0]?.fileName, files[1]?.fileName].sort());
  });
});

const start = new Date(2024, 0, 1).getTime();
const end = new Date(2026, 0, 1).getTime();
/** Whole seconds, so two generated times never share a name unless they share a second. */
const instant = fc.integer({ min: start / 1000, max: end / 1000 }).map((s) => new Date(s * 1000));
const candidate: fc.Arbitrary<RetentionCandidate> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(instant, fc.constantFrom<BackupReason>('interval', 'quit', 'manual', 'pre-restore')).map(([at, r]) => backup(at, r)) },
  { weight: 1, arbitrary: fc.tuple(fc.string(), instant).map(([fileName, at]) => ({ fileName, createdAt: at, reason: 'interval' })) },
);
const files = fc.uniqueArray(candidate, { selector: (f) => f.fileName, maxLength: 120 });

describe('DATA-13 backup retention (properties)', () => {
  it('always keeps the newest backup', () => {
    fc.assert(
      fc.property(files, instant, (fs, now) => {
        const ours = fs.filter((f) => isBackupFileName(f.fileName));
        const gone = new Set(backupsToDelete(fs, now));
        const newest = [...ours].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())[0];
        if (newest) expect(gone.has(newest.fileName)).toBe(false);
      }),
    );
  });

  it('deletes nothing more when applied to its own result', () => {
    fc.assert(
      fc.property(files, instant, (fs, now) => {
        const gone = new Set(backupsToDelete(fs, now));
        expect(backupsToDelete(fs.filter((f) => !gone.has(f.fileName)), now)).toEqual([]);
      }),
    );
  });

  it('never deletes a file that is not one of ours', () => {
    fc.assert(
      fc.property(files, instant, (fs, now) => {
        const ours = new Set(fs.filter((f) => isBackupFileName(f.fileName)).map((f) => f.fileName));
        for (const name of backupsToDelete(fs, now)) expect(ours.has(name)).toBe(true);
      }),
    );
  });

  it(`leaves at most ${retentionBound()} of our backups, deleting only names it was given`, () => {
    fc.assert(
      fc.property(files, instant, (fs, now) => {
        const gone = backupsToDelete(fs, now);
        const names = new Set(fs.map((f) => f.fileName));
        for (const n of gone) expect(names.has(n)).toBe(true);
        expect(new Set(gone).size).toBe(gone.length);
        const oursLeft = fs.filter((f) => isBackupFileName(f.fileName) && !gone.includes(f.fileName));
        expect(oursLeft.length).toBeLessThanOrEqual(retentionBound());
      }),
    );
  });

  it('keeps the newest 5 pre-restore snapshots whatever else there is', () => {
    fc.assert(
      fc.property(files, instant, (fs, now) => {
        const gone = new Set(backupsToDelete(fs, now));
        const pre = fs.filter((f) => f.fileName.endsWith('-pre-restore.json')).sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
        for (const f of pre.slice(0, 5)) expect(gone.has(f.fileName)).toBe(false);
      }),
    );
  });
});
