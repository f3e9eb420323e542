/**
 * The printed safety reports (issue 14 item 5) as document models — A4, the 届出 forms' margins,
 * nothing under 9 pt, every date 和暦 with full-width digits (R-F-4), dates typed in the text
 * rewritten to the same style:
 * - 別紙7 様式第2号 先進医療に係る重篤な有害事象等報告書 (form-layouts §5.3), and after it, when the
 *   report is made after its deadline (safety-deadline.ts), a 「遅延理由書」 (様式任意, R-F-5)
 *   addressed like the report to the 地方厚生（支）局長;
 * - 別紙7 様式第3号 先進医療に係る健康危険情報 (form-layouts §5.4).
 *
 * Both official sheets were never seen: the layouts are [INF], 「推定様式」 — a draft carries the
 * 「推定様式」 mark on their pages (safetyLayout), like the other 推定様式. The 先進医療名, 告示番号, 区分,
 * 医療機関名 and 実施責任医師 come from the working project (ResolvedFiling), never typed again.
 */
import { FORM_DATES, blankDate, printDate } from '../dates/date-style';
import { parseIsoDate, todayIn, type YMD } from '../dates/iso-date';
import { formatWareki } from '../dates/wareki';
import { withDraftMarks } from '../document/layout/marks';
import { layoutDocument } from '../document/layout/paginate';
import type { FontSet, LaidOutDocument } from '../document/layout/types';
import { cell, checkbox, para, runsPara, type Block, type DocumentModel, type Paragraph, type TableRow, type TextRun } from '../document/model';
import type { ResolvedFiling } from '../filings/as-filed';
import { FORM_MARGINS } from '../forms/definition';
import { BODY, restyleBlocks } from '../forms/layout-helpers';
import { personLine } from '../model/person';
import { filingInstitution, noticeOn } from '../model/project';
import { NOT_ENTERED, NOT_IN_MASTER, textLines } from '../changes/change-document';
import { SAE_CAUSALITY, SAE_EXPECTEDNESS, SAE_LAWS, SAE_OUTCOMES, SAE_SERIOUSNESS, type HealthRiskDoc, type SeriousAdverseEventDoc } from './safety';
import { isLate, safetyDeadline } from './safety-deadline';
import { GRADE_LABEL } from './safety-grade';
import { HEALTH_RISK_GRADES } from './safety';

export const SAE_TITLE = '先進医療に係る重篤な有害事象等報告書';
export const HEALTH_RISK_TITLE = '先進医療に係る健康危険情報';
export const DELAY_TITLE = '遅延理由書';
/** The form numbers as printed top-left, and as the files and bookmarks name them. */
export const SAE_FORM = { number: '様式第2号', title: `別紙7 様式第2号 ${SAE_TITLE}` } as const;
export const HEALTH_RISK_FORM = { number: '様式第3号', title: `別紙7 様式第3号 ${HEALTH_RISK_TITLE}` } as const;

/** When 様式第1-2号 names no bureau either: a blank to write by hand. */
const BLANK_BUREAU = '　　　　厚生（支）局';

export interface SafetyDocumentOptions {
  /** The day the report was sent (提出済み): it decides whether the report is late; else its 報告日. */
  readonly filedOn?: string;
  /** The day the institution and 告示番号 are judged at when the report has no 報告日 (default: today in Japan). */
  readonly today?: YMD;
}

/** 「（第１報）」「（続報）」「（最終報）」; not chosen: 「（第　報）」 to write by hand. */
export function reportTypeSuffix(type: SeriousAdverseEventDoc['reportType']): string {
  if (type === '第1報') return '（第１報）';
  if (type === '') return '（第　報）';
  return `（${type}）`;
}

/** The title of a 重篤な有害事象等報告書 with its 報告区分. */
export function seriousAdverseEventTitle(doc: Pick<SeriousAdverseEventDoc, 'reportType'>): string {
  return `${SAE_TITLE}${reportTypeSuffix(doc.reportType)}`;
}

/** The day the report speaks of: its 報告日, else the filing's 届出日, else today. */
function reportDay(reportDate: string, working: ResolvedFiling, today: YMD | undefined): YMD {
  return parseIsoDate(reportDate) ?? parseIsoDate(working.filingDate) ?? today ?? todayIn('Asia/Tokyo');
}

/** 「関東信越厚生局長　殿」: the bureau typed on the report, else the one of 様式第1-2号. */
export function bureauAddressee(typed: string, working: ResolvedFiling): string {
  const fromForm = working.forms.find((f) => f.formId === 'besshi1/yoshiki1-2')?.answers.bureau;
  const bureau = typed.trim() || (typeof fromForm === 'string' ? fromForm.trim() : '') || BLANK_BUREAU;
  return `${bureau}長　殿`;
}

function personText(id: string, working: ResolvedFiling): string {
  if (id.trim() === '') return NOT_ENTERED;
  const person = working.masters.people.find((p) => p.id === id);
  return person ? personLine(person) || NOT_ENTERED : NOT_IN_MASTER;
}

interface Header {
  readonly institution: string;
  readonly physician: string;
  readonly technology: string;
  readonly noticeNumber: string;
}

function headerOf(working: ResolvedFiling, day: YMD): Header {
  const project = working.project;
  return {
    institution: filingInstitution(project, working.institution, day).name.trim() || NOT_ENTERED,
    physician: personText(project.responsiblePhysicianId, working),
    technology: project.technologyName.trim() || NOT_ENTERED,
    noticeNumber: noticeOn(project, day)?.number.trim() ?? '',
  };
}

const p = (s: string, options: Parameters<typeof para>[2] = {}): Paragraph => para(s, BODY, { leading: 1.6, ...options });
const dateText = (iso: string): string => (iso === '' ? blankDate(FORM_DATES) : printDate(iso, FORM_DATES));

/** Each of `values` with its box, ticked where chosen: 「☑死亡　□死亡のおそれ…」. */
function boxes(values: readonly string[], chosen: (v: string) => boolean): TextRun[] {
  return values.flatMap((v, i) => [...(i > 0 ? [{ text: '　' }] : []), ...checkbox(v, chosen(v))]);
}

/** Boxes in fixed lines (a box never parts from its label at a line end), as the inferred sheet sets them. */
function boxLines(groups: ReadonlyArray<readonly string[]>, chosen: (v: string) => boolean): Paragraph[] {
  return groups.map((g) => runsPara(boxes(g, chosen), BODY, { leading: 1.8 }));
}

/** 重篤と判断した理由 and 転帰, in two lines each (form-layouts §5.3). */
const SERIOUSNESS_LINES = [SAE_SERIOUSNESS.slice(0, 3), SAE_SERIOUSNESS.slice(3)] as const;
const OUTCOME_LINES = [SAE_OUTCOMES.slice(0, 3), SAE_OUTCOMES.slice(3)] as const;

/** Alternatives side by side, the chosen one circled: 「先進医療Ａ・先進医療Ｂ」 (form-layouts §2.5). */
function circled(values: readonly string[], chosen: string): TextRun[] {
  return values.flatMap((v, i) => [...(i > 0 ? [{ text: '・' }] : []), { text: v, ...(v === chosen ? { mark: 'circle' as const } : {}) }]);
}

function row(label: string, value: readonly Paragraph[], minHeight = 24): TableRow {
  return { minHeight, cells: [cell(p(label, { leading: 1.5 }), { padding: 4 }), cell([...value], { padding: 4, vAlign: 'top' })] };
}

function lines(text: string, empty = NOT_ENTERED): Paragraph[] {
  return textLines(text, { empty });
}

/** 「68歳」 for a number typed, the age as typed otherwise (「生後3か月」). */
function ageText(age: string): string {
  const a = age.trim();
  if (a === '') return '　　歳';
  return /^[0-9０-９]+$/.test(a) ? `${a}歳` : a;
}

/** The lines above a report's table: date, addressee, institution, 実施責任医師, 報告者. */
function headBlocks(title: string, reportDate: string, addressee: string, header: Header, reporter: string): Block[] {
  return [
    para(title, 14, { align: 'center', spaceAfter: 8, leading: 1.5 }),
    p(`報告日：${dateText(reportDate)}`, { align: 'right' }),
    p(addressee, { spaceAfter: 4 }),
    p(`医療機関名：${header.institution}`, { indent: BODY * 18 }),
    p(`実施責任医師：${header.physician}`, { indent: BODY * 18 }),
    p(`報告者：${reporter}`, { indent: BODY * 18, spaceAfter: 8 }),
  ];
}

function technologyLine(header: Header): string {
  return `${header.technology}（告示番号：${header.noticeNumber || '　　'}）`;
}

/** The 様式第2号 section. */
function seriousAdverseEventSection(doc: SeriousAdverseEventDoc, working: ResolvedFiling, header: Header): DocumentModel['sections'][number] {
  const sex: TextRun[] = circled(['男', '女'], doc.patientSex);
  const causality = [runsPara(boxes(SAE_CAUSALITY, (v) => v === doc.causality), BODY, { leading: 1.8 }), ...(doc.causalityReason.trim() === '' ? [] : lines(`（判断理由）${doc.causalityReason}`))];
  const treatment = [runsPara(circled(['なし', 'あり'], doc.treatment), BODY, { leading: 1.8 }), ...(doc.treatmentDetail.trim() === '' ? [] : lines(`（内容）${doc.treatmentDetail}`))];
  const outcome = [...boxLines(OUTCOME_LINES, (v) => v === doc.outcome), p(`転帰日：${dateText(doc.outcomeDate)}`)];
  const table: Block = {
    type: 'table',
    columns: [30, 70],
    rows: [
      row('先進医療技術名（告示番号）', [p(technologyLine(header))]),
      row('先進医療の区分', [runsPara(circled(['先進医療Ａ', '先進医療Ｂ'], working.project.category === 'A' ? '先進医療Ａ' : '先進医療Ｂ'), BODY, { leading: 1.8 })]),
      row('患者 識別コード・年齢・性別', [runsPara([{ text: `${doc.patientCode.trim() || '　　　　'}　${ageText(doc.patientAge)}　` }, ...sex], BODY, { leading: 1.8 })]),
      row('原疾患', lines(doc.primaryDisease)),
      row('先進医療実施日', [p(dateText(doc.performedOn))]),
      row('有害事象等名（診断名）', lines(doc.eventName)),
      row('発現日', [p(dateText(doc.onsetDate))]),
      row('知った日', [p(dateText(doc.learnedOn))]),
      row('重篤と判断した理由', boxLines(SERIOUSNESS_LINES, (v) => doc.seriousness.some((s) => s === v))),
      row('予測可能性', [runsPara(boxes(SAE_EXPECTEDNESS, (v) => v === doc.expectedness), BODY, { leading: 1.8 })]),
      row('当該技術との因果関係', causality),
      row('処置', treatment),
      row('転帰／転帰日', outcome),
      row('経過', lines(doc.course), 80),
      row('今後の対応', lines(doc.plan), 48),
      row('適用される法令', [runsPara(boxes(SAE_LAWS, (v) => v === doc.law), BODY, { leading: 1.8 })]),
    ],
  };
  const blocks = [...headBlocks(seriousAdverseEventTitle(doc), doc.reportDate, bureauAddressee(doc.bureau, working), header, personText(doc.reporterPersonId, working)), table];
  return { formNumber: SAE_FORM.number, title: SAE_FORM.title, blocks: restyleBlocks(blocks, FORM_DATES), pageNumbers: true };
}

/** The 遅延理由書 (様式任意): what was late, by how much, and why. */
function delaySection(doc: SeriousAdverseEventDoc, working: ResolvedFiling, header: Header, filedOn: string | undefined): DocumentModel['sections'][number] {
  const deadline = safetyDeadline(doc);
  const reported = parseIsoDate(filedOn ?? '') ? (filedOn ?? '') : doc.reportDate;
  const due = deadline?.due ? `${formatWareki(deadline.due)}（知った日から${deadline.rule.days ?? ''}日、${deadline.rule.basis}）` : NOT_ENTERED;
  const item = (n: string, label: string, value: string): Paragraph => p(`${n}．${label}：${value}`, { leading: 1.7 });
  const blocks: Block[] = [
    p(dateText(doc.reportDate), { align: 'right' }),
    p(bureauAddressee(doc.bureau, working), { spaceAfter: 4 }),
    p(`医療機関名：${header.institution}`, { indent: BODY * 18 }),
    p(`実施責任医師：${header.physician}`, { indent: BODY * 18, spaceAfter: 12 }),
    para(DELAY_TITLE, 14, { align: 'center', spaceAfter: 10, leading: 1.5 }),
    p(`${seriousAdverseEventTitle(doc)}の提出が報告期限を過ぎましたので、その理由を下記のとおり申し述べます。`, { leading: 1.7, spaceAfter: 6 }),
    p('記', { align: 'center', spaceAfter: 6 }),
    item('１', '先進医療技術名', technologyLine(header)),
    item('２', '患者識別コード', doc.patientCode.trim() || NOT_ENTERED),
    item('３', '有害事象等名', doc.eventName.trim() || NOT_ENTERED),
    item('４', '知った日', dateText(doc.learnedOn)),
    item('５', '報告期限', due),
    item('６', '報告日', dateText(reported)),
    p('７．遅延理由', { leading: 1.7 }),
    ...textLines(doc.delayReason, { indent: BODY * 2, empty: NOT_ENTERED }),
    p('以上', { align: 'right', spaceBefore: 12 }),
  ];
  return { title: DELAY_TITLE, blocks: restyleBlocks(blocks, FORM_DATES), pageNumbers: true };
}

/**
 * 別紙7 様式第2号 as a document of its own, followed by the 遅延理由書 when the report is late
 * (its 報告日, or `options.filedOn`, after the deadline). `working`: the project as it is printed.
 */
export function seriousAdverseEventDocument(doc: SeriousAdverseEventDoc, working: ResolvedFiling, options: SafetyDocumentOptions = {}): DocumentModel {
  const header = headerOf(working, reportDay(doc.reportDate, working, options.today));
  const late = isLate(doc, options.filedOn) === true;
  return {
    title: seriousAdverseEventTitle(doc),
    margins: FORM_MARGINS,
    sections: [seriousAdverseEventSection(doc, working, header), ...(late ? [delaySection(doc, working, header, options.filedOn)] : [])],
  };
}

/** 別紙7 様式第3号 先進医療に係る健康危険情報 as a document of its own. */
export function healthRiskDocument(doc: HealthRiskDoc, working: ResolvedFiling, options: SafetyDocumentOptions = {}): DocumentModel {
  const header = headerOf(working, reportDay(doc.reportDate, working, options.today));
  // One grade a line, the chosen one circled; 「・」 between them as printed alternatives are.
  const grades = HEALTH_RISK_GRADES.map((g, i) => runsPara([{ text: GRADE_LABEL[g], ...(g === doc.grade ? { mark: 'circle' as const } : {}) }, ...(i < HEALTH_RISK_GRADES.length - 1 ? [{ text: '・' }] : [])], BODY, { leading: 1.9, indent: BODY }));
  const table: Block = {
    type: 'table',
    columns: [30, 70],
    rows: [
      row('先進医療名（告示番号）', [p(technologyLine(header))]),
      row('医療機関名', [p(header.institution)]),
      row('報告日', [p(dateText(doc.reportDate))]),
      row('報告者', [p(personText(doc.reporterPersonId, working))]),
      row('情報の概要', lines(doc.summary), 96),
      row('情報源', lines(doc.source), 40),
      row('情報に関する評価・コメント', [p('グレード：'), ...grades, p('コメント：', { spaceBefore: 4 }), ...lines(doc.comment)], 96),
    ],
  };
  const blocks: Block[] = [
    para(HEALTH_RISK_TITLE, 14, { align: 'center', spaceAfter: 8, leading: 1.5 }),
    p(bureauAddressee(doc.bureau, working), { spaceAfter: 8 }),
    table,
  ];
  return { title: HEALTH_RISK_TITLE, margins: FORM_MARGINS, sections: [{ formNumber: HEALTH_RISK_FORM.number, title: HEALTH_RISK_FORM.title, blocks: restyleBlocks(blocks, FORM_DATES), pageNumbers: true }] };
}

/**
 * A safety document laid out for the screen and its PDF: a draft carries 「案」 and, on the 様式's
 * own pages (section 0: the 遅延理由書 is 様式任意), the 「推定様式」 mark (form-layouts §7.2).
 */
export function safetyLayout(model: DocumentModel, metrics: FontSet, options: { readonly draft: boolean }): LaidOutDocument {
  const laid = layoutDocument(model, metrics);
  return options.draft ? withDraftMarks(laid, metrics, new Set([0])) : laid;
}
