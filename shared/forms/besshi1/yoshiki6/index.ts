/**
 * 別紙1 様式第6号 先進医療に要する費用 — spec §3.6; layout [INF] (form-layouts.md §3.7):
 * 「推定様式」. The 先進医療にかかる費用 comes from the cost model (R-C-1); the insured part is
 * entered here for a typical case, as the applicant writes it (R-C-6). Its 内訳 is a table of
 * 診療報酬点数 items (insured-items.ts) whose 合計 × 10円 is the insured amount.
 *
 * Version 2 (issue 15 item 8): the 内訳 became rows (`insuredRows`); the free text of version 1
 * (`insuredItems`) stays where it was, as the 補足 printed under the table.
 */
import { z } from 'zod';
import { cell, para, type Block, type Table } from '../../../document/model';
import { formatYenWithUnit, parseYen } from '../../../money/yen';
import type { FormDefinition } from '../../definition';
import { REQ_BOTH, field, longText, tableField, yenField, type TableRowValue, type YenValue } from '../../field';
import { BODY, body, formSection, heading, keyValueTable, labelLine, title, yenText } from '../../layout-helpers';
import { INSURED_COLUMNS, SUBTOTAL_COLUMN, formatPoints, insuredSummary, insuredTotal, isBlankRow, readCount, YEN_PER_POINT } from './insured-items';

const yenTyped = (label: string, help: string) => yenField({ label, required: REQ_BOTH, help, source: 'S2 §6' });

export const yoshiki6Schema = z.object({
  typicalCase: longText({ label: '典型的な症例', required: REQ_BOTH, help: '費用を計算した典型的な症例（年齢・性別・病名・入院日数など）を書きます。費用は参考値です。', source: 'S2 §6(2)' }),
  insuredBasis: field(z.enum(['健康保険被保険者本人', 'その他']), {
    label: '被保険者区分',
    kind: 'enum',
    options: ['健康保険被保険者本人', 'その他'],
    required: REQ_BOTH,
    help: '原則として健康保険被保険者本人として計算します。それ以外で計算した場合は「その他」を選び、理由を書きます。',
    source: 'S2 §6(3)',
  }),
  insuredBasisNote: longText({ label: '被保険者区分の説明', required: { A: 'opt', B: 'opt' }, source: 'S2 §6(3)' }),
  insurerShare: yenTyped('保険外併用療養費（保険者負担）', '保険給付される費用です。'),
  copayment: yenTyped('保険外併用療養費分に係る一部負担金', '保険診療分の患者の一部負担金です。'),
  insuredRows: tableField(
    {
      label: '保険外併用療養費分の内訳',
      required: REQ_BOTH,
      help: '診療報酬明細書に準じ、個々の診療報酬点数ごとに（「検査」「手術」など部ごとの合計ではなく）1行ずつ書きます。小計（点数×回数）と合計は自動で計算され、合計点数×10円が保険者負担と一部負担金の合計と一致するか確認されます。',
      source: 'S2 §6(4)',
      computedColumns: [SUBTOTAL_COLUMN],
      summary: insuredSummary,
    },
    INSURED_COLUMNS,
  ),
  insuredItems: longText({
    label: '保険外併用療養費分の内訳（補足）',
    required: { A: 'opt', B: 'opt' },
    help: '表の下に印刷されます。以前の版で文章で書いた内訳はここに残っています。表に移したら消してかまいません。',
    source: 'S2 §6(4)',
  }),
});
export type Yoshiki6 = z.infer<typeof yoshiki6Schema>;

function readYen(v: YenValue): ReturnType<typeof parseYen> {
  return typeof v === 'number' ? { ok: true, value: v } : parseYen(v);
}

const NUMERIC = new Set(['points', 'times', SUBTOTAL_COLUMN.key]);

/** A number cell prints normalised (「1,650点」) when it reads, otherwise exactly as typed. */
function printedCell(key: string, typed: string): string {
  if (key !== 'points' && key !== 'times') return typed;
  const r = readCount(typed, key === 'points' ? '点数' : '回数');
  if (!r.ok) return typed;
  // 回数 keep the unit typed (入院料 count 日).
  return key === 'points' ? formatPoints(r.value) : `${r.value.toLocaleString('ja-JP')}${/[日本個枚]\s*$/.exec(typed)?.[0].trim() ?? '回'}`;
}

/** The 内訳 table: typed columns, then 小計; numbers right-aligned; a header repeated on each page. */
function insuredTable(rows: readonly TableRowValue[]): Table {
  const columns = [...INSURED_COLUMNS, SUBTOTAL_COLUMN];
  const size = 9.5;
  const header = { minHeight: 20, cells: columns.map((c) => cell(para(c.label, size, { leading: 1.4, align: 'center' }), { padding: 3 })) };
  const typed = rows.filter((r) => !isBlankRow(r));
  const lines = (typed.length > 0 ? typed : [Object.fromEntries(INSURED_COLUMNS.map((c) => [c.key, '']))]).map((r) => ({
    minHeight: 22,
    cells: columns.map((c) => {
      const text = c.key === SUBTOTAL_COLUMN.key ? SUBTOTAL_COLUMN.value(r) : printedCell(c.key, r[c.key] ?? '');
      return cell(para(text, size, { leading: 1.45, ...(NUMERIC.has(c.key) ? { align: 'right' as const } : {}) }), { padding: 3, vAlign: 'top' as const });
    }),
  }));
  return { type: 'table', columns: columns.map((c) => c.width), headerRows: 1, rows: [header, ...lines] };
}

/**
 * The 別紙: the rows with their 小計, the 合計 点数 and its amount (× 10円), then the 補足. Answers of
 * version 1 (text only, no row) print their text as they did.
 */
function insuredBlocks(rows: readonly TableRowValue[], note: string): Block[] {
  const hasRows = rows.some((r) => !isBlankRow(r));
  const text = note.trim() !== '' ? [body(note)] : [];
  if (!hasRows && text.length > 0) return text;
  const t = insuredTotal(rows);
  const unread = '（点数・回数を確認してください）';
  return [
    insuredTable(rows),
    para('', BODY, { leading: 0.6 }),
    keyValueTable([
      ['合計点数', t.points === undefined ? (hasRows ? unread : '') : formatPoints(t.points)],
      [`合計金額（合計点数×${YEN_PER_POINT}円）`, t.points === undefined ? (hasRows ? unread : '') : formatYenWithUnit(t.points * YEN_PER_POINT)],
    ]),
    ...text,
  ];
}

export const yoshiki6: FormDefinition<typeof yoshiki6Schema> = {
  id: 'besshi1/yoshiki6',
  besshi: '別紙1',
  number: '様式第6号',
  title: '先進医療に要する費用',
  estimatedLayout: true,
  answers: yoshiki6Schema,
  version: 2,
  migrations: [
    // Version 1 had the 内訳 as free text only: it stays in `insuredItems` (printed as before while no row is typed); no row is guessed from it.
    { from: 1, up: (a) => ({ ...a, insuredRows: Array.isArray(a.insuredRows) ? a.insuredRows : [] }) },
  ],
  empty: (): Yoshiki6 => ({ typicalCase: '', insuredBasis: '健康保険被保険者本人', insuredBasisNote: '', insurerShare: '', copayment: '', insuredRows: [], insuredItems: '' }),
  build(facts, a) {
    const insurer = readYen(a.insurerShare);
    const copay = readYen(a.copayment);
    const total = insurer.ok && copay.ok ? formatYenWithUnit(facts.cost.total + insurer.value + copay.value) : '（金額を確認してください）';
    const blocks: Block[] = [
      title('先進医療に要する費用'),
      labelLine('先進医療の名称', facts.technologyName, 0),
      labelLine('典型的な症例', a.typicalCase, 0),
      para(a.insuredBasis === '健康保険被保険者本人' ? '※健康保険被保険者本人として計算' : '※健康保険被保険者本人以外として計算', BODY, { leading: 1.7 }),
      ...(a.insuredBasisNote.trim() !== '' ? [body(a.insuredBasisNote)] : []),
      para('', BODY, { leading: 0.6 }),
      keyValueTable([
        ['先進医療にかかる費用', formatYenWithUnit(facts.cost.total)],
        ['保険外併用療養費（保険者負担）', yenText(a.insurerShare)],
        ['保険外併用療養費分に係る一部負担金', yenText(a.copayment)],
        ['合計', total],
      ]),
      heading('（別紙）保険外併用療養費分の内訳'),
      ...insuredBlocks(a.insuredRows, a.insuredItems),
    ];
    return formSection(facts, { formNumber: '様式第6号', title: '様式第6号 先進医療に要する費用', pageNumbers: true, blocks });
  },
};
