import { useState } from 'react';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { FILING_METHODS, FILING_STATUS_LABEL, filingLabel, type Filing, type FilingMethod, type FilingStatus } from '../../../shared/filings/filing';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FilePick } from '../../components/FilePick';
import { today, type MoveInput } from './filing-actions';
import { DateInput } from '../../components/DateInput';

/**
 * Records one status move of a filing: the day (and, for 提出済み, how it was sent). What is typed
 * stays in the dialog when the move is refused; the reason is shown beside the fields.
 */
export function StatusDialog(props: {
  readonly filing: Filing;
  readonly status: FilingStatus;
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly onConfirm: (input: MoveInput) => void;
  readonly onCancel: () => void;
}) {
  const { filing, status } = props;
  const [date, setDate] = useState(today());
  const [method, setMethod] = useState<FilingMethod | ''>('');
  const [note, setNote] = useState('');
  const [sentPdf, setSentPdf] = useState<{ name: string; bytes: Uint8Array }>();
  const [pickError, setPickError] = useState<string>();
  const [tried, setTried] = useState(false);
  const label = FILING_STATUS_LABEL[status];
  const dateProblem = parseIsoDate(date) === undefined ? '日付を入力してください。' : undefined;
  const methodProblem = status === 'filed' && method === '' ? '提出方法を選んでください。' : undefined;
  const messages = (m: string | undefined) => (tried && m ? [{ ruleId: 'FILING', severity: 'error' as const, message: m }] : []);
  const confirm = (): void => {
    setTried(true);
    if (dateProblem || methodProblem || props.busy) return;
    props.onConfirm({ status, date, note, ...(method !== '' ? { method } : {}), ...(sentPdf ? { sentPdf } : {}) });
  };
  return (
    <ConfirmDialog
      open
      title={`${filingLabel(filing)}：${label}を記録`}
      confirmLabel={props.busy ? '保存中…' : status === 'filed' ? '提出済みにして控えを保存' : `${label}を記録する`}
      onConfirm={confirm}
      onCancel={props.onCancel}
    >
      {status === 'filed' && (
        <p>
          提出した内容を、そのときの書類（PDF・Word）と入力内容ごと「提出済みの控え」として保存します。あとで職員名簿・マスタ・設定・費用を変えても、この控えは変わりません。
        </p>
      )}
      <Field label={status === 'filed' ? '提出日' : `${label}の日付`} messages={messages(dateProblem)}>
        {({ id, describedBy }) => <DateInput id={id} value={date} aria-describedby={describedBy} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      {status === 'filed' && (
        <Field label="提出方法" messages={messages(methodProblem)}>
          {({ id, describedBy }) => (
            <select id={id} value={method} aria-describedby={describedBy} onChange={(e) => setMethod(FILING_METHODS.find((m) => m === e.target.value) ?? '')}>
              <option value="">選んでください</option>
              {FILING_METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {status === 'filed' && (
        <div className="field">
          <p className="field-label">実際に提出したPDF（任意）</p>
          <p className="field-help">押印・署名してスキャンしたものなど、送ったファイルがあれば控えに一緒に保存します。</p>
          <FilePick
            label={sentPdf ? `選択中：${sentPdf.name}（選び直す）` : '提出したPDFを選ぶ'}
            accept=".pdf,application/pdf"
            disabled={props.busy}
            onFile={(f) => {
              setPickError(undefined);
              if (f.size > 64 * 1024 * 1024) {
                setPickError('PDFが大きすぎます（64 MBまで）。');
                return;
              }
              f.arrayBuffer().then(
                (b) => setSentPdf({ name: f.name, bytes: new Uint8Array(b) }),
                () => setPickError('ファイルを読み込めませんでした。'),
              );
            }}
          />
          {pickError && (
            <p className="msg msg-error" role="alert">
              {pickError}
            </p>
          )}
        </div>
      )}
      <Field label="メモ（任意）">
        {({ id, describedBy }) => <textarea id={id} rows={2} value={note} maxLength={1000} aria-describedby={describedBy} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      {props.error && (
        <p className="notice notice-error" role="alert">
          {props.error}
        </p>
      )}
    </ConfirmDialog>
  );
}
