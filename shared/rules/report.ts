/**
 * チェック結果報告書 (issue 5 item 6): the findings of one check as a printable A4 section — what
 * was checked (案件・技術・区分・届出の種類), when, how many of each severity, then one table per
 * place in package order: 区分・規則・内容・根拠, with the reason for each finding the user has
 * confirmed (「確認済み：…」). Black text on white, nothing under 9 pt; long text flows over pages.
 * The renderer saves it with checkReportPdf (same layout engine and PDF backend as the forms).
 */
import { parseIsoDate, type YMD } from '../dates/iso-date';
import { formatSeireki } from '../dates/wareki';
import { layoutDocument } from '../document/layout/paginate';
import type { FontSet } from '../document/layout/types';
import { cell, para, type Block, type DocumentModel, type Paragraph, type Section, type Table, type TableRow } from '../document/model';
import { FORM_MARGINS } from '../forms/definition';
import { packageById } from '../forms/packages';
import { FORMS } from '../forms/registry';
import type { FontBytes } from '../render/font-metrics';
import { renderPdf } from '../render/pdf/render-pdf';
import { acknowledgementOf } from './acknowledge';
import { countBySeverity } from './engine';
import { docLabel, formById, type Submission } from './submission';
import { SEVERITY_LABEL, type Finding } from './types';

/** A finding the user has looked at and decided to file as it is (keyed by Finding.key). */
export interface Acknowledgement {
  readonly key: string;
  /** The rule it was given for: an acknowledgement never carries over to another rule's finding. */
  readonly ruleId: string;
  readonly reason: string;
  /** When it was confirmed: ISO date or timestamp. */
  readonly at: string;
}

export const CHECK_REPORT_TITLE = 'チェック結果報告書';

const BODY = 10.5;
const SMALL = 9.5;

/** Non-form places, in the order the report lists them after the forms. */
const PLACE_ORDER = ['project', 'cost', 'jizen-soudan', 'settings', 'roster', 'masters/departments', 'masters/committees', 'masters/products'];
const GENERAL = '';

/** Where a finding is listed: the place of its first location ('' = the package as a whole). */
function groupOf(f: Finding): string {
  return f.locations[0]?.doc ?? GENERAL;
}

/** Groups in report order: package forms, other forms, non-form places, anything else, the whole. */
export function groupOrder(s: Submission, findings: readonly Finding[]): string[] {
  const present = new Set(findings.map(groupOf));
  const ordered = [...s.formIds, ...FORMS.map((f) => f.id).filter((id) => !s.formIds.includes(id)), ...PLACE_ORDER];
  const rest = [...present].filter((g) => g !== GENERAL && !ordered.includes(g)).sort();
  return [...ordered, ...rest, GENERAL].filter((g, i, all) => present.has(g) && all.indexOf(g) === i);
}

function groupTitle(doc: string): string {
  if (doc === GENERAL) return '書類一式';
  const form = formById(doc);
  return form ? `${form.besshi} ${form.number} ${form.title}` : docLabel(doc);
}

function dateOf(iso: string): string {
  const ymd = parseIsoDate(iso.slice(0, 10));
  return ymd ? formatSeireki(ymd) : '';
}

const p = (text: string, size = SMALL, options: Omit<Paragraph, 'type' | 'runs' | 'size'> = {}): Paragraph => para(text, size, { leading: 1.5, ...options });

function findingRow(f: Finding, ack: Acknowledgement | undefined): TableRow {
  const content: Paragraph[] = [p(f.message)];
  const unnamed = f.locations.filter((l) => !f.message.includes(l.label));
  if (unnamed.length > 0) content.push(p(`箇所：${f.locations.map((l) => l.label).join('、')}`));
  if (ack) {
    const when = dateOf(ack.at);
    content.push(p(`確認済み：${ack.reason.trim() || '（理由の記載なし）'}${when ? `（${when}）` : ''}`, SMALL, { spaceBefore: 2 }));
  }
  return {
    minHeight: 20,
    cells: [
      cell(p(SEVERITY_LABEL[f.severity]), { padding: 3, vAlign: 'top' }),
      cell(p(f.ruleId), { padding: 3, vAlign: 'top' }),
      cell(content, { padding: 3, vAlign: 'top' }),
      cell(p(f.basis), { padding: 3, vAlign: 'top' }),
    ],
  };
}

function findingsTable(findings: readonly Finding[], acks: readonly Acknowledgement[]): Table {
  const header: TableRow = { minHeight: 20, cells: ['区分', '規則', '内容', '根拠'].map((h) => cell(p(h), { padding: 3 })) };
  return { type: 'table', columns: [9, 13, 50, 28], headerRows: 1, rows: [header, ...findings.map((f) => findingRow(f, acknowledgementOf(f, acks)))] };
}

function summaryTable(rows: ReadonlyArray<readonly [string, string]>): Table {
  return { type: 'table', columns: [24, 76], rows: rows.map(([k, v]) => ({ minHeight: 20, cells: [cell(p(k, BODY), { padding: 4 }), cell(p(v, BODY), { padding: 4 })] })) };
}

export function checkReportSection(s: Submission, findings: readonly Finding[], acknowledgements: readonly Acknowledgement[], today: YMD): Section {
  const acks = acknowledgements;
  const counts = countBySeverity(findings);
  const confirmed = findings.filter((f) => acknowledgementOf(f, acks) !== undefined).length;
  const pkg = packageById(s.packageId);
  const blocks: Block[] = [
    p(`作成日：${formatSeireki(today)}`, BODY, { align: 'right' }),
    p(CHECK_REPORT_TITLE, 14, { align: 'center', spaceBefore: 4, spaceAfter: 8 }),
    summaryTable([
      ['案件名', s.project.name],
      ['先進医療の名称', s.project.technologyName],
      ['適応症', s.project.indication],
      ['区分', `先進医療${s.category}`],
      ['届出の種類', pkg.label],
      ['点検した書類', s.formIds.map((id) => docLabel(id)).join('、')],
      ['点検結果', `エラー ${counts.error}件　警告 ${counts.warning}件　情報 ${counts.info}件${confirmed > 0 ? `（うち確認済み ${confirmed}件）` : ''}`],
    ]),
    p('※ エラーは記載要領に反する内容、警告は確認をおすすめする内容、情報は参考です。「確認済み」は、内容を確認したうえでそのまま提出すると判断した指摘で、その理由を付しています。', SMALL, { spaceBefore: 6, spaceAfter: 4 }),
  ];
  if (findings.length === 0) {
    blocks.push(p('指摘事項はありません。', BODY, { spaceBefore: 8 }));
  } else {
    for (const g of groupOrder(s, findings)) {
      const inGroup = findings.filter((f) => groupOf(f) === g);
      const c = countBySeverity(inGroup);
      blocks.push(p(`■ ${groupTitle(g)}（エラー ${c.error}件・警告 ${c.warning}件・情報 ${c.info}件）`, BODY, { spaceBefore: 10, spaceAfter: 3 }), findingsTable(inGroup, acks));
    }
  }
  return { title: CHECK_REPORT_TITLE, blocks, pageNumbers: true };
}

export interface CheckReportInput {
  readonly submission: Submission;
  readonly findings: readonly Finding[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly today: YMD;
}

export function checkReportDocument(input: CheckReportInput): DocumentModel {
  const title = `${CHECK_REPORT_TITLE} ${input.submission.project.technologyName}`.trim();
  return { title, margins: FORM_MARGINS, sections: [checkReportSection(input.submission, input.findings, input.acknowledgements, input.today)] };
}

/** The report as a PDF, with the fonts the app loaded (renderer/fonts: LoadedFonts). */
export async function checkReportPdf(input: CheckReportInput, fonts: { readonly bytes: FontBytes; readonly metrics: FontSet }, createdAt?: Date): Promise<Uint8Array> {
  const doc = checkReportDocument(input);
  return renderPdf(layoutDocument(doc, fonts.metrics), fonts.bytes, { title: doc.title, ...(createdAt ? { createdAt } : {}) });
}
