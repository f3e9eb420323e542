import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { MasterList } from '../../shared/forms/field';
import { LIST_INFO, type PickItem } from './master-lists';

export type AddMaster = (list: MasterList, values: Readonly<Record<string, string>>) => Promise<string>;

interface Common {
  readonly label: string;
  readonly list: MasterList;
  /** Product kinds this field offers (e.g. only 医療機器); the first is preset when adding. */
  readonly kinds?: readonly string[] | undefined;
  readonly items: readonly PickItem[];
  readonly onAdd: AddMaster;
  readonly describedBy: string | undefined;
}

/** One item of master data: a select, plus 「新しく登録」 inline when it is not there yet. */
export function MasterSelect(props: Common & { readonly id: string; readonly value: string; readonly onChange: (id: string) => void }) {
  const info = LIST_INFO[props.list];
  const items = props.items.filter((i) => !props.kinds || i.kind === undefined || props.kinds.includes(i.kind));
  const missing = props.value !== '' && !props.items.some((i) => i.id === props.value);
  return (
    <div className="picker">
      <select id={props.id} className="input" aria-describedby={props.describedBy} value={missing ? '' : props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">（{info.noun}を選んでください）</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.label}
          </option>
        ))}
      </select>
      {missing && <p className="msg msg-warning">選んでいた{info.noun}が台帳から削除されています。選び直してください。</p>}
      <QuickAdd {...props} onAdded={props.onChange} />
    </div>
  );
}

/** Several items of master data in printed order: add, reorder and remove by keyboard and mouse. */
export function MasterMultiSelect(props: Common & { readonly value: readonly string[]; readonly onChange: (ids: string[]) => void }) {
  const info = LIST_INFO[props.list];
  const [choice, setChoice] = useState('');
  const addRef = useRef<HTMLSelectElement>(null);
  const byId = new Map(props.items.map((i) => [i.id, i]));
  const offered = props.items.filter((i) => !props.value.includes(i.id) && (!props.kinds || i.kind === undefined || props.kinds.includes(i.kind)));
  const ids = [...props.value];
  // 「登録して選ぶ」 saves first and picks when the save is done: by then the list may have changed
  // (an item removed meanwhile), so the new item joins the list as it is then, not as it was.
  const latest = useRef(props.value);
  useEffect(() => {
    latest.current = props.value;
  });
  const move = (from: number, to: number): void => {
    const next = [...ids];
    const [x] = next.splice(from, 1);
    if (x !== undefined) next.splice(to, 0, x);
    props.onChange(next);
  };
  return (
    <div className="picker" role="group" aria-label={props.label} aria-describedby={props.describedBy}>
      {ids.length > 0 ? (
        <ol className="picked">
          {ids.map((id, i) => {
            const item = byId.get(id);
            const name = item?.label ?? `（台帳から削除された${info.noun}）`;
            return (
              <li key={id}>
                <span className={item ? '' : 'msg-warning'}>{name}</span>
                <span className="row-actions">
                  <button type="button" className="btn btn-small" disabled={i === 0} aria-label={`${name}を上へ移動`} onClick={() => move(i, i - 1)}>
                    ↑
                  </button>
                  <button type="button" className="btn btn-small" disabled={i === ids.length - 1} aria-label={`${name}を下へ移動`} onClick={() => move(i, i + 1)}>
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`${name}を外す`}
                    onClick={() => {
                      props.onChange(ids.filter((x) => x !== id));
                      addRef.current?.focus();
                    }}
                  >
                    外す
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="picked-empty">まだ選ばれていません。</p>
      )}
      <div className="picker-add">
        <select ref={addRef} className="input" aria-label={`${props.label}に追加する${info.noun}`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">（追加する{info.noun}を選ぶ）</option>
          {offered.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          disabled={choice === ''}
          onClick={() => {
            props.onChange([...ids, choice]);
            setChoice('');
          }}
        >
          追加
        </button>
      </div>
      <QuickAdd {...props} onAdded={(id) => props.onChange([...latest.current.filter((x) => x !== id), id])} />
    </div>
  );
}

/** 「新しく登録」: a few fields inline, saved to the master and picked at once. */
function QuickAdd(props: Common & { readonly onAdded: (id: string) => void }) {
  const info = LIST_INFO[props.list];
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const preset = (): Record<string, string> => {
    const kind = props.kinds?.[0];
    return kind ? { kind } : {};
  };
  if (!open) {
    return (
      <button
        ref={openRef}
        type="button"
        className="btn btn-link"
        onClick={() => {
          setValues(preset());
          setError(undefined);
          setOpen(true);
        }}
      >
        {info.noun}を新しく登録
      </button>
    );
  }
  const fields: ReactNode[] = info.quick.map((f, i) => {
    const options = f.key === 'kind' && props.kinds ? props.kinds : f.options;
    const common = {
      id: `${formId}-${f.key}`,
      className: 'input',
      value: values[f.key] ?? '',
      autoFocus: i === 0,
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f.key]: e.target.value })),
    };
    return (
      <label key={f.key} className="quick-field" htmlFor={common.id}>
        <span>{f.label}</span>
        {options ? (
          <select {...common}>
            <option value="">（選択）</option>
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : (
          <input {...common} autoComplete="off" />
        )}
      </label>
    );
  });
  const close = (): void => {
    setOpen(false);
    queueMicrotask(() => openRef.current?.focus());
  };
  return (
    <div className="quick-add" role="group" aria-label={`${info.noun}を新しく登録`}>
      {fields}
      {error && <p className="msg msg-error">{error}</p>}
      <div className="quick-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || (values[info.quick.find((f) => !f.options)?.key ?? 'name'] ?? '').trim() === ''}
          onClick={() => {
            setBusy(true);
            setError(undefined);
            props
              .onAdd(props.list, values)
              .then((id) => {
                props.onAdded(id);
                close();
              })
              .catch((e: unknown) => setError(e instanceof Error ? e.message : `${info.noun}を登録できませんでした。`))
              .finally(() => setBusy(false));
          }}
        >
          登録して選ぶ
        </button>
        <button type="button" className="btn" onClick={close}>
          やめる
        </button>
        <Link href={info.href} className="quick-more">
          {info.noun}の台帳を開く
        </Link>
      </div>
    </div>
  );
}
