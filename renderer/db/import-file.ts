/**
 * A chosen file → the database, all or nothing (DATA-15). The file is read and validated in full
 * before anything is written; a refusal leaves the database exactly as it was, with a Japanese
 * message that says what is wrong with the file.
 */
import { readImport, type ImportRead } from '../../shared/io/read-import';
import type { ExportEnvelope } from '../../shared/io/envelope';
import type { Repositories } from './repositories';
import type { ProjectImportMode } from './workspace';

export type ImportOutcome =
  | { readonly status: 'refused'; readonly message: string }
  | { readonly status: 'restored' }
  | { readonly status: 'imported'; readonly projectId: string };

export const decodeUtf8 = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);

export function readImportFile(bytes: Uint8Array): ImportRead {
  return readImport(bytes, decodeUtf8);
}

/** Writes a validated envelope: a workspace file restores everything, a project file adds one project. */
export async function applyImport(repos: Repositories, envelope: ExportEnvelope, label: string, mode: ProjectImportMode = 'add'): Promise<ImportOutcome> {
  try {
    if (envelope.kind === 'workspace') {
      await repos.restoreWorkspace(envelope, label);
      return { status: 'restored' };
    }
    return { status: 'imported', projectId: await repos.importProject(envelope, mode, label) };
  } catch (e) {
    return { status: 'refused', message: e instanceof Error && /[ぁ-んァ-ヶ一-龠]/.test(e.message) ? e.message : '取り込めませんでした。もう一度お試しください。' };
  }
}

/** Reads, validates and writes in one call (what the tests and the recovery screen use). */
export async function importBytes(repos: Repositories, bytes: Uint8Array, label: string, mode: ProjectImportMode = 'add'): Promise<ImportOutcome> {
  const read = readImportFile(bytes);
  if (!read.ok) return { status: 'refused', message: read.message };
  return applyImport(repos, read.envelope, label, mode);
}
