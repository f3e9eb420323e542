/**
 * Backup and project files as the user sees them: a ZIP holding the one export envelope as JSON
 * (DATA-14), named with the time, and read back through the hostile-import reader (DATA-15).
 */
import { strToU8, zipSync } from 'fflate';
import { envelopeJson, type ExportEnvelope } from '../../shared/io/envelope';
import { checkImportSize, unrestorableReason, type ImportRead } from '../../shared/io/read-import';
import { readImportOffThread, type ImportStep } from '../db/import-file';

export const ENTRY_NAME = 'senshin-desk.json';

const stamp = (d: Date): string => {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
};

export function backupFileName(at: Date): string {
  return `senshin-desk-backup-${stamp(at)}.zip`;
}

export function projectFileBase(projectName: string, at: Date): string {
  return `${projectName.trim() === '' ? '案件' : projectName}-書き出し-${stamp(at)}`;
}

export function packEnvelope(envelope: ExportEnvelope): Uint8Array {
  const json = strToU8(envelopeJson(envelope));
  const zip = zipSync({ [ENTRY_NAME]: json }, { level: 6 });
  // Never write a file the import would refuse (thrown with a Japanese message the caller shows).
  const why = unrestorableReason(json, zip.byteLength);
  if (why) throw new Error(why);
  return zip;
}

/** A file the user chose: its size is checked before a byte is read. Never throws. `onStep`: reading, then checking. */
export async function readChosenFile(file: File, onStep?: (step: ImportStep) => void): Promise<ImportRead> {
  const sized = checkImportSize(file.size);
  if (sized) return sized;
  // Read, inflate, count and validate in a Worker with a time limit: the page stays responsive.
  return readImportOffThread(file, onStep ? { onStep } : {});
}

/** Where the browser remembers its last backup (a download has no other trace). */
const LAST_BACKUP_KEY = 'senshin-desk:last-backup';

export interface LastBackup {
  readonly at: string;
  readonly fileName: string;
}

export function readLastBackup(): LastBackup | undefined {
  try {
    const raw = localStorage.getItem(LAST_BACKUP_KEY);
    if (!raw) return undefined;
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return undefined;
    const at: unknown = Reflect.get(v, 'at');
    const fileName: unknown = Reflect.get(v, 'fileName');
    return typeof at === 'string' && typeof fileName === 'string' ? { at, fileName } : undefined;
  } catch {
    return undefined;
  }
}

export function writeLastBackup(b: LastBackup): void {
  try {
    localStorage.setItem(LAST_BACKUP_KEY, JSON.stringify(b));
  } catch {
    // The backup file was still saved; only the reminder will come back sooner.
  }
}
