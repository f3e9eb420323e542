import { useId, useState, type FormEvent } from 'react';
import type { Finding } from '../../../shared/rules';
import type { Acknowledgement } from './check-data';

const REASON_MAX = 1000;

/**
 * 確認済み (issue 5): a 警告 or 情報 the user has checked is set aside with a reason, and can be
 * brought back. Errors are never acknowledged: this is not rendered for them.
 */
export function AckControls(props: {
  readonly finding: Finding;
  readonly ack: Acknowledgement | undefined;
  readonly onAcknowledge: (finding: Finding, reason: string) => Promise<boolean>;
  readonly onWithdraw: (finding: Finding) => Promise<void>;
}) {
  const { finding, ack } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  if (finding.severity === 'error') return null;

  if (ack) {
    return (
      <div className="ack ack-done">
        <p className="ack-reason">
          <span className="ack-badge">確認済み</span>：{ack.reason}
        </p>
        <button type="button" className="btn btn-small" onClick={() => void props.onWithdraw(finding)}>
          確認済みを取り消す
        </button>
      </div>
    );
  }

  if (!open) {
    return (
      <button type="button" className="btn btn-small" aria-expanded={false} onClick={() => setOpen(true)}>
        確認済みにする
      </button>
    );
  }

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const text = reason.trim();
    if (text === '') {
      setError('確認済みにする理由を入力してください。');
      return;
    }
    if (text.length > REASON_MAX) {
      setError(`理由は${REASON_MAX}文字以内で入力してください。`);
      return;
    }
    setSaving(true);
    const ok = await props.onAcknowledge(finding, text);
    setSaving(false);
    if (ok) {
      setOpen(false);
      setReason('');
    }
  };

  return (
    <form className="ack ack-form" noValidate onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-reason`} className="field-label">
        確認済みにする理由
      </label>
      <textarea
        id={`${id}-reason`}
        className="input textarea"
        rows={2}
        required
        autoFocus
        value={reason}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setError(undefined);
        }}
      />
      {error && (
        <p id={`${id}-error`} className="msg msg-error" role="alert">
          {error}
        </p>
      )}
      <div className="ack-actions">
        <button type="submit" className="btn btn-small btn-primary" disabled={saving}>
          確認済みとして記録する
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          やめる
        </button>
      </div>
    </form>
  );
}
