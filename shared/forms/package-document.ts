/**
 * The submission package as one document: a contents page (提出書類一覧, with the addressee and
 * the copies to print), then each form in filing order, each starting on a new page with its
 * own page numbers, then the attached PDFs (issue 15 item 5) in filing order, merged by the PDF
 * writer. Bookmarks point at each form's and each attachment's first page; the contents page gives
 * each one's pages.
 *
 * Two copies (issue 15 item 6): a draft carries 「案」 and the 「推定様式」 stamps; the 提出用 copy
 * (`submission`) carries no 案 and no 「推定様式」 at all (stamp, contents label or note) and may number
 * its pages through the whole package, attachments included.
 */
import { layoutDocument } from '../document/layout/paginate';
import { withDraftMarks, withRunningPageNumbers } from '../document/layout/marks';
import { FORM_DATES } from '../dates/date-style';
import type { FontSet, LaidOutDocument } from '../document/layout/types';
import { cell, para, type Block, type DocumentModel, type Section } from '../document/model';
import { cooperatingNames, yoshiki2 } from './besshi1/yoshiki2';
import { FORM_MARGINS, type FormDefinition, type SubmissionFacts } from './definition';
import { dateStyleOf, restyleBlocks } from './layout-helpers';
import { PACKAGES, type PackageDefinition } from './packages';
import { FORMS } from './registry';

export interface Bookmark {
  readonly title: string;
  readonly pageIndex: number;
}

/** A PDF attached to the package, in filing order: what the contents page and the merge need. */
export interface PackageAttachment {
  readonly title: string;
  /** Which of the package's expected papers it is (PackageDefinition.attachments), or ''. */
  readonly kind: string;
  readonly pages: number;
  readonly bytes: Uint8Array;
}

export interface PackageOptions {
  /** 「案」 box and 「推定様式」 stamps on every page. */
  readonly draft: boolean;
  /** The 提出用 copy: no 案 and no 「推定様式」 stamp, label or note (wins over `draft`). */
  readonly submission?: boolean;
  /** 提出用: page numbers running through the whole package, attachments included. */
  readonly pageNumbers?: boolean;
  readonly attachments?: readonly PackageAttachment[];
}

export interface PackageDocument {
  readonly model: DocumentModel;
  readonly laidOut: LaidOutDocument;
  readonly bookmarks: readonly Bookmark[];
  readonly forms: readonly FormDefinition[];
  /** Merged after the laid-out pages, in this order (the PDF only: Word lists them on the contents page). */
  readonly attachments: readonly PackageAttachment[];
  /** Running page numbers on every page, attachments included (the PDF writer numbers the merged pages). */
  readonly pageNumbers: boolean;
}

export function packageForms(pkg: PackageDefinition): FormDefinition[] {
  return pkg.formIds.map((id) => {
    const f = FORMS.find((x) => x.id === id);
    if (!f) throw new RangeError(`unknown form ${id}`);
    return f;
  });
}

/**
 * Papers filed with the package that it does not hold: its attachments and, for a package filed
 * with the 協力医療機関's own papers, those of each 協力医療機関 様式第2号 names (each is made as its
 * own 「協力医療機関の届出」). The contents page lists them apart from what the file holds.
 */
export function papersNotIncluded(pkg: PackageDefinition, facts: SubmissionFacts, answersOf: (form: FormDefinition) => Readonly<Record<string, unknown>>, attached: readonly Pick<PackageAttachment, 'kind'>[] = []): string[] {
  // An expected paper attached to the package is in the file: it is listed with its pages instead.
  const have = new Set(attached.map((a) => a.kind).filter((k) => k !== ''));
  const out = (pkg.attachments ?? []).filter((a) => !have.has(a));
  if (pkg.withCooperating) {
    const read = yoshiki2.answers.safeParse(answersOf(yoshiki2));
    const names = cooperatingNames(facts, read.success ? read.data : { sites: [] });
    const label = PACKAGES.find((p) => p.id === 'cooperating')?.label ?? '協力医療機関の届出';
    if (names.length > 0) out.push(`協力医療機関（${names.join('、')}）の届出書類（協力医療機関ごとに「${label}」として作成）`);
  }
  return out;
}

/** The 「種類」 column of an attachment's row: its expected paper, else 「添付」. */
const attachmentColumn = (a: Pick<PackageAttachment, 'kind'>): string => (a.kind ? '添付書類' : '添付書類（その他）');

function contentsSection(
  pkg: PackageDefinition,
  facts: SubmissionFacts,
  forms: readonly FormDefinition[],
  starts: readonly number[],
  counts: readonly number[],
  notIncluded: readonly string[],
  attachments: readonly PackageAttachment[],
  submission: boolean,
): Section {
  // Forms first, then the attachments, numbered on in one list (pages as in the merged PDF).
  const range = (i: number): string => {
    const s = (starts[i] ?? 0) + 1;
    const e = s + (counts[i] ?? 1) - 1;
    return e > s ? `${s}～${e}` : String(s);
  };
  const row = (no: number, kind: string, title: string, pages: string) => ({
    minHeight: 22,
    cells: [
      cell(para(String(no), 10, { align: 'right' }), { padding: 4 }),
      cell(para(kind, 10, { leading: 1.4 }), { padding: 4 }),
      cell(para(title, 10, { leading: 1.4 }), { padding: 4 }),
      cell(para(pages, 10, { align: 'right' }), { padding: 4 }),
    ],
  });
  const blocks: Block[] = [
    para('提出書類一覧', 14, { align: 'center', spaceAfter: 10, leading: 1.5 }),
    para(`届出の種類：${pkg.label}`, 10.5, { leading: 1.7 }),
    para(`先進医療の名称：${facts.technologyName}`, 10.5, { leading: 1.7 }),
    para(`提出先：${pkg.addressee}`, 10.5, { leading: 1.7 }),
    para(`部数：${pkg.copies ?? '厚生労働省の最新の案内で確認してください'}`, 10.5, { leading: 1.7, spaceAfter: 8 }),
    {
      type: 'table',
      columns: [8, 20, 52, 20],
      headerRows: 1,
      rows: [
        { minHeight: 22, cells: ['No.', '様式', '名称', 'PDFのページ'].map((h) => cell(para(h, 10, { leading: 1.4 }), { padding: 4 })) },
        ...forms.map((f, i) => row(i + 1, `${f.besshi} ${f.number}`, f.title + (f.estimatedLayout && !submission ? '（推定様式）' : ''), range(i))),
        ...attachments.map((a, j) => row(forms.length + j + 1, attachmentColumn(a), a.title, range(forms.length + j))),
      ],
    },
    ...(attachments.length > 0 ? [para('※ 添付書類はPDFにのみ含まれます（Wordファイルには含まれません）。', 9.5, { leading: 1.6, spaceBefore: 4 })] : []),
    ...(notIncluded.length > 0
      ? [para('このファイルに含まれない書類（別に用意し、あわせて提出します）', 10.5, { leading: 1.7, spaceBefore: 8 }), ...notIncluded.map((x) => para(`・${x}`, 10, { indent: 10.5, leading: 1.6 }))]
      : []),
    ...(pkg.note ? [para(`※ ${pkg.note}`, 9.5, { leading: 1.6, spaceBefore: 8 })] : []),
    ...(submission ? [] : [para('※ 「推定様式」は、公式の様式を確認できていないため記載要領の項目から構成した様式です。提出前に厚生労働省の様式と照合してください。', 9.5, { leading: 1.6 })]),
  ];
  // The contents page is part of the document: its dates (a technology name may hold one) in its style.
  return { title: '提出書類一覧', blocks: restyleBlocks(blocks, dateStyleOf(facts)) };
}

export function buildPackageDocument(
  pkg: PackageDefinition,
  facts: SubmissionFacts,
  answersOf: (form: FormDefinition) => Readonly<Record<string, unknown>>,
  fonts: FontSet,
  options: PackageOptions,
): PackageDocument {
  const forms = packageForms(pkg);
  const attachments = options.attachments ?? [];
  const submission = options.submission === true;
  // One date style for the whole package (R-F-4): every form prints its dates in the package's.
  const printed: SubmissionFacts = { ...facts, dates: pkg.dates ?? FORM_DATES };
  const sections = forms.map((f) => f.build(printed, f.answers.parse(answersOf(f))));
  const notIncluded = papersNotIncluded(pkg, printed, answersOf, attachments);
  const bodyOnly = layoutDocument({ title: pkg.label, margins: FORM_MARGINS, sections }, fonts);
  // Each attachment is one more entry of the list: its page count is the PDF's.
  const counts = [...bodyOnly.sectionPageCounts, ...attachments.map((a) => a.pages)];
  // The contents page needs the page numbers, which depend on how long the contents are.
  let contentsPages = 1;
  let model: DocumentModel = { title: pkg.label, margins: FORM_MARGINS, sections };
  let laid = bodyOnly;
  for (let attempt = 0; attempt < 3; attempt++) {
    const starts: number[] = [];
    counts.reduce((at, n, i) => ((starts[i] = at), at + n), contentsPages);
    model = { title: `${pkg.label} ${facts.technologyName}`, margins: FORM_MARGINS, sections: [contentsSection(pkg, printed, forms, starts, counts, notIncluded, attachments, submission), ...sections] };
    laid = layoutDocument(model, fonts);
    if ((laid.sectionPageCounts[0] ?? 1) === contentsPages) break;
    contentsPages = laid.sectionPageCounts[0] ?? 1;
  }
  const bookmarks: Bookmark[] = [];
  laid.pages.forEach((p, i) => {
    if (p.pageInSection !== 1) return;
    const f = forms[p.sectionIndex - 1];
    bookmarks.push({ title: f ? `${f.besshi} ${f.number} ${f.title}` : '提出書類一覧', pageIndex: i });
  });
  let at = laid.pages.length;
  for (const a of attachments) {
    bookmarks.push({ title: a.title, pageIndex: at });
    at += a.pages;
  }
  if (options.draft && !submission) {
    const estimated = new Set(forms.flatMap((f, i) => (f.estimatedLayout ? [i + 1] : [])));
    laid = withDraftMarks(laid, fonts, estimated);
  }
  const pageNumbers = submission && options.pageNumbers === true;
  if (pageNumbers) laid = withRunningPageNumbers(laid, fonts, at);
  return { model, laidOut: laid, bookmarks, forms, attachments, pageNumbers };
}
