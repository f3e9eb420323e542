import { describe, expect, it } from 'vitest';
import { needsBackupReminder } from '../../../shared/io/backup-reminder';

const now = new Date('2026-11-21T09:00:00.000Z');
const daysAgo = (n: number): string => new Date(now.getTime() - n * 86_400_000).toISOString();

describe('DATA-13 backup reminder (browser)', () => {
  it('reminds when work changed since a backup that is a week old', () => {
    expect(needsBackupReminder({ lastBackupAt: daysAgo(8), lastChangeAt: daysAgo(1), firstChangeAt: daysAgo(30), now })).toBe(true);
  });
  it('stays quiet when nothing changed since the last backup, however old', () => {
    expect(needsBackupReminder({ lastBackupAt: daysAgo(60), lastChangeAt: daysAgo(61), firstChangeAt: daysAgo(90), now })).toBe(false);
  });
  it('stays quiet within the week after a backup', () => {
    expect(needsBackupReminder({ lastBackupAt: daysAgo(3), lastChangeAt: daysAgo(0), firstChangeAt: daysAgo(90), now })).toBe(false);
  });
  it('with no backup ever: reminds once the first work is a week old, not on the first day', () => {
    expect(needsBackupReminder({ lastBackupAt: undefined, lastChangeAt: daysAgo(0), firstChangeAt: daysAgo(0), now })).toBe(false);
    expect(needsBackupReminder({ lastBackupAt: undefined, lastChangeAt: daysAgo(0), firstChangeAt: daysAgo(7), now })).toBe(true);
  });
  it('says nothing for an empty workspace', () => {
    expect(needsBackupReminder({ lastBackupAt: undefined, lastChangeAt: undefined, firstChangeAt: undefined, now })).toBe(false);
  });
});
