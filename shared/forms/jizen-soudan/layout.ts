/**
 * The printed 事前相談申込書: one A4 page, faxed. Item order, labels and the guidance under them
 * follow the official sheet (記載要領 別添); the FAX number and 宛先 stand at the top as there.
 *
 * Long answers must never be clipped and the sheet should stay one page: the long-text boxes
 * first shrink (10.5 → 9 pt, never below 9), then the longest moves to a continuation sheet
 * 「別紙」 and its box says 「別紙のとおり」.
 */
import { cell, para, runsPara, type Block, type DocumentModel, type Paragraph, type Section, type TableRow } from '../../document/model';
import { layoutDocument } from '../../document/layout/paginate';
import type { FontSet, LaidOutDocument } from '../../document/layout/types';
import { dayOfWeek, parseIsoDate } from '../../dates/iso-date';
import { toFullWidthDigits, weekdayKanji } from '../../dates/wareki';
import { FORM_DATES } from '../../dates/date-style';
import { pick, type Product } from '../../model/master';
import { restyleBlocks } from '../layout-helpers';
import { CURRENT_DIVISION, type Division } from '../packages';
import { parseTime } from './checks';
import {
  CATEGORY_NOTE,
  DAY_OF_MATERIALS,
  faxDestinationFor,
  fieldText,
  formMeta,
  type AssumedCategory,
  type ConsultationSlot,
  type FaxDestination,
  type InstitutionProfile,
  type JizenSoudan,
  type Visitor,
} from './schema';

/** Every value as it will print, after the profile and overrides are resolved. */
export interface JizenSoudanPrint {
  readonly destination: FaxDestination;
  readonly institutionName: string;
  readonly contactAffiliation: string;
  readonly contactName: string;
  readonly tel: string;
  readonly fax: string;
  readonly email: string;
  readonly technologyName: string;
  readonly products: string;
  readonly slots: readonly ConsultationSlot[];
  readonly visitors: readonly Visitor[];
  readonly assumedCategory: AssumedCategory | null;
}

/** What the sheet reads from the project and the マスタ instead of asking again (issue 15). */
export interface JizenSoudanFacts {
  /** The project's 区分 (案件の基本情報). */
  readonly category?: AssumedCategory;
  /** The 品目 of the マスタ (医薬品・医療機器), for `productIds`. */
  readonly products?: readonly Product[];
}

/** One picked 品目 as the sheet asks for it: 一般名/製品名, 企業名, 使用方法, 未承認・適応外. */
export function productText(p: Product): string {
  const name = [p.name.trim() || '（品目名未入力）', p.spec.trim() && `（${p.spec.trim()}）`].join('');
  const head = [`${p.kind}：${name}`, p.maker.trim() && `企業名：${p.maker.trim()}`, p.labelUse].filter((x) => x !== '').join('、');
  return p.usage.trim() === '' ? head : `${head}\n使用方法：${p.usage.trim()}`;
}

/** The 使用する医薬品又は医療機器 box: the picked 品目, then the typed text. */
export function productsText(data: Pick<JizenSoudan, 'productIds' | 'products'>, master: readonly Product[]): string {
  const picked = pick(master, data.productIds ?? []).found.map(productText);
  return [...picked, data.products.trim() === '' ? '' : data.products].filter((x) => x !== '').join('\n');
}

/**
 * `division`: the 医政局 section of the template set in force (filings/template-sets.ts `divisionOf`),
 * so the sheet names the same section as the package printed with that set. `facts`: the project's
 * 区分 and the マスタ's 品目 (without them, a sheet prints as stored).
 */
export function resolveJizenSoudan(
  data: JizenSoudan,
  profile: InstitutionProfile,
  technologyName: string,
  destination: FaxDestination,
  division: Division = CURRENT_DIVISION,
  facts: JizenSoudanFacts = {},
): JizenSoudanPrint {
  return {
    destination: faxDestinationFor(destination, division),
    institutionName: data.institutionName ?? profile.institutionName,
    contactAffiliation: data.contactAffiliation ?? profile.contactAffiliation,
    contactName: data.contactName ?? profile.contactName,
    tel: data.tel ?? profile.tel,
    fax: data.fax ?? profile.fax,
    email: data.email ?? profile.email,
    technologyName,
    products: productsText(data, facts.products ?? []),
    slots: data.slots,
    visitors: data.visitors,
    assumedCategory: facts.category ?? data.assumedCategory,
  };
}

function formatTime(value: string): string | undefined {
  const t = parseTime(value);
  if (t === undefined) return value.trim() === '' ? undefined : value.trim();
  const h = Math.floor(t / 60);
  const m = t % 60;
  return m === 0 ? `${h}時` : `${h}時${m}分`;
}

/** 「１月１２日（火）　１４時　～　１６時」; an empty slot prints the blank template to write by hand. */
export function formatSlot(slot: ConsultationSlot): string {
  const ymd = parseIsoDate(slot.date);
  const datePart = ymd
    ? `${ymd.month}月${ymd.day}日（${weekdayKanji(dayOfWeek(ymd))}）`
    : slot.date.trim() !== '' ? slot.date.trim() : '　　月　　日（　）';
  const start = formatTime(slot.start) ?? '　　時';
  const end = formatTime(slot.end) ?? '　　時';
  return toFullWidthDigits(`${datePart}　${start}　～　${end}`);
}

export function formatVisitor(v: Visitor): string {
  const name = v.name.trim();
  const aff = v.affiliation.trim();
  if (name === '' && aff === '') return '';
  return aff === '' ? name : `${name}（${aff}）`;
}

const LABEL = 10.5;
const GUIDE = 9;
const VALUE = 10.5;
const MIN_VALUE = 9;

type LongField = 'products' | 'visitors';
const LONG_FIELD_LABEL: Record<LongField, string> = {
  products: fieldText.products.label,
  visitors: fieldText.visitors.label,
};

interface BuildOptions {
  readonly longSize: number;
  readonly toAnnex: ReadonlySet<LongField>;
}

function labelCell(label: string, guidance?: string, rowSpan?: number) {
  const blocks: Paragraph[] = [para(label, LABEL, { leading: 1.5 })];
  if (guidance) blocks.push(para(guidance, GUIDE, { leading: 1.4 }));
  return cell(blocks, { rowSpan, padding: 5 });
}

function valueCell(text: string, size: number, colSpan = 2) {
  return cell(para(text, size, { leading: 1.55 }), { colSpan, padding: 5 });
}

function buildModel(p: JizenSoudanPrint, o: BuildOptions): DocumentModel {
  const annexText: Record<LongField, string> = {
    products: p.products,
    visitors: p.visitors.map(formatVisitor).filter((s) => s !== '').join('\n'),
  };
  const longValue = (f: LongField): string => (o.toAnnex.has(f) ? '別紙のとおり' : annexText[f]);
  const contact = [`TEL：${p.tel}`, `FAX：${p.fax}`].join('　　') + `\ne-mail：${p.email}`;
  const person = [p.contactAffiliation.trim(), p.contactName.trim()].filter((s) => s !== '').join('　');

  const categoryRuns = [
    { text: '（　' },
    { text: '先進医療A', ...(p.assumedCategory === 'A' ? { mark: 'circle' as const } : {}) },
    { text: '　・　' },
    { text: '先進医療B', ...(p.assumedCategory === 'B' ? { mark: 'circle' as const } : {}) },
    { text: '　）　' + fieldText.assumedCategory.printedGuidance },
  ];

  const slotRows: TableRow[] = p.slots.map((slot, i) => ({
    minHeight: 24,
    cells: [
      ...(i === 0 ? [labelCell(fieldText.slots.label, fieldText.slots.printedGuidance, 3)] : []),
      cell(para(`第${i + 1}希望`, VALUE), { padding: 5 }),
      cell(para(formatSlot(slot), VALUE), { padding: 5 }),
    ],
  }));

  const rows: TableRow[] = [
    { minHeight: 30, cells: [labelCell(fieldText.institutionName.label), valueCell(p.institutionName, VALUE)] },
    { minHeight: 30, cells: [labelCell(fieldText.contact.label), valueCell(person, VALUE)] },
    { minHeight: 36, cells: [labelCell(fieldText.reach.label), valueCell(contact, VALUE)] },
    { minHeight: 44, cells: [labelCell(fieldText.technologyName.label), valueCell(p.technologyName, VALUE)] },
    { minHeight: 170, cells: [labelCell(fieldText.products.label, fieldText.products.printedGuidance), valueCell(longValue('products'), o.longSize)] },
    ...slotRows,
    { minHeight: 90, cells: [labelCell(fieldText.visitors.label, fieldText.visitors.printedGuidance), valueCell(longValue('visitors'), o.longSize)] },
    {
      minHeight: 44,
      cells: [
        labelCell(fieldText.assumedCategory.label),
        cell([runsPara(categoryRuns, VALUE, { leading: 1.8 }), para(CATEGORY_NOTE, GUIDE, { leading: 1.4 })], { colSpan: 2, padding: 5 }),
      ],
    },
  ];

  const blocks: Block[] = [
    para(`ＦＡＸ：${p.destination.faxNumber}`, 14, { leading: 1.5 }),
    para(p.destination.addressee, 12, { leading: 1.5 }),
    { type: 'spacer', height: 16 },
    para(formMeta.title, 16, { align: 'center', leading: 1.5 }),
    { type: 'spacer', height: 10 },
    { type: 'table', columns: [30, 11, 59], rows },
    { type: 'spacer', height: 8 },
    ...DAY_OF_MATERIALS.map((line, i) => para(line, 10, { leading: 1.5, indent: i === 0 ? 0 : 12 })),
  ];

  // An official sheet: its dates, typed ones too, print as on MHLW forms (R-F-4).
  const sections: Section[] = [{ title: formMeta.title, blocks: restyleBlocks(blocks, FORM_DATES) }];
  for (const f of (['products', 'visitors'] as const).filter((k) => o.toAnnex.has(k))) {
    sections.push({
      title: `別紙（${LONG_FIELD_LABEL[f]}）`,
      pageNumbers: true,
      blocks: [
        para('別紙', 10.5, { leading: 1.5 }),
        para(`${formMeta.title}　${LONG_FIELD_LABEL[f]}`, 12, { align: 'center', spaceAfter: 10, leading: 1.5 }),
        ...restyleBlocks([para(annexText[f], VALUE, { leading: 1.6 })], FORM_DATES),
      ],
    });
  }
  return { title: formMeta.title, margins: { top: 48, right: 54, bottom: 48, left: 54 }, sections };
}

export interface JizenSoudanDocument {
  readonly model: DocumentModel;
  readonly laidOut: LaidOutDocument;
  /** Labels of the items moved to a 別紙 (empty when everything fits on the sheet). */
  readonly annexed: readonly string[];
  /** Size (pt) of the long-text boxes after shrinking, ≥ 9. */
  readonly longTextSize: number;
}

export function buildJizenSoudanDocument(p: JizenSoudanPrint, fonts: FontSet): JizenSoudanDocument {
  const attempt = (longSize: number, toAnnex: ReadonlySet<LongField>): JizenSoudanDocument => {
    const model = buildModel(p, { longSize, toAnnex });
    return { model, laidOut: layoutDocument(model, fonts), annexed: [...toAnnex].map((f) => LONG_FIELD_LABEL[f]), longTextSize: longSize };
  };
  const fits = (d: JizenSoudanDocument): boolean => (d.laidOut.sectionPageCounts[0] ?? 0) <= 1;

  for (const size of [VALUE, 10, 9.5, MIN_VALUE]) {
    const d = attempt(size, new Set());
    if (fits(d)) return d;
  }
  // Move the longer of the two long answers first, then the other.
  const order: LongField[] = p.products.length >= p.visitors.map(formatVisitor).join('\n').length ? ['products', 'visitors'] : ['visitors', 'products'];
  const annex = new Set<LongField>();
  let last = attempt(MIN_VALUE, annex);
  for (const f of order) {
    annex.add(f);
    last = attempt(MIN_VALUE, new Set(annex));
    if (fits(last)) return last;
  }
  // Still too long (e.g. a huge 医療機関名): the sheet flows onto a second page; nothing is clipped.
  return last;
}
