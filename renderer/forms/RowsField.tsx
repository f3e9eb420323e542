import { useRef } from 'react';
import { useFieldArray, type Control, type FieldValues, type UseFormRegister } from 'react-hook-form';
import { emptyRow, type ComputedColumn, type TableColumn, type TableRowValue } from '../../shared/forms/field';
import { LineText } from '../components/LineText';
import { RemoveRowButton } from '../components/RemoveRowButton';
import { usePreviewHidden } from '../components/use-remembered';

/**
 * A repeating table in a form: add, remove and reorder rows with buttons that work by keyboard
 * and mouse. Every cell input is labelled with its official column heading and row number.
 */
export function RowsField(props: {
  readonly name: string;
  readonly label: string;
  readonly columns: readonly TableColumn[];
  readonly control: Control<FieldValues>;
  readonly register: UseFormRegister<FieldValues>;
  readonly describedBy: string | undefined;
  /** Columns worked out from the typed cells (小計 = 点数 × 回数), shown read-only after them. */
  readonly computed?: readonly ComputedColumn[] | undefined;
  /** The computed line under the rows (「合計 103,867点（1,038,670円）」). */
  readonly summary?: ((rows: readonly Readonly<TableRowValue>[]) => string) | undefined;
  /** The rows as committed (never mid-IME), for the computed cells and the summary. */
  readonly committedRows?: ReadonlyArray<Readonly<TableRowValue> | undefined> | undefined;
}) {
  const computed = props.computed ?? [];
  const committedRows = props.committedRows ?? [];
  const rows = useFieldArray({ control: props.control, name: props.name });
  const addRef = useRef<HTMLButtonElement>(null);
  const [previewHidden, hidePreview] = usePreviewHidden();
  return (
    <div className={props.columns.length > 3 ? 'rows-field rows-many' : 'rows-field'} role="group" aria-label={props.label} aria-describedby={props.describedBy}>
      {/* A wide table beside the preview is stacked row by row; it can take the preview's width (issue 15). */}
      {!previewHidden && props.columns.length > 3 && (
        <button
          type="button"
          className="btn btn-small rows-widen"
          onClick={(e) => {
            // The button goes away: focus moves to the table's first cell.
            const group = e.currentTarget.parentElement;
            hidePreview(true);
            requestAnimationFrame(() => group?.querySelector<HTMLElement>('td textarea, td input, td select')?.focus());
          }}
        >
          プレビューを隠して表を広げる
        </button>
      )}
      <div className="table-scroll">
        <table className="grid">
          <thead>
            <tr>
              <th scope="col" className="col-num">
                <span className="visually-hidden">行</span>
              </th>
              {props.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
              {computed.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((f, i) => (
              <tr key={f.id}>
                <td className="col-num">{i + 1}<span className="row-num-unit">行目</span></td>
                {props.columns.map((c) => (
                  // data-label: the column heading shown above the cell when the rows are stacked.
                  <td key={c.key} data-label={c.label}>
                    <LineText aria-label={`${c.label}（${i + 1}行目）`} {...props.register(`${props.name}.${i}.${c.key}`)} />
                  </td>
                ))}
                {computed.map((c) => {
                  const row = committedRows[i];
                  return (
                    <td key={c.key} data-label={c.label} className="col-computed">
                      <output aria-label={`${c.label}（${i + 1}行目）`}>{row ? c.value(row) : ''}</output>
                    </td>
                  );
                })}
                <td className="row-actions">
                  <button type="button" className="btn btn-small" disabled={i === 0} aria-label={`${i + 1}行目を上へ移動`} onClick={() => rows.move(i, i - 1)}>
                    ↑
                  </button>
                  <button type="button" className="btn btn-small" disabled={i === rows.fields.length - 1} aria-label={`${i + 1}行目を下へ移動`} onClick={() => rows.move(i, i + 1)}>
                    ↓
                  </button>
                  <RemoveRowButton label={`${i + 1}行目を削除`} onRemove={() => rows.remove(i)} focusAfter={addRef} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.summary && (
        <p className="rows-summary" role="status">
          {props.summary(committedRows.filter((r): r is Readonly<TableRowValue> => r !== undefined))}
        </p>
      )}
      <button ref={addRef} type="button" className="btn" disabled={rows.fields.length >= 200} onClick={() => rows.append(emptyRow(props.columns))}>
        {props.label}に行を追加
      </button>
    </div>
  );
}
