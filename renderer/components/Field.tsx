import { useId, useRef, type ReactNode } from 'react';
import type { FieldMessage } from '../../shared/forms/jizen-soudan/checks';

export interface FieldProps {
  /** Official wording: becomes the accessible name of the input. */
  readonly label: string;
  /** Text the official form prints under the label. */
  readonly guidance?: string;
  readonly help?: string;
  readonly messages?: readonly FieldMessage[];
  readonly children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
  readonly extra?: ReactNode;
  /** 'div' when the field is a group of inputs (a table): its label then names the group. */
  readonly as?: 'label' | 'div';
  /** The answer key: `data-field` lets a チェック結果 finding lead to this field (issue 5). */
  readonly fieldKey?: string;
  /**
   * The one required mark (issue 15): 「必須」 beside the label, marked 未入力 while empty (no second
   * message); 'optional-a' = 「先進医療Aは省略可」 for an item only 先進医療B requires.
   */
  readonly required?: { readonly mark: 'required' | 'optional-a'; readonly empty: boolean };
  /**
   * The label is also the heading of its form section (様式第3号 「４．予測される安全性情報」): it is
   * shown once, as the heading, and the jump list leads to it (`id`).
   */
  readonly heading?: { readonly id: string; readonly level: 2 | 3; readonly number?: string };
  /**
   * Carried from an earlier project and not yet confirmed (issue 19): 「要確認」 beside the label, read
   * with the field, and 「確認済みにする」.
   */
  readonly unconfirmed?: { readonly onConfirm: () => void };
}

/** A label, the form's own guidance, our help, the input and its messages, wired for screen readers. */
export function Field({ label, guidance, help, messages = [], children, extra, as = 'label', fieldKey, required, heading, unconfirmed }: FieldProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const describedBy = [unconfirmed ? `${id}-unconfirmed` : '', required ? `${id}-req` : '', guidance ? `${id}-guide` : '', help ? `${id}-help` : '', messages.length ? `${id}-msg` : '', extra ? `${id}-extra` : '']
    .filter(Boolean)
    .join(' ') || undefined;
  const text =
    as === 'label' ? (
      <label htmlFor={id} id={`${id}-label`} className="field-label">
        {label}
      </label>
    ) : (
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
    );
  const H = heading?.level === 3 ? 'h3' : 'h2';
  return (
    <div ref={box} className={unconfirmed ? 'field field-unconfirmed' : 'field'} data-field={fieldKey}>
      <div className="field-label-row">
        {heading ? (
          <H id={heading.id} className="section-heading" tabIndex={-1}>
            {heading.number && <span className="section-number">{heading.number} </span>}
            {text}
          </H>
        ) : (
          text
        )}
        {required && <RequiredMark id={`${id}-req`} {...required} />}
        {unconfirmed && (
          <span className="report-flag">
            <span className="badge badge-unconfirmed" id={`${id}-unconfirmed`}>
              要確認
            </span>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`${label}を確認済みにする`}
              onClick={() => {
                // The button goes once confirmed: the keyboard stays on the field it was about.
                box.current?.querySelector<HTMLElement>('textarea, input, select')?.focus();
                unconfirmed.onConfirm();
              }}
            >
              確認済みにする
            </button>
          </span>
        )}
      </div>
      {guidance && (
        <p id={`${id}-guide`} className="field-guidance">
          {guidance}
        </p>
      )}
      {children({ id, describedBy })}
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
      <FieldMessages id={`${id}-msg`} messages={messages} />
      {extra && <div id={`${id}-extra`}>{extra}</div>}
    </div>
  );
}

export function FieldMessages({ id, messages }: { readonly id: string; readonly messages: readonly FieldMessage[] }) {
  return (
    <div id={id} className="field-messages" aria-live="polite">
      {messages.map((m, i) => (
        <p key={i} className={`msg msg-${m.severity}`} data-rule={m.ruleId}>
          <span className="msg-icon" aria-hidden="true">{m.severity === 'info' ? 'ℹ' : '⚠'}</span>
          {m.message}
        </p>
      ))}
    </div>
  );
}

/** 「必須」 by the label; while the field is empty it is drawn as an open mark, and read as 「必須（未入力）」. */
function RequiredMark({ id, mark, empty }: { readonly id: string; readonly mark: 'required' | 'optional-a'; readonly empty: boolean }) {
  if (mark === 'optional-a') {
    return (
      <span id={id} className="req-mark req-optional">
        先進医療Aは省略可
      </span>
    );
  }
  return (
    <span id={id} className={empty ? 'req-mark req-empty' : 'req-mark'} data-testid="required-mark">
      必須{empty && <span className="visually-hidden">（未入力）</span>}
    </span>
  );
}
