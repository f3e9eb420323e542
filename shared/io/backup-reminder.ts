/**
 * When to remind the user to save a backup (DATA-13, browser): something changed since the last
 * backup, and the last backup (or, if there never was one, the first change) is at least `days`
 * old. Pure, so the rule is tested rather than hoped for.
 */
export const REMIND_AFTER_DAYS = 7;

export function needsBackupReminder(input: { readonly lastBackupAt: string | undefined; readonly lastChangeAt: string | undefined; readonly firstChangeAt: string | undefined; readonly now: Date; readonly days?: number }): boolean {
  const { lastBackupAt, lastChangeAt, firstChangeAt, now } = input;
  if (lastChangeAt === undefined) return false;
  if (lastBackupAt !== undefined && Date.parse(lastChangeAt) <= Date.parse(lastBackupAt)) return false;
  const since = lastBackupAt ?? firstChangeAt ?? lastChangeAt;
  return now.getTime() - Date.parse(since) >= (input.days ?? REMIND_AFTER_DAYS) * 86_400_000;
}
