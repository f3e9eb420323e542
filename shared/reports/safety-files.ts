/**
 * The files of a safety report (issue 14 item 5), as they are frozen when the filing is marked
 * 提出済み and as 「書類を保存（ZIP）」 writes them: 別紙7 様式第2号 (with its 遅延理由書 when it was
 * late) or 様式第3号, each as PDF and Word. The day of filing (`resolved.filedOn`) decides lateness.
 *
 * To be called from shared/filings/freeze.ts (freezeFiling) for the kinds 'serious-adverse-event'
 * and 'health-risk', like the 変更申請 and 照会回答 are.
 */
import type { YMD } from '../dates/iso-date';
import type { FontSet } from '../document/layout/types';
import type { ResolvedFiling } from '../filings/as-filed';
import type { Filing, FilingMethod } from '../filings/filing';
import { FilingNotPrintable, resolveFiling } from '../filings/resolve';
import type { WorkspaceData } from '../io/tables';
import type { FontBytes } from '../render/font-metrics';
import { documentFiles, type NamedFile } from '../render/package-files';
import { bureauAddressee, healthRiskDocument, seriousAdverseEventDocument, seriousAdverseEventTitle } from './safety-document';

export const NO_SAFETY_DOC = '報告書の内容がまだありません。「報告書を作成・編集」の画面で作成してください。';

/** The kinds printed here. */
export const SAFETY_KINDS: ReadonlySet<ResolvedFiling['kind']> = new Set(['serious-adverse-event', 'health-risk']);

/** Where a safety report is sent: the 地方厚生（支）局 covering the prefecture (spec §3.14, [W-CHUSHI]). */
export const SAFETY_ADDRESSEE = '地方厚生（支）局（都道府県を管轄する事務所）';

/** The addressee of the as-filed copy: 「関東信越厚生局長」 as printed, else SAFETY_ADDRESSEE. */
export function safetyAddressee(resolved: ResolvedFiling): string {
  const doc = resolved.doc;
  const typed = doc?.kind === 'serious-adverse-event' || doc?.kind === 'health-risk' ? doc.bureau : '';
  const printed = bureauAddressee(typed, resolved).replace(/　殿$/, '');
  return printed.trim().startsWith('厚生（支）局') ? SAFETY_ADDRESSEE : printed;
}

/**
 * What a safety report prints from: the project as resolveFiling gathers it, read as the
 * technology's own package (a safety report speaks of the technology as it is now). Until
 * filingPackage (shared/filings/resolve.ts) knows the safety kinds, the package is named here.
 */
export function resolveSafetyFiling(records: WorkspaceData, filing: Filing, today: string, sent?: { readonly filedOn: string; readonly method: FilingMethod }): ResolvedFiling {
  const project = records.projects.find((p) => p.id === filing.projectId);
  const packageId = filing.packageId ?? (project?.category === 'A' ? 'new-a' : 'new-b');
  return resolveFiling(records, { ...filing, packageId }, today, sent);
}

/** 「架空胃切除術_重篤な有害事象等報告書（第１報）」 … PDF and Word. */
export async function safetyFiles(resolved: ResolvedFiling, fonts: { readonly bytes: FontBytes; readonly metrics: FontSet }, day: YMD, createdAt: Date): Promise<NamedFile[]> {
  const doc = resolved.doc;
  const base = resolved.project.technologyName.trim() || resolved.project.name;
  const options = { draft: false, createdAt };
  const sent = resolved.filedOn === '' ? {} : { filedOn: resolved.filedOn };
  if (resolved.kind === 'serious-adverse-event') {
    if (doc?.kind !== 'serious-adverse-event') throw new FilingNotPrintable(NO_SAFETY_DOC);
    const title = seriousAdverseEventTitle(doc).replace(/^先進医療に係る/, '');
    return documentFiles(seriousAdverseEventDocument(doc, resolved, { today: day, ...sent }), fonts.bytes, fonts.metrics, `${base}_${title}`, options);
  }
  if (resolved.kind === 'health-risk') {
    if (doc?.kind !== 'health-risk') throw new FilingNotPrintable(NO_SAFETY_DOC);
    return documentFiles(healthRiskDocument(doc, resolved, { today: day }), fonts.bytes, fonts.metrics, `${base}_健康危険情報`, options);
  }
  throw new FilingNotPrintable(NO_SAFETY_DOC);
}
