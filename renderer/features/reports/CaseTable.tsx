import { memo, useCallback, useRef, type ReactNode } from 'react';
import type { UseFieldArrayReturn, UseFormReturn } from 'react-hook-form';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatYen } from '../../../shared/money/yen';
import { type ReportTotals, type Total } from '../../../shared/reports/aggregates';
import { CASE_COLUMNS, CASE_COLUMN_LABEL, REPORT_EVALUATIONS, REPORT_OUTCOMES, SEXES, emptyCase, type CaseColumn, type ReportCase } from '../../../shared/reports/model';
import { DateInput } from '../../components/DateInput';
import { cellProblem, isNumberColumn } from './report-form';
import type { ReportForm } from './report-fields';

/** From this many rows on, only the rows in view are rendered (1,000 cases stay responsive). */
export const VIRTUAL_FROM = 200;

const SELECTS: Partial<Record<CaseColumn, readonly string[]>> = { sex: SEXES, outcome: REPORT_OUTCOMES, evaluation: REPORT_EVALUATIONS };
const UNIT: Partial<Record<CaseColumn, string>> = { age: '歳', inpatientDays: '日', procedures: '回', insuredAmount: '円', copayment: '円', advancedPatient: '円', advancedOther: '円' };
const WIDTH: Partial<Record<CaseColumn, string>> = { diagnosis: 'col-wide', siteName: 'col-text', note: 'col-text', code: 'col-text', firstDate: 'col-date', caseNumber: 'col-count', age: 'col-narrow', inpatientDays: 'col-count', procedures: 'col-count' };
const colClass = (col: CaseColumn): string => (isNumberColumn(col) && !WIDTH[col] ? 'col-yen' : (WIDTH[col] ?? ''));

/** 「診断名（3行目）」: the accessible name of a cell's input. */
export const cellLabel = (col: CaseColumn, index: number): string => `${CASE_COLUMN_LABEL[col]}（${index + 1}行目）`;

/** Where a finding on a case cell leads (the rules' field 'cases.<caseId>.<column>'). */
export const caseField = (caseId: string, col: CaseColumn): string => `cases.${caseId}.${col}`;

const sameCase = (a: ReportCase | undefined, b: ReportCase | undefined): boolean => {
  if (a === b) return true;
  if (!a || !b) return false;
  return CASE_COLUMNS.every((c) => a[c] === b[c]) && a.id === b.id && a.unconfirmed.join() === b.unconfirmed.join();
};

interface RowProps {
  readonly index: number;
  readonly caseId: string;
  /** The row as last committed (never mid-IME): its messages and 要確認 flags. */
  readonly committed: ReportCase | undefined;
  readonly form: UseFormReturn<ReportForm>;
  readonly frozen: boolean;
  readonly onEdited: (index: number, col: CaseColumn) => void;
  readonly onConfirm: (index: number) => void;
  readonly onRemove: (index: number) => void;
  readonly measure?: (el: HTMLTableRowElement | null) => void;
}

/** One case: an input per column, each labelled 「列名（N行目）」, its message beside it. */
const CaseRow = memo(
  function CaseRow({ index: i, caseId, committed, form, frozen, onEdited, onConfirm, onRemove, measure }: RowProps) {
    const flags = new Set(committed?.unconfirmed ?? []);
    return (
      <tr ref={measure} data-index={i} aria-rowindex={i + 2} className={flags.size > 0 ? 'case-row case-unconfirmed' : 'case-row'} data-case={caseId}>
        <th scope="row" className="case-no">
          {i + 1}
          {flags.size > 0 && <span className="badge badge-unconfirmed">要確認</span>}
        </th>
        {CASE_COLUMNS.map((col) => {
          const label = cellLabel(col, i);
          const problem = cellProblem(col, committed?.[col]);
          const msgId = `case-${caseId}-${col}-msg`;
          const flagged = flags.has(col);
          const reg = form.register(`cases.${i}.${col}`, { onChange: () => onEdited(i, col) });
          const common = { 'aria-label': flagged ? `${label}（要確認）` : label, 'aria-invalid': problem !== '' || undefined, 'aria-describedby': problem ? msgId : undefined };
          const options = SELECTS[col];
          return (
            <td key={col} className={[colClass(col), flagged ? 'cell-unconfirmed' : ''].filter(Boolean).join(' ')} data-field={caseField(caseId, col)}>
              {options ? (
                <select className="input" {...common} {...reg}>
                  <option value="">（未選択）</option>
                  {options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : col === 'firstDate' ? (
                <DateInput {...common} {...reg} />
              ) : (
                <input className={isNumberColumn(col) ? 'input input-number' : 'input'} autoComplete="off" inputMode={isNumberColumn(col) ? 'numeric' : undefined} {...common} {...reg} />
              )}
              {problem && (
                <span id={msgId} className="msg msg-error cell-msg">
                  {problem}
                </span>
              )}
            </td>
          );
        })}
        <td className="row-actions">
          {!frozen && flags.size > 0 && (
            <button type="button" className="btn btn-small" aria-label={`${i + 1}行目を確認済みにする`} onClick={() => onConfirm(i)}>
              確認済みにする
            </button>
          )}
          {!frozen && (
            <button type="button" className="btn btn-small" aria-label={`${i + 1}行目の症例を削除`} onClick={() => onRemove(i)}>
              削除
            </button>
          )}
        </td>
      </tr>
    );
  },
  (a, b) => a.index === b.index && a.caseId === b.caseId && a.frozen === b.frozen && a.form === b.form && a.onEdited === b.onEdited && a.onConfirm === b.onConfirm && a.onRemove === b.onRemove && a.measure === b.measure && sameCase(a.committed, b.committed),
);

/** 「1,234,567」 or why the sum is not known yet. */
function sumText(t: Total, yen: boolean): string {
  if (t.value === undefined) return `未確定（読めない値${t.unread}件）`;
  return yen ? formatYen(t.value) : String(t.value);
}

const TOTAL_COLUMNS: Partial<Record<CaseColumn, (t: ReportTotals) => Total>> = {
  inpatientDays: (t) => t.inpatientDays,
  procedures: (t) => t.procedures,
  insuredAmount: (t) => t.insuredAmount,
  copayment: (t) => t.copayment,
  advancedPatient: (t) => t.advancedPatient,
  advancedOther: (t) => t.advancedOther,
};

/**
 * 別添 実績報告 (spec §3.13): one row per case. Values are kept as typed; a count or 円 that does not
 * read has its message beside the cell (from the committed values: never mid-IME). Rows carried from
 * the previous 年度 are marked 要確認 until confirmed or edited. From VIRTUAL_FROM rows on, only the
 * rows in view are in the page.
 */
export function CaseTable(props: {
  readonly form: UseFormReturn<ReportForm>;
  readonly cases: UseFieldArrayReturn<ReportForm, 'cases', 'key'>;
  readonly committed: readonly ReportCase[];
  readonly totals: ReportTotals;
  readonly frozen: boolean;
  readonly importer?: ReactNode;
}) {
  const { form, cases, committed, totals, frozen } = props;
  const { getValues, setValue } = form;
  const addRef = useRef<HTMLButtonElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = cases.fields.length >= VIRTUAL_FROM;
  const virtualizer = useVirtualizer({ count: virtual ? cases.fields.length : 0, getScrollElement: () => scrollRef.current, estimateSize: () => 44, overscan: 6 });

  const onEdited = useCallback(
    (i: number, col: CaseColumn) => {
      const flags = getValues(`cases.${i}.unconfirmed`);
      if (flags.includes(col)) setValue(`cases.${i}.unconfirmed`, flags.filter((c) => c !== col), { shouldDirty: true });
    },
    [getValues, setValue],
  );
  const onConfirm = useCallback((i: number) => setValue(`cases.${i}.unconfirmed`, [], { shouldDirty: true }), [setValue]);
  const { remove, append } = cases;
  const onRemove = useCallback(
    (i: number) => {
      remove(i);
      addRef.current?.focus();
    },
    [remove],
  );
  const add = (): void => {
    const index = cases.fields.length;
    append(emptyCase(crypto.randomUUID()), { shouldFocus: !virtual, focusName: `cases.${index}.caseNumber` });
    if (virtual) {
      // The new row is rendered once it is scrolled into view; then its first cell takes the focus.
      virtualizer.scrollToIndex(index, { align: 'end' });
      requestAnimationFrame(() => requestAnimationFrame(() => form.setFocus(`cases.${index}.caseNumber`)));
    }
  };

  const flagged = committed.filter((c) => c.unconfirmed.length > 0).length;
  const rowProps = { form, frozen, onEdited, onConfirm, onRemove };
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const span = CASE_COLUMNS.length + 2;

  return (
    <section className="card report-cases" aria-labelledby="report-cases-title" data-field="cases">
      <h2 id="report-cases-title">（別添）実績報告</h2>
      <p className="lead">
        1症例1行で、報告期間に実施したすべての症例を記入します。金額・日数は全角数字やカンマ付き（「１２日」「812,340円」）でも入力でき、読めない値は入力したまま保存して欄の横に理由を表示します。
      </p>
      {props.importer}
      {flagged > 0 && (
        <p className="notice notice-warning" data-testid="cases-unconfirmed">
          前年度から引き継いだ「要確認」の症例が{flagged}件あります。内容を確かめて「確認済みにする」を押すか、値を書き直してください。
        </p>
      )}
      <div ref={scrollRef} className={virtual ? 'table-scroll case-scroll case-scroll-virtual' : 'table-scroll case-scroll'} data-testid="case-table-scroll" role="region" aria-label="実績報告の表（横・縦にスクロールできます）" tabIndex={0}>
        <table className="grid case-table" aria-label="実績報告" aria-rowcount={cases.fields.length + 2}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="case-no">
                行
              </th>
              {CASE_COLUMNS.map((col) => (
                <th key={col} scope="col" className={colClass(col)}>
                  {CASE_COLUMN_LABEL[col]}
                  {UNIT[col] && <span className="unit">（{UNIT[col]}）</span>}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {virtual ? (
              <>
                {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
                {items.map((v) => {
                  const f = cases.fields[v.index];
                  return f ? <CaseRow key={f.key} index={v.index} caseId={f.id} committed={committed[v.index]} measure={virtualizer.measureElement} {...rowProps} /> : null;
                })}
                {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
              </>
            ) : (
              cases.fields.map((f, i) => <CaseRow key={f.key} index={i} caseId={f.id} committed={committed[i]} {...rowProps} />)
            )}
            {cases.fields.length === 0 && (
              <tr>
                <td colSpan={span} className="muted">
                  症例はまだありません（0件の報告は、下の「０件の理由」「医療機関の今後の対応方針」を記入します）。
                </td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr className="case-totals" data-testid="case-totals" aria-rowindex={cases.fields.length + 2}>
              <th scope="row">合計</th>
              {CASE_COLUMNS.map((col) => {
                const pick = TOTAL_COLUMNS[col];
                return (
                  <td key={col} className={colClass(col)} data-testid={pick ? `total-${col}` : undefined}>
                    {pick ? sumText(pick(totals), col !== 'inpatientDays' && col !== 'procedures') : col === 'caseNumber' ? `${totals.patients}件` : ''}
                  </td>
                );
              })}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {!frozen && (
        <button ref={addRef} type="button" className="btn" onClick={add}>
          症例を追加
        </button>
      )}
      <Summary totals={totals} />
    </section>
  );
}

/** The MHLW-style numbers of the table (R-R-8, R-R-9). */
function Summary({ totals }: { readonly totals: ReportTotals }) {
  const rows: Array<[string, string]> = [
    ['年間実施件数', `${totals.patients}件`],
    ['平均入院期間', totals.averageStay.kind === 'days' ? `${totals.averageStay.text}日` : totals.averageStay.text],
    ['保険外併用療養費の総額（保険診療分）', yen(totals.insured)],
    ['先進医療総額', yen(totals.advanced)],
    ['総合計', yen(totals.grandTotal)],
    ['転帰', (['治癒', '死亡', '中止', '継続'] as const).map((o) => `${o} ${totals.outcomes[o]}件`).join('、') + (totals.outcomes[''] > 0 ? `、未選択 ${totals.outcomes['']}件` : '')],
  ];
  return (
    <dl className="totals-list report-summary" aria-label="実績報告の集計" data-testid="report-summary">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function yen(t: Total): string {
  return t.value === undefined ? `未確定（読めない値${t.unread}件）` : `${formatYen(t.value)}円`;
}
