/**
 * The files of a filing as they print now: a filed (提出済み and later) filing prints its as-filed
 * copy's bytes — never re-rendered, so it is byte-identical forever whatever changed since; a
 * filing still 作成中 is rendered from the project's working documents.
 */
import type { WorkspaceData } from '../io/tables';
import { strToU8, zipSync } from 'fflate';
import type { FiledCopy, FiledFile, Manifest } from './as-filed';
import type { Filing, FilingCopy } from './filing';
import { isFrozen } from './filing';
import { fileIntact, filedBytes } from './files';
import { freezeContext, freezeFiling, resolveFiling, type Fonts } from './freeze';
import { TEMPLATE_SETS, type TemplateSet } from './template-sets';

export type FilingPrint =
  | { readonly frozen: true; readonly copy: FiledCopy; readonly files: readonly FiledFile[] }
  | { readonly frozen: false; readonly files: readonly FiledFile[] };

export class FiledCopyMissing extends Error {}

/**
 * `records`: the project's rows with their as-filed copies, attached PDFs and the settings (one read;
 * `projectRecords(id, { copies: true })`: a 変更申請 draft compares with its baseline's copy).
 * `today` fills an empty 届出日 of a draft. `copy`: which copy a draft prints (下書き / 提出用, issue 15
 * item 6: `npm run export --copy`), instead of the one remembered on the filing; a filed filing
 * prints its copy's bytes whatever it says.
 */
export async function printFiling(records: WorkspaceData, filing: Filing, fonts: Fonts, today: string, at: string, sets: readonly TemplateSet[] = TEMPLATE_SETS, options: { readonly copy?: FilingCopy } = {}): Promise<FilingPrint> {
  if (isFrozen(filing)) {
    const copy = records.filedCopies.find((c) => c.filingId === filing.id);
    if (!copy) throw new FiledCopyMissing('提出済みの控えが見つかりません。');
    if (!copy.files.every(fileIntact)) throw new FiledCopyMissing('提出済みの控えが記録と一致しません（破損の可能性）。バックアップから復元してください。');
    return { frozen: true, copy, files: copy.files };
  }
  const chosen = options.copy === undefined ? filing : { ...filing, copy: options.copy };
  const draft = await freezeFiling(resolveFiling(records, chosen, today, undefined, sets), filing.id, fonts, at, sets, freezeContext(records, chosen));
  return { frozen: false, files: draft.files };
}

/** The files of a filing and its manifest as one ZIP (what 「提出した書類を保存」 writes). */
export function filingZip(files: readonly FiledFile[], manifest: Manifest): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.name] = filedBytes(f);
  entries['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  return zipSync(entries, { level: 6 });
}
