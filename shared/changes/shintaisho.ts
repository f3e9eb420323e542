/**
 * 新旧対照表 (issue 13 item 2): the changes of a 変更申請 as one table — 変更箇所（様式・項目） | 変更前 |
 * 変更後 | 備考 — with the changed words of each side underlined (word-diff.ts). A document-model
 * Section: the PDF is laid out and drawn by shared/document + shared/render/pdf, the editable Word
 * table written by shared/render/docx (underline = w:u). The header row repeats on each page.
 *
 * Rows are given by the caller (the user may have reworded or grouped the generated items);
 * `shintaishoRows` makes the default rows from generated change items.
 */
import { cell, para, runsPara, type Block, type DocumentModel, type Paragraph, type Section, type TableRow } from '../document/model';
import { FORM_MARGINS } from '../forms/definition';
import { changeLocation, type DiffItem } from './field-diff';
import { periodNote } from './period';
import { wordDiff } from './word-diff';

export interface ShintaishoRow {
  /** 変更箇所（様式・項目）: 「別紙1 様式第3号　予定試験期間」. */
  readonly location: string;
  /** 変更前 as printed ('' when the item is new). */
  readonly before: string;
  /** 変更後 as printed ('' when the item is deleted). */
  readonly after: string;
  /** 備考 (「（18か月延長）」, 「照会回答1－3による」); '' for none. */
  readonly note?: string;
}

export const SHINTAISHO_TITLE = '新旧対照表';
export const SHINTAISHO_HEADERS = ['変更箇所（様式・項目）', '変更前', '変更後', '備考'] as const;
/** What an empty side prints: the reader sees the item is new (or deleted), not a blank cell. */
export const NOTHING_WRITTEN = '（記載なし）';

const SIZE = 9.5;
const COLUMNS = [21, 31, 31, 17] as const;
const PAD = 4;

const text = (s: string): Paragraph => para(s, SIZE, { leading: 1.5 });

/**
 * The default rows for generated change items: 変更箇所 by official names, 変更前／変更後 as printed,
 * and for a period the extension in 備考 (「（18か月延長）」).
 */
export function shintaishoRows(items: readonly DiffItem[]): ShintaishoRow[] {
  return items.map((i) => ({
    location: changeLocation(i),
    before: i.before,
    after: i.after,
    note: /期間/.test(`${i.field}${i.detail}`) ? periodNote(i.before, i.after) : '',
  }));
}

function sideCell(runs: ReturnType<typeof wordDiff>['before'], typed: string): ReturnType<typeof cell> {
  return cell(typed.trim() === '' ? text(NOTHING_WRITTEN) : runsPara(runs, SIZE, { leading: 1.5 }), { padding: PAD, vAlign: 'top' });
}

export interface ShintaishoOptions {
  /** Lines under the title (「先進医療の名称：…」, 「申請医療機関：…」, the date), as the caller words them. */
  readonly heading?: readonly string[];
}

/** The 新旧対照表 as one section: title, heading lines, and the table (header repeated on each page). */
export function shintaishoSection(rows: readonly ShintaishoRow[], options: ShintaishoOptions = {}): Section {
  const header: TableRow = { minHeight: 22, cells: SHINTAISHO_HEADERS.map((h) => cell(para(h, SIZE, { align: 'center', leading: 1.4 }), { padding: PAD })) };
  const body: TableRow[] = rows.map((r) => {
    const d = wordDiff(r.before, r.after);
    return {
      minHeight: 24,
      cells: [cell(text(r.location), { padding: PAD, vAlign: 'top' }), sideCell(d.before, r.before), sideCell(d.after, r.after), cell(text(r.note ?? ''), { padding: PAD, vAlign: 'top' })],
    };
  });
  const blocks: Block[] = [
    para(SHINTAISHO_TITLE, 14, { align: 'center', spaceAfter: 8, leading: 1.5 }),
    ...(options.heading ?? []).map((h) => para(h, 10.5, { leading: 1.6 })),
    ...(options.heading && options.heading.length > 0 ? [{ type: 'spacer' as const, height: 6 }] : []),
    { type: 'table', columns: [...COLUMNS], headerRows: 1, rows: [header, ...body] },
    para('※ 下線は変更した語句を示す。', 9, { leading: 1.5, spaceBefore: 4 }),
  ];
  return { title: SHINTAISHO_TITLE, blocks, pageNumbers: true };
}

/** The 新旧対照表 as a document of its own (A4, the 届出 forms' margins), ready for layoutDocument / renderDocx. */
export function shintaishoDocument(rows: readonly ShintaishoRow[], options: ShintaishoOptions = {}): DocumentModel {
  return { title: SHINTAISHO_TITLE, margins: FORM_MARGINS, sections: [shintaishoSection(rows, options)] };
}
