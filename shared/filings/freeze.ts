/**
 * Printing a filing (issue 11 item 2): see also print.ts. A filing still 作成中 prints from the project's working
 * documents; `resolveFiling` gathers what it prints — facts, 設定, every master list, cost model,
 * each 様式's answers with its template version — into one plain record. `freezeFiling` renders
 * that record to the exact files and returns the as-filed copy, which is stored once when the
 * filing is marked 提出済み. From then on the filing is printed from the copy's bytes only.
 *
 * Pure apart from rendering: the same record and fonts give the same layout in the app, in
 * `npm run export` and in tests.
 */
import { parseIsoDate, type YMD } from '../dates/iso-date';
import type { FontSet } from '../document/layout/types';
import { resolveFacts } from '../forms/facts';
import { buildPackageDocument, type PackageAttachment } from '../forms/package-document';
import { FORMS } from '../forms/registry';
import { formVersion, readAnswers } from '../forms/versioning';
import type { WorkspaceData } from '../io/tables';
import type { FontBytes } from '../render/font-metrics';
import { documentFiles, packageFiles, safeName, type NamedFile } from '../render/package-files';
import { PDFDocument } from '@cantoo/pdf-lib';
import { changeDocument } from '../changes/change-document';
import { diffFilings } from '../changes/field-diff';
import { inquiryResponseDocument } from '../changes/inquiry-document';
import { changeShintaisho } from '../changes/change-items';
import { reportDocument, reportLabel } from '../reports/report-document';
import { SAFETY_KINDS, safetyAddressee, safetyFiles } from '../reports/safety-files';
import { parseResolved, type FiledCopy, type ResolvedFiling } from './as-filed';
import { PRINTABLE_KINDS, type Filing } from './filing';
import { filedBytes, fileIntact, toFiledFile } from './files';
import { TEMPLATE_SETS, type TemplateSet } from './template-sets';

import { FilingNotPrintable, NOT_PRINTABLE } from './resolve';

export { FilingNotPrintable, filingPackage, resolveFiling } from './resolve';

export interface Fonts {
  readonly bytes: FontBytes;
  readonly metrics: FontSet;
}

/**
 * What a filing prints beside its own resolved record, read from the same records (`freezeContext`):
 * - `baseline`: a 変更申請's ＜変更前＞ — the data the as-filed copy of its baseline (the approved
 *   filing `doc.baselineFilingId`) was printed from;
 * - `round`: a 照会回答's round (第N回, `Filing.round`);
 * - `fiscalYear`: a 定期報告's 年度 (`Filing.fiscalYear`);
 * - `attachments`: a 届出 package's attached PDFs in filing order (`Filing.attachments`, issue 15);
 * - `submission`, `pageNumbers`: the filing prints its 提出用 copy (`Filing.copy`), numbered through if asked.
 */
export interface FreezeContext {
  readonly baseline?: ResolvedFiling;
  readonly round?: number;
  readonly fiscalYear?: number;
  readonly attachments?: readonly FrozenAttachment[];
  readonly submission?: boolean;
  readonly pageNumbers?: boolean;
}

/** An attached PDF as a package prints it, with what the as-filed copy records of it. */
export interface FrozenAttachment extends PackageAttachment {
  readonly fileName: string;
  readonly sha256: string;
}

/**
 * The attached PDFs of `filing`, in its order, read from the stored bytes (refused when one is
 * missing or no longer hashes to what was recorded: a package is never printed without it).
 */
export function filingAttachments(records: Partial<Pick<WorkspaceData, 'attachmentFiles'>>, filing: Pick<Filing, 'id' | 'projectId' | 'attachments'>): FrozenAttachment[] {
  return (filing.attachments ?? []).map((a) => {
    const file = records.attachmentFiles?.find((x) => x.id === a.id && x.filingId === filing.id && x.projectId === filing.projectId);
    if (!file) throw new FilingNotPrintable(`添付したPDF「${a.title}」が見つかりません。添付し直してください。`);
    if (!fileIntact({ ...file, name: file.fileName })) throw new FilingNotPrintable(`添付したPDF「${a.title}」が保存したときと一致しません（破損の可能性）。添付し直してください。`);
    return { title: a.title, kind: a.kind, pages: file.pages, bytes: filedBytes(file), fileName: file.fileName, sha256: file.sha256 };
  });
}

/** The context of `filing` from one project's records (with its as-filed copies: `projectRecords(id, { copies: true })`). */
export function freezeContext(records: Pick<WorkspaceData, 'filedCopies' | 'filingDocs'> & Partial<Pick<WorkspaceData, 'attachmentFiles'>>, filing: Filing): FreezeContext {
  const doc = records.filingDocs.find((d) => d.filingId === filing.id && d.projectId === filing.projectId)?.content;
  const copy = doc?.kind === 'change' ? records.filedCopies.find((c) => c.filingId === doc.baselineFilingId && c.projectId === filing.projectId) : undefined;
  const baseline = copy ? parseResolved(copy) : undefined;
  const attachments = filingAttachments(records, filing);
  return {
    ...(baseline ? { baseline } : {}),
    ...(filing.round !== undefined ? { round: filing.round } : {}),
    ...(filing.fiscalYear !== undefined ? { fiscalYear: filing.fiscalYear } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(filing.copy === 'submission' ? { submission: true, ...(filing.pageNumbers === true ? { pageNumbers: true } : {}) } : {}),
  };
}

const NO_CHANGE_DOC = '変更申請の内容（主な変更内容など）がまだありません。「変更申請」の画面で作成してください。';
const NO_BASELINE_COPY = '比べる承認済みの届出の控え（提出済みの書類）が見つからないため、変更申請を作成できません。承認済みの新規届出または変更申請を「提出済み」にしてから作成してください。';
const NO_INQUIRY_DOC = '照会事項に対する回答の内容がまだありません。「照会回答」の画面で作成してください。';
const NO_ROUND = '照会事項に対する回答の回（第何回か）がわからないため、書類を作成できません。';
const NO_REPORT_DOC = '定期・総括報告の内容がまだありません。「定期報告」の画面で作成してください。';
const NO_FISCAL_YEAR = '定期報告の年度がわからないため、書類を作成できません。';
/** [INF] spec §5.2: the 定期報告 goes to the 地方厚生(支)局長 (「当該年8月末までに地方厚生(支)局長に報告」). */
export const REPORT_ADDRESSEE = '地方厚生（支）局長';

/** 「架空胃切除術」: what the file names start with (the technology, else the project). */
function fileBase(resolved: ResolvedFiling): string {
  return resolved.project.technologyName.trim() || resolved.project.name;
}

/**
 * A 変更申請's files: 「…_変更申請」 (先進医療Bの試験実施計画の変更について) and 「…_新旧対照表」, each
 * PDF and Word, compared with the baseline's as-filed data.
 */
async function changeFiles(resolved: ResolvedFiling, baseline: ResolvedFiling | undefined, fonts: Fonts, day: YMD, createdAt: Date): Promise<NamedFile[]> {
  const doc = resolved.doc;
  if (doc?.kind !== 'change') throw new FilingNotPrintable(NO_CHANGE_DOC);
  if (!baseline) throw new FilingNotPrintable(NO_BASELINE_COPY);
  const base = fileBase(resolved);
  const options = { draft: false, createdAt };
  return [
    ...(await documentFiles(changeDocument(doc, resolved, baseline, { today: day }), fonts.bytes, fonts.metrics, `${base}_変更申請`, options)),
    ...(await documentFiles(changeShintaisho(doc, resolved, diffFilings(baseline, resolved), day), fonts.bytes, fonts.metrics, `${base}_新旧対照表`, options)),
  ];
}

/** A 照会回答's file: 「…_照会事項に対する回答N」, PDF and Word. */
async function inquiryFiles(resolved: ResolvedFiling, round: number | undefined, fonts: Fonts, day: YMD, createdAt: Date): Promise<NamedFile[]> {
  const doc = resolved.doc;
  if (doc?.kind !== 'inquiry-response') throw new FilingNotPrintable(NO_INQUIRY_DOC);
  if (round === undefined) throw new FilingNotPrintable(NO_ROUND);
  return documentFiles(inquiryResponseDocument(doc, round, resolved, { today: day }), fonts.bytes, fonts.metrics, `${fileBase(resolved)}_照会事項に対する回答${round}`, { draft: false, createdAt });
}

/**
 * A 定期報告's or 総括報告's file: 「…_定期報告（令和７年度）」 / 「…_総括報告」 (別紙7 様式第1号 and its
 * 別添 実績報告), PDF and Word.
 */
async function reportFiles(resolved: ResolvedFiling, fiscalYear: number | undefined, fonts: Fonts, day: YMD, createdAt: Date): Promise<NamedFile[]> {
  const doc = resolved.doc;
  if (doc?.kind !== resolved.kind || (doc.kind !== 'periodic-report' && doc.kind !== 'final-report')) throw new FilingNotPrintable(NO_REPORT_DOC);
  if (doc.kind === 'periodic-report' && fiscalYear === undefined) throw new FilingNotPrintable(NO_FISCAL_YEAR);
  const filing = { kind: doc.kind, ...(fiscalYear !== undefined ? { fiscalYear } : {}) };
  return documentFiles(reportDocument(doc, resolved, filing, { today: day }), fonts.bytes, fonts.metrics, `${fileBase(resolved)}_${reportLabel(filing)}`, { draft: false, createdAt });
}

/**
 * Renders the resolved record to its files and returns the copy: a 届出's package (PDF, Word whole,
 * Word per 様式); a 変更申請's document and 新旧対照表, compared with `context.baseline`; a 照会回答
 * round (`context.round`); a 定期報告 (its 年度 `context.fiscalYear`) or 総括報告. `context`: freezeContext of the filing.
 */
export async function freezeFiling(resolved: ResolvedFiling, filingId: string, fonts: Fonts, frozenAt: string, sets: readonly TemplateSet[] = TEMPLATE_SETS, context: FreezeContext = {}): Promise<FiledCopy> {
  if (!PRINTABLE_KINDS.has(resolved.kind)) throw new FilingNotPrintable(NOT_PRINTABLE);
  const set = sets.find((s) => s.id === resolved.templateSetId);
  const pkg = set?.packages.find((p) => p.id === resolved.packageId);
  if (!set || !pkg) throw new FilingNotPrintable('様式のセットが見つかりません。');
  const day: YMD | undefined = parseIsoDate(resolved.filingDate);
  if (!day) throw new FilingNotPrintable('届出日が正しくありません。');
  if (resolved.kind === 'change' || resolved.kind === 'inquiry-response') {
    const createdAt = new Date(frozenAt);
    const own = resolved.kind === 'change' ? await changeFiles(resolved, context.baseline, fonts, day, createdAt) : await inquiryFiles(resolved, context.round, fonts, day, createdAt);
    // Sent to the same addressee as the technology's package; the package's copy counts (正本1・副本7) are not this document's: left unknown.
    return { filingId, projectId: resolved.project.id, frozenAt, templateSetId: resolved.templateSetId, resolved, files: own.map((f) => toFiledFile(f.name, f.bytes, f.pages ?? 0)), copies: '', addressee: pkg.addressee };
  }
  if (SAFETY_KINDS.has(resolved.kind)) {
    const own = await safetyFiles(resolved, fonts, day, new Date(frozenAt));
    return { filingId, projectId: resolved.project.id, frozenAt, templateSetId: resolved.templateSetId, resolved, files: own.map((f) => toFiledFile(f.name, f.bytes, f.pages ?? 0)), copies: '', addressee: safetyAddressee(resolved) };
  }
  if (resolved.kind === 'periodic-report' || resolved.kind === 'final-report') {
    const own = await reportFiles(resolved, context.fiscalYear, fonts, day, new Date(frozenAt));
    // A 総括報告 goes where the technology's package went; the copy counts are not known.
    const addressee = resolved.kind === 'periodic-report' ? REPORT_ADDRESSEE : pkg.addressee;
    return { filingId, projectId: resolved.project.id, frozenAt, templateSetId: resolved.templateSetId, resolved, files: own.map((f) => toFiledFile(f.name, f.bytes, f.pages ?? 0)), copies: '', addressee };
  }
  const facts = resolveFacts({ project: resolved.project, profile: resolved.institution, masters: resolved.masters, cost: resolved.cost, today: day, sites: resolved.sites });
  for (const form of FORMS) {
    // Only the current definition of a 様式 can be rendered: a set naming another version cannot print now.
    const want = set.forms[form.id];
    if (want !== undefined && want !== formVersion(form)) throw new FilingNotPrintable(`${form.number}の第${want}版はこのアプリでは作成できません（いまは第${formVersion(form)}版）。`);
  }
  const byId = new Map(resolved.forms.map((f) => [f.formId, f]));
  const doc = buildPackageDocument(pkg, facts, (form) => {
    const stored = byId.get(form.id);
    const read = stored ? readAnswers(form, stored.answers, stored.version) : undefined;
    return read?.ok ? read.answers : form.empty();
  }, fonts.metrics, { draft: false, ...(context.submission ? { submission: true, pageNumbers: context.pageNumbers === true } : {}), ...(context.attachments ? { attachments: context.attachments } : {}) });
  const base = `${resolved.project.technologyName.trim() || resolved.project.name}_${pkg.label}`;
  const files = await packageFiles(doc, fonts.bytes, base, { draft: false, createdAt: new Date(frozenAt) });
  // What was merged, by hash, and which copy: kept with the data the copy was printed from.
  const attached = (context.attachments ?? []).map((a) => ({ title: a.title, kind: a.kind, fileName: a.fileName, pages: a.pages, sha256: a.sha256 }));
  return {
    filingId,
    projectId: resolved.project.id,
    frozenAt,
    templateSetId: resolved.templateSetId,
    resolved: { ...resolved, ...(attached.length > 0 ? { attachments: attached } : {}), ...(context.submission ? { copy: 'submission' as const } : {}) },
    files: files.map((f) => toFiledFile(f.name, f.bytes, f.pages ?? 0)),
    copies: pkg.copies ?? '',
    addressee: pkg.addressee,
  };
}

/** Largest PDF a user may attach as the one actually sent (a scanned 40-page package fits). */
export const MAX_SENT_PDF_BYTES = 64 * 1024 * 1024;

/**
 * Adds the PDF that was actually sent (printed earlier, maybe signed and scanned) to the as-filed
 * copy, beside the package rendered now: 「提出した原本/…」. Refused unless it is a PDF that opens.
 */
export async function withSentPdf(copy: FiledCopy, name: string, bytes: Uint8Array): Promise<FiledCopy> {
  if (bytes.byteLength > MAX_SENT_PDF_BYTES) throw new FilingNotPrintable('添付するPDFが大きすぎます（64 MBまで）。');
  let pages: number;
  try {
    pages = (await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })).getPageCount();
  } catch {
    throw new FilingNotPrintable('添付したファイルをPDFとして読み取れません。提出したPDFファイルを選んでください。');
  }
  const base = safeName(name.replace(/\.pdf$/i, ''));
  return { ...copy, files: [...copy.files, toFiledFile(`提出した原本/${base}.pdf`, bytes, pages)] };
}
