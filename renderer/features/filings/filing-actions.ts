/**
 * What the filings card does (issue 11), apart from the screen: mark a filing 提出済み (render its
 * as-filed copy from what it prints now, then store both in one transaction), record the later
 * statuses, and save a filing's files. Rendering and hashing happen before any transaction.
 */
import { toIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { manifestOf } from '../../../shared/filings/as-filed';
import { filedOn, filingLabel, type Filing, type FilingMethod, type FilingStatus } from '../../../shared/filings/filing';
import type { Repositories } from '../../db/repositories';
import { safeFileName, type Platform, type SaveResult } from '../../platform/platform';

export const today = (): string => toIsoDate(todayIn('Asia/Tokyo'));

export interface MoveInput {
  readonly status: FilingStatus;
  readonly date: string;
  readonly method?: FilingMethod;
  readonly note: string;
  /** The PDF actually sent (optional): kept in the as-filed copy beside the package rendered now. */
  readonly sentPdf?: { readonly name: string; readonly bytes: Uint8Array };
}

/** Records a status; for 提出済み the package is rendered and frozen first. */
export async function moveFiling(repos: Repositories, filing: Filing, input: MoveInput): Promise<Filing> {
  const event = { status: input.status, date: input.date, note: input.note, ...(input.method ? { method: input.method } : {}) };
  if (input.status !== 'filed') return repos.filings.move(filing.id, event);
  if (!input.method) throw new Error('提出方法（郵送・FAX・持参・電子メール）を選んでください。');
  // The renderers are loaded on demand (not part of the start-up bundle).
  const [fonts, { freezeContext, freezeFiling, resolveFiling, withSentPdf }] = await Promise.all([import('../../fonts/fonts').then((m) => m.loadFonts()), import('../../../shared/filings/freeze')]);
  // A 変更申請 is compared with its baseline's as-filed copy, and a package merges its attached PDFs;
  // other filings need no stored files read.
  const records = await repos.projectRecords(filing.projectId, { copies: filing.kind === 'change' || (filing.attachments?.length ?? 0) > 0 });
  const rendered = await freezeFiling(resolveFiling(records, filing, today(), { filedOn: input.date, method: input.method }), filing.id, fonts, new Date().toISOString(), undefined, freezeContext(records, filing));
  const copy = input.sentPdf ? await withSentPdf(rendered, input.sentPdf.name, input.sentPdf.bytes) : rendered;
  return repos.filings.move(filing.id, event, copy);
}

/** The filing's files (the as-filed copy once it was sent) as a ZIP with its manifest. */
export async function saveFilingFiles(repos: Repositories, platform: Platform, filing: Filing, projectName: string): Promise<SaveResult> {
  const [fonts, { filingZip, printFiling }] = await Promise.all([import('../../fonts/fonts').then((m) => m.loadFonts()), import('../../../shared/filings/print')]);
  const records = await repos.projectRecords(filing.projectId, { copies: true });
  const printed = await printFiling(records, filing, fonts, today(), new Date().toISOString());
  const sent = filedOn(filing);
  const label = filingLabel(filing);
  const manifest = manifestOf({ id: filing.id, kind: filing.kind, status: filing.status, label, ...(sent !== undefined ? { filedOn: sent } : {}) }, printed.files, printed.frozen ? printed.copy : undefined);
  const name = `${projectName}_${label}${printed.frozen ? `_提出済み${sent ?? ''}` : '_作成中'}`;
  return platform.saveFile(safeFileName(name, 'zip'), 'zip', filingZip(printed.files, manifest));
}
