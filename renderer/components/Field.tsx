import { useId, type ReactNode } from 'react';
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
}

/** A label, the form's own guidance, our help, the input and its messages, wired for screen readers. */
export function Field({ label, guidance, help, messages = [], children, extra, as = 'label', fieldKey }: FieldProps) {
  const id = useId();
  const describedBy = [guidance ? `${id}-guide` : '', help ? `${id}-help` : '', messages.length ? `${id}-msg` : '', extra ? `${id}-extra` : '']
    .filter(Boolean)
    .join(' ') || undefined;
  return (
    <div className="field" data-field={fieldKey}>
      {as === 'label' ? (
        <label htmlFor={id} className="field-label">
          {label}
        </label>
      ) : (
        <p className="field-label" id={`${id}-label`}>
          {label}
        </p>
      )}
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
